"""Word 97-2003 (.doc) through Debian's antiword, or catdoc for what antiword refuses; RTF."""

import os
import shutil
import subprocess

from ..text import normalize
from .base import Problem, ReadResult

# The largest .doc we read: its text comes back through a pipe, and antiword is no sandbox.
MAX_TOOL_OUTPUT = 64 * 1024 * 1024


def read_doc(job):
    antiword = shutil.which("antiword")
    catdoc = shutil.which("catdoc")
    if not antiword and not catdoc:
        raise Problem("doc_unavailable")
    # antiword keeps tables and lists in shape; catdoc reads Word 6/95 and fast-saved files.
    attempts = []
    if antiword:
        attempts.append([antiword, "-w", "0", "-m", "UTF-8.txt", job.path])
    if catdoc:
        attempts.append([catdoc, "-d", "utf-8", "-w", job.path])
    errors = []
    for argv in attempts:
        output, error = _run(argv, job)
        if "encrypted" in error.lower():
            raise Problem("password")
        if output.strip():
            return ReadResult(text=normalize(output))
        errors.append(error.strip())
    # One of the tools answered without error but found nothing: the document has no text.
    if any(not error for error in errors):
        return ReadResult(text="")
    raise Problem("damaged", " | ".join(errors))


def _run(argv, job):
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    if "HOME" in os.environ:
        environment["HOME"] = os.environ["HOME"]
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv; the path is a plain argument
            argv,
            capture_output=True,
            timeout=max(job.remaining(), 0.1),
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired as error:
        raise Problem("timeout") from error
    output = result.stdout[:MAX_TOOL_OUTPUT].decode("utf-8", "replace")
    error = result.stderr[:4096].decode("utf-8", "replace")
    if result.returncode != 0 and not error:
        error = f"{os.path.basename(argv[0])} exited with {result.returncode}"
    return output, error


def read_rtf(job):
    from striprtf.striprtf import rtf_to_text

    with open(job.path, "rb") as stream:
        # RTF is 7-bit ASCII with escapes; bytes beyond it come from old Windows editors.
        source = stream.read().decode("cp1252", "replace")
    return ReadResult(text=normalize(rtf_to_text(source, errors="ignore")))
