"""The caller's side: start the extraction server, send it files, turn answers into results."""

import atexit
import contextlib
import hashlib
import json
import logging
import os
import select
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from . import messages

logger = logging.getLogger(__name__)

DONE = "done"
EMPTY = "empty"
PROTECTED = "protected"
FAILED = "failed"

# The directory that holds the `resources` package, for the server's `python -m`.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Loading PDFium, lxml and the language model; generous for a loaded machine.
STARTUP_TIMEOUT = 120
# The server kills a child at the file's deadline; the caller gives it this long to say so
# before it kills the server itself.
SERVER_GRACE = 10
# A child is asked to finish this much before the deadline, so that a long OCR stops cleanly
# with the pages it has read instead of being killed with nothing.
ANSWER_MARGIN = 2.0
# A server without requests for this long exits, and gives its memory back.
IDLE_TIMEOUT = 300
# A sandboxed child serves this many files in a row at most (after the first its memory is
# warm: about 15 ms saved per file); any failure replaces it at once. 1 = a fresh process for
# every file.
FILES_PER_CHILD = 50
STDERR_TAIL = 4096


@dataclass(frozen=True)
class Extraction:
    status: str  # DONE, EMPTY, PROTECTED or FAILED
    text: str  # the plain text, "" unless done
    reason: str  # why not done, or remarks when done (OCR used...); in the active language
    page_count: int | None
    language: str  # ISO 639-1 code detected from the text, or ""
    layer: str  # "text" (the file's own text), "ocr" (Tesseract) or "" when nothing was read
    sha256: str  # of the file's bytes


def extract_file(path, *, filename=None, timeout=120, memory_mb=1024, ocr_max_pages=30):
    """Extract the text of one file in a sandboxed child process; never raises for a bad file.

    filename: the name the user gave the file (its extension tells Markdown from plain text);
    defaults to the path's name. timeout: wall-clock seconds for this file. memory_mb: how much
    memory the child may take beyond the preloaded libraries it shares with the server.
    ocr_max_pages: at most this many pages without a text layer are recognised with Tesseract
    (0 turns OCR off).

    The first call starts this process's extraction server (a second or two, to load PDFium
    and the language model); the file itself runs in a sandboxed child forked from that server,
    which a later file may reuse unless this one failed. Calls from several threads wait for
    each other.
    """
    return _shared_extractor().extract(
        path, filename=filename, timeout=timeout, memory_mb=memory_mb, ocr_max_pages=ocr_max_pages
    )


class Extractor:
    """A handle on one extraction server. `extract_file` uses one per process; make your own
    to run extractions in parallel (one server each), to stop a server when you are done, or to
    choose `files_per_child` (1 gives every file a process of its own, at ~15 ms a file).
    """

    def __init__(self, *, idle_timeout=IDLE_TIMEOUT, files_per_child=FILES_PER_CHILD):
        self.idle_timeout = idle_timeout
        self.files_per_child = files_per_child
        self._lock = threading.Lock()
        self._server = None
        # For monitoring and the benchmark: servers started, files sent, the largest resident
        # memory of a child (pages shared with the server and Tesseract included) and of the
        # server itself, in MB.
        self.stats = {"servers": 0, "files": 0, "peak_child_mb": 0.0, "server_mb": 0.0}

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        with self._lock:
            if self._server:
                self._server.stop()
                self._server = None

    def extract(self, path, *, filename=None, timeout=120, memory_mb=1024, ocr_max_pages=30):
        """Like `extract_file`, in this extractor's server."""
        path = os.path.abspath(os.fspath(path))
        try:
            sha256 = _digest(path)
        except FileNotFoundError:
            return _result({"status": FAILED, "reason": "missing"}, "")
        except OSError as error:
            logger.warning("Cannot read %s: %s", path, error)
            return _result({"status": FAILED, "reason": "damaged"}, "")
        if sha256 is None:
            return _result({"status": FAILED, "reason": "unsupported"}, "")
        if os.path.getsize(path) == 0:
            return _result({"status": EMPTY, "reason": "empty_file"}, sha256)

        margin = min(ANSWER_MARGIN, 0.1 * timeout)
        request = {
            "path": path,
            "name": filename or os.path.basename(path),
            "budget": max(timeout - margin, 0.05),
            "memory_mb": memory_mb,
            "ocr_max_pages": ocr_max_pages,
        }
        with self._lock:
            response = self._ask(request, timeout)
            self.stats["files"] += 1
            for key, field in (("peak_child_mb", "peak_mb"), ("server_mb", "server_mb")):
                self.stats[key] = max(self.stats[key], response.get(field, 0))
        if response.get("detail"):
            logger.info("Extraction of %s: %s", request["name"], response["detail"])
        return _result(response, sha256)

    def _ask(self, request, timeout):
        for attempt in range(2):
            try:
                if self._server is None or not self._server.is_usable():
                    self._server = _Server(self.idle_timeout, self.files_per_child)
                    self.stats["servers"] += 1
                return self._server.ask(request, time.monotonic() + timeout + SERVER_GRACE)
            except _ServerGone as gone:
                # The server exited (idle, killed) before it took the request: one more try
                # with a new one. A hostile file cannot cause this, only its child can die.
                logger.warning("Extraction server unavailable: %s", gone)
                self._server = None
                if attempt:
                    return {"status": FAILED, "reason": "server_error"}
        return {"status": FAILED, "reason": "server_error"}


_shared = None
_shared_lock = threading.Lock()


def _shared_extractor():
    global _shared  # one server per process, started on first use
    with _shared_lock:
        if _shared is None:
            _shared = Extractor()
            atexit.register(_shared.close)
        return _shared


class _ServerGone(Exception):
    """The server died or never started: nothing of the request was done."""


class _Server:
    def __init__(self, idle_timeout, files_per_child):
        self._owner = os.getpid()
        # The server's tracebacks, for the log when it dies; closed in stop().
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(PROJECT_ROOT), environment.get("PYTHONPATH")])
        )
        self.process = subprocess.Popen(  # noqa: S603 - our own module, fixed argv
            [
                sys.executable,
                "-m",
                "resources.extraction.worker",
                "--idle-timeout",
                str(idle_timeout),
                "--files-per-child",
                str(files_per_child),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=environment,
            start_new_session=True,
        )
        # A forgotten server must not outlive its caller's interest in it.
        self._finalizer = weakref.finalize(self, _kill_group, self.process)
        self._buffer = b""
        ready = self._read_line(time.monotonic() + STARTUP_TIMEOUT)
        if ready is None:
            self.kill()
            raise _ServerGone(f"it did not start: {self._stderr_tail()}")

    def is_usable(self):
        # After a fork (a pre-forking web server) the pipes belong to the parent's server.
        return os.getpid() == self._owner and self.process.poll() is None

    def ask(self, request, deadline):
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except OSError as error:
            self.kill()
            raise _ServerGone(str(error)) from error
        line = self._read_line(deadline)
        if line is None:
            if self.process.returncode is None:  # the deadline passed: the server is stuck
                self.kill()
                return {"status": FAILED, "reason": "timeout"}
            raise _ServerGone(f"exit {self.process.returncode}: {self._stderr_tail()}")
        return json.loads(line)

    def _read_line(self, deadline):
        """The next line from the server, or None at its end or at the deadline."""
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    self.process.wait()
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def _stderr_tail(self):
        with contextlib.suppress(OSError, ValueError):
            self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(self._stderr.tell() - STDERR_TAIL, 0))
            return self._stderr.read().decode("utf-8", "replace").strip()
        return ""

    def kill(self):
        _kill_group(self.process)
        self.process.wait()

    def stop(self):
        """End of input: the server exits; it is killed if it lingers."""
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
        with contextlib.suppress(OSError):
            self.process.stdout.close()
        self._stderr.close()
        self._finalizer.detach()


def _kill_group(process):
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)


def _digest(path):
    """SHA-256 of a regular file, or None for anything else (a FIFO would block us forever)."""
    with open(path, "rb", opener=_open_nonblocking) as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := stream.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _open_nonblocking(path, flags):
    return os.open(path, flags | os.O_NONBLOCK)


def _result(response, sha256):
    status = response.get("status", FAILED)
    notes = [messages.note(code, count) for code, count in response.get("notes", [])]
    if status == DONE:
        return Extraction(
            status=DONE,
            text=response["text"],
            reason=" ".join(filter(None, notes)),
            page_count=response.get("page_count"),
            language=response.get("language", ""),
            layer=response.get("layer") or "text",
            sha256=sha256,
        )
    return Extraction(
        status=status,
        text="",
        reason=" ".join([messages.reason(response.get("reason", "damaged")), *notes]),
        page_count=response.get("page_count"),
        language="",
        layer="",
        sha256=sha256,
    )
