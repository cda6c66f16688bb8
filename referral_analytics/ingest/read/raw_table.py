"""The READ stage's values: the limits a file must respect and the table it becomes.

``read.py`` re-exports both; they live here so its helper modules can use them too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from referral_analytics.ingest.read.problems import Problem


@dataclass(frozen=True)
class Limits:
    """What a file may hold. Defaults; the app's Settings pass their own."""

    max_bytes: int = 200 * 1024**2
    max_rows: int = 2_000_000
    max_columns: int = 300
    workbook_memory_bytes: int = 1024**3  # RLIMIT_AS of the child process that parses
    max_zip_ratio: float = 100.0  # uncompressed / compressed, per zip member
    max_uncompressed_bytes: int = 1024**3


@dataclass(frozen=True)
class CellError:
    """A workbook cell whose value the file does not give: an Excel error, or no result saved.

    Attributes:
        row: The workbook row (the ``__row`` of its table row).
        column: The cell's 0-based position in ``RawTable.headers``.
        error: The error as Excel shows it ("#DIV/0!", "#N/A" …; the cell's text holds it
            too), or None for a formula saved without its result (the cell is empty).
    """

    row: int
    column: int
    error: str | None


@dataclass(frozen=True)
class RejectedLine:
    """A line of a CSV file that does not split into the header's cells: a row error.

    Attributes:
        line: The line it starts on.
        reason: Why, for the row error ("has 5 cells, the header has 7").
        text: The line as written (cleaned, as every cell is).
        cells: Its cells, as far as they split.
    """

    line: int
    reason: str
    text: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RawTable:
    """One file's table, every cell as text, with where each row sits in the file.

    Attributes:
        file_name: The file's name as the user knows it.
        file_type: "csv", "xlsx", "xls" or "ods", judged by content.
        sheet: The sheet read (workbooks), else None.
        sheets: Every sheet with its row count (workbooks); () for CSV.
        headers: Header names as written, made unique and non-blank ("column_7", "Email (2)").
        original_headers: Header names exactly as written ("" for a blank one).
        table: One string column per header (None for an empty cell) and an int64 ``__row``:
            the CSV line a record starts on, as a text editor numbers it, or the workbook row.
        header_row: The line or row of the header (a two-level header's first row).
        encoding: The CSV file's encoding (a Python codec name); None for workbooks.
        delimiter: The CSV file's cell separator; None for workbooks.
        warnings: What was skipped or could not be read, each with its place.
        cell_errors: Workbook cells of ``table`` holding an Excel error or a formula saved
            without its result, in row order; the CHECK stage says what becomes of them.
    """

    file_name: str
    file_type: str
    sheet: str | None
    sheets: tuple[tuple[str, int], ...]
    headers: tuple[str, ...]
    original_headers: tuple[str, ...]
    table: pa.Table
    header_row: int
    encoding: str | None
    delimiter: str | None
    warnings: tuple[Problem, ...]
    rejected_lines: tuple[RejectedLine, ...] = ()
    cell_errors: tuple[CellError, ...] = ()
