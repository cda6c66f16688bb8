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

An Excel error (``#DIV/0!`` …) comes back empty, and is reported apart by calamine's name
("Div0"): ``EXCEL_ERRORS`` gives the text Excel shows for it.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DATETIME = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$"
DATETIME_LENGTHS = (19, 29)  # "2026-09-12 14:30:00" up to nanoseconds
PLAIN = 19  # "2026-09-12 14:30:00", what nearly every datetime cell is
DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
MARKS = {4: ord("-"), 7: ord("-"), 10: ord(" "), 13: ord(":"), 16: ord(":")}
DECIMAL = r"^-?[0-9]+\.[0-9]+$"
SIGNIFICANT = 15  # Excel shows and stores 15 significant digits
THREADS = 2
EXCEL_DAY_ZERO = ("1899-12-30", "1899-12-31")  # the date part of a time of day alone
EXCEL_ERRORS = {
    "Div0": "#DIV/0!", "NA": "#N/A", "Value": "#VALUE!", "Ref": "#REF!", "Name": "#NAME?",
    "Num": "#NUM!", "Null": "#NULL!", "GettingData": "#GETTING_DATA",
}  # fmt: skip
UNKNOWN_ERROR = "#ERROR!"  # a kind calamine may add later: still an error, never empty


def as_text(grid: pa.Table) -> pa.Table:
    """Every column of ``grid`` (strings from fastexcel) as text, "" as None."""
    # Columns in parallel: Arrow's kernels release the GIL.
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        columns = list(pool.map(_column_text, grid.columns))
    return pa.table(columns, names=grid.column_names)


def _column_text(column: pa.ChunkedArray) -> pa.Array:
    # Candidates are picked from the bytes first (length, first character: no decoding), so
    # the regular expressions run on the few cells that can match: a text column costs one
    # pass, and the common datetime ("2026-09-12 14:30:00") is rewritten by numpy.
    values = column.combine_chunks().cast(pa.string())
    lengths = np.asarray(pc.fill_null(pc.binary_length(values), -1))
    if (lengths == 0).any():
        values = pc.if_else(pa.array(lengths == 0), pa.scalar(None, pa.string()), values)
    starts, data = _bytes(values)
    first = data[np.minimum(starts[:-1], len(data) - 1)] if len(data) else np.zeros(len(values))
    numeric = (lengths > 0) & (((first >= ord("0")) & (first <= ord("9"))) | (first == ord("-")))
    dated = numeric & (lengths >= DATETIME_LENGTHS[0]) & (lengths <= DATETIME_LENGTHS[1])
    plain, cells = _plain_datetimes(starts, data, np.flatnonzero(dated & (lengths == PLAIN)))
    values = _replaced(values, plain, _iso_plain(cells))
    dated[plain] = numeric[plain] = False
    values = _rewrite(values, np.flatnonzero(dated), DATETIME, _iso)
    long = np.flatnonzero(numeric & (lengths > SIGNIFICANT + 1))
    return _rewrite(values, long, DECIMAL, _rounded)


def _bytes(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Each value's start in the data buffer (and the end of the last), and the buffer."""
    _, offsets, data = values.buffers()
    starts = np.frombuffer(offsets, np.int32)[values.offset : values.offset + len(values) + 1]
    return starts, np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)


def _plain_datetimes(
    starts: np.ndarray, data: np.ndarray, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Those of ``rows`` whose 19 characters are "dddd-dd-dd dd:dd:dd", with their bytes."""
    cells = data[starts[rows, None] + np.arange(PLAIN)]
    digits = (cells[:, DIGITS] >= ord("0")) & (cells[:, DIGITS] <= ord("9"))
    marks = cells[:, list(MARKS)] == np.frombuffer(bytes(MARKS.values()), np.uint8)
    plain = digits.all(axis=1) & marks.all(axis=1)
    return rows[plain], cells[plain]


def _iso_plain(cells: np.ndarray) -> pa.Array:
    """``_iso`` for "dddd-dd-dd dd:dd:dd" cells, one row of 19 bytes each."""
    midnight = (cells[:, 11:] == np.frombuffer(b"00:00:00", np.uint8)).all(axis=1)
    days = np.ascontiguousarray(cells[:, :10]).view("S10").ravel()
    time_only = np.isin(days, [day.encode() for day in EXCEL_DAY_ZERO])
    midnight &= ~time_only  # day zero at midnight is the time "00:00:00"
    cells[:, 10] = ord("T")
    keep = np.ones(cells.shape, dtype=bool)
    keep[midnight, 10:] = False
    keep[time_only, :11] = False
    ends = np.cumsum(keep.sum(axis=1), dtype=np.int32)
    offsets = np.concatenate([np.zeros(1, np.int32), ends])
    return pa.StringArray.from_buffers(len(cells), pa.py_buffer(offsets), pa.py_buffer(cells[keep]))


def _replaced(values: pa.Array, rows: np.ndarray, new: pa.Array) -> pa.Array:
    if rows.size == 0:
        return values
    mask = np.zeros(len(values), dtype=bool)
    mask[rows] = True
    return pc.replace_with_mask(values, pa.array(mask), new)


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
    return _replaced(values, candidates[matches], change(picked.filter(pa.array(matches))))


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
