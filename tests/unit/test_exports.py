"""Downloads (referral_analytics/exports.py): formulas defused, CSV and XLSX round-trip."""

import csv
import io
from datetime import datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from referral_analytics import exports


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+2", "'=1+2"),
        ("+9665551234", "'+9665551234"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Sara", "Sara"),
        ("a=b", "a=b"),
        ("", ""),
        (-2, -2),
        (None, None),
    ],
)
def test_neutralise_prefixes_text_a_spreadsheet_would_run(value, safe):
    assert exports.neutralise(value) == safe


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ['=HYPERLINK("http://x","click")', "Noura Al-Harbi", None],
            "count": [1, -2, 3],
            "value": [1.5, float("nan"), 2.25],
            "when": pd.to_datetime(["2026-01-05 10:00", None, "2026-02-01 08:30"]),
        }
    )


def test_neutralise_frame_leaves_numbers_dates_and_missing_values_alone():
    safe = exports.neutralise_frame(_frame())
    assert safe["name"].tolist()[:2] == ['\'=HYPERLINK("http://x","click")', "Noura Al-Harbi"]
    assert pd.isna(safe["name"][2])
    assert safe["count"].tolist() == [1, -2, 3]
    assert safe["when"].dtype.kind == "M"


def test_csv_round_trip_keeps_rows_and_defuses_formulas():
    data = exports.csv_bytes(_frame())
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8 names right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["name", "count", "value", "when"]
    assert rows[1] == ['\'=HYPERLINK("http://x","click")', "1", "1.5", "2026-01-05 10:00:00"]
    assert rows[2] == ["Noura Al-Harbi", "-2", "", ""]


def test_xlsx_round_trip_keeps_types_and_writes_no_formula():
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(_frame(), sheet="Referrals")))
    sheet = book["Referrals"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["name", "count", "value", "when"]
    assert rows[1] == ['\'=HYPERLINK("http://x","click")', 1, 1.5, datetime(2026, 1, 5, 10, 0)]
    assert rows[2] == ["Noura Al-Harbi", -2, None, None]
    assert rows[3][0] is None and rows[3][2] == 2.25
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_xlsx_drops_control_characters_openpyxl_cannot_store():
    frame = pd.DataFrame({"note": ["bell\x07 here"]})
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))
    assert book.active["A2"].value == "bell here"


def test_an_empty_table_exports_its_header_only():
    frame = pd.DataFrame({"referral_id": pd.Series([], dtype="str")})
    assert exports.csv_bytes(frame).decode("utf-8-sig").strip() == "referral_id"
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(frame)))
    assert [[c.value for c in r] for r in book.active.iter_rows()] == [["referral_id"]]
