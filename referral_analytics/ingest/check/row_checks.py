"""Every bad row of a file, said where the user finds it: place, column as written, value, why.

Two sources of row errors: a value its column's type cannot read, and a row lacking what
its kind needs (a contact with no name, e-mail, phone or id). All of them are listed,
not only the first, sorted as the file reads.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.exports import csv_bytes
from referral_analytics.ingest.check.assemble import ParsedColumn
from referral_analytics.ingest.check.report import RowError
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.read import location
from referral_analytics.ingest.read.raw_table import RawTable

NAME_PARTS = ("first_name", "last_name")


def check(
    raw: RawTable, kind: str, columns: list[ParsedColumn], table: pa.Table
) -> tuple[list[RowError], list[int]]:
    """Every row error of the file, and the 0-based positions of the rows they reject."""
    rows = raw.table["__row"].to_numpy()
    found: list[tuple[int, int, RowError]] = []
    for column in columns:
        cells = raw.table[column.header]
        for position, reason in column.parsed.errors:
            where = location(raw, int(rows[position]), column.index)
            error = RowError(where, column.header, cells[position].as_py(), reason)
            found.append((position, column.index, error))
    found += _missing_needs(raw, kind, columns, table, rows)
    found.sort(key=lambda item: (item[0], item[1]))
    return [error for _, _, error in found], sorted({position for position, _, _ in found})


def without(table: pa.Table, positions: list[int]) -> pa.Table:
    """``table`` without the rows at ``positions``."""
    if not positions:
        return table
    keep = np.ones(table.num_rows, dtype=bool)
    keep[positions] = False
    return table.filter(pa.array(keep))


def rejected_rows_csv(raw: RawTable, errors: list[RowError], positions: list[int]) -> bytes:
    """The rejected rows as the file had them, each with its place and reasons, as CSV."""
    picked = raw.table.take(pa.array(positions, pa.int64())).to_pandas()
    reasons: dict[str, list[str]] = {}
    for error in errors:
        reasons.setdefault(_row_of(error.line), []).append(f"{error.column}: {error.reason}")
    places = [location(raw, int(r), 0) for r in picked["__row"]]
    picked.insert(0, "Problems", ["; ".join(reasons.get(_row_of(p), [])) for p in places])
    picked.insert(0, "Row" if raw.sheet else "Line", picked.pop("__row"))
    picked.columns = [*picked.columns[:2], *raw.original_headers]
    return csv_bytes(picked)


def _row_of(place: str) -> str:
    """The row part of a place: "line 7" → "7", "Sheet1!C7" → "Sheet1!7"."""
    if place.startswith("line "):
        return place[5:]
    sheet, _, cell = place.rpartition("!")
    return f"{sheet}!{cell.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"


def _missing_needs(
    raw: RawTable, kind: str, columns: list[ParsedColumn], table: pa.Table, rows: np.ndarray
) -> list[tuple[int, int, RowError]]:
    """Rows with no value for a need of their kind, e.g. a referral with no received date."""
    spec = KINDS[kind]
    by_field = {c.field.name: c for c in columns}
    found = []
    for need in spec.needs:
        present = [_table_column(name, table) for name in need if name in by_field]
        present = [name for name in present if name is not None]
        if not present:
            continue  # the mapping lacks it: a decision for the user, asked before rows
        empty = reduce(pc.and_, [pc.is_null(table[name]) for name in present])
        positions = np.flatnonzero(empty.to_numpy(zero_copy_only=False))
        if not len(positions):
            continue
        first = next(by_field[name] for name in need if name in by_field)
        labels = " or ".join(spec.field(name).label for name in need if name in by_field)
        reason = messages.IMPORT_ROW_NEEDS.format(labels=labels)
        for position in positions:
            where = location(raw, int(rows[position]), first.index)
            found.append((int(position), first.index, RowError(where, first.header, None, reason)))
    return found


def _table_column(field_name: str, table: pa.Table) -> str | None:
    """The table column that carries a field: itself, its link text, or the joined name."""
    for candidate in (field_name, f"__{field_name}"):
        if candidate in table.column_names:
            return candidate
    if field_name in NAME_PARTS and "full_name" in table.column_names:
        return "full_name"
    return None
