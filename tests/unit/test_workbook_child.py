"""The workbook parser's child process: its CPU limit, its bare environment, how many run at
once, and what the user is told when one dies.

Every child here is a real one, running ``workbook_worker.py``; the signals are real too.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import zipfile
from pathlib import Path

import pytest

from referral_analytics.ingest.read import Limits, RawTable, ReadError, read_table, workbook
from tests.unit.test_read_workbook import _children, book
from tests.unit.test_workbook_guard import CONTENT_TYPES, PACKAGE_RELS, sheet_xml

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
PACKAGE = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'


def busy_book(path: Path, sheets: int) -> Path:
    """A small .xlsx that keeps the parser busy: ``sheets`` sheets, all one 100,000-cell part.

    The guard inflates that part once; calamine parses it once a sheet (about 35 ms of CPU
    each here), in little memory, since the child keeps only the biggest sheet.
    """
    names = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId{i}"/>' for i in range(sheets))
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{WORKSHEET}" Target="worksheets/sheet1.xml"/>'
        for i in range(sheets)
    )
    cells = '<c r="{0}{1}"><v>{1}</v></c>'
    rows = "".join(
        f'<row r="{n}">{"".join(cells.format(column, n) for column in "ABCD")}</row>'
        for n in range(1, 25_001)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr(
            "xl/workbook.xml", f"<workbook {MAIN} {RELS}><sheets>{names}</sheets></workbook>"
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels", f"<Relationships {PACKAGE}>{links}</Relationships>"
        )
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml(rows))
    return path


def refused(path: Path, name: str) -> str:
    """The message of the ReadError that reading ``path``, uploaded as ``name``, raises."""
    with pytest.raises(ReadError) as caught:
        read_table(path, file_name=name)
    assert caught.value.problem.file == name
    assert path.name not in caught.value.problem.message  # the user's name, never our copy's
    return caught.value.problem.message


@pytest.fixture
def no_spares():
    """No spare child during the test: every child alive is one that a read started."""
    workbook._stop_spares()  # which also keeps new spares from starting, until the test ends
    yield
    workbook._closing = False


def started(cpu: int | None = None, *, block_sigxcpu: bool = False):
    """An idle child, started as a read starts one, with ``cpu`` seconds (or ``CPU_SECONDS``).

    ``block_sigxcpu`` blocks SIGXCPU in the thread that starts it; a signal mask is inherited
    through fork and exec, so the child outlives its soft CPU limit.
    """
    children = []

    def start() -> None:
        if block_sigxcpu:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGXCPU})
        limit = workbook.CPU_SECONDS if cpu is None else cpu
        children.append(workbook._start_worker(Limits().workbook_memory_bytes, limit))

    thread = threading.Thread(target=start)
    thread.start()
    thread.join()
    return children[0]


def answer_of(child, path: Path, name: str) -> dict | ReadError:
    """What the parent makes of the child's answer to a request to read ``path``."""
    request = {"mode": "read", "sheet": None, "out": str(path.with_suffix(".arrow"))}
    try:
        workbook._send(child, path, Limits(), request)
        return workbook._answer(child, name, Limits())
    except ReadError as error:
        return error
    finally:
        workbook._stop(child)


# --- CPU time ---------------------------------------------------------------------------------


def test_a_workbook_that_computes_too_long_is_stopped_at_the_cpu_limit(
    tmp_path, monkeypatch, no_spares
):
    monkeypatch.setattr(workbook, "CPU_SECONDS", 1)
    path = busy_book(tmp_path / "upload-1.xlsx", sheets=200)  # some 7 s of CPU
    began = time.monotonic()
    message = refused(path, "Contacts export.xlsx")
    assert message == (
        "“Contacts export.xlsx” could not be read safely: the workbook needs more than 1 "
        "seconds of computing time. Delete unused rows, columns and sheets, or save it as CSV, "
        "and import it again."
    )
    assert time.monotonic() - began < 5  # stopped at 1 s of CPU, not left to finish


def test_a_child_that_blocks_sigxcpu_is_killed_at_the_hard_limit_and_said_so(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "CPU_SECONDS", 1)
    child = started(cpu=1, block_sigxcpu=True)
    # some 7 s of CPU: well past the hard limit (2 s) on any machine this runs on
    error = answer_of(child, busy_book(tmp_path / "upload-1.xlsx", sheets=200), "Deals.xlsx")
    assert child.returncode == -signal.SIGKILL  # the kernel's, a second past the soft limit
    assert isinstance(error, ReadError)
    assert error.problem.message.startswith(
        "“Deals.xlsx” could not be read safely: the workbook needs more than 1 seconds of "
        "computing time."
    )


def test_the_wall_clock_timeout_is_said_as_such(tmp_path, monkeypatch, no_spares):
    monkeypatch.setattr(workbook, "TIMEOUT_SECONDS", 0.5)
    before = _children()
    message = refused(busy_book(tmp_path / "upload-1.xlsx", sheets=100), "Deals.xlsx")
    assert message == (
        "“Deals.xlsx” could not be read: reading the workbook took longer than 0.5 seconds; "
        "the server is probably busy. Try again in a few minutes."
    )
    assert _children() == before  # the child was stopped, not left to finish


# --- how a death is told ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "says"),
    [
        (signal.SIGXCPU, "the workbook needs more than 150 seconds of computing time."),
        # A SIGKILL far from the CPU limit is not the limit's (an OOM killer's, an operator's).
        (signal.SIGKILL, "the workbook reader stopped unexpectedly (signal 9)."),
        (signal.SIGSEGV, "the workbook reader stopped unexpectedly (signal 11)."),
        (signal.SIGTERM, "the workbook reader stopped unexpectedly (signal 15)."),
    ],
)
def test_a_child_killed_by_a_signal_is_told_by_that_signal(tmp_path, sent, says):
    child = started()
    os.kill(child.pid, sent)
    error = answer_of(child, book(tmp_path / "upload-1.xlsx", {"S": [["a"], [1]]}), "Deals.xlsx")
    assert isinstance(error, ReadError)
    assert error.problem.message.startswith(f"“Deals.xlsx” could not be read safely: {says}")


def test_a_child_that_exits_oddly_is_told_by_its_exit_code():
    error = workbook._death(1, b"", 0.0, "Deals.xlsx", Limits())
    assert error.problem.message.startswith(
        "“Deals.xlsx” could not be read safely: the workbook reader stopped unexpectedly "
        "(exit code 1)."
    )


# --- the environment --------------------------------------------------------------------------


def test_the_child_sees_none_of_this_processs_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REFERRAL_SECRET_TEST", "hunter2")
    monkeypatch.setenv("PATH", f"/opt/secret-tools:{os.environ.get('PATH', '')}")
    child = started()
    seen = environment_of(child.pid)
    answer = answer_of(child, book(tmp_path / "upload-1.xlsx", {"S": [["a"], [1]]}), "b.xlsx")
    assert "REFERRAL_SECRET_TEST" not in seen
    assert seen == {
        "PATH": "/bin:/usr/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0",
    }  # fmt: skip
    assert answer["sheets"] == [["S", 2, True]]  # fastexcel imports and parses with only that


def environment_of(pid: int) -> dict[str, str]:
    """The environment a process was started with, from /proc.

    Popen returns once exec has closed its pipe, a moment before the kernel has laid out the
    new program's environment, which reads as empty until then.
    """
    deadline = time.monotonic() + 5
    while not (environ := Path(f"/proc/{pid}/environ").read_bytes()):
        assert time.monotonic() < deadline, "the child never showed an environment"
        time.sleep(0.01)
    return dict(entry.split("=", 1) for entry in environ.decode().split("\0") if entry)


# --- children at once -------------------------------------------------------------------------


def _workers() -> set[int]:
    """Our live workbook parsers: other children (a test server, a browser) are not counted."""
    found = set()
    for pid in _children():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        if b"workbook_worker.py" in command:
            found.add(pid)
    return found


def read_at_once(paths: list[Path]) -> tuple[dict[str, RawTable | ReadError], int]:
    """Each file read in a thread of its own, all at once; the most children alive meanwhile.

    Each result is keyed by the name its file was uploaded as, "Contacts 0.xlsx" and so on.
    """
    barrier = threading.Barrier(len(paths) + 1)
    results: dict[str, RawTable | ReadError] = {}

    def read(path: Path) -> None:
        name = f"Contacts {path.stem}.xlsx"
        barrier.wait()
        try:
            results[name] = read_table(path, file_name=name)
        except ReadError as error:
            results[name] = error

    threads = [threading.Thread(target=read, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    barrier.wait()
    most = 0
    while any(thread.is_alive() for thread in threads):
        most = max(most, len(_workers()))
        time.sleep(0.02)
    return results, most


def test_no_more_children_than_the_cap_parse_at_once(tmp_path, no_spares):
    paths = [busy_book(tmp_path / f"{n}.xlsx", sheets=15) for n in range(workbook.MAX_PARSING + 1)]
    results, most = read_at_once(paths)
    assert all(isinstance(result, RawTable) for result in results.values())  # the last waited
    assert most == workbook.MAX_PARSING == 2


def test_a_read_that_finds_no_slot_in_time_is_told_to_try_again(tmp_path, monkeypatch, no_spares):
    monkeypatch.setattr(workbook, "SLOT_WAIT_SECONDS", 0.1)
    paths = [busy_book(tmp_path / f"{n}.xlsx", sheets=15) for n in range(workbook.MAX_PARSING + 1)]
    results, most = read_at_once(paths)
    turned_away = {name: r for name, r in results.items() if isinstance(r, ReadError)}
    assert len(turned_away) == 1 and most <= workbook.MAX_PARSING
    [(name, error)] = turned_away.items()
    assert error.problem.message == (
        f"“{name}” cannot be read right now: other workbooks are being read. Try again in a moment."
    )
