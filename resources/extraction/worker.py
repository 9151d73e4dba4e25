"""The extraction server: a child of the caller that runs each file in a sandboxed process.

Run as `python -m resources.extraction.worker`. At start it loads what every extraction needs
(PDFium, lxml, python-docx, the language model), once. Then, for each JSON request read on
stdin ({"path", "name", "budget", "memory_mb", "ocr_max_pages"}), it has a child extract the
file. Children are forked from the server, so they start in about a millisecond with everything
loaded, and each one:
- has its own process group (a kill also reaches Tesseract or antiword) and dies with the server,
- is limited in address space to what the server uses plus `memory_mb` (RLIMIT_AS), in CPU time
  to each file's budget (RLIMIT_CPU), and leaves no core file,
- serves a few files in a row (its memory is then warm), and is replaced after any failure.
The server never parses a file itself: it sends the child one file at a time, kills it at the
file's deadline, tells a crash or a memory blow-up from an answer, and writes one JSON line per
request on stdout. It exits at end of input or after `--idle-timeout` seconds without requests.

It imports no Django. `extract()` is the same work in the current process, without isolation.
"""

import argparse
import contextlib
import ctypes
import gc
import importlib
import json
import os
import resource
import select
import signal
import sys
import time

from .language import detect_language, load_model
from .readers.base import Job, Problem
from .sniff import KIND_BY_EXTENSION, TEXT_KINDS, detect_kind, extension_of
from .text import MAX_TEXT_CHARS, has_text

# (module, function) per content kind, imported on demand.
READERS = {
    "pdf": ("pdf", "read_pdf"),
    "docx": ("office", "read_docx"),
    "xlsx": ("office", "read_xlsx"),
    "pptx": ("office", "read_pptx"),
    "odt": ("opendocument", "read_odt"),
    "ods": ("opendocument", "read_ods"),
    "odp": ("opendocument", "read_odp"),
    "doc": ("legacy", "read_doc"),
    "rtf": ("legacy", "read_rtf"),
    "md": ("plain", "read_md"),
    "txt": ("plain", "read_txt"),
}
# Loaded once in the server, shared by every child: the formats most documents come in. The
# rarer ones (XLSX, PPTX, RTF) import in the child that needs them.
PRELOADED_MODULES = ["pypdfium2", "lxml.etree", "docx"]
PRELOADED_READERS = ["pdf", "office", "opendocument", "legacy", "plain"]

# Problems that mean "there is no text" rather than "it went wrong".
EMPTY_CODES = {"empty_file", "no_text", "scanned_not_recognised"}
PROTECTED_CODES = {"password", "pdf_security"}
# How allocation failures show when they do not raise MemoryError: a library that cannot be
# mapped, libxml2 giving up half-way.
MEMORY_SYMPTOMS = ("failed to map segment", "cannot allocate memory", "memory allocation failed")
# Seconds of CPU granted beyond the wall-clock budget: the wall clock is the real limit, the
# CPU limit stops a child that the server could not stop.
CPU_GRACE = 5
# The child stops its OCR cleanly at its budget; the server kills it this much later.
KILL_GRACE = 1.0
# A child that dies having grown by this share of its memory allowance ran out of memory.
MEMORY_CRASH_SHARE = 0.5
# An answer larger than this is no honest answer (the text is capped at MAX_TEXT_CHARS).
MAX_ANSWER_BYTES = MAX_TEXT_CHARS * 4 + 1024 * 1024
EXIT_UNEXPECTED = 70
PR_SET_PDEATHSIG = 1


def choose_kind(path, name):
    """The reader to use: the content decides, the extension only tells Markdown from text."""
    extension = extension_of(name or path)
    with open(path, "rb") as stream:
        kind = detect_kind(stream)
    if kind == "text":
        expected = KIND_BY_EXTENSION.get(extension)
        if expected in TEXT_KINDS:
            return expected
        return "txt" if extension in ("", "text") else "unsupported"
    return kind


def extract(path, *, name="", budget=120.0, ocr_max_pages=30):
    """Extract one file in this process. No isolation: the sandboxed child and benchmarks only.

    Returns the answer dictionary the caller turns into an `Extraction`.
    """
    job = Job(
        path=os.path.abspath(path),
        name=name or os.path.basename(path),
        deadline=time.monotonic() + budget,
        ocr_max_pages=ocr_max_pages,
    )
    response = {
        "status": "failed",
        "text": "",
        "reason": "",
        "notes": [],
        "page_count": None,
        "layer": "",
        "language": "",
    }
    try:
        if os.path.getsize(job.path) == 0:
            raise Problem("empty_file")
        kind = choose_kind(job.path, job.name)
        response["kind"] = kind
        if kind == "ooxml-encrypted":
            raise Problem("password")
        if kind not in READERS:
            raise Problem("unsupported", kind)
        module_name, function_name = READERS[kind]
        module = importlib.import_module(f".readers.{module_name}", __package__)
        result = getattr(module, function_name)(job)
        response["page_count"] = result.page_count
        response["notes"] = list(result.notes)
        if not has_text(result.text):
            raise Problem("no_text")
        text = result.text
        if len(text) > MAX_TEXT_CHARS:
            text = text[:MAX_TEXT_CHARS]
            response["notes"].append(("text_truncated", MAX_TEXT_CHARS))
        response.update(
            status="done", text=text, layer=result.layer, language=detect_language(text)
        )
    except Problem as problem:
        if problem.code in EMPTY_CODES:
            status = "empty"
        elif problem.code in PROTECTED_CODES:
            status = "protected"
        else:
            status = "failed"
        response.update(status=status, reason=problem.code, detail=problem.detail)
        response["notes"] += problem.notes
        if problem.page_count is not None:
            response["page_count"] = problem.page_count
    except FileNotFoundError as error:
        response.update(reason="missing", detail=str(error))
    except MemoryError:
        response.update(reason="memory")
    except Exception as error:  # noqa: BLE001 - any parser failure is a damaged file to the user
        detail = f"{type(error).__name__}: {error}"[:2000]
        response.update(reason=_reason_for(error, detail), detail=detail)
    if job.details:
        response["detail"] = "; ".join(filter(None, [response.get("detail"), *job.details]))
    return response


def _reason_for(error, detail):
    lowered = detail.lower()
    if any(symptom in lowered for symptom in MEMORY_SYMPTOMS) or (
        type(error).__name__ == "XMLSyntaxError" and "unknown error" in lowered
    ):
        return "memory"
    if isinstance(error, ImportError):
        return "server_error"
    return "damaged"


# The server side.


def preload():
    for module in PRELOADED_MODULES:
        importlib.import_module(module)
    for module in PRELOADED_READERS:
        importlib.import_module(f".readers.{module}", __package__)
    load_model()


def _status_kb(field, pid="self"):
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Supervisor:
    """Runs each request in a sandboxed child, forking a new child whenever one is needed.

    A child serves up to `files_per_child` files in a row: after the first, its memory is warm
    and a file costs what it costs in-process. It is replaced after a file that failed (it may
    have left the libraries in a bad state), after a memory limit change, once it has grown by
    half its allowance, and of course when it crashed or was killed at a deadline.
    """

    def __init__(self, files_per_child):
        self.files_per_child = files_per_child
        self.child = None

    def handle(self, request):
        memory_mb = int(request.get("memory_mb", 1024))
        budget = float(request["budget"])
        if self.child and self.child.memory_mb != memory_mb:
            self.retire()
        if self.child is None:
            self.child = _Child(memory_mb)
        child = self.child
        response = child.ask(request, time.monotonic() + budget + KILL_GRACE)
        child.files += 1
        grown_mb = max(child.own_peak_kb - child.base_rss_kb, 0) / 1024
        if (
            child.dead
            or response.get("status") == "failed"
            or child.files >= self.files_per_child
            or grown_mb > MEMORY_CRASH_SHARE * memory_mb
        ):
            self.retire()
        response["peak_mb"] = child.peak_mb
        response["server_mb"] = round(_status_kb("VmHWM") / 1024, 1)
        return response

    def retire(self):
        if self.child:
            self.child.kill()
            self.child = None


class _Child:
    def __init__(self, memory_mb):
        self.memory_mb = memory_mb
        self.files = 0
        self.dead = False
        self.peak_mb = 0.0  # the child's or its tools' largest resident memory
        self.own_peak_kb = 0
        self._buffer = b""
        # The child starts as a copy of this process: its allowance comes on top of that.
        base_vm_kb = _status_kb("VmSize")
        self.base_rss_kb = _status_kb("VmRSS")
        requests_out, self._requests = os.pipe()
        self._answers, answers_in = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child never returns from here
            code = EXIT_UNEXPECTED
            try:
                _keep_only_fds(requests_out, answers_in)
                _sandbox(base_vm_kb * 1024 + memory_mb * 1024 * 1024)
                _serve_files(requests_out, answers_in)
                code = 0
            finally:
                os._exit(code)
        os.close(requests_out)
        os.close(answers_in)
        # Both sides set the group, so that it exists whichever runs first.
        with contextlib.suppress(OSError):
            os.setpgid(self.pid, self.pid)

    def ask(self, request, deadline):
        try:
            os.write(self._requests, json.dumps(request).encode() + b"\n")
        except OSError:
            return self._died(timed_out=False)
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self._died(timed_out=True)
            ready, _, _ = select.select([self._answers], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                return self._died(timed_out=False)
            self._buffer += chunk
            if len(self._buffer) > MAX_ANSWER_BYTES:
                return self._died(timed_out=False, reason="damaged")
        line, self._buffer = self._buffer.split(b"\n", 1)
        answer = json.loads(line)
        self.own_peak_kb = _status_kb("VmHWM", self.pid)
        self.peak_mb = round(max(self.own_peak_kb, answer.pop("tools_kb", 0)) / 1024, 1)
        return answer

    def _died(self, *, timed_out, reason=None):
        """Kill the child (it may be stuck), reap it and say why it gave no answer."""
        wait_status, usage = self.kill()
        grown_kb = max(usage.ru_maxrss - self.base_rss_kb, 0) if usage else 0
        self.peak_mb = round(usage.ru_maxrss / 1024, 1) if usage else 0.0
        if reason is None:
            reason = "timeout" if timed_out else _why_dead(wait_status, grown_kb, self.memory_mb)
        exit_code = os.waitstatus_to_exitcode(wait_status) if wait_status is not None else None
        return {"status": "failed", "reason": reason, "detail": f"child exit {exit_code}"}

    def kill(self):
        if self.dead:
            return None, None
        self.dead = True
        for fd in (self._requests, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.pid, signal.SIGKILL)
        _, wait_status, usage = os.wait4(self.pid, 0)
        return wait_status, usage


def _keep_only_fds(*kept):
    """Close what the child inherited (the server's pipes to the caller above all: the caller
    must see the server's end even if a child lingers), stdin included, except `kept`."""
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2 and fd not in kept:
            with contextlib.suppress(OSError):
                os.close(fd)


def _sandbox(address_space):
    os.setpgid(0, 0)
    # If the server dies (killed by the caller at its own deadline), so does this child.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    # A crashing parser must not leave a core file the size of its memory on the server's disk.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _limit_cpu(budget):
    """Let the next file use `budget` more seconds of CPU; the kernel sends SIGXCPU past them.

    The soft limit counts the CPU time of the child's whole life, so it moves with each file;
    the hard limit stays where it is, so that it can move again.
    """
    usage = resource.getrusage(resource.RUSAGE_SELF)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(usage.ru_utime + usage.ru_stime + budget + CPU_GRACE) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _serve_files(requests_fd, answers_fd):
    """The child's loop: one request line in, one answer line out, until the server closes."""
    with os.fdopen(requests_fd, "rb") as requests, os.fdopen(answers_fd, "wb") as answers:
        for line in requests:
            request = json.loads(line)
            _limit_cpu(float(request["budget"]))
            answer = extract(
                request["path"],
                name=request.get("name", ""),
                budget=float(request["budget"]),
                ocr_max_pages=int(request.get("ocr_max_pages", 30)),
            )
            # Tesseract's and antiword's peak (reaped children), for the server's statistics.
            answer["tools_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            answers.write(json.dumps(answer).encode() + b"\n")
            answers.flush()
            if answer.get("reason") == "memory":
                return  # after a MemoryError the interpreter may be in no state to go on


def _why_dead(wait_status, grown_kb, memory_mb):
    if os.WIFSIGNALED(wait_status) and os.WTERMSIG(wait_status) == signal.SIGXCPU:
        return "timeout"
    if grown_kb >= MEMORY_CRASH_SHARE * memory_mb * 1024:
        return "memory"
    return "crashed"


def serve(requests, replies, idle_timeout, files_per_child):
    supervisor = Supervisor(files_per_child)
    buffer = b""
    try:
        while True:
            while b"\n" not in buffer:
                ready, _, _ = select.select([requests], [], [], idle_timeout)
                if not ready:
                    return  # idle: the caller starts a new server when it needs one
                chunk = os.read(requests.fileno(), 1 << 16)
                if not chunk:
                    return  # end of input: the caller is done
                buffer += chunk
            line, buffer = buffer.split(b"\n", 1)
            if not line.strip():
                continue
            response = supervisor.handle(json.loads(line))
            replies.write(json.dumps(response).encode() + b"\n")
            replies.flush()
    finally:
        supervisor.retire()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle-timeout", type=float, default=300)
    parser.add_argument("--files-per-child", type=int, default=50)
    arguments = parser.parse_args(argv)
    # No thread pools: a process with threads cannot be forked safely, and on a small server
    # one thread per extraction (Tesseract's OpenMP included) is also the fastest.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # Answers go through a private copy of stdout; whatever a library prints goes to stderr.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    preload()
    # Children share the preloaded objects copy-on-write; a garbage collection in a child
    # would write to every one of them (about 100 MB to copy). Frozen objects are not scanned.
    gc.collect()
    gc.freeze()
    replies.write(b'{"ready": true}\n')
    replies.flush()
    serve(sys.stdin.buffer.raw, replies, arguments.idle_timeout, arguments.files_per_child)


if __name__ == "__main__":
    main()
