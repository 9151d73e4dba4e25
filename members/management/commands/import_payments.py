from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from members.payments import DUPLICATE, RECORDED, REJECTED, FileRefused, PaymentImporter, read


class Command(BaseCommand):
    help = (
        "Record the membership payments of the payment platform's CSV export (HelloAsso...): "
        "each paid row makes its membership active; rows already recorded are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV export of the payments.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, record nothing."
        )
        parser.add_argument(
            "--encoding", default="utf-8", help="The file's encoding (utf-8 by default)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            payments = read(path.read_bytes(), options["encoding"])
        except FileRefused as error:
            raise CommandError(str(error)) from error
        importer = PaymentImporter(dry_run=options["dry_run"])
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        outcomes = []
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=console.is_terminal) as progress:
            task = progress.add_task(_("Payments"), total=len(payments.rows))
            for line, values in payments.rows:
                outcomes.append(importer.import_row(line, values))
                progress.advance(task)
        self._summarise(console, outcomes, options["dry_run"])

    def _summarise(self, console, outcomes, dry_run):
        labels = {
            RECORDED: _("would be recorded") if dry_run else _("recorded"),
            DUPLICATE: _("already recorded"),
            REJECTED: _("rejected"),
        }
        table = Table(title=_("Dry run: nothing was changed") if dry_run else _("Import summary"))
        table.add_column(_("Outcome"))
        table.add_column(_("Rows"), justify="right")
        for status, label in labels.items():
            table.add_row(label, str(sum(1 for outcome in outcomes if outcome.status == status)))
        console.print(table)
        rejected = [outcome for outcome in outcomes if outcome.status == REJECTED]
        if rejected:
            details = Table(title=_("Rejected rows"))
            details.add_column(_("Line"), justify="right")
            details.add_column(_("Reference"))
            details.add_column(_("Email"))
            details.add_column(_("Reason"))
            for outcome in rejected:
                details.add_row(str(outcome.line), outcome.reference, outcome.email, outcome.reason)
            console.print(details)
