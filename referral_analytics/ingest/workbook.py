"""Read a workbook (.xlsx, .xls, .ods): guard it, parse it in a child process, shape it.

The child (``workbook_worker.py``) runs under a memory cap and hands back Arrow IPC in a
temporary file; if it dies (calamine aborts when an allocation fails), the user gets a
message naming the file, and this process goes on.

Two things keep the child off the user's clock. A spare child is started a little after each
read (not at once: it would take a core from the rest of that import), so the next read finds
Python and fastexcel already loaded (0.35 s). And the child parses while this process runs
the guard, on the other core: the parse is confined (memory cap, timeout, killed the moment
the guard refuses) and none of its output is used before the guard passes, so a hostile file
still gets the guard's message and harms nothing.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.problems import refuse
from referral_analytics.ingest.raw_table import Limits, RawTable
from referral_analytics.ingest.workbook_guard import check_workbook
from referral_analytics.ingest.workbook_shape import shape_sheet

WORKER = Path(__file__).with_name("workbook_worker.py")
TIMEOUT_SECONDS = 300
ROW_SLACK = 100  # rows a title block, header and trailer may add to the data rows
MEMORY_EXIT = 3
SPARE_DELAY_SECONDS = 2.0
ZIPPED = ("xlsx", "ods")


def list_workbook_sheets(
    path: Path, name: str, kind: str, limits: Limits
) -> tuple[tuple[str, int], ...]:
    """Every sheet of the workbook with its row count, in workbook order."""
    with _worker(limits) as child:
        _send(child, path, limits, {"mode": "list", "sheet": None})
        if kind in ZIPPED:
            check_workbook(path, name, limits)
        answer = _answer(child, name, limits)
    return tuple((sheet, rows) for sheet, rows, _ in answer["sheets"])


def read_workbook(path: Path, name: str, kind: str, sheet: str | None, limits: Limits) -> RawTable:
    """One sheet (``sheet``, else the biggest visible one) as a RawTable.

    Raises:
        ReadError: The workbook is refused by the guard, kills the parser, has no such sheet,
            or holds no table within the limits.
    """
    with tempfile.TemporaryDirectory(prefix="referral-read-") as folder, _worker(limits) as child:
        out = Path(folder) / "sheet.arrow"
        _send(child, path, limits, {"mode": "read", "sheet": sheet, "out": str(out)})
        merges = check_workbook(path, name, limits) if kind in ZIPPED else {}
        answer = _answer(child, name, limits)
        sheets = tuple((title, rows) for title, rows, _ in answer["sheets"])
        _check_answer(answer, name, sheet, limits)
        with pa.OSFile(str(out), "rb") as source:
            grid = pa.ipc.open_file(source).read_all()
    chosen = answer["sheet"]
    ranges = merges.get(chosen, [])
    return shape_sheet(grid, name, kind, chosen, sheets, answer["columns"], ranges, limits)


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


_spares: dict[int, subprocess.Popen[bytes]] = {}  # memory cap → a started, idle child
_spares_lock = threading.Lock()
_closing = False


@contextmanager
def _worker(limits: Limits) -> Iterator[subprocess.Popen[bytes]]:
    """A child for one request (the spare, if one is ready); stopped after, a new spare started."""
    cap = limits.workbook_memory_bytes
    with _spares_lock:
        child = _spares.pop(cap, None)
    if child is None or child.poll() is not None:
        if child is not None:
            _stop(child)
        child = _start_worker(cap)
    try:
        yield child
    finally:
        _stop(child)  # used once: one file's parse never shares a process with another's
        # Later, not now: starting Python would take a core from the rest of this import.
        timer = threading.Timer(SPARE_DELAY_SECONDS, _start_spare, args=(cap,))
        timer.daemon = True
        timer.start()


def _start_spare(cap: int) -> None:
    with _spares_lock:
        if cap in _spares or _closing:  # another read's spare is waiting, or we are exiting
            return
        _spares[cap] = _start_worker(cap)


def _start_worker(cap: int) -> subprocess.Popen[bytes]:
    """The child, started: it caps its memory, imports fastexcel, then waits for a request."""
    # glibc reserves 64 MB of address space per thread arena; two keep the cap for the data.
    env = {**os.environ, "MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}
    command = [sys.executable, "-I", str(WORKER), str(cap)]
    pipe = subprocess.PIPE
    return subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, env=env)


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
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
        out, err = child.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise refuse(name, messages.READ_WORKBOOK_TIMEOUT, seconds=TIMEOUT_SECONDS) from None
    if child.returncode in (0, 2):
        answer = json.loads(out)
        if "error" not in answer:
            return answer
        detail = (answer["detail"] or answer["error"]).splitlines()[0]
        raise refuse(name, messages.READ_WORKBOOK_DAMAGED, detail=detail)
    out_of_memory = child.returncode == MEMORY_EXIT or b"memory allocation" in err
    if out_of_memory or child.returncode == -9:  # -9: SIGKILL, what the kernel's OOM killer sends
        size = limits.workbook_memory_bytes / 1024**3
        limit = f"{size:g} GB" if size >= 1 else f"{limits.workbook_memory_bytes // 1024**2} MB"
        raise refuse(name, messages.READ_WORKBOOK_MEMORY, limit=limit)
    raise refuse(name, messages.READ_WORKBOOK_CRASH)
