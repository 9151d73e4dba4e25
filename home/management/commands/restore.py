import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from home.backup import (
    DATABASE_FILES,
    BackupError,
    database_is_empty,
    extract_verified,
    install_media,
    load_database,
    media_is_empty,
    media_roots,
    verify_checksum_file,
)


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into an empty installation: checks its "
        "checksums, loads the database and the media files, then rebuilds the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database and media files of an installation that is not empty.",
        )

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(_("No such archive: %(path)s") % {"path": archive})
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        try:
            self._restore(console, archive, options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        console.print(_("Rebuilding the search index…"))
        call_command("update_index", stdout=self.stdout, stderr=self.stderr)
        console.print(_("Restore complete."))

    def _restore(self, console, archive, force):
        if not force:
            self._refuse_unless_empty()
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
        )
        # The staging folder sits beside MEDIA_ROOT so that files are moved, not copied.
        staging_parent = media_roots()["media"].parent
        staging_parent.mkdir(parents=True, exist_ok=True)
        with (
            tempfile.TemporaryDirectory(prefix=".restore-", dir=staging_parent) as work,
            Progress(*columns, console=console, transient=console.is_terminal) as progress,
        ):
            staging = Path(work)
            size = archive.stat().st_size
            task = progress.add_task(_("Checksum"), total=size)
            if not verify_checksum_file(archive):
                console.print(
                    _("No %(file)s beside the archive: checking against its manifest only.")
                    % {"file": f"{archive.name}.sha256"}
                )
            progress.update(task, completed=size)
            task = progress.add_task(_("Verification"), total=size)
            manifest = extract_verified(
                archive, staging, on_bytes=lambda n: progress.advance(task, n)
            )
            progress.update(task, completed=size)
            vendor = manifest["database"]["vendor"]
            task = progress.add_task(_("Database"), total=None)
            load_database(staging / DATABASE_FILES[vendor], vendor, force=force)
            progress.update(task, total=1, completed=1)
            count = len(manifest["files"]) - 1
            task = progress.add_task(_("Media files"), total=count)
            install_media(staging, on_file=lambda _path: progress.advance(task))
        console.print(
            _("Restored the %(vendor)s database and %(count)s media files from %(archive)s.")
            % {"vendor": vendor, "count": count, "archive": archive}
        )

    @staticmethod
    def _refuse_unless_empty():
        if not database_is_empty():
            raise CommandError(
                _(
                    "The database is not empty: restore into a new, empty database, or use "
                    "--force to replace its content."
                )
            )
        if not media_is_empty():
            raise CommandError(
                _(
                    "MEDIA_ROOT or PRIVATE_MEDIA_ROOT already holds files: restore into empty "
                    "folders, or use --force to replace them."
                )
            )
