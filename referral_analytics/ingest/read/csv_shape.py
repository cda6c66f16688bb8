"""A parsed CSV file made into a RawTable: header, trailer, and a Problem per bad line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.read import layout, table_shape
from referral_analytics.ingest.read.csv_lines import Rejected
from referral_analytics.ingest.read.problems import Problem, ReadError, refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.sniffing import TextFormat

MAX_LINE_PROBLEMS = 20  # listed one by one; the rest are counted
LINE_MESSAGES = {
    "MISSING COLUMNS": messages.READ_RAGGED,
    "TOO MANY COLUMNS": messages.READ_RAGGED,
    "UNQUOTED VALUE": messages.READ_BAD_QUOTE,
    "INVALID ENCODING": messages.READ_BAD_TEXT,
}


@dataclass(frozen=True)
class Parsed:
    """A CSV file split into records, before the header and trailer are taken off."""

    grid: pa.Table  # c0…cN: every record with the header's number of cells
    starts: np.ndarray  # the line each of them starts on
    rejected: list[Rejected]  # the records without it
    header: int  # index of the header record in ``grid``
    header_line: int


def shape(parsed: Parsed, name: str, text: TextFormat, limits: Limits) -> RawTable:
    """The RawTable of a parsed CSV file; raises ReadError if it holds no usable table."""
    original, data, rows = table_shape.split_header(parsed.grid, parsed.starts, parsed.header)
    data, rows, trailers = table_shape.cut_trailer(data, rows)
    last = int(rows[-1]) if len(rows) else parsed.header_line
    below = [r for r in parsed.rejected if r.line > parsed.header_line]
    more_trailers, bad = _split_rejected(below, last, text.delimiter)
    data, rows = table_shape.drop_empty_rows(data, rows)
    bad_lines = sum(r.span for r in bad)
    if bad and bad_lines > len(rows):
        raise mostly_bad(name, bad, bad_lines, len(rows), data.num_columns, text.delimiter)
    if len(rows) == 0:
        raise refuse(name, messages.READ_HEADER_ONLY, where=f"line {parsed.header_line}")
    if len(rows) > limits.max_rows:
        raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)
    headers = layout.unique_headers(original)
    warnings = [
        *_title_warning(name, parsed.header_line),
        *_line_problems(name, bad, data.num_columns, text.delimiter),
        *_trailer_warnings(name, sorted(trailers + more_trailers, key=lambda t: t.row)),
    ]
    encoding = "utf-8-sig" if text.encoding == "utf-8" and text.bom else text.encoding
    return RawTable(
        file_name=name, file_type="csv", sheet=None, sheets=(), headers=headers,
        original_headers=original, table=table_shape.assemble(data, rows, headers),
        header_row=parsed.header_line, encoding=encoding, delimiter=text.delimiter,
        warnings=tuple(warnings),
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


def _title_warning(name: str, header_line: int) -> list[Problem]:
    if header_line == 1:
        return []
    unit = "line" if header_line == 2 else "lines"
    message = messages.READ_TITLE_SKIPPED.format(
        n=header_line - 1, unit=unit, where=f"the header is on line {header_line}"
    )
    return [Problem(name, "line 1", message)]


def _line_problems(name: str, bad: list[Rejected], columns: int, delimiter: str) -> list[Problem]:
    problems = []
    for record in bad[:MAX_LINE_PROBLEMS]:
        last = record.line + record.span - 1
        lines = "it was" if record.span == 1 else f"lines {record.line}–{last} were"
        template = LINE_MESSAGES.get(record.error, messages.READ_BAD_LINE)
        message = template.format(
            where=f"Line {record.line}", found=len(cells_of(record, delimiter)),
            expected=columns, lines=lines, encoding="UTF-8",
        )  # fmt: skip
        problems.append(Problem(name, f"line {record.line}", message))
    if len(bad) > MAX_LINE_PROBLEMS:
        more = messages.READ_MORE_BAD_LINES.format(n=len(bad) - MAX_LINE_PROBLEMS)
        problems.append(Problem(name, None, more))
    return problems


def _trailer_warnings(name: str, trailers: list[table_shape.Trailer]) -> list[Problem]:
    return [
        Problem(name, f"line {t.row}", messages.READ_TRAILER_SKIPPED.format(
            text=t.text, where=f"line {t.row}"))
        for t in trailers
    ]  # fmt: skip
