"""Which line of a CSV file each record starts on, without a Python loop per row.

DuckDB's reader returns records but not their lines, skips blank lines silently, and reports
the records it rejects with byte positions that drift after a bad quote. So the lines are
rebuilt from three facts, each computed in bulk:

* the byte position of every line break in the file (one numpy pass, ``csv_bytes.scan``);
* each record's span: 1 + the line breaks inside its fields (numpy over the Arrow buffers);
* the records DuckDB rejected, found exactly by searching their text near the reported spot.

Records fill the file's lines in order; rejected records and blank lines sit between them.
`place_records` walks only those gaps, and checks that every line is accounted for: if the
sum does not come out exactly, it returns None and the caller reads the file the slow, exact
way. Lines are counted as a text editor counts them: LF or CRLF ends a line.
"""

from __future__ import annotations

import mmap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

NEWLINE = 10


@dataclass(frozen=True)
class Rejected:
    """A record the reader could not split into the header's number of cells.

    Attributes:
        line: The line it starts on.
        span: How many lines it covers.
        error: DuckDB's error type ("MISSING COLUMNS", "UNQUOTED VALUE", …).
        text: The record as written.
        cells: Its cells, when the reader that rejected it split them.
    """

    line: int
    span: int
    error: str
    text: str
    cells: tuple[str, ...] | None = None


@dataclass(frozen=True)
class FileLines:
    """The line breaks of one file."""

    breaks: np.ndarray  # byte offset of every "\n", ascending
    total: int  # lines in the file (a last line without "\n" counts)
    blank: np.ndarray  # numbers of the lines that are empty (or hold only "\r")

    def line_of(self, offset: int) -> int:
        """The number of the line holding the byte at ``offset``."""
        return int(np.searchsorted(self.breaks, offset, side="left")) + 1


def record_spans(table: pa.Table) -> np.ndarray:
    """Lines each row covers: 1 + the "\\n" inside its cells, from the Arrow buffers."""
    spans = np.ones(table.num_rows, dtype=np.int64)
    for column in table.columns:
        first = 0
        for chunk in column.chunks:
            spans[first : first + len(chunk)] += _newlines_per_value(chunk)
            first += len(chunk)
    return spans


def _newlines_per_value(chunk: pa.Array) -> np.ndarray:
    count = len(chunk)
    if count == 0 or chunk.null_count == count:
        return np.zeros(count, dtype=np.int64)
    if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
        found = pc.count_substring(chunk.cast(pa.large_string()), "\n")
        return np.asarray(pc.fill_null(found, 0), dtype=np.int64)
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    _, offsets_buffer, data_buffer = chunk.buffers()
    offsets = np.frombuffer(offsets_buffer, dtype=width)[chunk.offset : chunk.offset + count + 1]
    if data_buffer is None or offsets[-1] == offsets[0]:
        return np.zeros(count, dtype=np.int64)
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    hits = np.flatnonzero(data == NEWLINE) + offsets[0]
    if hits.size == 0:
        return np.zeros(count, dtype=np.int64)
    rows = np.searchsorted(offsets, hits, side="right") - 1
    return np.bincount(rows, minlength=count).astype(np.int64)


def locate_rejects(
    path: Path, lines: FileLines, reported: Iterable[tuple[int, str, str]]
) -> list[Rejected]:
    """The rejected records at their exact lines.

    Args:
        path: The UTF-8 file DuckDB read.
        lines: Its line breaks.
        reported: (line_byte_position, error_type, csv_line) rows of DuckDB's reject_errors.
    """
    found: dict[int, Rejected] = {}
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for position, error, text in reported:
            body = (text or "").lstrip("\r\n")
            start = _record_start(data, lines, int(position), body.encode("utf-8")[:64])
            if start not in found:  # DuckDB lists some records twice
                span = body.rstrip("\r\n").count("\n") + 1
                found[start] = Rejected(lines.line_of(start), span, error, body.rstrip("\r\n"))
    return sorted(found.values(), key=lambda rejected: rejected.line)


def _record_start(data: mmap.mmap, lines: FileLines, position: int, probe: bytes) -> int:
    # DuckDB's position is the record's start ±1 (±2 after a bad quote); the record's own text
    # pins it down. A match must begin a line: after a "\n" or at the file's start.
    window = 8
    if probe and b"?" not in probe:  # "?" stands for bytes DuckDB could not decode
        low = max(0, position - window)
        hit = data.find(probe, low, position + window + len(probe))
        while hit >= 0 and hit > 0 and data[hit - 1] != NEWLINE:
            hit = data.find(probe, hit + 1, position + window + len(probe))
        if hit >= 0:
            return hit
    for start in (position - 1, position, position + 1):
        if start == 0 or (0 < start < len(data) and data[start - 1] == NEWLINE):
            return start
    return max(position - 1, 0)


def place_records(
    spans: np.ndarray, rejected: list[Rejected], lines: FileLines, *, skips_blank: bool
) -> np.ndarray | None:
    """The line each record starts on, or None if the lines do not add up exactly.

    Args:
        spans: Lines each record DuckDB returned covers, in file order.
        rejected: The records it rejected, by line.
        lines: The file's line breaks.
        skips_blank: Whether the reader dropped blank lines (it keeps them, as empty
            records, when a file has a single column).
    """
    cumulative = np.concatenate(([0], np.cumsum(spans)))
    starts = np.empty(len(spans), dtype=np.int64)
    blanks = lines.blank if skips_blank else np.zeros(0, np.int64)
    gaps = sorted(
        [(r.line, r.span, False) for r in rejected] + [(b, 1, True) for b in blanks.tolist()]
    )
    line, row = 1, 0
    for gap_line, span, blank in gaps:
        if gap_line < line:  # a blank line inside a record already placed
            if blank:
                continue
            return None
        target = cumulative[row] + gap_line - line
        end = int(np.searchsorted(cumulative, target, side="right")) - 1
        if cumulative[end] != target:  # a record runs over this gap
            if blank:
                continue  # a blank line inside a quoted field
            return None
        starts[row:end] = line + cumulative[row:end] - cumulative[row]
        line, row = gap_line + span, end
    starts[row:] = line + cumulative[row:-1] - cumulative[row]
    last = line + cumulative[-1] - cumulative[row] - 1
    return starts if last == lines.total else None
