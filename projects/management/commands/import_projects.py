import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from projects.csv_format import REASON_COLUMN
from projects.importer import (
    CREATED,
    ENCODINGS,
    REJECTED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    CsvFileError,
    ProjectImporter,
    read_table,
)


class Command(BaseCommand):
    help = (
        "Import housing projects from a CSV file (columns: see README). Rows are checked one by "
        "one and the rejected ones reported with their reasons; the accepted ones are written "
        "in one transaction. A project already recorded (same name, commune and département) "
        "is updated, so importing the same file twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file.")
        parser.add_argument(
            "--encoding",
            default="utf-8",
            choices=ENCODINGS,
            help="utf-8 (default, with or without BOM) or cp1252 for older Excel for Windows.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, change nothing."
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Leave projects already recorded as they are instead of updating them.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing at all if a single row is rejected.",
        )
        parser.add_argument(
            "--rejected",
            metavar="FILE",
            help="Write the rejected rows to this CSV file, with a 'reason' column, to fix them.",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        try:
            table = read_table(path.read_bytes(), options["encoding"])
        except CsvFileError as error:
            raise CommandError(
                _("%(file)s was not imported: %(reason)s") % {"file": path.name, "reason": error}
            ) from None
        importer = ProjectImporter(update_existing=not options["skip_existing"])
        with self._progress(console) as progress:
            task = progress.add_task(_("Checking"), total=len(table.rows))
            outcomes = importer.check(table, on_row=lambda _row: progress.advance(task))
        rejected = [outcome for outcome in outcomes if outcome.status == REJECTED]
        refused = options["strict"] and rejected
        if not options["dry_run"] and not refused:
            with self._progress(console) as progress:
                task = progress.add_task(_("Saving"), total=len(outcomes))
                importer.save(outcomes, on_row=lambda _row: progress.advance(task))
        self._summarise(console, outcomes, written=not options["dry_run"] and not refused)
        if rejected:
            self._list_rejected(console, rejected)
            if options["rejected"]:
                self._write_rejected(Path(options["rejected"]), table, rejected)
                console.print(
                    _("Rejected rows written to %(file)s.") % {"file": options["rejected"]}
                )
        if refused:
            raise CommandError(
                _("Nothing was imported (--strict): %(count)s rows were rejected.")
                % {"count": len(rejected)}
            )

    @staticmethod
    def _progress(console):
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        return Progress(*columns, console=console, transient=console.is_terminal)

    def _summarise(self, console, outcomes, written):
        if written:
            labels = {
                CREATED: _("created"),
                UPDATED: _("updated"),
                UNCHANGED: _("unchanged (already up to date)"),
                SKIPPED: _("skipped (already recorded, --skip-existing)"),
                REJECTED: _("rejected"),
            }
            title = _("Import summary")
        else:
            labels = {
                CREATED: _("would be created"),
                UPDATED: _("would be updated"),
                UNCHANGED: _("unchanged (already up to date)"),
                SKIPPED: _("would be skipped (already recorded)"),
                REJECTED: _("rejected"),
            }
            title = _("Nothing was changed")
        table = Table(title=title)
        table.add_column(_("Outcome"))
        table.add_column(_("Rows"), justify="right")
        for status, label in labels.items():
            table.add_row(label, str(sum(1 for outcome in outcomes if outcome.status == status)))
        console.print(table)

    def _list_rejected(self, console, rejected):
        table = Table(title=_("Rejected rows"))
        table.add_column(_("Line"), justify="right")
        table.add_column(_("Project"))
        table.add_column(_("Reasons"))
        for outcome in rejected:
            table.add_row(str(outcome.line), outcome.name, "\n".join(outcome.reasons))
        console.print(table)

    def _write_rejected(self, path, table, rejected):
        with path.open("w", encoding="utf-8", newline="") as output:
            writer = csv.writer(output, delimiter=table.delimiter)
            columns = [column for column in table.columns if column != REASON_COLUMN]
            writer.writerow([*columns, REASON_COLUMN])
            for outcome in rejected:
                reason = _("line %(line)s: %(reason)s") % {
                    "line": outcome.line,
                    "reason": outcome.reason,
                }
                writer.writerow([*(outcome.raw.get(column, "") for column in columns), reason])
