"""The production settings served as docs/deployment.md says: gunicorn on loopback behind
Debian's nginx running deploy/nginx.conf (ports, paths and certificate swapped for the test's),
over HTTPS with a self-signed certificate."""

import getpass
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import required_services

BASE_DIR = Path(settings.BASE_DIR)
HOST = "intranet.example.org"


def find_nginx():
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx:
        return nginx
    if "nginx" in required_services():
        pytest.fail("nginx is missing although make test installs it (scripts/system-packages.sh)")
    pytest.skip("nginx is not installed: scripts/system-packages.sh installs it (make test does)")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    # Readiness, not a timed assertion: gives up only if the server never comes up.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def site_config(tmp_path, http_port, https_port, app_port, static_root, media_root):
    """deploy/nginx.conf with this machine's ports and folders; each swap must apply."""
    text = (BASE_DIR / "deploy" / "nginx.conf").read_text()
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    swaps = {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
        "server 127.0.0.1:8000": f"server 127.0.0.1:{app_port}",
        "/srv/intranet/static_collected/": f"{static_root}/",
        "/srv/intranet/media/": f"{media_root}/",
    }
    for old, new in swaps.items():
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


def main_config(tmp_path, site):
    (tmp_path / "site.conf").write_text(site)
    temp = tmp_path / "nginx-temp"
    temp.mkdir()
    # The `user` directive only applies to a master started as root (CI, `make test`).
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return f"""
        {user}
        daemon off;
        pid {tmp_path}/nginx.pid;
        error_log stderr;
        events {{ worker_connections 64; }}
        http {{
            include /etc/nginx/mime.types;
            access_log {tmp_path}/access.log;
            client_body_temp_path {temp}/body;
            proxy_temp_path {temp}/proxy;
            fastcgi_temp_path {temp}/fastcgi;
            uwsgi_temp_path {temp}/uwsgi;
            scgi_temp_path {temp}/scgi;
            include {tmp_path}/site.conf;
        }}
    """


def production_env(tmp_path, database_url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": "deployment-test-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private_media"),
        "SEARCH_URL": "",
    }


def fetch(url, context=None):
    """(status, headers, body) of a GET sent as a browser on intranet.example.org would."""
    request = urllib.request.Request(url, headers={"Host": HOST})  # noqa: S310 - http(s) only

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """`manage.py collectstatic` with the production settings, once for this module."""
    root = tmp_path_factory.mktemp("static")
    env = {**production_env(root, "sqlite:///unused"), "STATIC_ROOT": str(root)}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=600,
    )
    return root


@pytest.fixture
def served(tmp_path, home_page, static_root):
    """gunicorn (production settings, the test database) behind nginx; yields base URLs."""
    nginx = find_nginx()
    if connection.vendor != "postgresql":
        if "postgresql" in required_services():
            pytest.fail("make test must run this test on PostgreSQL")
        pytest.skip("gunicorn must share the test database: needs PostgreSQL (make test)")
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )
    env = production_env(tmp_path, database_url)
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "logo.txt").write_text("logo")
    (media / "documents").mkdir()
    (media / "documents" / "confidentiel.txt").write_text("budget privé")
    env["STATIC_ROOT"] = str(static_root)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    processes = []
    try:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "intranet.wsgi:application"]
            + ["--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--no-control-socket"],
            cwd=BASE_DIR,
            env=env,
        )
        processes.append(gunicorn)
        site = site_config(tmp_path, http_port, https_port, app_port, env["STATIC_ROOT"], media)
        (tmp_path / "nginx.conf").write_text(main_config(tmp_path, site))
        test = subprocess.run(
            [nginx, "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(tmp_path / "nginx.conf")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert test.returncode == 0, test.stderr
        proxy = subprocess.Popen(
            [nginx, "-p", str(tmp_path), "-e", "stderr", "-c", str(tmp_path / "nginx.conf")]
        )
        processes.append(proxy)
        wait_for_port(app_port, gunicorn)
        wait_for_port(https_port, proxy)
        yield {
            "http": f"http://127.0.0.1:{http_port}",
            "https": f"https://127.0.0.1:{https_port}",
            "static_root": Path(env["STATIC_ROOT"]),
        }
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


def tls():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
    return context


# transaction: gunicorn, another process, must see the test's pages. serialized_rollback brings
# back the migrations' data for the tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_settings_behind_nginx_serve_a_page_and_static_files(served, home_page):
    status, headers, _body = fetch(served["http"] + "/")
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/"

    status, headers, body = fetch(served["https"] + "/", tls())
    assert status == 200, body[:2000]
    assert headers["Server"].startswith("nginx")
    assert home_page.title in body.decode()
    assert "max-age=31536000" in headers["Strict-Transport-Security"]

    # Static files come from collectstatic's folder, by their hashed names.
    manifest = (served["static_root"] / "staticfiles.json").read_text()
    hashed = json.loads(manifest)["paths"]["css/site.css"]
    status, headers, body = fetch(f"{served['https']}/static/{hashed}", tls())
    assert status == 200
    assert body == (served["static_root"] / hashed).read_bytes()
    assert "immutable" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/css")

    # Images are served from MEDIA_ROOT; documents never are (Django checks who may read).
    assert fetch(f"{served['https']}/media/images/logo.txt", tls())[2] == b"logo"
    status, _headers, body = fetch(f"{served['https']}/media/documents/confidentiel.txt", tls())
    assert status == 404 and "budget" not in body.decode(errors="replace")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_app_reconnects_after_the_database_drops_its_connections(served, home_page):
    assert fetch(served["https"] + "/", tls())[0] == 200
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
        autocommit=True,
    ) as admin:
        # Every other session on the test database: gunicorn's, as a database restart would.
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND usename = current_user AND backend_type = 'client backend' "
            "AND pid <> %s",
            [connection.connection.info.backend_pid],
        ).fetchone()[0]
    assert ended >= 1
    # Django checks a kept connection before reusing it (conn_health_checks) and opens a new one.
    for _ in range(4):  # every gunicorn worker
        status, _headers, body = fetch(served["https"] + "/", tls())
        assert status == 200, body[:2000]
