import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)

from home.backup import BackupError, archive_name, dump_database, plan_media, write_archive


class Command(BaseCommand):
    help = (
        "Back up the database and the media files (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) into one "
        "timestamped tar archive with a SHA-256 manifest inside and a .sha256 file beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", default="backups", help="Folder for the archive (default: backups/)."
        )

    def handle(self, *args, **options):
        folder = Path(options["output_dir"])
        folder.mkdir(parents=True, exist_ok=True)
        archive = folder / archive_name()
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
        )
        try:
            with (
                tempfile.TemporaryDirectory(prefix="backup-", dir=folder) as work,
                Progress(*columns, console=console, transient=console.is_terminal) as progress,
            ):
                task = progress.add_task(_("Database"), total=None)
                database_file = Path(work) / "database"
                vendor = dump_database(database_file)
                size = database_file.stat().st_size
                progress.update(task, total=size, completed=size)
                plan = plan_media()
                total = size + plan.total_bytes
                task = progress.add_task(_("Writing the archive"), total=total)
                manifest = write_archive(
                    archive,
                    database_file,
                    vendor,
                    plan,
                    on_bytes=lambda size: progress.advance(task, size),
                )
        except BackupError as error:
            raise CommandError(str(error)) from error
        console.print(
            _("Backup written: %(archive)s (%(files)s media files, %(vendor)s database).")
            % {"archive": archive, "files": len(manifest["files"]) - 1, "vendor": vendor}
        )
        console.print(_("Checksum: %(file)s") % {"file": f"{archive}.sha256"})
