"""The slow, exact CSV reader: Python's csv module, line by line.

Used only where the fast path cannot be: DuckDB stopped on the file (a UTF-16 file whose
lines end in more than one way, say), or its line accounting does not add up (quotes broken
in ways DuckDB recovers from differently). It yields the same three things as the fast
path, so everything after it is shared.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa

from referral_analytics.ingest.read.csv_lines import Rejected

BATCH = 50_000


def read_exactly(
    path: Path, delimiter: str, columns: int, limit: int
) -> tuple[pa.Table, np.ndarray, list[Rejected]]:
    """Records with the header's number of cells, the line each starts on, and the rest.

    Args:
        path: A UTF-8 file.
        delimiter: The cell separator.
        columns: How many cells a record must have.
        limit: Stop after this many records (the caller refuses the file then).
    """
    names = [f"c{index}" for index in range(columns)]
    batches: list[pa.RecordBatch] = []
    values: list[list[str | None]] = [[] for _ in range(columns)]
    starts: list[int] = []
    rejected: list[Rejected] = []
    for start, span, cells, error in _records(path, delimiter):
        if not cells and not error:  # a blank line: skipped, as DuckDB skips it
            if columns > 1:
                continue
            cells = [""]
        problem = error or _shape_error(cells, columns)
        if problem:
            rejected.append(Rejected(start, span, problem, delimiter.join(cells), tuple(cells)))
            continue
        for column, cell in zip(values, cells, strict=True):
            column.append(cell or None)  # an empty cell is None, as DuckDB reads it
        starts.append(start)
        if len(values[0]) == BATCH:  # to Arrow in batches: Python strings cost 10× the memory
            batches.append(_batch(values, names))
        if len(starts) >= limit:
            break
    batches.append(_batch(values, names))
    return pa.Table.from_batches(batches), np.asarray(starts, dtype=np.int64), rejected


def _batch(values: list[list[str | None]], names: list[str]) -> pa.RecordBatch:
    """The collected cells as a batch; the lists are emptied for the next one."""
    batch = pa.record_batch([pa.array(column, pa.string()) for column in values], names=names)
    for column in values:
        column.clear()
    return batch


def _shape_error(cells: list[str], columns: int) -> str | None:
    if len(cells) < columns:
        return "MISSING COLUMNS"
    if len(cells) > columns:
        return "TOO MANY COLUMNS"
    if any("\udc80" <= ch <= "\udcff" for cell in cells for ch in cell):
        return "INVALID ENCODING"
    return None


def _records(path: Path, delimiter: str) -> Iterator[tuple[int, int, list[str], str | None]]:
    """(start line, lines covered, cells, error) for every record, blank lines included."""
    with path.open("rb") as handle:
        lines = (raw.decode("utf-8", "surrogateescape") for raw in _strip_bom(handle))
        reader = csv.reader(lines, delimiter=delimiter, quotechar='"', strict=True)
        done = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield done + 1, reader.line_num - done, [], "UNQUOTED VALUE"
                done = reader.line_num
                continue
            yield done + 1, reader.line_num - done, cells, None
            done = reader.line_num


def _strip_bom(handle: Iterator[bytes]) -> Iterator[bytes]:
    # Iterating a binary file splits on b"\n" only, which is how lines are counted here.
    first = True
    for raw in handle:
        yield raw[3:] if first and raw.startswith(b"\xef\xbb\xbf") else raw
        first = False
