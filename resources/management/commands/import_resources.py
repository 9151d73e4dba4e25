from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from resources.importer import DUPLICATE, FAILED, IMPORTED, REFUSED, ResourceImporter, files_under


class Command(BaseCommand):
    help = (
        "Import a folder of documents into the resource centre: one resource page per document, "
        "text extracted, files already imported skipped (same SHA-256)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Folder (or single file) to import.")
        parser.add_argument(
            "--collection", help="Document collection to put them in (created if missing)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, change nothing."
        )
        parser.add_argument(
            "--documents-only", action="store_true", help="Create documents but no resource pages."
        )

    def handle(self, *args, **options):
        root = Path(options["path"])
        if not root.exists():
            raise CommandError(_("No such file or folder: %(path)s") % {"path": root})
        importer = ResourceImporter.for_names(
            options["collection"],
            dry_run=options["dry_run"],
            documents_only=options["documents_only"],
        )
        if importer.index_page is None and not options["documents_only"]:
            raise CommandError(
                _(
                    "No published resource centre page to put resource pages under: "
                    "create one, or use --documents-only."
                )
            )
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        outcomes = self._import(console, importer, root)
        self._summarise(console, root, outcomes, options["dry_run"])

    def _import(self, console, importer, root):
        paths = files_under(root)
        outcomes = []
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
        )
        with Progress(*columns, console=console, transient=console.is_terminal) as progress:
            task = progress.add_task(_("Import"), total=len(paths), current="")
            for path in paths:
                progress.update(task, current=self._name(root, path)[-50:])
                outcomes.append(importer.import_path(path))
                progress.advance(task)
        return outcomes

    @staticmethod
    def _name(root, path):
        return str(path.relative_to(root)) if root.is_dir() else path.name

    def _summarise(self, console, root, outcomes, dry_run):
        counts = {
            status: sum(1 for outcome in outcomes if outcome.status == status)
            for status in (IMPORTED, DUPLICATE, REFUSED, FAILED)
        }
        labels = {
            IMPORTED: _("would be imported") if dry_run else _("imported"),
            DUPLICATE: _("duplicates (already imported)"),
            REFUSED: _("refused"),
            FAILED: _("failed"),
        }
        table = Table(title=_("Dry run: nothing was changed") if dry_run else _("Import summary"))
        table.add_column(_("Outcome"))
        table.add_column(_("Files"), justify="right")
        for status, label in labels.items():
            table.add_row(label, str(counts[status]))
        console.print(table)

        attention = [
            outcome
            for outcome in outcomes
            if outcome.status in (REFUSED, FAILED)
            or (outcome.status == IMPORTED and outcome.extraction not in ("", "done"))
        ]
        if attention:
            details = Table(title=_("Files needing attention"))
            details.add_column(_("File"))
            details.add_column(_("Outcome"))
            details.add_column(_("Reason"))
            for outcome in attention:
                state = labels[outcome.status]
                if outcome.status == IMPORTED:
                    state = f"{state} ({outcome.extraction})"
                details.add_row(self._name(root, outcome.path), state, str(outcome.reason))
            console.print(details)
        if counts[IMPORTED] == 0 and counts[DUPLICATE]:
            console.print(
                _("Nothing new: %(count)s files were already imported.")
                % {"count": counts[DUPLICATE]}
            )
