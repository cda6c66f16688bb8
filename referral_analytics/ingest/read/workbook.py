"""Read a workbook (.xlsx, .xls, .ods): guard it, parse it in a child process, shape it.

The child (``workbook_worker.py``) hands back Arrow IPC in a temporary file. It is confined:

* a memory cap (RLIMIT_AS, ``Limits.workbook_memory_bytes``) and a CPU-time cap (RLIMIT_CPU,
  ``CPU_SECONDS``), both set in the child before fastexcel is imported;
* a wall-clock timeout here (``TIMEOUT_SECONDS``), for a child that stalls rather than computes;
* at most ``MAX_PARSING`` children parse at once, process-wide: N uploads at once must not
  take N times the memory cap; a read that finds no free slot in ``SLOT_WAIT_SECONDS`` is told
  to try again;
* a bare environment (``CHILD_ENV``): no secret or setting of this process reaches the code
  that parses an uploaded file.

If the child dies, the user gets a message naming the file and saying why, as far as its end
tells: too much memory, too much computing, too long a wait, or the signal or exit code of any
other death; and this process goes on.

Two things keep the child off the user's clock. A spare child is started a little after each
read (not at once: it would take a core from the rest of that import), so the next read finds
Python and fastexcel already loaded (0.35 s). And the child parses while this process runs
the guard, on the other core: the parse is confined (the limits above, and killed the moment
the guard refuses) and none of its output is used before the guard passes, so a hostile file
still gets the guard's message and harms nothing.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.read.problems import ReadError, refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.workbook_guard import (
    SheetMarks,
    check_workbook,
    inspect_workbook,
)
from referral_analytics.ingest.read.workbook_shape import shape_sheet

WORKER = Path(__file__).with_name("workbook_worker.py")
TIMEOUT_SECONDS = 300  # wall-clock, from the guard's end to the child's answer
# The child's CPU time (RLIMIT_CPU). The biggest sheet the memory cap lets through, under 30
# million cells, parses in under 20 s of CPU (1.5 million cells a second here), so half the
# timeout leaves a wide margin for a slower machine, and a child that computes longer is
# spinning on a file made for it: stopped, it gives its core back to the other sessions. Below
# the timeout, it also tells the two apart: a child that reaches the timeout got less than
# half a core all along (the server is busy); one that computes too long meets this first.
CPU_SECONDS = TIMEOUT_SECONDS // 2
# Children parsing at once. Each may grow to its memory cap (1 GB by default): two hold 2 GB
# at most and already use both cores of the machine this runs on (the guard runs in this
# process while a child parses), so a third would only slow the others. The idle spare does
# not count: it holds some 90 MB and no CPU, and works only once a read takes it in a slot.
MAX_PARSING = 2
# A read waits this long for a slot: time for a few ordinary reads (100,000 rows take 2.5 s)
# to finish, while the user is told to retry long before a hostile file's CPU limit ends.
SLOT_WAIT_SECONDS = 30
ROW_SLACK = 100  # rows a title block, header and trailer may add to the data rows
MEMORY_EXIT = 3
# The child's whole environment. Python needs none of it with -I (it finds its venv from its
# own path); what is here makes the child behave the same on every host.
CHILD_ENV = {
    "PATH": os.defpath,
    "LANG": "C.UTF-8",  # UTF-8 file names and text, whatever the host's locale
    "LC_ALL": "C.UTF-8",
    "MALLOC_ARENA_MAX": "2",  # glibc reserves 64 MB of address space per thread arena
    "RUST_BACKTRACE": "0",  # an abort's message, not a page of frames
}
SPARE_DELAY_SECONDS = 2.0
ZIPPED = ("xlsx", "ods")


def list_workbook_sheets(
    path: Path, name: str, kind: str, limits: Limits
) -> tuple[tuple[str, int], ...]:
    """Every sheet of the workbook with its row count, in workbook order."""
    with _worker(limits, name) as child:
        _send(child, path, limits, {"mode": "list", "sheet": None})
        if kind in ZIPPED:
            check_workbook(path, name, limits)
        answer = _answer(child, name, limits)
    return tuple((sheet, rows) for sheet, rows, _ in answer["sheets"])


def read_workbook(path: Path, name: str, kind: str, sheet: str | None, limits: Limits) -> RawTable:
    """One sheet (``sheet``, else the biggest visible one) as a RawTable.

    Raises:
        ReadError: The workbook is refused by the guard, kills the parser, has no such sheet,
            or holds no table within the limits; or other workbooks take every slot.
    """
    with (
        tempfile.TemporaryDirectory(prefix="referral-read-") as folder,
        _worker(limits, name) as child,
    ):
        out = Path(folder) / "sheet.arrow"
        _send(child, path, limits, {"mode": "read", "sheet": sheet, "out": str(out)})
        marks = inspect_workbook(path, name, limits) if kind in ZIPPED else {}
        answer = _answer(child, name, limits)
        sheets = tuple((title, rows) for title, rows, _ in answer["sheets"])
        _check_answer(answer, name, sheet, limits)
        with pa.OSFile(str(out), "rb") as source:
            grid = pa.ipc.open_file(source).read_all()
    chosen = answer["sheet"]
    found = marks.get(chosen, SheetMarks())
    return shape_sheet(
        grid, name, kind, chosen, sheets, answer["columns"], list(found.merges), limits,
        errors=answer["errors"], no_results=found.no_results,
    )  # fmt: skip


def _check_answer(answer: dict[str, Any], name: str, sheet: str | None, limits: Limits) -> None:
    listed = [title for title, _, _ in answer["sheets"]]
    if sheet is not None and sheet not in listed:
        sheets = ", ".join(f"“{title}”" for title in listed)
        raise refuse(name, messages.READ_NO_SHEET, sheet=sheet, sheets=sheets)
    if "sheet" not in answer:
        raise refuse(name, messages.READ_EMPTY)
    if answer["width"] > limits.max_columns:
        raise refuse(
            name, messages.READ_TOO_MANY_COLUMNS, columns=answer["width"], limit=limits.max_columns
        )
    if not answer.get("written"):
        raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)


_spares: dict[tuple[int, int], subprocess.Popen[bytes]] = {}  # its limits → a started, idle child
_spares_lock = threading.Lock()
_closing = False
_slots = threading.BoundedSemaphore(MAX_PARSING)  # Streamlit's sessions are threads of one process


@contextmanager
def _worker(limits: Limits, name: str) -> Iterator[subprocess.Popen[bytes]]:
    """A child for one request, in a slot (the spare, if ready); stopped after, a spare started."""
    key = (limits.workbook_memory_bytes, CPU_SECONDS)
    with _slot(name):
        child = _ready_spare(key) or _start_worker(*key)
        try:
            yield child
        finally:
            _stop(child)  # used once: one file's parse never shares a process with another's
            # Later, not now: starting Python would take a core from the rest of this import.
            timer = threading.Timer(SPARE_DELAY_SECONDS, _start_spare, args=key)
            timer.daemon = True
            timer.start()


@contextmanager
def _slot(name: str) -> Iterator[None]:
    """One of the ``MAX_PARSING`` places to parse in, or a ReadError if none frees up in time."""
    if not _slots.acquire(timeout=SLOT_WAIT_SECONDS):
        raise refuse(name, messages.READ_WORKBOOK_BUSY)
    try:
        yield
    finally:
        _slots.release()  # once its child is stopped: a slot is free when its child is gone


def _ready_spare(key: tuple[int, int]) -> subprocess.Popen[bytes] | None:
    with _spares_lock:
        child = _spares.pop(key, None)
    if child is not None and child.poll() is not None:  # it died while it waited
        _stop(child)
        return None
    return child


def _start_spare(cap: int, cpu: int) -> None:
    with _spares_lock:
        if (cap, cpu) in _spares or _closing:  # another read's spare is waiting, or we exit
            return
        _spares[cap, cpu] = _start_worker(cap, cpu)


def _start_worker(cap: int, cpu: int) -> subprocess.Popen[bytes]:
    """The child, started: it sets its limits, imports fastexcel, then waits for a request."""
    command = [sys.executable, "-I", str(WORKER), str(cap), str(cpu)]
    pipe = subprocess.PIPE
    return subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, env=CHILD_ENV)


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
            with suppress(BrokenPipeError):  # a request still buffered for a child that died
                stream.close()


@atexit.register
def _stop_spares() -> None:
    global _closing
    with _spares_lock:
        _closing = True
        spares = list(_spares.values())
        _spares.clear()
    for child in spares:
        _stop(child)


def _send(
    child: subprocess.Popen[bytes], path: Path, limits: Limits, request: dict[str, Any]
) -> None:
    """Give the child its request, one line of JSON; if it died, ``_answer`` says why."""
    request = {
        **request, "path": str(path), "max_rows": limits.max_rows + ROW_SLACK,
        "max_columns": limits.max_columns,
    }  # fmt: skip
    try:
        child.stdin.write(json.dumps(request).encode() + b"\n")  # type: ignore[union-attr]
        child.stdin.flush()  # type: ignore[union-attr]
    except BrokenPipeError:
        pass


def _answer(child: subprocess.Popen[bytes], name: str, limits: Limits) -> dict[str, Any]:
    """The child's answer to its request, or a ReadError if it failed or died."""
    try:
        out, err, cpu = _collect(child, TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise refuse(name, messages.READ_WORKBOOK_TIMEOUT, seconds=TIMEOUT_SECONDS) from None
    if child.returncode in (0, 2):
        answer = json.loads(out)
        if "error" not in answer:
            return answer
        detail = (answer["detail"] or answer["error"]).splitlines()[0]
        raise refuse(name, messages.READ_WORKBOOK_DAMAGED, detail=detail)
    raise _death(child.returncode, err, cpu, name, limits)


def _death(code: int, err: bytes, cpu: float, name: str, limits: Limits) -> ReadError:
    """Why the child died, as its exit status, stderr and CPU time tell, for the user."""
    # Its own MemoryError, or calamine's abort when an allocation fails under the cap.
    if code == MEMORY_EXIT or (code == -signal.SIGABRT and b"memory allocation" in err):
        size = limits.workbook_memory_bytes / 1024**3
        limit = f"{size:g} GB" if size >= 1 else f"{limits.workbook_memory_bytes // 1024**2} MB"
        return refuse(name, messages.READ_WORKBOOK_MEMORY, limit=limit)
    # SIGXCPU at the CPU limit, SIGKILL a moment later if something blocked it. A SIGKILL
    # before the limit is not ours (the kernel's OOM killer, an operator): the crash below.
    if code == -signal.SIGXCPU or (code == -signal.SIGKILL and cpu >= CPU_SECONDS):
        return refuse(name, messages.READ_WORKBOOK_CPU, seconds=CPU_SECONDS)
    how = f"signal {-code}" if code < 0 else f"exit code {code}"
    return refuse(name, messages.READ_WORKBOOK_CRASH, how=how)


def _collect(child: subprocess.Popen[bytes], timeout: float) -> tuple[bytes, bytes, float]:
    """The child's stdout and stderr once it has exited, and the CPU seconds it used.

    ``communicate`` would read both, but it reaps the child without the kernel's account of
    its CPU time, which tells a SIGKILL at the CPU limit from anyone else's.

    Raises:
        subprocess.TimeoutExpired: The child has not exited within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    streams = {child.stdout: bytearray(), child.stderr: bytearray()}
    with selectors.DefaultSelector() as selector:
        for stream in streams:
            selector.register(stream, selectors.EVENT_READ)  # type: ignore[arg-type]
        while selector.get_map():
            left = deadline - time.monotonic()
            ready = selector.select(left) if left > 0 else []
            if not ready:
                raise subprocess.TimeoutExpired(child.args, timeout)
            for key, _ in ready:
                data = os.read(key.fd, 1 << 16)
                streams[key.fileobj].extend(data)  # type: ignore[index]
                if not data:
                    selector.unregister(key.fileobj)
    while True:  # both streams closed: it is exiting, if not quite gone
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() >= deadline:
            raise subprocess.TimeoutExpired(child.args, timeout)
        time.sleep(0.001)
    child.returncode = os.waitstatus_to_exitcode(status)
    out, err = streams.values()
    return bytes(out), bytes(err), usage.ru_utime + usage.ru_stime
