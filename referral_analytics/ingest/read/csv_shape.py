"""A parsed CSV file made into a RawTable: cells cleaned, header, trailer, and the bad lines.

A line that does not split into the header's cells is not dropped with a warning while the
rest loads: it is kept as a ``RejectedLine``, a row error like a bad value (the pipeline then
loads nothing, or skips it when told to). One exception, said in a warning: lines short by
trailing empty cells, i.e. when every short line lacks only cells of columns that are empty
in every other line (a spreadsheet's blank columns on the right, an exporter that stops a
line at its last filled cell), are read with those cells empty. A short line lacking a
column that holds something elsewhere may have lost a cell in its middle, its values shifted
under the wrong headers: only the user can tell, so it stays a row error.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.read import csv_clean, layout, table_shape
from referral_analytics.ingest.read.csv_lines import Rejected
from referral_analytics.ingest.read.problems import (
    Problem,
    ReadError,
    line_list,
    plural,
    refuse,
)
from referral_analytics.ingest.read.raw_table import Limits, RawTable, RejectedLine
from referral_analytics.ingest.read.transcode import Plan

LINE_MESSAGES = {
    "MISSING COLUMNS": messages.READ_RAGGED,
    "TOO MANY COLUMNS": messages.READ_RAGGED,
    "UNQUOTED VALUE": messages.READ_BAD_QUOTE,
    "INVALID ENCODING": messages.READ_BAD_TEXT,
}
REASONS = {
    "MISSING COLUMNS": messages.READ_LINE_CELLS,
    "TOO MANY COLUMNS": messages.READ_LINE_CELLS,
    "UNQUOTED VALUE": messages.READ_LINE_QUOTE,
}
MAX_TEXT = 300  # characters of a rejected line kept as its row error's value


@dataclass(frozen=True)
class Parsed:
    """A CSV file split into records, before the header and trailer are taken off."""

    grid: pa.Table  # c0…cN: every record with the header's number of cells
    starts: np.ndarray  # the line each of them starts on
    rejected: list[Rejected]  # the records without it
    header: int  # index of the header record in ``grid``
    header_line: int
    dirty: bool = False  # the bytes hold control characters or invisible marks to clean


def shape(parsed: Parsed, name: str, plan: Plan, delimiter: str, limits: Limits) -> RawTable:
    """The RawTable of a parsed CSV file; raises ReadError if it holds no usable table."""
    grid, rejected, cleaned = parsed.grid, parsed.rejected, []
    if parsed.dirty:
        grid, count, rows_hit = csv_clean.clean_grid(grid)
        rejected = [_cleaned(record) for record in rejected]
        if count:
            line = int(parsed.starts[np.flatnonzero(rows_hit)[0]])
            text = messages.READ_CLEANED_CELLS.format(
                cells=plural(count, "cell", "cells"), line=line
            )
            cleaned.append(Problem(name, None, text))
    original, data, rows = table_shape.split_header(grid, parsed.starts, parsed.header)
    data, rows, trailers = table_shape.cut_trailer(data, rows)
    last = int(rows[-1]) if len(rows) else parsed.header_line
    below = [r for r in rejected if r.line > parsed.header_line]
    more_trailers, bad = _split_rejected(below, last, delimiter)
    data, rows, bad, padded = _short_by_empties(name, data, rows, bad, original, delimiter)
    data, rows = table_shape.drop_empty_rows(data, rows)
    bad_lines = sum(r.span for r in bad)
    if bad and bad_lines > len(rows):
        raise mostly_bad(name, bad, bad_lines, len(rows), data.num_columns, delimiter)
    if len(rows) == 0:
        raise refuse(name, messages.READ_HEADER_ONLY, where=f"line {parsed.header_line}")
    if len(rows) > limits.max_rows:
        raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)
    headers = layout.unique_headers(original)
    warnings = [
        *_title_warning(name, parsed.header_line),
        *_legacy_warning(name, plan),
        *cleaned,
        *padded,
        *_trailer_warnings(name, sorted(trailers + more_trailers, key=lambda t: t.row)),
    ]
    return RawTable(
        file_name=name, file_type="csv", sheet=None, sheets=(), headers=headers,
        original_headers=original, table=table_shape.assemble(data, rows, headers),
        header_row=parsed.header_line, encoding=plan.reported, delimiter=delimiter,
        warnings=tuple(warnings),
        rejected_lines=tuple(_rejected_line(r, data.num_columns, delimiter) for r in bad),
    )  # fmt: skip


def mostly_bad(
    name: str, bad: list[Rejected], count: int, good: int, columns: int, delimiter: str
) -> ReadError:
    """The file is refused: more of its lines are bad than good; the first bad one named."""
    first = _line_problems(name, bad[:1], columns, delimiter)
    line = bad[0].line if bad else 1
    return refuse(
        name, messages.READ_MOSTLY_BAD, f"line {line}", bad=count, total=count + good,
        expected=columns, first=first[0].message if first else "",
    )  # fmt: skip


def cells_of(rejected: Rejected, delimiter: str) -> list[str]:
    """A rejected record's cells, split the way Python's csv module splits them."""
    if rejected.cells is not None:
        return list(rejected.cells)
    reader = csv.reader(io.StringIO(rejected.text, newline=""), delimiter=delimiter)
    try:
        return next(reader, [])
    except csv.Error:
        return [rejected.text]


def _cleaned(record: Rejected) -> Rejected:
    cells = None if record.cells is None else tuple(map(csv_clean.clean_text, record.cells))
    text = csv_clean.clean_text(record.text)
    return Rejected(record.line, record.span, record.error, text, cells)


def _split_rejected(
    rejected: list[Rejected], last: int, delimiter: str
) -> tuple[list[table_shape.Trailer], list[Rejected]]:
    """Trailer lines below the last record, and the bad lines; lines of spaces are dropped."""
    trailers, bad = [], []
    for record in rejected:
        cells = cells_of(record, delimiter)
        if not any(cell.strip() for cell in cells):
            continue
        text = layout.trailer_text(cells)
        if record.line > last and text is not None:
            column = next(i for i, cell in enumerate(cells) if cell.strip())
            trailers.append(table_shape.Trailer(text, record.line, column))
        else:
            bad.append(record)
    return trailers, bad


def _short_by_empties(
    name: str, data: pa.Table, rows: np.ndarray, bad: list[Rejected],
    headers: tuple[str, ...], delimiter: str,
) -> tuple[pa.Table, np.ndarray, list[Rejected], list[Problem]]:  # fmt: skip
    """Short lines read with their missing trailing cells empty, when every one is short only
    by columns empty in every other line (see the module's docstring); else none is."""
    width = data.num_columns
    short = [(r, cells_of(r, delimiter)) for r in bad if r.error == "MISSING COLUMNS"]
    short = [(r, cells) for r, cells in short if r.span == 1 and len(cells) < width]
    if not short or len(short) < sum(r.error == "MISSING COLUMNS" for r in bad):
        return data, rows, bad, []
    fewest = min(len(cells) for _, cells in short)
    for index in range(fewest, width):
        in_short = any(len(cells) > index and cells[index].strip() for _, cells in short)
        if in_short or _filled(data.column(index)):
            return data, rows, bad, []
    padded = [[c or None for c in cells] + [None] * (width - len(cells)) for _, cells in short]
    extra = pa.table(
        [pa.array([row[i] for row in padded], pa.string()) for i in range(width)],
        names=data.column_names,
    ).cast(data.schema)
    lines = np.asarray([r.line for r, _ in short], dtype=np.int64)
    order = np.argsort(np.concatenate((rows, lines)), kind="stable")
    data = pa.concat_tables([data, extra]).take(pa.array(order))
    rows = np.concatenate((rows, lines))[order]
    taken = {r.line for r, _ in short}
    said = messages.READ_SHORT_LINES_EMPTY.format(
        lines=plural(len(short), "line", "lines"), which=line_list(sorted(taken)),
        columns=", ".join(f"“{headers[i] or f'column {i + 1}'}”" for i in range(fewest, width)),
    )  # fmt: skip
    return data, rows, [r for r in bad if r.line not in taken], [Problem(name, None, said)]


def _filled(column: pa.ChunkedArray) -> bool:
    trimmed = pc.utf8_trim_whitespace(column)
    return bool(pc.any(pc.greater(pc.utf8_length(trimmed), 0)).as_py())


def _rejected_line(record: Rejected, columns: int, delimiter: str) -> RejectedLine:
    """A bad line as a row error: its reason, its text as written and its cells."""
    cells = cells_of(record, delimiter)
    span = ""
    if record.span > 1:
        span = messages.READ_LINE_SPAN.format(first=record.line, last=record.line + record.span - 1)
    template = REASONS.get(record.error, messages.READ_LINE_SPLIT)
    reason = template.format(found=len(cells), expected=columns, lines=span)
    text = record.text if len(record.text) <= MAX_TEXT else record.text[: MAX_TEXT - 1] + "…"
    return RejectedLine(record.line, reason, text, tuple(cells))


def _title_warning(name: str, header_line: int) -> list[Problem]:
    if header_line == 1:
        return []
    unit = "line" if header_line == 2 else "lines"
    message = messages.READ_TITLE_SKIPPED.format(
        n=header_line - 1, unit=unit, where=f"the header is on line {header_line}"
    )
    return [Problem(name, "line 1", message)]


def _legacy_warning(name: str, plan: Plan) -> list[Problem]:
    if plan.legacy is None:
        return []
    numbers = plan.legacy_lines.tolist()
    said = messages.READ_LEGACY_LINES.format(
        lines=line_list(numbers).capitalize(), were="was" if len(numbers) == 1 else "were",
        encoding=plan.legacy.upper().replace("CP", "Windows-"),
    )  # fmt: skip
    return [Problem(name, None, said)]


def _line_problems(name: str, bad: list[Rejected], columns: int, delimiter: str) -> list[Problem]:
    """The bad lines as sentences (for the refusal of a file that is mostly bad lines)."""
    problems = []
    for record in bad:
        last = record.line + record.span - 1
        lines = "it was" if record.span == 1 else f"lines {record.line}–{last} were"
        template = LINE_MESSAGES.get(record.error, messages.READ_BAD_LINE)
        message = template.format(
            where=f"Line {record.line}", found=len(cells_of(record, delimiter)),
            expected=columns, lines=lines, encoding="UTF-8",
        )  # fmt: skip
        problems.append(Problem(name, f"line {record.line}", message))
    return problems


def _trailer_warnings(name: str, trailers: list[table_shape.Trailer]) -> list[Problem]:
    return [
        Problem(name, f"line {t.row}", messages.READ_TRAILER_SKIPPED.format(
            text=t.text, where=f"line {t.row}"))
        for t in trailers
    ]  # fmt: skip
