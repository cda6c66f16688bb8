"""CSV lines that do not split into the header's cells, joined to the file's row errors."""

from __future__ import annotations

from dataclasses import replace

import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.check.report import RowError
from referral_analytics.ingest.read import RawTable


def with_rejected_lines(
    raw: RawTable, errors: list[RowError], rejected: list[int]
) -> tuple[RawTable, list[RowError], list[int]]:
    """CSV lines that do not split into the header's cells, as row errors in line order.

    Each is added below ``raw.table`` as the row it would have been (a long line's extra
    cells joined into its last column, a short one's missing cells empty), so it is counted
    as read and the rejected-rows download lists it as written.
    """
    if not raw.rejected_lines:
        return raw, errors, rejected
    width, separator = len(raw.headers), raw.delimiter or ","
    fitted = []
    for bad in raw.rejected_lines:
        cells = [*bad.cells[: width - 1], separator.join(bad.cells[width - 1 :])]
        fitted.append([cell or None for cell in cells] + [None] * (width - len(cells)))
    added = pa.table(
        [*(pa.array([row[i] for row in fitted], pa.string()) for i in range(width)),
         pa.array([bad.line for bad in raw.rejected_lines], pa.int64())],
        names=raw.table.column_names,
    ).cast(raw.table.schema)  # fmt: skip
    first = raw.table.num_rows
    table = pa.concat_tables([raw.table, added])
    lines = table["__row"].to_pylist()
    positions = sorted([*rejected, *range(first, table.num_rows)], key=lambda p: lines[p])
    found = [(_line_number(e.line), 0, i, e) for i, e in enumerate(errors)]
    found += [
        (bad.line, -1, i, RowError(f"line {bad.line}", messages.READ_LINE_COLUMN, bad.text,
                                   bad.reason))
        for i, bad in enumerate(raw.rejected_lines)
    ]  # fmt: skip
    merged = [error for *_, error in sorted(found, key=lambda item: item[:3])]
    return replace(raw, table=table), merged, positions


def _line_number(place: str) -> int:
    """The line of a CSV place ("line 7" → 7)."""
    return int(place.removeprefix("line ").split()[0])
