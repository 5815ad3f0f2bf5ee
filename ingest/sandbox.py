"""Parsing untrusted HTML and PDF files in a separate process, with a time limit and a memory limit.

A parser crash (lxml and pypdf are C and pure-Python code fed with anything a user downloads)
kills the worker process, not Claimdesk; an endless loop or a decompression bomb is stopped by
the wall-clock timeout or by the worker's address-space limit (``RLIMIT_AS``, Linux only). Each
case becomes a RejectedFile with one sentence, and the next file gets a fresh worker.

The worker is reused between files (starting Python and lxml for every file would cost more
than parsing it) and exchanges JSON only, never pickles: a worker that a hostile file managed
to subvert still cannot make the application run code. Run as ``python -m ingest.sandbox``, or
in a frozen bundle (which has no ``python -m``) as the bundle itself with ``--sandbox-worker``.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime
import json
import logging
import os
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

from ingest.document import ParsedDocument, RejectedFile

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_BYTES = 1536 * 1024 * 1024
# A fresh worker now and then, so memory kept by one odd file does not burden the next ones.
_FILES_PER_WORKER = 200
_HEADER = struct.Struct("!Q")
_TEST_HOOKS_ENV = "CLAIMDESK_SANDBOX_TEST_HOOKS"
_PROJECT_ROOT = str(Path(__file__).resolve().parents[1])
# The bundle's hidden entry for the worker; cli.main.main recognises it before parsing options.
WORKER_ARG = "--sandbox-worker"

log = logging.getLogger(__name__)


class Sandbox:
    """A worker process that parses one file at a time; thread-safe (files queue up)."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        memory_bytes: int | None = DEFAULT_MEMORY_BYTES,
        test_hooks: bool = False,
    ) -> None:
        self.timeout = timeout
        self.memory_bytes = memory_bytes
        self.test_hooks = test_hooks
        self._proc: subprocess.Popen[bytes] | None = None
        self._served = 0
        self._lock = threading.Lock()

    def parse(self, data: bytes, source_format: str) -> ParsedDocument:
        """Parse ``data`` as ``source_format`` ("html", "pdf", "txt", "md") in the worker."""
        with self._lock:
            proc = self._worker()
            request = json.dumps({"format": source_format}).encode()
            deadline = time.monotonic() + self.timeout
            try:
                assert proc.stdin is not None
                proc.stdin.write(_HEADER.pack(len(request)) + request + _HEADER.pack(len(data)))
                proc.stdin.write(data)
                proc.stdin.flush()
                reply = self._read_reply(proc, deadline)
            except BrokenPipeError:
                reply = None
            except TimeoutError:
                self._stop()
                raise RejectedFile(f"parsing took longer than {self.timeout:g} s") from None
            if reply is None:
                raise RejectedFile(self._death_reason()) from None
            self._served += 1
            if reply.get("restart") or self._served >= _FILES_PER_WORKER:
                self._stop()
        if "rejected" in reply:
            if reply.get("detail"):
                log.error("the sandboxed reader failed:\n%s", reply["detail"])
            raise RejectedFile(reply["rejected"])
        return _document_from_json(reply["document"])

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _worker(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_PROJECT_ROOT, env.get("PYTHONPATH")]))
        env.pop(_TEST_HOOKS_ENV, None)
        if self.test_hooks:
            env[_TEST_HOOKS_ENV] = "1"
        limit = str(self.memory_bytes or 0)
        self._proc = subprocess.Popen(
            [*worker_command(), limit],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, cwd=_PROJECT_ROOT, close_fds=True,
        )
        self._served = 0
        return self._proc

    def _read_reply(self, proc: subprocess.Popen[bytes], deadline: float) -> dict | None:
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        head = _read_exact(fd, _HEADER.size, deadline)
        if head is None:
            return None
        (size,) = _HEADER.unpack(head)
        body = _read_exact(fd, size, deadline)
        return None if body is None else json.loads(body)

    def _death_reason(self) -> str:
        proc, self._proc = self._proc, None
        code = None
        if proc is not None:
            try:
                code = proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
            _close_pipes(proc)
        if code is not None and code < 0:
            if -code == signal.SIGKILL:
                # The kernel's out-of-memory killer, or someone with a kill command.
                return "the reader was killed while reading the file (out of memory?)"
            return f"the reader crashed (signal {-code})"
        return f"the reader stopped unexpectedly (exit code {code})"

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        _close_pipes(proc)


def worker_command() -> list[str]:
    """How to start a worker: this interpreter with ``-m``, or the frozen application itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARG]
    return [sys.executable, "-m", "ingest.sandbox"]


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    for pipe in (proc.stdin, proc.stdout):
        try:
            if pipe is not None:
                pipe.close()
        except OSError:
            pass


def _read_exact(fd: int, size: int, deadline: float) -> bytes | None:
    """``size`` bytes from ``fd`` before ``deadline`` (TimeoutError), or None at end of file."""
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise TimeoutError
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _document_to_json(doc: ParsedDocument) -> dict:
    fields = dataclasses.asdict(doc)
    if doc.published is not None:
        fields["published"] = doc.published.isoformat()
    return fields


def _document_from_json(fields: dict) -> ParsedDocument:
    names = {f.name for f in dataclasses.fields(ParsedDocument)}
    values = {k: v for k, v in fields.items() if k in names}
    if values.get("published"):
        values["published"] = datetime.date.fromisoformat(values["published"])
    return ParsedDocument(**values)


_default: Sandbox | None = None
_default_lock = threading.Lock()


def default_sandbox() -> Sandbox:
    global _default
    with _default_lock:
        if _default is None:
            _default = Sandbox()
            atexit.register(_default.close)
        return _default


def parse_in_sandbox(data: bytes, source_format: str) -> ParsedDocument:
    """Parse a file's bytes in the shared worker (30 s, 1.5 GiB); RejectedFile on any failure."""
    return default_sandbox().parse(data, source_format)


# --- the worker side ----------------------------------------------------------------------

_MEMORY_SENTENCE = "the file needs more memory than allowed to read"


def _limit_memory(limit: int) -> None:
    if limit <= 0 or not sys.platform.startswith("linux"):
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _parse_here(source_format: str, data: bytes) -> ParsedDocument:
    from ingest.html_reader import read_html
    from ingest.pdf_reader import read_pdf
    from ingest.text_reader import read_text

    if os.environ.get(_TEST_HOOKS_ENV) == "1":
        if source_format == "test-crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        if source_format == "test-sleep":
            time.sleep(3600)
        if source_format == "test-hog":
            hog = [bytearray(64 * 1024 * 1024) for _ in range(1000)]
            del hog
    if source_format == "html":
        return read_html(data)
    if source_format == "pdf":
        return read_pdf(data)
    return read_text(data, source_format=source_format)


def _read_stdin_exact(stream, size: int) -> bytes | None:  # noqa: ANN001
    data = stream.read(size)
    return data if len(data) == size else None


def worker_main(argv: list[str]) -> int:
    _limit_memory(int(argv[0]) if argv else DEFAULT_MEMORY_BYTES)
    # Replies go out on a private copy of stdout; anything a library prints goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    stdin = sys.stdin.buffer
    while True:
        head = _read_stdin_exact(stdin, _HEADER.size)
        if head is None:
            return 0
        request = json.loads(_read_stdin_exact(stdin, _HEADER.unpack(head)[0]) or b"{}")
        size_head = _read_stdin_exact(stdin, _HEADER.size)
        if size_head is None:
            return 0
        data = _read_stdin_exact(stdin, _HEADER.unpack(size_head)[0])
        if data is None:
            return 0
        try:
            reply = {"document": _document_to_json(_parse_here(request.get("format", ""), data))}
        except RejectedFile as exc:
            reply = {"rejected": str(exc)}
        except MemoryError:
            reply = {"rejected": _MEMORY_SENTENCE, "restart": True}
        except RecursionError:
            reply = {"rejected": "the file is nested too deeply to read", "restart": True}
        except Exception as exc:  # a reader bug: reported to the parent, which logs it in full
            reply = {
                "rejected": f"the file could not be read (internal reader error: {type(exc).__name__})",
                "detail": traceback.format_exc(),
                "restart": True,
            }
        del data
        body = json.dumps(reply).encode()
        out.write(_HEADER.pack(len(body)) + body)
        out.flush()


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
