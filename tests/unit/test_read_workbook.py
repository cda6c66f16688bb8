"""The READ stage on workbooks: cells as text, sheets, layout, positions, a parser that dies.

Workbooks are written here with openpyxl; what openpyxl cannot write (cached formula values,
an OpenDocument file) is crafted with zipfile.
"""

from __future__ import annotations

import os
import time as time_module
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from referral_analytics.ingest.read import (
    Limits,
    ReadError,
    list_sheets,
    location,
    read_table,
    workbook,
)
from tests.unit.test_workbook_guard import CELLS, sheet_xml, xlsx


def book(
    path: Path, sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for merged in (merges or {}).get(title, []):
            sheet.merge_cells(merged)
    workbook.save(path)
    return path


def cells(raw) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "__row"} for row in raw.table.to_pylist()]


def refused(path: Path, **options: object) -> str:
    with pytest.raises(ReadError) as caught:
        read_table(path, **options)
    assert caught.value.problem.file == path.name
    return caught.value.problem.message


# --- every cell as text -----------------------------------------------------------------------


def test_numbers_are_read_as_their_shortest_text(tmp_path):
    values = [1200.5, 5, 5.0, 0.1 + 0.2, 123456789.12, -0.000012, 1200.5000000000002, 10**15]
    raw = read_table(book(tmp_path / "n.xlsx", {"S": [["Amount"], *[[v] for v in values]]}))
    assert [row["Amount"] for row in cells(raw)] == [
        "1200.5", "5", "5", "0.3", "123456789.12", "-0.000012", "1200.5", "1000000000000000",
    ]  # fmt: skip


def test_text_that_looks_like_a_number_stays_text(tmp_path):
    rows = [["Phone", "Budget", "Code"], ["0501234567", "1.2M", "00123"]]
    raw = read_table(book(tmp_path / "t.xlsx", {"S": rows}))
    assert cells(raw) == [{"Phone": "0501234567", "Budget": "1.2M", "Code": "00123"}]


def test_dates_and_datetimes_are_iso_text(tmp_path):
    rows = [
        ["When"], [date(2026, 9, 12)], [datetime(2026, 9, 12, 14, 30)],
        [datetime(2026, 9, 12)], [time(12, 30)], [datetime(2026, 9, 12, 14, 30, 15, 250000)],
    ]  # fmt: skip
    raw = read_table(book(tmp_path / "d.xlsx", {"S": rows}))
    # A datetime at midnight comes back as the date: calamine returns it as a plain date.
    assert [row["When"] for row in cells(raw)] == [
        "2026-09-12", "2026-09-12T14:30:00", "2026-09-12", "12:30:00", "2026-09-12T14:30:15.250",
    ]  # fmt: skip


def test_formulas_give_their_cached_values(tmp_path):
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Price</t></is></c><c r="B1" t="inlineStr"><is><t>Total</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>Label</t></is></c></row>'
        '<row r="2"><c r="A2"><v>2.5</v></c><c r="B2"><f>A2*4</f><v>10</v></c>'
        '<c r="C2" t="str"><f>"Agent "&amp;A2</f><v>Agent 2.5</v></c></row>'
    )
    raw = read_table(xlsx(tmp_path / "f.xlsx", sheet_xml(rows)))
    assert cells(raw) == [{"Price": "2.5", "Total": "10", "Label": "Agent 2.5"}]


def test_empty_cells_are_none(tmp_path):
    raw = read_table(
        book(tmp_path / "e.xlsx", {"S": [["a", "b", "c"], ["x", None, ""], [None, "y", None]]})
    )
    assert cells(raw) == [{"a": "x", "b": None, "c": None}, {"a": None, "b": "y", "c": None}]


# --- sheets -----------------------------------------------------------------------------------


def test_every_sheet_is_listed_with_its_rows_and_the_biggest_is_read(tmp_path):
    path = book(tmp_path / "s.xlsx", {
        "Notes": [["Note"], ["x"]],
        "Contacts": [["Name"], ["Ann"], ["Bo"], ["Cy"]],
        "Empty": [],
    })  # fmt: skip
    assert list_sheets(path) == (("Notes", 2), ("Contacts", 4), ("Empty", 0))
    raw = read_table(path)
    assert raw.sheet == "Contacts" and raw.sheets == (("Notes", 2), ("Contacts", 4), ("Empty", 0))
    assert cells(raw) == [{"Name": "Ann"}, {"Name": "Bo"}, {"Name": "Cy"}]


def test_a_chosen_sheet_is_read(tmp_path):
    path = book(tmp_path / "s.xlsx", {"Big": [["a"], [1], [2]], "Small": [["b"], ["x"]]})
    assert cells(read_table(path, sheet="Small")) == [{"b": "x"}]


def test_an_unknown_sheet_names_the_sheets_there_are(tmp_path):
    path = book(tmp_path / "s.xlsx", {"Contacts": [["a"], [1]], "Deals": [["b"], [2]]})
    message = refused(path, sheet="Referrals")
    assert (
        message == "“s.xlsx” has no sheet named “Referrals”. Its sheets are: “Contacts”, “Deals”."
    )


def test_a_csv_file_has_no_sheets(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n")
    assert list_sheets(path) == ()


# --- layout -----------------------------------------------------------------------------------


def test_a_merged_header_cell_names_each_column_it_spans(tmp_path):
    rows = [["Name", "Phone", None, "Email"], ["Ann", "0501", "0502", "a@x"]]
    raw = read_table(book(tmp_path / "m.xlsx", {"S": rows}, {"S": ["B1:C1"]}))
    assert raw.original_headers == ("Name", "Phone", "Phone", "Email")
    assert raw.headers == ("Name", "Phone", "Phone (2)", "Email")
    assert cells(raw) == [{"Name": "Ann", "Phone": "0501", "Phone (2)": "0502", "Email": "a@x"}]


def test_a_cell_merged_down_holds_for_each_row(tmp_path):
    rows = [["Agent", "Client"], ["Sara", "Ann"], [None, "Bo"], [None, "Cy"], ["Omar", "Di"]]
    raw = read_table(book(tmp_path / "m.xlsx", {"S": rows}, {"S": ["A2:A4"]}))
    assert [row["Agent"] for row in cells(raw)] == ["Sara", "Sara", "Sara", "Omar"]


def test_a_title_block_and_a_trailer_are_skipped_and_said(tmp_path):
    rows = [
        ["Contacts report"], ["Generated 2026-11-01"], [],
        ["Name", "Email", "Amount"], ["Ann", "a@x", 5], ["Bo", "b@x", 7],
        ["Grand Totals (2 records)", None, 12], [],
        ["Confidential Information - Do Not Distribute"],
    ]  # fmt: skip
    raw = read_table(book(tmp_path / "r.xlsx", {"Report": rows}, {"Report": ["A1:C1"]}))
    assert raw.header_row == 4
    assert cells(raw) == [
        {"Name": "Ann", "Email": "a@x", "Amount": "5"}, {"Name": "Bo", "Email": "b@x", "Amount": "7"},
    ]  # fmt: skip
    assert [(w.location, w.message) for w in raw.warnings] == [
        ("Report!A1", "Skipped 3 title rows above the header (the header is on row 4)."),
        ("Report!A7", "Skipped report trailer “Grand Totals (2 records)” at Report!A7."),
        (
            "Report!A9",
            "Skipped report trailer “Confidential Information - Do Not Distribute” at Report!A9.",
        ),
    ]


def test_blank_and_duplicate_headers_are_made_unique(tmp_path):
    raw = read_table(
        book(tmp_path / "h.xlsx", {"S": [["Email", None, "Email", 2026], [1, 2, 3, 4]]})
    )
    assert raw.original_headers == ("Email", "", "Email", "2026")
    assert raw.headers == ("Email", "column_2", "Email (2)", "2026")


# --- positions --------------------------------------------------------------------------------


def test_rows_are_the_excel_row_numbers(tmp_path):
    path = tmp_path / "p.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "My contacts"
    sheet["B3"], sheet["C3"], sheet["D3"] = "Name", "Phone", "Email"
    sheet["B4"], sheet["C4"] = "Ann", "0501"
    sheet["B6"], sheet["D6"] = "Bo", "b@x"  # row 5 is empty
    workbook.save(path)
    raw = read_table(path)
    assert raw.header_row == 3
    assert raw.table.column("__row").to_pylist() == [4, 6]
    assert location(raw, 6, 2) == "'My contacts'!D6"
    assert location(raw, 4, 0) == "'My contacts'!B4"


# --- failures ---------------------------------------------------------------------------------


def test_a_workbook_that_needs_too_much_memory_is_a_read_error_not_a_crash(tmp_path):
    # Within the limits (300 columns, 100,000 rows), but calamine's dense grid for it needs
    # 30 million cells: the child dies, the message names the file.
    rows = CELLS + '<row r="100000"><c r="KN100000"><v>1</v></c></row>'
    message = refused(xlsx(tmp_path / "wide.xlsx", sheet_xml(rows)))
    assert message.startswith(
        "“wide.xlsx” could not be read safely: the workbook needs more than 1 GB"
    )


def test_a_sheet_with_only_a_header_has_its_own_message(tmp_path):
    message = refused(book(tmp_path / "h.xlsx", {"Contacts": [["Name", "Email"]]}))
    assert message == "“h.xlsx” has a header row (Contacts!A1) but no data rows below it."


def test_a_workbook_with_no_cells_is_empty(tmp_path):
    assert "is empty" in refused(book(tmp_path / "e.xlsx", {"A": [], "B": []}))


def test_too_many_columns_in_a_workbook_names_the_limit(tmp_path):
    path = book(tmp_path / "w.xlsx", {"S": [[f"c{i}" for i in range(8)], list(range(8))]})
    assert refused(path, limits=Limits(max_columns=5)).startswith(
        "“w.xlsx” has 8 columns; the limit is 5"
    )


def test_too_many_rows_in_a_workbook_names_the_limit(tmp_path):
    path = book(tmp_path / "r.xlsx", {"S": [["a"], *[[i] for i in range(50)]]})
    assert "more than 10 data rows" in refused(path, limits=Limits(max_rows=10))


def test_a_damaged_workbook_is_a_read_error(tmp_path):
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook>")
    assert refused(path).startswith("“bad.xlsx” is not a readable workbook")


# --- OpenDocument -----------------------------------------------------------------------------

ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Contacts">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>"
)

ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
    'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_cell(value: object) -> str:
    if isinstance(value, float):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def test_an_opendocument_spreadsheet_is_read(tmp_path):
    rows = [["Name", "Phone", "Amount"], ["Ann", "0501234567", 1200.5]]
    xml_rows = "".join(
        f"<table:table-row>{''.join(map(ods_cell, r))}</table:table-row>" for r in rows
    )
    path = tmp_path / "contacts.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", ODS_CONTENT.format(rows=xml_rows))
    raw = read_table(path)
    assert raw.file_type == "ods" and raw.sheet == "Contacts"
    assert cells(raw) == [{"Name": "Ann", "Phone": "0501234567", "Amount": "1200.5"}]


def test_an_excel_97_workbook_is_read():
    # Nothing here writes .xls, so this reads a real one that a dev dependency ships.
    statsmodels = pytest.importorskip("statsmodels")
    path = Path(statsmodels.__file__).parent / "datasets/macrodata/src/macrodata.xls/macrodata.xls"
    if not path.is_file():
        pytest.skip("statsmodels ships no .xls here")
    raw = read_table(path)
    assert raw.file_type == "xls"
    assert raw.sheets == (("README", 278), ("Monthly", 912), ("Quarterly", 252))
    assert raw.sheet == "Monthly" and raw.headers[:2] == ("DATE", "CPIAUCSL")
    assert raw.table.slice(0, 1).to_pylist()[0]["DATE"] == "1934-01-01"
    assert raw.table.column("__row").to_pylist()[:2] == [2, 3]


# --- the parsing child ------------------------------------------------------------------------


def _children() -> set[int]:
    """Our live child processes (zombies excluded), from /proc."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            found.add(int(status.parent.name))
    return found


def _children_settled(before: set[int]) -> set[int]:
    """Our new child processes once the spare, started a moment after a read, is up."""
    deadline = time_module.monotonic() + workbook.SPARE_DELAY_SECONDS + 5
    while not (_children() - before) and time_module.monotonic() < deadline:
        time_module.sleep(0.1)
    return _children() - before


def test_each_read_uses_a_fresh_child_and_leaves_one_spare(tmp_path):
    good = book(tmp_path / "g.xlsx", {"S": [["Name"], ["Sara"]]})
    hostile = xlsx(tmp_path / "far.xlsx", sheet_xml(CELLS + '<row r="9"><c r="XFD9"/></row>'))
    time_module.sleep(workbook.SPARE_DELAY_SECONDS + 0.5)  # earlier tests' spares are up
    workbook._stop_spares()
    workbook._closing = False
    before = _children()
    read_table(good)
    assert _children() == before  # the child that read it is gone
    spare = _children_settled(before)
    assert len(spare) == 1  # started after the read, for the next one
    refused(hostile)  # the child parsing it is killed when the guard refuses
    read_table(good)
    after = _children_settled(before)
    assert len(after) == 1 and after.isdisjoint(spare)  # the spare served a read, once
