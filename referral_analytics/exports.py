"""Downloads: a table as CSV or XLSX bytes, safe to open in a spreadsheet. No Streamlit.

A cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) gets a leading apostrophe, so a name like ``=HYPERLINK(…)`` in a
CRM export stays text (OWASP, "CSV injection"). Every download in the app goes through here.
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: object) -> object:
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and headers are neutralised; numbers stay numbers."""
    safe = frame.rename(columns=lambda c: neutralise(str(c)))
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or _is_datetime(safe[column])):
            safe[column] = safe[column].map(neutralise, na_action="ignore")
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark (so Excel reads Arabic names right)."""
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str = "Data") -> bytes:
    """The table as a one-sheet workbook: a header row, then one row per record."""
    book = Workbook(write_only=True)
    table = book.create_sheet(title=sheet[:31])
    safe = neutralise_frame(frame)
    table.append(list(safe.columns))
    for row in safe.itertuples(index=False, name=None):
        table.append([_cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: object) -> object:
    """A value openpyxl can write: missing → empty, numpy → Python, text without control chars."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        return _cell(value.item())
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, datetime | date | int | float | bool):
        return value
    return str(value)


def _is_datetime(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series)
