"""Workbook cells with no value to read: an Excel error (#DIV/0!, #N/A …) or a formula saved
without its result (``RawTable.cell_errors``). None of them becomes an empty value unsaid.

In a field read into a type (an amount, a date, an id, an e-mail …) such a cell is a row
error naming the cell: the value is not there, and loading the row without it would
mislead. In a field of free text or words, and in a column kept in ``extra``, it is a
warning naming the cells: an error stays as Excel shows it, a missing result stays empty.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from referral_analytics import messages
from referral_analytics.ingest import values
from referral_analytics.ingest.check.assemble import ParsedColumn
from referral_analytics.ingest.read import location
from referral_analytics.ingest.read.raw_table import CellError, RawTable
from referral_analytics.ingest.values.parsed import nulled

FREE_TYPES = ("text", "vocab")  # kept as written (an unknown word goes to ``extra`` anyway)
LISTED = 5  # cells named in a warning; the rest are counted


def apply(raw: RawTable, columns: list[ParsedColumn]) -> tuple[list[ParsedColumn], list[str]]:
    """``columns`` with a row error for each such cell of a typed field, and the warnings."""
    if not raw.cell_errors:
        return columns, []
    numbers = raw.table["__row"].to_numpy()
    rows = np.array([cell.row for cell in raw.cell_errors], dtype=np.int64)
    positions = np.searchsorted(numbers, rows)
    present = positions < len(numbers)
    present[present] = numbers[positions[present]] == rows[present]  # a row still in the table
    by_column: dict[int, list[tuple[int, CellError]]] = {}
    for cell, position, kept in zip(raw.cell_errors, positions.tolist(), present, strict=True):
        if kept:
            by_column.setdefault(cell.column, []).append((position, cell))
    mapped = {column.index: column for column in columns}
    warnings = []
    for index, cells in by_column.items():
        column = mapped.get(index)
        if column is not None and column.field.type not in FREE_TYPES:
            mapped[index] = _refused(column, cells)
            continue
        warnings += _warnings(raw, index, [cell for _, cell in cells])
        if column is not None and column.unmapped_words:  # an error is no word to map
            shown = {cell.error for _, cell in cells}
            words = tuple(word for word in column.unmapped_words if word[0] not in shown)
            mapped[index] = replace(column, unmapped_words=words)
    return [mapped[column.index] for column in columns], warnings


def _refused(column: ParsedColumn, cells: list[tuple[int, CellError]]) -> ParsedColumn:
    """The column with each cell's row refused for what it holds, in place of any reason."""
    reasons = {
        position: messages.READ_WORKBOOK_NO_RESULT
        if cell.error is None
        else messages.READ_WORKBOOK_ERROR_VALUE.format(error=cell.error)
        for position, cell in cells
    }
    parsed = column.parsed
    refused = np.zeros(len(parsed.values), dtype=bool)
    refused[list(reasons)] = True
    errors = tuple(sorted((dict(parsed.errors) | reasons).items()))
    typed = values.Parsed(nulled(parsed.values, refused), errors, parsed.note, parsed.decision)
    return replace(column, parsed=typed)


def _warnings(raw: RawTable, index: int, cells: list[CellError]) -> list[str]:
    """One warning for the column's errors, one for its formulas without a result."""
    said = []
    for missing in (False, True):
        picked = [cell for cell in cells if (cell.error is None) == missing]
        if not picked:
            continue
        named = [location(raw, cell.row, index) for cell in picked[:LISTED]]
        if not missing:
            named = [f"{place} ({cell.error})" for place, cell in zip(named, picked, strict=False)]
        listed = ", ".join(named)
        if len(picked) > LISTED:
            listed = messages.READ_WORKBOOK_MORE_CELLS.format(cells=listed, n=len(picked) - LISTED)
        template = (
            messages.READ_WORKBOOK_NO_RESULTS_EMPTY
            if missing
            else messages.READ_WORKBOOK_ERRORS_KEPT
        )
        said.append(template.format(header=raw.headers[index], cells=listed))
    return said
