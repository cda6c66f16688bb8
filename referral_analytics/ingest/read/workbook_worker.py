"""Child process that parses a workbook with fastexcel under memory and CPU limits.

Run as ``python -I workbook_worker.py <memory bytes> <cpu seconds>`` by ``workbook.py``, which
starts it ahead of need, with a bare environment, and later sends the request as one line of
JSON on stdin; never imported by the app. calamine allocates a dense grid for a sheet's used
range and aborts the whole process when an allocation fails, so it runs here, in a process of
its own, under limits set before fastexcel is even imported: a hostile or huge workbook kills
this child, never the app.

* RLIMIT_AS, the memory bytes: an allocation beyond it fails; calamine then aborts the
  process, and a MemoryError in Python makes it exit with ``MEMORY_ERROR``.
* RLIMIT_CPU, the cpu seconds: the kernel sends SIGXCPU once this process has computed that
  long (its default action ends the process), and SIGKILL ``KILL_AFTER_SECONDS`` later in case
  something blocks it. CPU time, not wall-clock: a spare waiting for its request uses none.
* RLIMIT_CORE 0: a child killed by a signal (SIGXCPU, calamine's abort) writes no core file,
  which could be as big as the memory cap.

The parent keeps a wall-clock timeout of its own and tells each death apart for the user.
Stand-alone on purpose (standard library, pyarrow, fastexcel), so it starts without the app's
package on its path.

Request: {"path", "out", "mode": "list"|"read", "sheet": name|null, "max_rows",
"max_columns"}. Answer on stdout: {"sheets": [[name, rows, visible], ...]} and,
for "read", "sheet" (the one written to ``out`` as Arrow IPC), "columns" (each column's
0-based position in the sheet) and "errors" (the cells holding an Excel error, which the
grid has as empty: [row, column, kind], see ``_errors``). Errors: {"error": kind, "detail":
text}, exit code 2.
"""

import json
import re
import resource
import sys
from typing import Any

MEMORY_ERROR = 3
KILL_AFTER_SECONDS = 1  # soft CPU limit (SIGXCPU) to hard (SIGKILL: ends a child that blocks it)
ERROR_KIND = re.compile(r"Error\((\w+)\)")  # "Expected string but got 'Error(Div0)'"


def main(argv: list[str]) -> int:
    """Set the limits, import the parser, then parse what the request on stdin names."""
    _limit(memory=int(argv[1]), cpu=int(argv[2]))
    try:  # imported under the cap, before the request comes: a cap too small fails here
        import fastexcel  # noqa: F401
        import pyarrow  # noqa: F401
    except (MemoryError, ImportError, OSError):
        return MEMORY_ERROR
    try:
        answer = _answer(json.loads(sys.stdin.readline()))
    except MemoryError:
        return MEMORY_ERROR
    except Exception as error:  # the parent turns any failure into a message for the user
        answer = {"error": type(error).__name__, "detail": str(error)[:300]}
    sys.stdout.write(json.dumps(answer))
    return 2 if "error" in answer else 0


def _limit(memory: int, cpu: int) -> None:
    """Cap this process's address space, CPU time and core files (see the module docstring)."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + KILL_AFTER_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def _answer(request: dict[str, Any]) -> dict[str, Any]:
    import fastexcel  # imported under the memory cap

    reader = fastexcel.read_excel(request["path"])
    wanted, reading = request["sheet"], request["mode"] == "read"
    sheets: list[list[Any]] = []
    best: dict[bool, tuple[int, Any]] = {}  # visible? → (rows, sheet): the biggest of each
    chosen = None
    for index, name in enumerate(reader.sheet_names):
        sheet = _load(reader, index, request["max_rows"] if reading else 1)
        rows = sheet.total_height if sheet is not None else 0
        visible = sheet is not None and sheet.visible == "visible"
        sheets.append([name, rows, visible])
        if not reading or sheet is None:
            continue
        if name == wanted:
            chosen = sheet
        elif wanted is None and rows > best.get(visible, (-1, None))[0]:
            best[visible] = (rows, sheet)
    if wanted is None and best:  # the biggest sheet, a visible one if there is any
        chosen = best.get(True, best.get(False))[1]
    answer: dict[str, Any] = {"sheets": sheets}
    if chosen is not None:
        answer.update(sheet=chosen.name, width=chosen.width)
        answer["columns"] = [column.absolute_index for column in chosen.available_columns()]
        if chosen.width <= request["max_columns"] and chosen.total_height <= request["max_rows"]:
            batch, errors = chosen.to_arrow_with_errors()
            _write(batch, request["out"])
            answer.update(written=True, errors=_errors(errors))
    return answer


def _errors(found: Any) -> list[list[Any]]:
    """Each cell fastexcel left empty because it holds an Excel error: [row, column, kind].

    Row and column are the grid's (0-based); kind is calamine's name ("Div0", "NA" …).
    """
    errors = []
    for error in found.errors if found is not None else ():
        kind = ERROR_KIND.search(error.detail)
        errors.append([*error.position, kind.group(1) if kind else error.detail[:40]])
    return errors


def _load(reader: Any, index: int, rows: int) -> Any:
    # Every cell as text, every row from row 1 (skip_rows=0 keeps the leading empty rows,
    # so a row's index + 1 is its number in Excel).
    try:
        return reader.load_sheet(index, header_row=None, skip_rows=0, n_rows=rows, dtypes="string")
    except Exception as error:  # an empty or chart sheet: listed with 0 rows
        if "MemoryError" in type(error).__name__:
            raise
        return None


def _write(batch: Any, path: str) -> None:
    import pyarrow as pa

    with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, batch.schema) as writer:
        writer.write_batch(batch)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
