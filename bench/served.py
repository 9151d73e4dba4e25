"""The site served as in production, and a small HTTP load driver: shared by bench/pages.py
and bench/load.py.

`served_site(name)` creates a PostgreSQL database `name` (dropped on the way out) and temporary
STATIC_ROOT/MEDIA_ROOT folders, runs `manage.py migrate`, `load_demo` and `collectstatic` with
the production settings (intranet.settings.production, as docs/deployment.md and
tests/ops/test_deployment.py boot them), then starts gunicorn on a free loopback port with 2
workers (4 threads each, as deploy/intranet-web.service) and yields it.

The driver (`drive`) runs threads that each keep one HTTP/1.1 connection open (http.client,
reopened when the server closes it) and send requests until a deadline; no request leaves
127.0.0.1. wrk would measure the server alone; this Python driver shares the machine's cores
with the server, so the figures are compared with a trivial view measured the same way.
"""

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relevance  # bench/relevance.py: database_url() and _server()

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The demo's member account (home/demo.py, dev only).
MEMBER = ("membre", "membre-demo-2026")


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def production_env(database_url, folder):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": "bench-pages-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        # Plain HTTP on loopback: no nginx in front to terminate TLS.
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private_media"),
        "SEARCH_URL": "",
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, timeout=900
    )


def wait_for_port(port, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited with {process.returncode}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn does not listen on {port}")


@contextlib.contextmanager
def served_site(name, echo):
    """Yields (port, gunicorn process) serving the demo content with the production settings."""
    url = relevance.database_url(name)
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    relevance._server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    relevance._server(url, f'CREATE DATABASE "{name}"')
    gunicorn = None
    try:
        env = production_env(url, folder)
        started = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        echo(f"database, demo content and static files in {time.perf_counter() - started:.0f} s")
        port = free_port()
        gunicorn = subprocess.Popen(  # noqa: S603 - our own arguments
            [sys.executable, "-m", "gunicorn", "intranet.wsgi:application"]
            + ["--bind", f"{HOST}:{port}", "--workers", "2", "--threads", "4"]
            + ["--no-control-socket", "--timeout", "120"],
            cwd=BASE_DIR,
            env=env,
        )
        wait_for_port(port, gunicorn)
        yield port, gunicorn
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
        relevance._server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(folder, ignore_errors=True)


def workers(master_pid):
    """PIDs of gunicorn's workers (the master's children)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return [int(pid) for pid in children]


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# ------------------------------------------------------------------------------ driver --


def _cookies(response):
    jar = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name.strip()] = rest.split(";")[0]
    return jar


def log_in(port, username, password):
    """The Cookie header of a member logged in through the site's form."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", "/compte/connexion/")
    response = connection.getresponse()
    page = response.read().decode()
    jar = _cookies(response)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    connection.request(
        "POST",
        "/compte/connexion/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
        },
    )
    response = connection.getresponse()
    response.read()
    jar.update(_cookies(response))
    connection.close()
    if response.status != 302 or "sessionid" not in jar:
        sys.exit(f"logging in as {username} failed ({response.status})")
    return "; ".join(f"{k}={v}" for k, v in jar.items())


class Results:
    def __init__(self):
        self.latencies = []
        self.statuses = {}
        self.errors = 0
        self.lock = threading.Lock()

    def add(self, elapsed, status):
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def server_errors(self):
        return sum(count for status, count in self.statuses.items() if status >= 500)


def drive(port, choose, seconds, connections, results=None):
    """Send requests from `connections` threads for `seconds`. `choose(i)` gives the
    (path, cookie header or None) of a thread's i-th request. Returns (Results, elapsed)."""
    results = results or Results()
    deadline = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        number = 0
        while time.monotonic() < deadline:
            path, cookie = choose(number)
            number += 1
            headers = {"Cookie": cookie} if cookie else {}
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                with results.lock:
                    results.errors += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
                continue
            results.add(time.perf_counter() - started, response.status)
            if response.will_close:
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=60)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0
