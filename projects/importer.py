"""CSV import of the projects database (`manage.py import_projects`).

Three steps, so that nothing is ever half imported:

1. The file as a whole: encoding (UTF-8, with or without BOM; Windows-1252 only when asked
   for), delimiter (comma, semicolon or tab) and columns (none unknown, none required missing).
   Any problem here refuses the whole file, with the reason.
2. Each row, without writing anything: values read and checked with the same rules as the
   admin's forms (coordinates in range, département in its région...). A row that fails is
   rejected with its reasons; a row repeating a project already seen in the file is rejected
   as a duplicate of that line.
3. The accepted rows, written in one transaction: a project already in the database (same
   name, commune and département: `models.project_key`) is updated, or skipped with
   `update_existing=False`; the others are created. Rows identical to the database are counted
   as unchanged, so importing the same file twice changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .csv_format import (
    COLUMNS,
    HEADER_ALIASES,
    LIST_COLUMNS,
    REASON_COLUMN,
    REQUIRED_COLUMNS,
    CellError,
    derived_region,
    fold,
    parse_scalar,
    parse_terms,
)
from .models import EcologicalFeature, Project, Public, project_key

CREATED, UPDATED, UNCHANGED, SKIPPED, REJECTED = (
    "created",
    "updated",
    "unchanged",
    "skipped",
    "rejected",
)
ENCODINGS = ("utf-8", "cp1252")
DELIMITERS = (",", ";", "\t")
MAX_ROWS = 50_000


class CsvFileError(Exception):
    """The file cannot be imported at all; nothing was written."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class CsvTable:
    columns: list  # our column names, in the file's order
    rows: list  # [(line number, {column: text})]
    delimiter: str
    encoding: str


@dataclass
class RowOutcome:
    line: int
    name: str
    status: str
    reasons: list = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    project: Project | None = None
    terms: dict = field(default_factory=dict)  # {"publics": [...], "ecological_features": [...]}

    @property
    def reason(self):
        return " ".join(self.reasons)


@dataclass
class ImportReport:
    outcomes: list = field(default_factory=list)
    table: CsvTable | None = None
    written: bool = False

    def count(self, status):
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def rejected(self):
        return [outcome for outcome in self.outcomes if outcome.status == REJECTED]


# 1. The file


def decode(data, encoding="utf-8"):
    if encoding not in ENCODINGS:
        raise CsvFileError(
            _("Unsupported encoding %(encoding)s: use utf-8 or cp1252.") % {"encoding": encoding}
        )
    if data[:4] == b"PK\x03\x04":
        raise CsvFileError(
            _(
                "This is a spreadsheet (XLSX or ODS), not a CSV file: save it as "
                "“CSV UTF-8 (comma delimited)” and import that file."
            )
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        raise CsvFileError(
            _(
                "This file is in UTF-16 (“Unicode text”): save it as "
                "“CSV UTF-8 (comma delimited)” and import that file."
            )
        )
    try:
        return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if encoding == "utf-8":
            raise CsvFileError(
                _(
                    "The file is not in UTF-8: line %(line)s has the byte 0x%(byte)s, which "
                    "UTF-8 does not allow. Save it as “CSV UTF-8”, or, for a file from an older "
                    "Excel for Windows, import it again with --encoding cp1252."
                )
                % {"line": line, "byte": f"{data[error.start]:02x}"}
            ) from None
        raise CsvFileError(
            _("The file cannot be read as %(encoding)s (line %(line)s).")
            % {"encoding": encoding, "line": line}
        ) from None


def _delimiter(header_line):
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_table(data, encoding="utf-8"):
    """Decode and parse the file; refuse it whole when its structure is wrong."""
    text = decode(data, encoding)
    if not text.strip():
        raise CsvFileError(_("The file is empty."))
    delimiter = _delimiter(text.lstrip().split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
        columns = _columns(header)
        rows, previous_line = [], reader.line_num
        for cells in reader:
            line, previous_line = previous_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines are not rows
            if len(rows) >= MAX_ROWS:
                raise CsvFileError(
                    _("The file has more than %(max)s rows: split it.") % {"max": MAX_ROWS}
                )
            rows.append((line, cells))
    except csv.Error as error:
        raise CsvFileError(
            _("The file is not valid CSV (line %(line)s: %(error)s).")
            % {"line": reader.line_num, "error": error}
        ) from None
    except StopIteration:
        raise CsvFileError(_("The file is empty.")) from None
    return CsvTable(columns, _as_dicts(columns, rows), delimiter, encoding)


def _columns(header):
    columns, unknown, repeated = [], [], []
    for cell in header:
        column = HEADER_ALIASES.get(fold(cell))
        if column is None:
            unknown.append(cell.strip() or _("(empty header)"))
        elif column in columns:
            repeated.append(cell.strip())
        columns.append(column)
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    problems = []
    if unknown:
        problems.append(
            _("Unknown columns: %(columns)s.")
            % {"columns": ", ".join(f"“{name}”" for name in unknown)}
        )
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if repeated:
        problems.append(
            _("Columns given twice: %(columns)s.")
            % {"columns": ", ".join(f"“{name}”" for name in repeated)}
        )
    if problems:
        problems.append(
            _("The columns are: %(columns)s (required: %(required)s).")
            % {"columns": ", ".join(COLUMNS), "required": ", ".join(REQUIRED_COLUMNS)}
        )
        raise CsvFileError(" ".join(problems))
    return columns


def _as_dicts(columns, rows):
    table = []
    for line, cells in rows:
        values = {column: cell.strip() for column, cell in zip(columns, cells, strict=False)}
        if len(cells) != len(columns):
            values["__cells__"] = len(cells)
        table.append((line, values))
    return table


# 2 and 3. The rows


class ProjectImporter:
    def __init__(self, *, update_existing=True):
        self.update_existing = update_existing
        self.terms = {
            "publics": self._terms(Public),
            "ecological_features": self._terms(EcologicalFeature),
        }

    @staticmethod
    def _terms(model):
        terms = {}
        for term in model.objects.all():
            terms[fold(term.slug)] = term
            terms[fold(term.name)] = term
        return terms

    def check(self, table, on_row=None):
        """Read and validate every row; nothing is written."""
        parsed = [self._parse(table, line, raw) for line, raw in table.rows]
        keys = {outcome.project.key for outcome in parsed if outcome.status != REJECTED}
        existing = {
            project.key: project
            for project in Project.objects.filter(key__in=keys).prefetch_related(
                "publics", "ecological_features"
            )
        }
        seen = {}
        outcomes = []
        for outcome in parsed:
            if outcome.status != REJECTED:
                self._validate(outcome, table.columns, existing, seen)
            outcomes.append(outcome)
            if on_row:
                on_row(outcome)
        return outcomes

    def _parse(self, table, line, raw):
        outcome = RowOutcome(line=line, name=raw.get("name", ""), status=CREATED, raw=raw)
        if "__cells__" in raw:
            outcome.status = REJECTED
            outcome.reasons.append(
                _("This line has %(cells)s values but the header has %(columns)s columns.")
                % {"cells": raw["__cells__"], "columns": len(table.columns)}
            )
            return outcome
        values = {}
        for column in table.columns:
            if column == REASON_COLUMN:
                continue
            value = raw.get(column, "")
            try:
                if column in LIST_COLUMNS:
                    what = _("publics") if column == "publics" else _("ecological features")
                    outcome.terms[column] = parse_terms(value, self.terms[column], what)
                else:
                    values[column] = parse_scalar(column, value)
            except CellError as error:
                outcome.reasons.append(f"{column}: {error}")
        for column in REQUIRED_COLUMNS:
            if column != "region" and column in values and values[column] in ("", None):
                outcome.reasons.append(f"{column}: {_('this value is required.')}")
        if outcome.reasons:
            outcome.status = REJECTED
            return outcome
        values["region"] = derived_region(values)
        outcome.project = Project(**values)
        outcome.project.key = project_key(values["name"], values["commune"], values["department"])
        return outcome

    def _validate(self, outcome, columns, existing, seen):
        key = outcome.project.key
        if key in seen:
            outcome.status = REJECTED
            outcome.reasons.append(
                _("Duplicate: the same project (name, commune, département) as line %(line)s.")
                % {"line": seen[key]}
            )
            return
        fields = [
            column for column in columns if column not in LIST_COLUMNS and column != REASON_COLUMN
        ]
        current = existing.get(key)
        if current is not None:
            before = {column: getattr(current, column) for column in fields}
            before_terms = {
                column: {term.pk for term in getattr(current, column).all()}
                for column in outcome.terms
            }
            for column in fields:
                setattr(current, column, getattr(outcome.project, column))
            outcome.project = current
        try:
            outcome.project.full_clean(exclude=["key"], validate_unique=False)
        except ValidationError as error:
            outcome.status = REJECTED
            for column, messages in error.message_dict.items():
                prefix = "" if column == "__all__" else f"{column}: "
                outcome.reasons.extend(f"{prefix}{message}" for message in messages)
            return
        seen[key] = outcome.line
        if current is None:
            outcome.status = CREATED
        elif not self.update_existing:
            outcome.status = SKIPPED
        else:
            after_terms = {
                column: {term.pk for term in terms} for column, terms in outcome.terms.items()
            }
            same = before == {column: getattr(current, column) for column in fields}
            outcome.status = UNCHANGED if same and before_terms == after_terms else UPDATED

    @transaction.atomic
    def save(self, outcomes, on_row=None):
        """Write the accepted rows, all in one transaction."""
        for outcome in outcomes:
            if outcome.status in (CREATED, UPDATED):
                outcome.project.save()
                for column, terms in outcome.terms.items():
                    getattr(outcome.project, column).set(terms)
            if on_row:
                on_row(outcome)

    def run(self, data, *, encoding="utf-8", dry_run=False, strict=False):
        """The whole import, for callers without a progress bar. With `strict`, a single
        rejected row means nothing is written."""
        table = read_table(data, encoding)
        report = ImportReport(outcomes=self.check(table), table=table)
        if not dry_run and not (strict and report.rejected):
            self.save(report.outcomes)
            report.written = True
        return report
