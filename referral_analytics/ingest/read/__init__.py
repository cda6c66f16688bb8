"""The READ stage of an import: any uploaded file → a table of text cells with exact positions.

``read_table`` judges a file by its content (an .xlsx renamed .csv is a workbook), reads
every cell as text (``0501234567`` stays text), and keeps where each row came from: the CSV
line a record starts on as a text editor numbers it, or the workbook row. A title block above
the header and a report trailer below the data are skipped and said so. A CSV line that does
not split into the header's cells is kept in ``RawTable.rejected_lines``, a row error for
the pipeline, never dropped. Anything a file can contain ends as a ``ReadError`` carrying a
``Problem`` for the user, never a traceback.

CSV goes through DuckDB with a fixed dialect (``csv_read``); workbooks are checked as zips
(``workbook_guard``) and parsed in a memory-capped child process (``workbook``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from referral_analytics import messages
from referral_analytics.ingest.read import sniffing
from referral_analytics.ingest.read.cell_refs import column_letters, sheet_reference
from referral_analytics.ingest.read.csv_read import read_csv
from referral_analytics.ingest.read.problems import Problem, ReadError, refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.workbook import list_workbook_sheets, read_workbook
from referral_analytics.ingest.read.workbook_shape import COLUMNS_KEY

__all__ = [
    "Limits", "Problem", "RawTable", "ReadError", "list_sheets", "location", "read_table", "sniff",
]  # fmt: skip

T = TypeVar("T")
KIND_NAMES = {"csv": "CSV", "xlsx": "an Excel workbook", "xls": "an Excel 97-2003 workbook",
              "ods": "an OpenDocument spreadsheet"}  # fmt: skip
EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
              ".xls": "xls", ".ods": "ods"}  # fmt: skip


def sniff(path: Path, *, file_name: str | None = None) -> str:
    """The file's type judged by its content: "csv", "xlsx", "xls" or "ods".

    Raises:
        ReadError: The file is empty, a PDF, or other binary data.
    """
    path = Path(path)
    return _guarded(file_name or path.name, lambda name: sniffing.file_kind(path, name))


def list_sheets(
    path: Path,
    *,
    file_name: str | None = None,
    limits: Limits = Limits(),  # noqa: B008 (frozen: a shared default is safe)
) -> tuple[tuple[str, int], ...]:
    """Every sheet of a workbook with its row count; () for a CSV file.

    ``file_name`` is the name the user knows the file by, for messages (an upload's temporary
    copy has a name of ours).
    """
    path = Path(path)

    def listing(name: str) -> tuple[tuple[str, int], ...]:
        _check_size(path, name, limits)
        kind = sniffing.file_kind(path, name)
        return () if kind == "csv" else list_workbook_sheets(path, name, kind, limits)

    return _guarded(file_name or path.name, listing)


def read_table(
    path: Path, *, file_name: str | None = None, sheet: str | None = None,
    limits: Limits = Limits(),  # noqa: B008 (frozen: a shared default is safe)
) -> RawTable:  # fmt: skip
    """Read a CSV file or one sheet of a workbook, every cell as text.

    Args:
        path: The file (an upload's temporary copy, say).
        file_name: The name the user knows it by, for messages; defaults to the path's.
        sheet: For a workbook, the sheet to read; default the biggest visible one.
        limits: Size limits; the app passes its Settings' own.

    Raises:
        ReadError: The file cannot be read; ``error.problem`` says why, for the user.
    """
    path = Path(path)

    def reading(name: str) -> RawTable:
        _check_size(path, name, limits)
        kind = sniffing.file_kind(path, name)
        if kind == "csv":
            raw = read_csv(path, name, limits)
        else:
            raw = read_workbook(path, name, kind, sheet, limits)
        return _with_name_warning(raw, name)

    return _guarded(file_name or path.name, reading)


def location(raw: RawTable, row: int, column_index: int) -> str:
    """Where a cell is, as the user finds it: "line 7" (CSV) or "Sheet1!C7" (workbook).

    Args:
        raw: The table the cell is in.
        row: The row's ``__row`` value.
        column_index: The cell's 0-based position in ``raw.headers``.
    """
    if raw.sheet is None:
        return f"line {row}"
    stored = (raw.table.schema.metadata or {}).get(COLUMNS_KEY)
    letters = stored.decode().split(",") if stored else []
    letter = (
        letters[column_index] if column_index < len(letters) else column_letters(column_index + 1)
    )
    return f"{sheet_reference(raw.sheet)}!{letter}{row}"


def _check_size(path: Path, name: str, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise refuse(
            name, messages.READ_TOO_BIG, size_mb=size / 1024**2, limit_mb=limits.max_bytes / 1024**2
        )


def _with_name_warning(raw: RawTable, name: str) -> RawTable:
    """Say so when the name promises another type than the content (content wins)."""
    named = EXTENSIONS.get(Path(name).suffix.lower())
    if named is None or named == raw.file_type:
        return raw
    text = messages.READ_NAMED_AS.format(
        file=name, named=Path(name).suffix.lower(), actual=KIND_NAMES[raw.file_type]
    )
    return replace(raw, warnings=(Problem(name, None, text), *raw.warnings))


def _guarded(name: str, action: Callable[[str], T]) -> T:
    """``action(name)``, with any failure a file can cause turned into a ReadError.

    Every expected failure already is one; this catches the rest (an OSError reading the
    upload, a library error on input nobody foresaw) so the user sees a sentence, and the
    original stays attached as ``__cause__`` for the log.
    """
    try:
        return action(name)
    except ReadError:
        raise
    except Exception as error:
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise refuse(name, messages.READ_UNEXPECTED, detail=detail) from error
