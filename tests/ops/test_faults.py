"""Infrastructure failures give a plain French page and lose nothing: the database going away
(503) and a disk with no room left for an upload (507, no partial file kept)."""

import errno
import json
import socket
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection

from resources.models import ResourceDocument
from tests.conftest import required_services


def needs_postgresql():
    if connection.vendor != "postgresql":
        if "postgresql" in required_services():
            pytest.fail("make test must run this test on PostgreSQL")
        pytest.skip("needs PostgreSQL (set DATABASE_URL; make test does)")


def closed_port():
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_at(port):
    """The site's connection pointed at another port, as if the server had gone away."""
    original = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = port
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original


# transaction: the test changes the connection itself. serialized_rollback brings back the
# migrations' data (locale, root page) for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unreachable_database_gives_a_french_503_page(home_page):
    needs_postgresql()
    client = Client(raise_request_exception=False)
    assert client.get("/").status_code == 200
    with database_at(closed_port()):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Le site est momentanément indisponible" in page
    assert "Traceback" not in page and "OperationalError" not in page
    # Back as soon as the database is.
    assert client.get("/").status_code == 200


# A child process whose files may not grow past 64 KiB (RLIMIT_FSIZE): writing more fails
# with EFBIG, a real limit of the kernel that needs no privilege.
FILE_SIZE_LIMIT = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path
    import django
    from django.conf import settings
    settings.configure()
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage
    from home.storage import SafeFileSystemStorage

    folder, storage_class = sys.argv[1], sys.argv[2]
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    storage = {"safe": SafeFileSystemStorage, "django": FileSystemStorage}[storage_class](
        location=folder
    )
    try:
        storage.save("documents/rapport.txt", ContentFile(b"x" * 1024 * 1024))
        error = None
    except OSError as exc:
        error = exc.errno
    files = sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())
    print(json.dumps({"errno": error, "files": files}))
    """
)


def save_under_file_size_limit(folder, storage_class):
    result = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, str(folder), storage_class],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_a_write_that_runs_out_of_room_leaves_no_partial_file(tmp_path):
    # Django's own storage keeps the first 64 KiB: the case this storage exists for.
    assert save_under_file_size_limit(tmp_path / "django", "django") == {
        "errno": errno.EFBIG,
        "files": ["documents/rapport.txt"],
    }
    assert save_under_file_size_limit(tmp_path / "safe", "safe") == {
        "errno": errno.EFBIG,
        "files": [],
    }


@pytest.fixture
def full_disk(tmp_path, settings):
    """MEDIA_ROOT on a real 256 KiB tmpfs (mounting needs root, as in CI and `make test`)."""
    media = tmp_path / "media"
    media.mkdir()
    mount = subprocess.run(
        ["/usr/bin/mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", str(media)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a size-limited tmpfs here: {mount.stderr.strip()}")
    settings.MEDIA_ROOT = media
    try:
        yield media
    finally:
        subprocess.run(["/usr/bin/umount", str(media)], check=True)


@pytest.mark.django_db
def test_an_upload_to_a_full_disk_gets_a_clear_error_and_stores_nothing(
    full_disk, client, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("chloe", "c@example.org", "pw"))
    client.raise_request_exception = False
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport annuel",
            "file": SimpleUploadedFile("rapport.txt", b"habitat participatif " * 60_000),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 507
    page = response.content.decode()
    assert "Votre fichier n’a pas pu être enregistré" in page
    assert "Traceback" not in page
    assert not ResourceDocument.objects.exists()
    assert [path for path in full_disk.rglob("*") if path.is_file()] == []
