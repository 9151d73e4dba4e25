"""Backups that restore: the database and both media folders in one tar archive.

Layout of an archive (members in this order):
  database.pgdump | database.sqlite3   pg_dump's custom format, or a SQLite copy
  media/...                            MEDIA_ROOT
  private_media/...                    PRIVATE_MEDIA_ROOT
  manifest.json                        SHA-256 of every member above, written last
A `<archive>.sha256` beside it (sha256sum's format) covers the archive as a whole.

Restoring checks everything (whole-file digest, then every member against the manifest) in a
staging folder before it touches the installation, so a corrupt archive changes nothing.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


class CorruptArchive(BackupError):
    pass


def media_roots():
    """Archive folder name -> the folder of this installation it holds."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private_media": Path(settings.PRIVATE_MEDIA_ROOT),
    }


def files_under(root):
    """Regular files under root, sorted (symbolic links are not followed)."""
    if not root.is_dir():
        return []
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path)
    return found


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Hands tarfile the bytes of a file while hashing them: each file is read once."""

    def __init__(self, handle, on_read=None):
        self.handle = handle
        self.digest = hashlib.sha256()
        self.on_read = on_read

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        if self.on_read:
            self.on_read(len(data))
        return data


# ---------------------------------------------------------------------------- PostgreSQL --


def _pg_env(settings_dict):
    """libpq's environment for the database of settings_dict: no password on a command line."""
    env = dict(os.environ)
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": (settings_dict.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def server_major_version():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def postgres_program(name, major):
    """The pg_dump or pg_restore of the server's major version: an older one cannot read a
    newer server, and a newer one writes archives that older servers' tools refuse."""
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    if found := shutil.which(name):
        candidates.append(Path(found))
    for program in candidates:
        if not program.exists():
            continue
        result = subprocess.run(  # noqa: S603 - PostgreSQL's own program, fixed argv
            [str(program), "--version"], capture_output=True, text=True, check=False
        )
        version = re.search(r"(\d+)(?:\.\d+)?", result.stdout)
        if version and int(version.group(1)) == major:
            return str(program)
    raise BackupError(
        _(
            "No %(program)s for PostgreSQL %(major)s was found: install Debian's "
            "postgresql-client-%(major)s package."
        )
        % {"program": name, "major": major}
    )


def _run(command, env):
    # PostgreSQL's programs with our own arguments; the password goes in the environment.
    result = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": Path(command[0]).name, "error": result.stderr.strip()[-2000:]}
        )


def dump_database(target):
    """Writes a consistent copy of the default database to target; returns its vendor."""
    vendor = connection.vendor
    if vendor == "postgresql":
        program = postgres_program("pg_dump", server_major_version())
        # pg_dump reads inside one repeatable-read transaction: a consistent snapshot.
        _run(
            [program, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
            _pg_env(connection.settings_dict),
        )
    elif vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)  # SQLite's online backup API: a consistent snapshot
        finally:
            copy.close()
            source.close()
    else:
        raise BackupError(_("Backups support PostgreSQL and SQLite, not %s.") % vendor)
    return vendor


def database_is_empty():
    return not connection.introspection.table_names()


def _drop_all_tables():
    quote = connection.ops.quote_name
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if tables:
                cursor.execute("DROP TABLE " + ", ".join(map(quote, tables)) + " CASCADE")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f"DROP TABLE {quote(table)}")


def load_database(source, vendor, force=False):
    if vendor != connection.vendor:
        raise BackupError(
            _("This archive holds a %(archive)s database; this installation uses %(here)s.")
            % {"archive": vendor, "here": connection.vendor}
        )
    if force:
        _drop_all_tables()
    if vendor == "postgresql":
        program = postgres_program("pg_restore", server_major_version())
        command = [program, "--no-owner", "--no-privileges", "--exit-on-error"]
        # Comments need ownership of what they describe (e.g. an extension made by a
        # superuser); Django writes none that matter.
        command += ["--no-comments", "--single-transaction"]
        if force:
            command += ["--clean", "--if-exists"]  # the text search configuration
        env = _pg_env(connection.settings_dict)
        connection.close()
        _run([*command, f"--dbname={env['PGDATABASE']}", str(source)], env)
    else:
        connection.close()
        archived = sqlite3.connect(source)
        target = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            with target:
                archived.backup(target)
        finally:
            target.close()
            archived.close()


# ------------------------------------------------------------------------------- archives --


def archive_name(now=None):
    now = timezone.localtime(now or timezone.now())
    return f"intranet-backup-{now:%Y%m%d-%H%M%S}.tar"


def checksum_path(archive):
    return Path(f"{archive}.sha256")


@dataclass
class BackupPlan:
    """What a backup will write, so the command can size its progress bars."""

    files: list = field(default_factory=list)  # (archive name, path on disk)

    @property
    def total_bytes(self):
        return sum(path.stat().st_size for _name, path in self.files)


def plan_media():
    plan = BackupPlan()
    for folder, root in media_roots().items():
        for path in files_under(root):
            plan.files.append((f"{folder}/{path.relative_to(root).as_posix()}", path))
    return plan


def write_archive(archive, database_file, vendor, plan, on_file=None, on_bytes=None):
    """Writes the tar at archive (via a temporary name) and its .sha256; returns the manifest."""
    partial = archive.with_name(archive.name + ".partial")
    digests = {}
    try:
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            members = [(DATABASE_FILES[vendor], Path(database_file)), *plan.files]
            for name, path in members:
                info = tar.gettarinfo(str(path), arcname=name)
                with open(path, "rb") as handle:
                    reader = _HashingReader(handle, on_bytes)
                    tar.addfile(info, reader)
                digests[name] = reader.digest.hexdigest()
                if on_file:
                    on_file(name)
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "database": {"vendor": vendor, "file": DATABASE_FILES[vendor]},
                "files": digests,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.now().timestamp())
            info.mode = 0o644
            tar.addfile(info, _BytesReader(data))
        os.replace(partial, archive)
    finally:
        partial.unlink(missing_ok=True)
    checksum_path(archive).write_text(f"{sha256_file(archive)}  {archive.name}\n")
    return manifest


class _BytesReader:
    def __init__(self, data):
        self.data, self.position = data, 0

    def read(self, size=-1):
        end = len(self.data) if size < 0 else self.position + size
        chunk = self.data[self.position : end]
        self.position += len(chunk)
        return chunk


def _corrupt(archive, reason):
    return CorruptArchive(
        _("The archive %(archive)s is corrupt or incomplete (%(reason)s): nothing was restored.")
        % {"archive": archive, "reason": reason}
    )


def verify_checksum_file(archive):
    """Compares the archive with the .sha256 beside it. Returns False if there is none."""
    beside = checksum_path(archive)
    if not beside.exists():
        return False
    expected = beside.read_text().split()[:1]
    if not expected or expected[0].lower() != sha256_file(archive):
        raise _corrupt(archive, _("its SHA-256 does not match %(file)s") % {"file": beside.name})
    return True


def _safe_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    if name == MANIFEST or name in DATABASE_FILES.values():
        return name
    if path.parts[0] in media_roots() and len(path.parts) > 1:
        return name
    return None


def extract_verified(archive, staging, on_bytes=None):
    """Extracts archive into staging, checking every member against the manifest. Returns
    the manifest; raises CorruptArchive (having restored nothing) on any mismatch."""
    digests = {}
    try:
        with tarfile.open(archive, "r:") as tar:
            for member in tar:
                name = _safe_member_name(member.name)
                if name is None or not member.isfile():
                    raise _corrupt(archive, _("unexpected member %(name)s") % {"name": member.name})
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                source = tar.extractfile(member)
                with open(target, "wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        if on_bytes:
                            on_bytes(len(chunk))
                digests[name] = digest.hexdigest()
    except (tarfile.TarError, EOFError) as error:  # truncated or not a tar at all
        raise _corrupt(archive, str(error) or error.__class__.__name__) from error
    if MANIFEST not in digests:
        raise _corrupt(archive, _("no manifest"))
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
        expected = manifest["files"]
        vendor = manifest["database"]["vendor"]
    except (ValueError, KeyError, TypeError) as error:
        raise _corrupt(archive, _("unreadable manifest")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("Unknown archive format %s.") % manifest.get("format"))
    del digests[MANIFEST]
    for name in sorted(set(expected) | set(digests)):
        if expected.get(name) != digests.get(name):
            raise _corrupt(archive, _("%(name)s does not match the manifest") % {"name": name})
    if DATABASE_FILES.get(vendor) not in digests:
        raise _corrupt(archive, _("no database"))
    return manifest


def media_is_empty():
    return not any(files_under(root) for root in media_roots().values())


def install_media(staging, on_file=None):
    """Moves the staged media files into MEDIA_ROOT and PRIVATE_MEDIA_ROOT (same names)."""
    count = 0
    for folder, root in media_roots().items():
        for path in files_under(staging / folder):
            target = root / path.relative_to(staging / folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, target)
            count += 1
            if on_file:
                on_file(target)
    return count
