"""Dirt in a CSV file's cells, cleaned before anything else sees them.

Control bytes (NUL, vertical tab, escape…) are what broken exporters leave behind, not proof
of a binary file; bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) and zero-width
spaces (U+200B, U+FEFF) are invisible in a spreadsheet and, around an e-mail or a phone,
make the same address two different texts — and U+202E turns the text shown around it
backwards. So they never reach the app:

* a vertical tab or a form feed becomes a space: FileMaker and old Mac Excel write a line
  break inside a cell as a vertical tab, so "Mary<VT>Jane" is two words, "Mary Jane";
* every other one is removed: a NUL is a C string's padding or half a UTF-16 character, so
  "Fa<NUL>tima" is one word (a space would split it), and the marks are invisible anyway.

Tabs, line breaks inside quoted cells, zero-width joiners (Persian spelling, emoji) stay.
Columns are cleaned with Arrow's regex kernels, and only when the file's bytes hold any of
these (``csv_bytes`` counts them), so a clean file pays nothing.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_SPACED = "\\x0b\\x0c"
_REMOVED = "\\x00-\\x08\\x0e-\\x1f\\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
DIRT = f"[{_SPACED}{_REMOVED}]"  # RE2 (Arrow) and Python read this class the same way
_SPACED_RE, _REMOVED_RE = re.compile(f"[{_SPACED}]"), re.compile(f"[{_REMOVED}]")


def clean_text(text: str) -> str:
    """One string cleaned (a rejected line's text, a title line)."""
    return _REMOVED_RE.sub("", _SPACED_RE.sub(" ", text))


def clean_grid(grid: pa.Table) -> tuple[pa.Table, int, np.ndarray]:
    """Every cell of ``grid`` cleaned; how many changed, and which rows hold one.

    A cell left empty by the cleaning is None, as an empty cell is.
    """
    columns, changed = [], 0
    rows = np.zeros(grid.num_rows, bool)
    for column in grid.columns:
        dirty = pc.fill_null(pc.match_substring_regex(column, DIRT), False)
        count = pc.sum(dirty).as_py() or 0
        if not count:
            columns.append(column)
            continue
        changed += count
        rows |= dirty.to_numpy(zero_copy_only=False)
        spaced = pc.replace_substring_regex(column, f"[{_SPACED}]", " ")
        removed = pc.replace_substring_regex(spaced, f"[{_REMOVED}]", "")
        columns.append(pc.if_else(pc.equal(removed, ""), pa.scalar(None, removed.type), removed))
    return pa.table(columns, names=grid.column_names), changed, rows
