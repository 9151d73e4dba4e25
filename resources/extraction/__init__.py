"""Text extraction for the resource centre: what a document says, read in a sandboxed child.

    from resources.extraction import extract_file, check_upload, Extraction, UploadRefused

`extract_file` reads one file in a child process under memory, CPU and wall-clock limits and
never raises for a bad file; `Extractor` keeps one such child for many files (bulk imports).
`check_upload` refuses an upload whose content does not match its name before it is stored.
"""

# The worker runs as `python -m resources.extraction.worker`, which imports this package first:
# the public names load on first use, so that the worker does not pay for Django's imports.
_EXPORTS = {
    "Extraction": "runner",
    "Extractor": "runner",
    "extract_file": "runner",
    "DONE": "runner",
    "EMPTY": "runner",
    "PROTECTED": "runner",
    "FAILED": "runner",
    "check_upload": "upload",
    "UploadRefused": "upload",
}
__all__ = list(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value
