"""Read a workbook (.xlsx, .xls, .ods): guard it, parse it in a child process, shape it.

The child (``workbook_worker.py``) runs under a memory cap and hands back Arrow IPC in a
temporary file; if it dies (calamine aborts when an allocation fails), the user gets a
message naming the file, and this process goes on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
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
ZIPPED = ("xlsx", "ods")


def list_workbook_sheets(
    path: Path, name: str, kind: str, limits: Limits
) -> tuple[tuple[str, int], ...]:
    """Every sheet of the workbook with its row count, in workbook order."""
    child = _start_worker(limits)
    with _killed_on_error(child):
        if kind in ZIPPED:
            check_workbook(path, name, limits)
        answer = _finish_worker(child, path, name, limits, {"mode": "list", "sheet": None})
    return tuple((sheet, rows) for sheet, rows, _ in answer["sheets"])


def read_workbook(path: Path, name: str, kind: str, sheet: str | None, limits: Limits) -> RawTable:
    """One sheet (``sheet``, else the biggest visible one) as a RawTable.

    Raises:
        ReadError: The workbook is refused by the guard, kills the parser, has no such sheet,
            or holds no table within the limits.
    """
    child = _start_worker(limits)  # starts Python while the guard works: 0.4 s saved
    with _killed_on_error(child), tempfile.TemporaryDirectory(prefix="referral-read-") as folder:
        merges = check_workbook(path, name, limits) if kind in ZIPPED else {}
        out = Path(folder) / "sheet.arrow"
        request = {"mode": "read", "sheet": sheet, "out": str(out)}
        answer = _finish_worker(child, path, name, limits, request)
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


def _start_worker(limits: Limits) -> subprocess.Popen[bytes]:
    """The child, started: it caps its memory, imports fastexcel, then waits for a request."""
    # glibc reserves 64 MB of address space per thread arena; two keep the cap for the data.
    env = {**os.environ, "MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}
    command = [sys.executable, "-I", str(WORKER), str(limits.workbook_memory_bytes)]
    pipe = subprocess.PIPE
    return subprocess.Popen(command, stdin=pipe, stdout=pipe, stderr=pipe, env=env)


@contextmanager
def _killed_on_error(child: subprocess.Popen[bytes]) -> Iterator[None]:
    """Stop the child if the guard refuses the file (or anything else fails)."""
    try:
        yield
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def _finish_worker(
    child: subprocess.Popen[bytes], path: Path, name: str, limits: Limits, request: dict[str, Any]
) -> dict[str, Any]:
    """Send the child its request; its answer, or a ReadError if it failed or died."""
    request = {
        **request, "path": str(path), "max_rows": limits.max_rows + ROW_SLACK,
        "max_columns": limits.max_columns,
    }  # fmt: skip
    try:
        out, err = child.communicate(json.dumps(request).encode(), timeout=TIMEOUT_SECONDS)
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
