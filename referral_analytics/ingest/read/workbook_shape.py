"""A parsed sheet made into a RawTable: cells as text, merged cells filled, header found.

Merged cells hold their text in the top-left cell only; here each merged cell says it where
Excel shows it. Across the header, a name merged over several columns names each of them;
down the data, a value merged over several rows (an agent's name over their deals) holds
for each row. A header of two rows, group names merged over the names below ("Contact"
over "Name" and "Email"), becomes one row of joined names: "Contact Name", "Contact Email".

Excel errors (``#DIV/0!`` …) read as Excel shows them, and with formulas saved without
their result they are listed in ``RawTable.cell_errors`` for the CHECK stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.read import layout, table_shape
from referral_analytics.ingest.read.cell_refs import column_letters, column_number, sheet_reference
from referral_analytics.ingest.read.problems import Problem, refuse
from referral_analytics.ingest.read.raw_table import CellError, Limits, RawTable
from referral_analytics.ingest.read.workbook_cells import EXCEL_ERRORS, UNKNOWN_ERROR, as_text

COLUMNS_KEY = b"referral_analytics.source_columns"  # schema metadata: each column's letters
SAMPLE_ROWS = 200
REFERENCE = re.compile(r"([A-Z]+)([0-9]+)")
# A cell that reads as data, not as a header name: a number, a date, an e-mail address.
DATA_LIKE = re.compile(r"[-+]?[0-9][0-9 .,:/%-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}T.*|\S+@\S+")
Span = tuple[int, int, int, int]  # first row, last row (Excel's), first and last grid column
Marks = list[tuple[int, int, str | None]]  # grid row, grid column, error text (None: no result)


def shape_sheet(
    grid: pa.Table, name: str, kind: str, sheet: str, sheets: tuple[tuple[str, int], ...],
    columns: list[int], merges: list[str], limits: Limits, *,
    errors: Sequence[Sequence] = (), no_results: Sequence[str] = (),
) -> RawTable:  # fmt: skip
    """The RawTable of one parsed sheet.

    Args:
        grid: The sheet's cells as fastexcel's strings, row 1 first.
        name: The file's name, for messages.
        kind: "xlsx", "xls" or "ods".
        sheet: The sheet's name.
        sheets: Every sheet of the workbook with its row count.
        columns: Each grid column's 0-based position in the sheet (the grid starts at the
            first used column).
        merges: The sheet's merged ranges ("C3:D3").
        limits: Size limits to enforce.
        errors: The cells holding an Excel error: [grid row, grid column, calamine's kind].
        no_results: The cells holding a formula saved without its result ("E5").
    """
    grid = as_text(grid)
    marks = _marks(errors, no_results, columns, grid.num_rows)
    grid = _with_errors(grid, marks)
    letters = [column_letters(position + 1) for position in columns]
    spans = _merged_ranges(merges, columns)
    sample = [list(row.values()) for row in grid.slice(0, SAMPLE_ROWS).to_pylist()]
    first, header = _header_rows(sample, spans, name)
    rows = np.arange(1, grid.num_rows + 1, dtype=np.int64)
    _, data, rows = table_shape.split_header(grid, rows, header)
    original = _header_names(sample, spans, first, header)
    data, sources = _fill_down(data, spans, header + 2)
    data, rows, trailers = table_shape.cut_trailer(data, rows)
    data, rows = table_shape.drop_empty_rows(data, rows)
    where = sheet_reference(sheet)
    if len(rows) == 0:
        raise refuse(name, messages.READ_HEADER_ONLY, where=f"{where}!{letters[0]}{header + 1}")
    if len(rows) > limits.max_rows:
        raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)
    headers = layout.unique_headers(original)
    table = table_shape.assemble(data, rows, headers)
    table = table.replace_schema_metadata({COLUMNS_KEY: ",".join(letters).encode()})
    warnings = _warnings(name, where, first + 1, trailers, letters)
    return RawTable(
        file_name=name, file_type=kind, sheet=sheet, sheets=sheets, headers=headers,
        original_headers=original, table=table, header_row=first + 1, encoding=None,
        delimiter=None, warnings=warnings,
        cell_errors=_cell_errors(marks, sources, header + 1, rows),
    )  # fmt: skip


def _marks(
    errors: Sequence[Sequence], no_results: Sequence[str], columns: list[int], height: int
) -> Marks:
    """Excel errors and formulas without a result as (grid row, grid column, text or None)."""
    marks: Marks = [
        (int(row), int(column), EXCEL_ERRORS.get(str(error), UNKNOWN_ERROR))
        for row, column, error in errors
    ]
    index = {position + 1: grid_column for grid_column, position in enumerate(columns)}
    for reference in no_results:
        found = REFERENCE.fullmatch(reference)
        column = index.get(column_number(found[1])) if found else None
        if column is not None and int(found[2]) <= height:  # beyond the grid: nothing there
            marks.append((int(found[2]) - 1, column, None))
    return marks


def _with_errors(grid: pa.Table, marks: Marks) -> pa.Table:
    """The grid with each Excel error written in its cell, as Excel shows it."""
    by_column: dict[int, dict[int, str]] = {}
    for row, column, text in marks:
        if text is not None:
            by_column.setdefault(column, {})[row] = text
    columns = list(grid.columns)
    for column, texts in by_column.items():
        mask = np.zeros(grid.num_rows, dtype=bool)
        positions = sorted(texts)
        mask[positions] = True
        fill = pa.array([texts[p] for p in positions], pa.string())
        values = columns[column].combine_chunks()
        columns[column] = pc.replace_with_mask(values, pa.array(mask), fill)
    return pa.table(columns, names=grid.column_names)


def _merged_ranges(merges: list[str], columns: list[int]) -> list[Span]:
    """Merged ranges as (first row, last row, first grid column, last grid column)."""
    index = {position + 1: grid_column for grid_column, position in enumerate(columns)}
    spans = []
    for merge in merges:
        corners = [REFERENCE.fullmatch(part) for part in merge.split(":")]
        if len(corners) != 2 or not all(corners):
            continue
        (left, top), (right, bottom) = [(column_number(m[1]), int(m[2])) for m in corners]
        if left in index and right in index:
            spans.append((top, bottom, index[left], index[right]))
    return spans


def _header_rows(sample: list[list[str | None]], spans: list[Span], name: str) -> tuple[int, int]:
    """The indexes of the header's first and last rows: the same row, or two (see
    ``_grouped``). The sheet is empty if it has no header (see layout.find_header)."""
    found = layout.find_header(sample)
    if found is None:
        raise refuse(name, messages.READ_EMPTY)
    for upper in (found, found - 1):
        if upper >= 0 and upper + 1 < len(sample) and _grouped(sample, spans, upper, found):
            return upper, upper + 1
    return found, found


def _grouped(sample: list[list[str | None]], spans: list[Span], upper: int, found: int) -> bool:
    """Whether row ``upper`` holds group names over the header names of the row below.

    It must hold a name merged across columns with a name under each of them, and the row
    below must read as names, not data. And one of: a header cell merged down both rows
    ("Agent" over A1:A2); a name below where this row is empty, if this row was found as
    the header (a header over data has a name over every filled column); two names or more
    in this row, if it was taken as a title line (a title is one).
    """
    top, below, number = sample[upper], sample[upper + 1], upper + 1
    groups = [(left, right) for first, last, left, right in spans
              if first == last == number and right > left]  # fmt: skip
    named = [bool(cell and cell.strip()) for cell in below]
    if not any(all(named[left : right + 1]) for left, right in groups):
        return False
    if any(first == number and last == number + 1 for first, last, _, _ in spans):
        return True  # a header cell two rows tall
    if any(cell and DATA_LIKE.fullmatch(cell.strip()) for cell in below):
        return False
    if upper < found:
        return layout.filled(top) >= 2
    grouped = {column for left, right in groups for column in range(left, right + 1)}
    return any(
        named[column] and not (top[column] and top[column].strip())
        for column in range(len(below))
        if column not in grouped
    )


def _header_names(
    sample: list[list[str | None]], spans: list[Span], first: int, last: int
) -> tuple[str, ...]:
    """The header's names: as written in one row; joined down two ("Contact Email").

    A header cell merged across columns names each of them (Excel shows it across all).
    """
    rows = []
    for index in range(first, last + 1):
        names = [cell or "" for cell in sample[index]]
        for top, _, left, right in spans:
            if top == index + 1:
                names[left + 1 : right + 1] = [names[left]] * (right - left)
        rows.append(names)
    if first == last:
        return tuple(rows[0])
    joined = []
    for parts in zip(*rows, strict=True):
        words: list[str] = []
        for part in parts:
            if part.strip() and part.strip() not in words:
                words.append(part.strip())
        joined.append(" ".join(words))
    return tuple(joined)


def _fill_down(
    data: pa.Table, spans: list[Span], first_row: int
) -> tuple[pa.Table, dict[int, np.ndarray]]:
    """A data cell merged down rows holds for each of them (an agent's name over its rows).

    Only downwards: a cell merged across columns spans columns that hold other fields.
    Returns the table and, for each column filled, the row each of its cells comes from.
    """
    sources: dict[int, np.ndarray] = {}
    for top, bottom, left, _ in spans:
        start, stop = top - first_row, min(bottom - first_row + 1, data.num_rows)
        if start < 0 or stop - start < 2:
            continue
        source = sources.setdefault(left, np.arange(data.num_rows))
        source[start + 1 : stop] = start
    columns = list(data.columns)
    for column, source in sources.items():
        columns[column] = columns[column].take(pa.array(source))
    return pa.table(columns, names=data.column_names), sources


def _cell_errors(
    marks: Marks, sources: dict[int, np.ndarray], first: int, rows: np.ndarray
) -> tuple[CellError, ...]:
    """The marks that fall in the data, each where it shows: a merged range's first cell in
    every row of the range (the range's other cells are hidden in Excel, and ignored)."""
    by_column: dict[int, list[tuple[int, str | None]]] = {}
    for row, column, text in marks:
        if row >= first:
            by_column.setdefault(column, []).append((row - first, text))
    found = []
    for column, cells in by_column.items():
        positions = np.array([position for position, _ in cells], dtype=np.int64)
        texts = [text for _, text in cells]
        source = sources.get(column)
        if source is None:
            shown, owners = positions, np.arange(len(cells))
        else:
            owner = np.full(len(source), -1, dtype=np.int64)
            owner[positions] = np.arange(len(cells))
            owners = owner[source]
            shown = np.flatnonzero(owners >= 0)
            owners = owners[shown]
        numbers = shown + first + 1
        kept = np.isin(numbers, rows)  # not a trailer or a dropped row
        found += [
            CellError(int(number), column, texts[index])
            for number, index in zip(numbers[kept].tolist(), owners[kept].tolist(), strict=True)
        ]
    return tuple(sorted(found, key=lambda cell: (cell.row, cell.column)))


def _warnings(
    name: str, where: str, header_row: int, trailers: list, letters: list[str]
) -> tuple[Problem, ...]:
    found = []
    if header_row > 1:
        unit = "row" if header_row == 2 else "rows"
        text = messages.READ_TITLE_SKIPPED.format(
            n=header_row - 1, unit=unit, where=f"the header is on row {header_row}"
        )
        found.append(Problem(name, f"{where}!A1", text))
    for trailer in trailers:
        place = f"{where}!{letters[trailer.column]}{trailer.row}"
        text = messages.READ_TRAILER_SKIPPED.format(text=trailer.text, where=place)
        found.append(Problem(name, place, text))
    return tuple(found)
