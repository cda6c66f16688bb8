"""Workbook cells as the text a person reads in Excel, column-wise.

fastexcel's "string" reading keeps text exactly and writes integers without ".0", but:

* dates and datetimes come as "2026-09-12 14:30:00" (and a date, or a datetime at midnight,
  which calamine cannot tell apart, as "2026-09-12 00:00:00"): written here as ISO,
  "2026-09-12T14:30:00" or "2026-09-12"; a time of day alone ("1899-12-31 12:30:00" in
  Excel's day-zero convention) as "12:30:00";
* a fraction is printed to 9 decimals, so a large number shows binary noise
  ("123456789.120000005"): such cells are rounded to Excel's 15 significant digits.

A text cell that happens to look exactly like one of those is rewritten too; both forms mean
the same date or number.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DATETIME = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$"
DATETIME_LENGTHS = (19, 29)  # "2026-09-12 14:30:00" up to nanoseconds
DECIMAL = r"^-?[0-9]+\.[0-9]+$"
SIGNIFICANT = 15  # Excel shows and stores 15 significant digits
THREADS = 2
EXCEL_DAY_ZERO = ("1899-12-30", "1899-12-31")  # the date part of a time of day alone


def as_text(grid: pa.Table) -> pa.Table:
    """Every column of ``grid`` (strings from fastexcel) as text, "" as None."""
    # Columns in parallel: Arrow's kernels release the GIL.
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        columns = list(pool.map(_column_text, grid.columns))
    return pa.table(columns, names=grid.column_names)


def _column_text(column: pa.ChunkedArray) -> pa.Array:
    # Candidates are picked by length first (cheap, no decoding), so the regular expressions
    # run on the few cells that can match: a text column costs one pass.
    values = column.combine_chunks().cast(pa.string())
    lengths = np.asarray(pc.fill_null(pc.binary_length(values), -1))
    if (lengths == 0).any():
        values = pc.if_else(pa.array(lengths == 0), pa.scalar(None, pa.string()), values)
    dated = np.flatnonzero((lengths >= DATETIME_LENGTHS[0]) & (lengths <= DATETIME_LENGTHS[1]))
    values = _rewrite(values, dated, DATETIME, _iso)
    return _rewrite(values, np.flatnonzero(lengths > SIGNIFICANT + 1), DECIMAL, _rounded)


def _rewrite(
    values: pa.Array, candidates: np.ndarray, pattern: str, change: Callable[[pa.Array], pa.Array]
) -> pa.Array:
    """``values`` with ``change`` applied to the candidates that match ``pattern``."""
    if candidates.size == 0:
        return values
    picked = values.take(pa.array(candidates))
    matches = np.asarray(pc.fill_null(pc.match_substring_regex(picked, pattern), False))
    if not matches.any():
        return values
    mask = np.zeros(len(values), dtype=bool)
    mask[candidates[matches]] = True
    return pc.replace_with_mask(values, pa.array(mask), change(picked.filter(pa.array(matches))))


def _iso(values: pa.Array) -> pa.Array:
    # Every value matched DATETIME, so fixed slices split it; cheaper than regex rewrites.
    date = pc.utf8_slice_codeunits(values, 0, 10)
    time = pc.utf8_slice_codeunits(values, 11, 40)
    midnight = pc.match_substring_regex(time, r"^00:00:00(\.0+)?$")
    time_only = pc.is_in(date, pa.array(EXCEL_DAY_ZERO))
    both = pc.binary_join_element_wise(date, time, "T")
    return pc.if_else(time_only, time, pc.if_else(midnight, date, both))


def _rounded(values: pa.Array) -> pa.Array:
    return pa.array([format(float(text), f".{SIGNIFICANT}g") for text in values.to_pylist()])
