"""A parsed sheet made into a RawTable: cells as text, merged cells filled, header found."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.read import layout, table_shape
from referral_analytics.ingest.read.cell_refs import column_letters, column_number, sheet_reference
from referral_analytics.ingest.read.problems import Problem, refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.workbook_cells import as_text

COLUMNS_KEY = b"referral_analytics.source_columns"  # schema metadata: each column's letters
SAMPLE_ROWS = 200
REFERENCE = re.compile(r"([A-Z]+)([0-9]+)")


def shape_sheet(
    grid: pa.Table, name: str, kind: str, sheet: str, sheets: tuple[tuple[str, int], ...],
    columns: list[int], merges: list[str], limits: Limits,
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
    """
    grid = as_text(grid)
    letters = [column_letters(position + 1) for position in columns]
    header = _header_index(grid, name)
    rows = np.arange(1, grid.num_rows + 1, dtype=np.int64)
    original, data, rows = table_shape.split_header(grid, rows, header)
    spans = _merged_ranges(merges, columns)
    original = _fill_header(original, spans, header + 1)
    data = _fill_down(data, spans, header + 2)
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
    warnings = _warnings(name, where, header + 1, trailers, letters)
    return RawTable(
        file_name=name, file_type=kind, sheet=sheet, sheets=sheets, headers=headers,
        original_headers=original, table=table, header_row=header + 1, encoding=None,
        delimiter=None, warnings=warnings,
    )  # fmt: skip


def _header_index(grid: pa.Table, name: str) -> int:
    """Index of the header row (see layout.find_header); the sheet is empty if there is none."""
    sample = [list(row.values()) for row in grid.slice(0, SAMPLE_ROWS).to_pylist()]
    header = layout.find_header(sample)
    if header is None:
        raise refuse(name, messages.READ_EMPTY)
    return header


def _merged_ranges(merges: list[str], columns: list[int]) -> list[tuple[int, int, int, int]]:
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


def _fill_header(original: tuple[str, ...], spans: list, header_row: int) -> tuple[str, ...]:
    """A header cell merged across columns names each of them (Excel shows it across all)."""
    names = list(original)
    for top, _, left, right in spans:
        if top == header_row:
            names[left + 1 : right + 1] = [names[left]] * (right - left)
    return tuple(names)


def _fill_down(data: pa.Table, spans: list, first_row: int) -> pa.Table:
    """A data cell merged down rows holds for each of them (an agent's name over its rows).

    Only downwards: a cell merged across columns spans columns that hold other fields.
    """
    columns = list(data.columns)
    for top, bottom, left, _ in spans:
        start, stop = top - first_row, min(bottom - first_row + 1, data.num_rows)
        if start < 0 or stop - start < 2:
            continue
        values = columns[left].combine_chunks()
        mask = np.zeros(len(values), dtype=bool)
        mask[start + 1 : stop] = True
        fill = pa.array([values[start].as_py()] * int(mask.sum()), pa.string())
        columns[left] = pc.replace_with_mask(values, pa.array(mask), fill)
    return pa.table(columns, names=data.column_names)


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
