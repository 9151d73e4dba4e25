#!/usr/bin/env bash
# Debian packages the project calls as programs (document extraction, end-to-end tests):
#   tesseract-ocr, tesseract-ocr-fra  OCR of scanned PDFs (French model)
#   antiword, catdoc                  legacy Word .doc (catdoc reads what antiword refuses)
#   poppler-utils                     pdftotext, the reference in bench/extraction.py
#   qpdf                              builds a password-protected PDF in the tests
#   libpango-1.0-0, libpangoft2-1.0-0,
#   libharfbuzz-subset0, fonts-dejavu-core
#                                     WeasyPrint's libraries (PDF of the advocacy kits) and a
#                                     font with every French glyph
#   chromium                          the browser of the end-to-end tests (Playwright drives it)
#   nginx                             the proxy of docs/deployment.md, run by
#                                     tests/ops/test_deployment.py as the current user
#                                     (apt may also start Debian's own nginx on port 80
#                                     where services start on install)
#   postgresql-client-15              pg_dump / pg_restore for `manage.py backup` and `restore`
# Installs only what is missing, so it is quiet and fast when everything is there.
set -euo pipefail

PACKAGES=(tesseract-ocr tesseract-ocr-fra antiword catdoc poppler-utils qpdf
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium
    nginx postgresql-client-15)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null | grep -qx installed; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
