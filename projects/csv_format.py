"""The CSV format of the projects database, shared by the import and the export so that an
exported file imports back unchanged.

One row per project, a header row with these column names (French names are accepted too, see
HEADER_ALIASES). Several publics or ecological features go in one cell, separated by "|" or
";". Stages, legal forms and taxonomies are read by code or by name, in English or in French,
however accented.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from home.regions import DEPARTMENT_REGIONS, department_code, region_code

from .models import LegalForm, Stage

COLUMNS = [
    "name",
    "commune",
    "department",
    "region",
    "latitude",
    "longitude",
    "stage",
    "year",
    "homes",
    "legal_form",
    "social_landlord",
    "municipality",
    "publics",
    "ecological_features",
    "website",
    "contact_email",
    "description",
]
REQUIRED_COLUMNS = ["name", "commune", "department", "region", "stage"]
# The import's report of rejected rows adds this column; the import ignores it, so the report
# imports back once its rows are fixed.
REASON_COLUMN = "reason"
# The export anyone can download: the contact address is never shown.
PUBLIC_COLUMNS = [column for column in COLUMNS if column != "contact_email"]
LIST_COLUMNS = {"publics", "ecological_features"}
EXPORT_LIST_SEPARATOR = " | "


def fold(text):
    """Lowercase, unaccented, with only letters and digits: how names are compared."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return "".join(char for char in text if char.isalnum())


HEADER_ALIASES = {
    fold(alias): column
    for alias, column in [
        ("nom", "name"),
        ("nom du projet", "name"),
        ("projet", "name"),
        ("département", "department"),
        ("région", "region"),
        ("étape", "stage"),
        ("stade", "stage"),
        ("année", "year"),
        ("logements", "homes"),
        ("nombre de logements", "homes"),
        ("forme juridique", "legal_form"),
        ("bailleur social", "social_landlord"),
        ("collectivité", "municipality"),
        ("commune partenaire", "municipality"),
        ("publics", "publics"),
        ("caractéristiques écologiques", "ecological_features"),
        ("écologie", "ecological_features"),
        ("site web", "website"),
        ("site internet", "website"),
        ("email de contact", "contact_email"),
        ("courriel", "contact_email"),
        ("présentation", "description"),
    ]
} | {fold(column): column for column in [*COLUMNS, REASON_COLUMN]}

# French names of the choices, as the movement writes them.
STAGE_ALIASES = {
    "idee": Stage.IDEA,
    "groupeconstitue": Stage.GROUP,
    "groupeforme": Stage.GROUP,
    "groupe": Stage.GROUP,
    "etudes": Stage.STUDIES,
    "etude": Stage.STUDIES,
    "enetudes": Stage.STUDIES,
    "chantier": Stage.CONSTRUCTION,
    "enchantier": Stage.CONSTRUCTION,
    "construction": Stage.CONSTRUCTION,
    "enconstruction": Stage.CONSTRUCTION,
    "habite": Stage.INHABITED,
    "livre": Stage.INHABITED,
    "abouti": Stage.INHABITED,
}
LEGAL_FORM_ALIASES = {
    "cooperativedhabitants": LegalForm.COOPERATIVE,
    "cooperative": LegalForm.COOPERATIVE,
    "societedattributionetdautopromotion": LegalForm.SELF_DEVELOPMENT,
    "saa": LegalForm.SELF_DEVELOPMENT,
    "scia": LegalForm.SCIA,
    "societecivileimmobilieredattribution": LegalForm.SCIA,
    "sci": LegalForm.SCI,
    "societecivileimmobiliere": LegalForm.SCI,
    "sccc": LegalForm.SCCC,
    "sas": LegalForm.SAS,
    "association": LegalForm.ASSOCIATION,
    "copropriete": LegalForm.CONDOMINIUM,
    "brs": LegalForm.BRS,
    "bailreelsolidaire": LegalForm.BRS,
    "locationsociale": LegalForm.SOCIAL_RENTAL,
    "autre": LegalForm.OTHER,
}


class CellError(Exception):
    """A value that cannot be read, with the message for the report."""


def _choice(value, choices, aliases, what):
    key = fold(value)
    for code, label in choices:
        if key in (fold(code), fold(label)):
            return code
    if key in aliases:
        return aliases[key]
    raise CellError(
        _("Unknown %(what)s “%(value)s” (expected one of: %(choices)s).")
        % {"what": what, "value": value, "choices": ", ".join(code for code, _l in choices)}
    )


def _number(value, kind, what):
    text = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise CellError(
            _("“%(value)s” is not a number (%(what)s).") % {"value": value, "what": what}
        ) from None
    if kind is int:
        if not number.is_integer():
            raise CellError(
                _("“%(value)s” is not a whole number (%(what)s).") % {"value": value, "what": what}
            )
        return int(number)
    return number


def parse_department(value):
    code = department_code(value)
    if code is None:
        raise CellError(_("Unknown département “%(value)s”.") % {"value": value})
    return code


def parse_region(value):
    code = region_code(value)
    if code is None:
        raise CellError(_("Unknown région “%(value)s”.") % {"value": value})
    return code


def parse_website(value):
    if "://" not in value:
        value = f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise CellError(_("“%(value)s” is not a web address.") % {"value": value}) from None
    return value


def parse_email(value):
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(_("“%(value)s” is not an email address.") % {"value": value}) from None
    return value


def split_list(value):
    return [item.strip() for item in value.replace(";", "|").split("|") if item.strip()]


def parse_terms(value, terms, what):
    """Taxonomy terms by slug or name; `terms` maps fold(slug) and fold(name) to a term."""
    found, unknown = [], []
    for item in split_list(value):
        term = terms.get(fold(item))
        if term is None:
            unknown.append(item)
        elif term not in found:
            found.append(term)
    if unknown:
        raise CellError(
            _("Unknown %(what)s: %(values)s.")
            % {"what": what, "values": ", ".join(f"“{item}”" for item in unknown)}
        )
    return found


def parse_scalar(column, value):
    """The value of one cell of a column that is not a list; "" when it is empty."""
    if value == "":
        return None if column in ("latitude", "longitude", "year", "homes") else ""
    if column == "department":
        return parse_department(value)
    if column == "region":
        return parse_region(value)
    if column == "stage":
        return _choice(value, Stage.choices, STAGE_ALIASES, _("stage"))
    if column == "legal_form":
        return _choice(value, LegalForm.choices, LEGAL_FORM_ALIASES, _("legal form"))
    if column in ("latitude", "longitude"):
        return _number(value, float, column)
    if column in ("year", "homes"):
        return _number(value, int, column)
    if column == "website":
        return parse_website(value)
    if column == "contact_email":
        return parse_email(value)
    return value


def derived_region(values):
    """A blank région is the département's."""
    if not values.get("region") and values.get("department"):
        return DEPARTMENT_REGIONS[values["department"]]
    return values.get("region")


def export_row(project, columns):
    """One project as CSV cells (taxonomies by name, choices by code)."""
    cells = []
    for column in columns:
        if column in LIST_COLUMNS:
            cells.append(
                EXPORT_LIST_SEPARATOR.join(term.name for term in getattr(project, column).all())
            )
        else:
            value = getattr(project, column)
            cells.append("" if value is None else str(value))
    return cells
