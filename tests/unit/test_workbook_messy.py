"""Messy workbooks, imported whole: merged two-level headers, merged agents, Excel errors and
formulas saved without their results.

Workbooks are written with openpyxl (it saves a formula without its result, and a cell whose
text is an Excel error as that error); what it cannot write (a shared formula, a cached empty
text, a cell split across the guard's windows) is crafted with zipfile.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

from referral_analytics import db
from referral_analytics.ingest import pipeline
from referral_analytics.ingest.options import ImportOptions
from tests.unit.test_workbook_guard import sheet_xml, xlsx

ERROR_REASON = (
    "Holds the Excel error {}: correct the formula in the workbook, or clear the cell, and "
    "import it again."
)
NO_RESULT_REASON = (
    "Holds a formula saved without its result (the program that wrote the file did not "
    "compute it): open the file in Excel, save it, and import it again."
)
ERRORS = ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!")


def book(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Deals"
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def imported(tmp_path: Path, path: Path, **options: object):
    con = db.connect(tmp_path / "x.duckdb")
    return pipeline.import_file(con, path, ImportOptions(**options)), con


def deals(con, columns: str) -> list[tuple]:
    return con.execute(f"select {columns} from deals order by deal_id").fetchall()


# --- merged headers and merged agents --------------------------------------------------------

TWO_LEVEL = [
    [None, "Contact", None, "Deal", None, "Closed"],
    ["Agent", "Name", "Email", "Value", "Stage", "Date"],
    ["Reem", "Ann Lee", "ann@example.com", 5000, "Closed", date(2026, 3, 1)],
    [None, "Bo Chan", "bo@example.com", 7000, "Open", None],
    [None, "Cy Dee", "cy@example.com", 100, "Open", None],
    [None, "Di Eng", "di@example.com", 300, "Lost", None],
    ["Omar", "Ed Fox", "ed@example.com", 1200, "Open", None],
    [None, "Fa Gil", "fa@example.com", 2500, "Open", None],
]


def test_a_two_level_merged_header_and_merged_agents_import_joined_and_filled(tmp_path):
    # Two agents merged down their rows in one column used to fail with an internal error
    # ('pyarrow.lib.StringArray' object has no attribute 'combine_chunks').
    path = book(tmp_path / "pipeline.xlsx", TWO_LEVEL, ("B1:C1", "D1:E1", "A3:A6", "A7:A8"))
    report, con = imported(tmp_path, path)
    assert (report.status, report.kind, report.rows_loaded, report.errors) == (
        "loaded", "deals", 6, ()
    )  # fmt: skip
    assert not [w for w in report.warnings if "title" in w]  # row 1 is half the header
    details = con.execute("select details from imports").fetchone()[0]
    mapping = json.loads(details)["mapping"]
    assert {header: mapping[header] for header in mapping if header != "Contact Name"} == {
        "Agent": "agent", "Contact Email": "contact", "Deal Value": "value",
        "Deal Stage": "stage", "Closed Date": "closed_at",
    }  # fmt: skip
    rows = con.execute(
        "select agent, value, stage, closed_at, extra->>'Contact Email' from deals order by value"
    ).fetchall()
    assert rows == [
        ("Reem", Decimal("100.00"), "Open", None, "cy@example.com"),
        ("Reem", Decimal("300.00"), "Lost", None, "di@example.com"),
        ("Omar", Decimal("1200.00"), "Open", None, "ed@example.com"),
        ("Omar", Decimal("2500.00"), "Open", None, "fa@example.com"),
        ("Reem", Decimal("5000.00"), "Closed", datetime(2026, 3, 1), "ann@example.com"),
        ("Reem", Decimal("7000.00"), "Open", None, "bo@example.com"),
    ]


def test_a_header_cell_two_rows_tall_marks_a_two_level_header_and_a_title_does_not(tmp_path):
    rows = [["Agent", *TWO_LEVEL[0][1:5]], [None, *TWO_LEVEL[1][1:5]],
            *[row[:5] for row in TWO_LEVEL[2:6]]]  # fmt: skip
    tall = book(tmp_path / "tall.xlsx", rows, ("A1:A2", "B1:C1", "D1:E1", "A3:A6"))
    report, con = imported(tmp_path, tall)
    assert (report.status, report.rows_loaded) == ("loaded", 4)
    assert deals(con, "agent, value, stage, extra->>'Contact Name'") == [
        ("Reem", Decimal("5000.00"), "Closed", "Ann Lee"),
        ("Reem", Decimal("7000.00"), "Open", "Bo Chan"),
        ("Reem", Decimal("100.00"), "Open", "Cy Dee"),
        ("Reem", Decimal("300.00"), "Lost", "Di Eng"),
    ]
    # A report title merged across the table right above the header is skipped, not joined;
    # the agent merged down still holds for each of its rows.
    titled = [["Deals report"], ["Agent", "Client", "Value", "Stage"],
              ["Sara", "Ann", 10, "Open"], [None, "Bo", 20, "Open"], [None, "Cy", 30, "Lost"],
              ["Omar", "Di", 40, "Open"], [None, "Ed", 50, "Open"]]  # fmt: skip
    path = book(tmp_path / "titled.xlsx", titled, ("A1:D1", "A3:A5", "A6:A7"))
    report, con = imported(tmp_path, path)
    assert (report.status, report.rows_loaded) == ("loaded", 5)
    assert "Deals!A1: Skipped 1 title row above the header (the header is on row 2)." in (
        report.warnings
    )
    got = con.execute("select agent, value from deals where import_id = 2 order by value")
    assert [(agent, int(value)) for agent, value in got.fetchall()] == [
        ("Sara", 10), ("Sara", 20), ("Sara", 30), ("Omar", 40), ("Omar", 50),
    ]  # fmt: skip


# --- Excel errors ----------------------------------------------------------------------------


def errors_book(path: Path) -> Path:
    """Deals with every Excel error in the money column F, and one in an unmapped column."""
    header = ["Deal ID", "Contact", "Agent", "Stage", "Lookup", "Value"]
    rows = [header, ["D01", "Ann", "Reem", "Open", "x", 100]]
    rows += [[f"D{n:02}", f"P{n}", "Reem", "Open", "x", error] for n, error in enumerate(ERRORS, 2)]
    rows += [["D09", "Bo", "Omar", "Open", "#N/A", 900], ["D10", "Cy", "Omar", "Open", "y", 7]]
    return book(path, rows)


def test_excel_errors_in_a_money_column_reject_their_rows_naming_each_cell(tmp_path):
    report, con = imported(tmp_path, errors_book(tmp_path / "errors.xlsx"))
    assert report.status == "rejected" and report.rows_rejected == len(ERRORS)
    assert [(e.line, e.column, e.value, e.reason) for e in report.errors] == [
        (f"Deals!F{row}", "Value", error, ERROR_REASON.format(error))
        for row, error in enumerate(ERRORS, 3)
    ]
    assert deals(con, "deal_id") == []

    report, con = imported(tmp_path, errors_book(tmp_path / "again.xlsx"), skip_invalid=True)
    assert (report.status, report.rows_loaded, report.rows_rejected) == ("loaded", 3, 7)
    assert report.errors[0].line == "Deals!F3" and report.errors[0].value == "#DIV/0!"
    assert deals(con, "deal_id, value") == [
        ("D01", Decimal("100.00")), ("D09", Decimal("900.00")), ("D10", Decimal("7.00")),
    ]  # fmt: skip


def test_an_excel_error_in_an_unmapped_or_text_column_is_kept_and_named(tmp_path):
    rows = [["Deal ID", "Contact", "Agent", "Lookup", "Value"],
            ["D1", "Ann", "Reem", "x", 100], ["D2", "Bo", "#REF!", "#N/A", 200],
            ["D3", "Cy", "Omar", "#VALUE!", 300]]  # fmt: skip
    report, con = imported(tmp_path, book(tmp_path / "kept.xlsx", rows))
    assert (report.status, report.rows_loaded, report.errors) == ("loaded", 3, ())
    assert "Excel errors in “Lookup”, kept as written: Deals!D3 (#N/A), Deals!D4 (#VALUE!)." in (
        report.warnings
    )
    assert "Excel errors in “Agent”, kept as written: Deals!C3 (#REF!)." in report.warnings
    assert deals(con, "deal_id, agent, extra->>'Lookup'") == [
        ("D1", "Reem", "x"), ("D2", "#REF!", "#N/A"), ("D3", "Omar", "#VALUE!"),
    ]  # fmt: skip


# --- formulas saved without their results ----------------------------------------------------


def test_a_formula_saved_without_its_result_is_named_not_emptied_unsaid(tmp_path):
    rows = [["Deal ID", "Contact", "Base", "Total", "Value"],
            ["D1", "Ann", 10, 20, 100], ["D2", "Bo", 20, "=C3*2", 200],
            ["D3", "Cy", 30, 60, "=C4*10"]]  # fmt: skip
    path = book(tmp_path / "formulas.xlsx", rows)
    report, con = imported(tmp_path, path)
    assert report.status == "rejected"
    assert [(e.line, e.column, e.value, e.reason) for e in report.errors] == [
        ("Deals!E4", "Value", None, NO_RESULT_REASON)
    ]
    said = (
        "Formulas saved without their results in “Total”, left empty: Deals!D3. Open the file "
        "in Excel and save it to keep their values."
    )
    assert said in report.warnings

    report, con = imported(tmp_path, path, skip_invalid=True)
    assert (report.status, report.rows_loaded, report.rows_rejected) == ("loaded", 2, 1)
    assert said in report.warnings
    assert deals(con, "deal_id, value, extra->>'Total'") == [
        ("D1", Decimal("100.00"), "20"), ("D2", Decimal("200.00"), None),
    ]  # fmt: skip


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_shared_and_prefixed_formulas_without_results_are_found_an_empty_text_result_is_not(
    tmp_path,
):
    rows = (
        f'<row r="1">{inline("A1", "Deal ID")}{inline("B1", "Contact")}{inline("C1", "Label")}'
        f"{inline('D1', 'Value')}</row>"
        f'<row r="2">{inline("A2", "D1")}{inline("B2", "Ann")}'
        '<c r="C2" t="str"><f>IF(D2&gt;5,"","big")</f><v></v></c>'
        '<c r="D2"><f t="shared" ref="D2:D3" si="0">B2*2</f><v>4</v></c></row>'
        f'<row r="3">{inline("A3", "D2")}{inline("B3", "Bo")}<c r="D3"><f t="shared" si="0"/></c></row>'
        f'<row r="4">{inline("A4", "D3")}{inline("B4", "Cy")}<c r="D4"><f>B4*2</f><v/></c></row>'
    )
    report, _ = imported(tmp_path, xlsx(tmp_path / "shared.xlsx", sheet_xml(rows), name="Deals"))
    assert [(e.line, e.reason) for e in report.errors] == [
        ("Deals!D3", NO_RESULT_REASON), ("Deals!D4", NO_RESULT_REASON),
    ]  # fmt: skip
    assert not [w for w in report.warnings if "Label" in w]  # "" is a result, and is kept

    # Some writers prefix every element (<x:c>); calamine reads them, so does the guard.
    def prefixed(ref: str, text: str) -> str:
        return f'<x:c r="{ref}" t="inlineStr"><x:is><x:t>{text}</x:t></x:is></x:c>'

    rows = (
        f'<x:row r="1">{prefixed("A1", "Deal ID")}{prefixed("B1", "Value")}</x:row>'
        f'<x:row r="2">{prefixed("A2", "D1")}<x:c r="B2"><x:f>1+1</x:f></x:c></x:row>'
        f'<x:row r="3">{prefixed("A3", "D2")}<x:c r="B3"><x:v>4</x:v></x:c></x:row>'
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>{rows}</x:sheetData>'
        "</x:worksheet>"
    )
    path = xlsx(tmp_path / "prefixed.xlsx", xml, name="Deals")
    report, _ = imported(tmp_path, path, kind="deals")
    assert [(e.line, e.reason) for e in report.errors] == [("Deals!B2", NO_RESULT_REASON)]


def test_a_long_formula_cell_across_the_guards_windows_is_still_found(tmp_path):
    # Stored, not deflated: the guard reads the sheet in windows of exactly 4 MB, and the
    # formula cell of row 3 starts before the first window's end and ends after it.
    formula = "+".join(["B3"] * 2_000)
    head = (
        f'<row r="1">{inline("A1", "Deal ID")}{inline("B1", "Notes")}{inline("C1", "Value")}</row>'
    )
    start = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{head}'
    row2 = f'<row r="2">{inline("A2", "D1")}{inline("B2", "{pad}")}<c r="C2"><v>5</v></c></row>'
    pad = (4 << 20) - len(start) - len(row2.format(pad="")) - 2_000
    rows = row2.format(pad="x" * pad) + (
        f'<row r="3">{inline("A3", "D2")}<c r="C3"><f>{formula}</f></c></row>'
    )
    xml = sheet_xml(head + rows)
    assert xml.index('<c r="C3">') < 4 << 20 < xml.index("</f></c>")
    path = xlsx(tmp_path / "long.xlsx", xml, name="Deals", method=zipfile.ZIP_STORED)
    report, _ = imported(tmp_path, path, kind="deals")
    assert [(e.line, e.reason) for e in report.errors] == [("Deals!C3", NO_RESULT_REASON)]


# --- the command line ------------------------------------------------------------------------


def test_the_cli_names_the_error_cell_in_its_json(tmp_path):
    rows = [["Deal ID", "Contact", "Agent", "Stage", "Lookup", "Value"],
            ["D1", "Ann", "Reem", "Open", "x", 100], ["D2", "Bo", "Reem", "Open", "y", 200],
            ["D3", "Cy", "Omar", "Open", "z", "#DIV/0!"]]  # fmt: skip
    path = book(tmp_path / "cli.xlsx", rows)
    run = [sys.executable, "-m", "referral_analytics", "import", str(path)]
    done = subprocess.run(
        [*run, "--db", str(tmp_path / "cli.duckdb"), "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    [document] = json.loads(done.stdout)["files"]
    assert document["status"] == "rejected"
    assert document["errors"] == [{
        "line": "Deals!F4", "column": "Value", "value": "#DIV/0!",
        "reason": ERROR_REASON.format("#DIV/0!"),
    }]  # fmt: skip
