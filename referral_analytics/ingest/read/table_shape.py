"""From a grid of text cells to the table RawTable holds: header split off, trailer cut,
empty rows dropped, ``__row`` added. Shared by CSV and workbooks; all column-wise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics.ingest.read.layout import ROW_COLUMN, trailer_text

TRAILER_LOOK = 50  # rows from the end searched for a report trailer


@dataclass(frozen=True)
class Trailer:
    """A report-trailer row that was cut: its text, row (or line), and column index."""

    text: str
    row: int
    column: int


def split_header(
    grid: pa.Table, rows: np.ndarray, header: int
) -> tuple[tuple[str, ...], pa.Table, np.ndarray]:
    """The header's cells as written ("" when blank), and the rows below it.

    Args:
        grid: Text cells, one column per file column.
        rows: Each grid row's line or row number.
        header: Index of the header row in ``grid``.
    """
    names = tuple(cell or "" for cell in grid.slice(header, 1).to_pylist()[0].values())
    return names, grid.slice(header + 1), rows[header + 1 :]


def cut_trailer(data: pa.Table, rows: np.ndarray) -> tuple[pa.Table, np.ndarray, list[Trailer]]:
    """Drop trailer rows and blank rows from the end; the trailer rows' texts, top down."""
    look = min(TRAILER_LOOK, data.num_rows)
    tail = data.slice(data.num_rows - look).to_pylist()
    keep, trailers = data.num_rows, []
    for offset in range(look - 1, -1, -1):
        cells = list(tail[offset].values())
        text = trailer_text(cells)
        if text is None and any(cell is not None and cell.strip() for cell in cells):
            break
        keep = data.num_rows - look + offset
        if text is not None:
            column = next(i for i, cell in enumerate(cells) if cell and cell.strip())
            trailers.append(Trailer(text, int(rows[keep]), column))
    return data.slice(0, keep), rows[:keep], trailers[::-1]


def drop_empty_rows(data: pa.Table, rows: np.ndarray) -> tuple[pa.Table, np.ndarray]:
    """Rows with no cell at all carry nothing to import: drop them (and their numbers)."""
    if data.num_columns == 0 or data.num_rows == 0:
        return data, rows
    keep = data.column(0).is_valid()
    for column in data.columns[1:]:
        keep = pc.or_(keep, column.is_valid())
    if pc.all(keep).as_py():
        return data, rows
    return data.filter(keep), rows[np.asarray(keep)]


def assemble(data: pa.Table, rows: np.ndarray, headers: tuple[str, ...]) -> pa.Table:
    """The final table: one column per header, then ``__row``."""
    columns = [*data.columns, pa.array(rows, pa.int64())]
    return pa.table(columns, names=[*headers, ROW_COLUMN])
