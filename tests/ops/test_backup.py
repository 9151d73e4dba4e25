"""`manage.py backup` and `manage.py restore`: a site goes into one archive and comes back
whole into an empty installation; a damaged archive is refused before anything changes."""

import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from home.backup import write_archive
from tests.conftest import required_services
from tests.ops.content import build_site
from tests.ops.site_state import snapshot

BASE_DIR = Path(settings.BASE_DIR)
# Rebuilt by `update_index` on restore rather than carried over.
REBUILT = {"wagtailsearch_indexentry"}


def manage(*args, env):
    """manage.py in a child process, as an operator runs it (dev settings: env-driven)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "intranet.settings.dev", **env}
    environment.pop("SEARCH_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def installation(root):
    """Environment of an installation whose files live under root."""
    return {"MEDIA_ROOT": str(root / "media"), "PRIVATE_MEDIA_ROOT": str(root / "private_media")}


def assert_same_site(source, restored):
    assert source["pages"] and source["documents"] and source["memberships"]
    assert source["page_restrictions"] and source["files"]
    assert ("private", "contributions/2027/01/idee.txt") in source["files"]
    for key in ("pages", "documents", "memberships", "page_restrictions"):
        assert restored[key] == source[key], key
    assert restored["collection_restrictions"] == source["collection_restrictions"]
    assert restored["attachments"] == source["attachments"]
    assert restored["files"] == source["files"]
    counts = {table: n for table, n in source["counts"].items() if table not in REBUILT}
    assert {table: restored["counts"][table] for table in counts} == counts
    assert restored["counts"]["wagtailsearch_indexentry"] > 0  # the index was rebuilt


@pytest.fixture
def site_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "site" / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "site" / "private_media"
    return settings


@pytest.fixture
def second_database():
    """A new, empty PostgreSQL database beside the test one, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


# transaction: pg_dump, another process, must see the site. serialized_rollback brings back
# the migrations' data (locale, root page) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_site_round_trips_into_a_new_empty_database(request, site_media, tmp_path):
    if connection.vendor != "postgresql":
        if "postgresql" in required_services():
            pytest.fail("make test must run this test on PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL; make test does)")
    build_site()
    call_command("backup", output_dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").glob("intranet-backup-*.tar")
    assert Path(f"{archive}.sha256").read_text().endswith(f"  {archive.name}\n")

    name = request.getfixturevalue("second_database")
    db = connection.settings_dict
    url = f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@{db['HOST']}:{db['PORT']}/{name}"
    target = tmp_path / "restored"
    manage("restore", str(archive), env={"DATABASE_URL": url, **installation(target)})

    with connection.cursor() as cursor:
        source = snapshot(cursor, "postgresql", settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"], dbname=name
    ) as restored_db:
        restored = snapshot(
            restored_db.cursor(), "postgresql", target / "media", target / "private_media"
        )
    assert_same_site(source, restored)

    # A second restore into what is now a full installation is refused without --force.
    with pytest.raises(AssertionError, match="--force"):
        manage("restore", str(archive), env={"DATABASE_URL": url, **installation(target)})


@pytest.mark.slow
def test_sqlite_site_round_trips_into_a_new_installation(tmp_path):
    source_env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'source.sqlite3'}",
        **installation(tmp_path / "source"),
    }
    manage("migrate", "--noinput", env=source_env)
    manage("shell", "-c", "from tests.ops.content import build_site; build_site()", env=source_env)
    manage("backup", "--output-dir", str(tmp_path / "backups"), env=source_env)
    (archive,) = (tmp_path / "backups").glob("intranet-backup-*.tar")

    target_env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        **installation(tmp_path / "restored"),
    }
    manage("restore", str(archive), env=target_env)

    states = []
    for name, root in (("source", tmp_path / "source"), ("restored", tmp_path / "restored")):
        with sqlite3.connect(tmp_path / f"{name}.sqlite3") as database:
            cursor = database.cursor()
            states.append(snapshot(cursor, "sqlite", root / "media", root / "private_media"))
    assert_same_site(*states)


@pytest.fixture
def archive(tmp_path):
    """A well-formed archive (its database part is not loaded by these tests)."""
    media = tmp_path / "archived"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "statuts.txt").write_bytes(b"Statuts de la cooperative " * 100)
    database = tmp_path / "database"
    database.write_bytes(b"not loaded" * 100)

    class Plan:
        files = [("media/documents/statuts.txt", media / "documents" / "statuts.txt")]

    path = tmp_path / "intranet-backup-20270101-120000.tar"
    write_archive(path, database, connection.vendor, Plan())
    return path


def flip_byte(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def media_offset(path):
    with tarfile.open(path) as tar:
        return tar.getmember("media/documents/statuts.txt").offset_data + 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("flipped byte", "son SHA-256 ne correspond pas"),
        ("flipped byte, no .sha256", "media/documents/statuts.txt ne correspond pas au manifeste"),
        ("truncated, no .sha256", "incomplète"),
    ],
)
def test_a_damaged_archive_is_refused_and_nothing_changes(
    archive, damage, message, home_page, site_media
):
    media = settings.MEDIA_ROOT / "documents"
    media.mkdir(parents=True)
    (media / "existing.txt").write_bytes(b"kept")
    if "no .sha256" in damage:
        Path(f"{archive}.sha256").unlink()
    if "flipped" in damage:
        flip_byte(archive, media_offset(archive))
    else:
        archive.write_bytes(archive.read_bytes()[: media_offset(archive)])
    pages = Page.objects.count()

    # --force: past the "empty installation" check, the checksums alone stop it.
    with pytest.raises(CommandError, match="est corrompue ou incomplète") as refused:
        call_command("restore", str(archive), force=True)
    assert message in str(refused.value)
    assert Page.objects.count() == pages
    assert [path.name for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] == [
        "existing.txt"
    ]


def test_restore_names_a_missing_archive(tmp_path):
    with pytest.raises(CommandError, match="Archive introuvable"):
        call_command("restore", str(tmp_path / "nowhere.tar"))


def test_media_files_are_never_written_outside_the_installation(tmp_path):
    """A member named ../x is refused (an archive from elsewhere must not write anywhere)."""
    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as tar:
        info = tarfile.TarInfo("media/../../escape.txt")
        data = ContentFile(b"x")
        info.size = 1
        tar.addfile(info, data)
    with pytest.raises(CommandError, match="élément inattendu"):
        call_command("restore", str(evil), force=True)
    assert not (tmp_path.parent / "escape.txt").exists()
