import time
from dataclasses import dataclass, field


class Problem(Exception):
    """Why a file gave no text; `code` is one of `resources.extraction.messages.REASONS`."""

    def __init__(self, code, detail="", *, page_count=None, notes=()):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
        self.page_count = page_count
        self.notes = list(notes)


@dataclass
class Job:
    path: str
    name: str
    # time.monotonic() by which the worker should have answered; the parent kills it later.
    deadline: float
    ocr_max_pages: int
    # What went wrong without stopping the job, for the caller's log.
    details: list = field(default_factory=list)

    def remaining(self):
        return self.deadline - time.monotonic()

    def log(self, message):
        self.details.append(message)


@dataclass
class ReadResult:
    text: str
    page_count: int | None = None
    layer: str = "text"
    # (code, count) pairs for `resources.extraction.messages.NOTES`; count may be None.
    notes: list = field(default_factory=list)
