"""Where the table sits in a file: the header below a title block, the trailer below the data.

CRM report exports wrap the table: a title block above it ("Contacts report", "Generated
2026-11-01", a blank line) and, from Salesforce, a trailer below it ("Grand Totals (212
records)", "Confidential Information - Do Not Distribute", a copyright line). These functions
work on a few rows of text, so CSV and workbooks share them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

ROW_COLUMN = "__row"
MAX_TITLE_ROWS = 30  # a header further down than this is not looked for
HEADER_SHARE = 0.6  # of the widest row's filled cells
TITLE_CELLS = 2  # a title line fills at most this many cells ("Report:", "Contacts")
TRAILER = re.compile(
    r"(grand\s+totals?\b.*"  # Salesforce: "Grand Totals (212 records)"
    r"|(sub)?totals?:?(\s*\(.*\))?"  # a bare "Total" row, with or without a count
    r"|confidential\s+information\b.*"  # "Confidential Information - Do Not Distribute"
    r"|copyright\b.*|\(c\)\s.*|©.*)",  # "Copyright (c) 2000-2026 salesforce.com, inc. …"
    re.IGNORECASE | re.DOTALL,
)


def filled(cells: Sequence[str | None]) -> int:
    """How many cells hold more than whitespace."""
    return sum(1 for cell in cells if cell is not None and cell.strip())


def find_header(rows: Sequence[Sequence[str | None]]) -> int | None:
    """Index of the header among the first rows of a file; None if they are all empty.

    The header is the first row that is not a title line: it fills more than two cells, or
    at least 60% as many as the fullest row nearby. Title lines fill one or two.

    Args:
        rows: The file's first rows (say 200), blank rows included, as cell text or None.
    """
    counts = [filled(row) for row in rows]
    if not any(counts):
        return None
    widest = max(counts)
    needed = min(TITLE_CELLS + 1, max(1, math.ceil(HEADER_SHARE * widest)))
    for index, count in enumerate(counts[: MAX_TITLE_ROWS + 1]):
        if count >= needed:
            return index
    return next(index for index, count in enumerate(counts) if count)


def trailer_text(cells: Sequence[str | None]) -> str | None:
    """The text of a report-trailer row ("Grand Totals (212 records)"), else None.

    A trailer row's first filled cell is trailer wording; other cells may hold totals.
    """
    first = next((cell.strip() for cell in cells if cell is not None and cell.strip()), None)
    return first if first is not None and TRAILER.fullmatch(first) else None


def unique_headers(original: Sequence[str]) -> tuple[str, ...]:
    """Header names made non-blank and unique: blank → "column_7", repeats → "Email (2)".

    Names are compared ignoring case and surrounding spaces, as DuckDB compares column
    names; ``__row`` is taken by the table's row-number column.
    """
    seen = {ROW_COLUMN}
    names = []
    for position, text in enumerate(original, start=1):
        base = text if text.strip() else f"column_{position}"
        name, copy = base, 2
        while name.strip().casefold() in seen:
            name, copy = f"{base.rstrip()} ({copy})", copy + 1
        seen.add(name.strip().casefold())
        names.append(name)
    return tuple(names)
