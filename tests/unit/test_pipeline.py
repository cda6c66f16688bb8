"""The whole import of one file: read → kind → mapping → values → load, from real files.

Expected values are worked out by hand from the files each test writes.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from referral_analytics import db
from referral_analytics.ingest import load
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import import_file
from tests.conftest import rows
from tests.fingerprint import fingerprint

FUB_HEADER = "First Name,Last Name,Email 1,Phone 1,Stage,Created,Assigned To,Favorite Color"


def write(path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


@pytest.fixture
def people(tmp_path: Path) -> Path:
    return write(
        tmp_path / "people.csv", FUB_HEADER,
        "Huda,Al-Harbi,huda@example.com,0501234567,Past Client,2026-03-01,Sara,blue",
        "Omar,Saleh,OMAR@example.com,+966 55 765 4321,Sphere,2026-04-15 09:30,Sara,",
        "Lina,,lina@example.com,,Lead,2026-05-20,Khalid,green",
    )  # fmt: skip


def test_a_contacts_export_loads_every_field_it_maps(con, people):
    report = import_file(con, people)
    assert report.status == "loaded", report
    assert (report.kind, report.rows_read, report.rows_loaded, report.rows_rejected) == (
        "contacts", 3, 3, 0,
    )  # fmt: skip
    stored = rows(con, "select full_name, email, phone, category, agent, created_at"
                       " from contacts order by created_at")  # fmt: skip
    assert stored == [
        ("Huda Al-Harbi", "huda@example.com", "0501234567", "Advocate", "Sara",
         datetime(2026, 3, 1)),
        ("Omar Saleh", "omar@example.com", "+966557654321", "Network", "Sara",
         datetime(2026, 4, 15, 9, 30)),
        ("Lina", "lina@example.com", None, "General Public", "Khalid", datetime(2026, 5, 20)),
    ]  # fmt: skip
    extras = rows(con, "select extra from contacts order by created_at")
    assert json.loads(extras[0][0])["Favorite Color"] == "blue"
    assert rows(con, "select file_name, kind, rows_read, rows_loaded from imports") == [
        ("people.csv", "contacts", 3, 3)
    ]


def test_the_same_file_again_changes_nothing(con, people):
    import_file(con, people)
    before = fingerprint(con)
    again = import_file(con, people)
    assert again.status == "already imported"
    assert again.import_id == 1
    assert fingerprint(con) == before


def test_a_bad_value_rejects_the_file_and_writes_nothing(con, people, tmp_path):
    import_file(con, people)
    before = fingerprint(con)
    bad = write(
        tmp_path / "more.csv", FUB_HEADER,
        "Ali,Nasser,ali@example.com,0551112222,Lead,2026-06-01,Sara,",
        "Maha,Fahd,maha@example.com,0553334444,Lead,not a date,Sara,",
        "Noor,Sami,noor-at-example.com,0555556666,Lead,2026-06-03,Sara,",
    )  # fmt: skip
    report = import_file(con, bad)
    assert report.status == "rejected"
    assert report.rows_loaded == 0
    assert [(e.line, e.column, e.value) for e in report.errors] == [
        ("line 3", "Created", "not a date"),
        ("line 4", "Email 1", "noor-at-example.com"),
    ]
    assert all(e.reason for e in report.errors)
    assert fingerprint(con) == before


def test_skip_invalid_loads_the_valid_rows_and_counts_the_rest(con, tmp_path):
    bad = write(
        tmp_path / "more.csv", FUB_HEADER,
        "Ali,Nasser,ali@example.com,0551112222,Lead,2026-06-01,Sara,",
        "Maha,Fahd,maha@example.com,0553334444,Lead,31/02/2026,Sara,",
    )  # fmt: skip
    report = import_file(con, bad, ImportOptions(skip_invalid=True))
    assert (report.status, report.rows_loaded, report.rows_rejected) == ("loaded", 1, 1)
    assert rows(con, "select email from contacts") == [("ali@example.com",)]
    assert rows(con, "select rows_rejected from imports") == [(1,)]


def test_ambiguous_dates_are_asked_and_then_read_as_told(con, tmp_path):
    ambiguous = write(
        tmp_path / "dates.csv", "Name,Email,Created",
        "Huda,huda@example.com,03/04/2026", "Omar,omar@example.com,05/06/2026",
    )  # fmt: skip
    asked = import_file(con, ambiguous)
    assert asked.status == "needs input"
    assert any("Created" in d and "--date-order" in d for d in asked.decisions)
    assert rows(con, "select count(*) from contacts") == [(0,)]
    told = import_file(con, ambiguous, ImportOptions(date_order="DMY"))
    assert told.status == "loaded"
    assert rows(con, "select created_at from contacts order by email") == [
        (datetime(2026, 4, 3),), (datetime(2026, 6, 5),),
    ]  # fmt: skip


def test_referred_by_becomes_referrals_and_unknown_names_are_listed(con, people, tmp_path):
    import_file(con, people)
    referred = write(
        tmp_path / "referred.csv", "Name,Email,Created,Referred By",
        "Rana Ali,rana@example.com,2026-07-01,Huda Al-Harbi",
        "Badr Omar,badr@example.com,2026-07-02,omar@example.com",
        "Zaid Ali,zaid@example.com,2026-07-03,Someone Unknown",
    )  # fmt: skip
    report = import_file(con, referred)
    assert report.status == "loaded", report
    links = rows(con, """
        select referrer.email, referred.email, r.received_at from referrals as r
        join contacts as referrer on referrer.contact_id = r.referrer_id
        join contacts as referred on referred.contact_id = r.referred_id
        order by r.received_at""")  # fmt: skip
    assert links == [
        ("huda@example.com", "rana@example.com", datetime(2026, 7, 1)),
        ("omar@example.com", "badr@example.com", datetime(2026, 7, 2)),
    ]
    assert report.related == {"referrals": 2}
    assert any("Someone Unknown" in w for w in report.warnings)
    kept = rows(con, "select extra from contacts where email = 'zaid@example.com'")
    assert json.loads(kept[0][0])["Referred By"] == "Someone Unknown"


def test_undo_restores_the_store_exactly(con, people, tmp_path):
    import_file(con, people)
    before = fingerprint(con)
    newer = write(
        tmp_path / "newer.csv", FUB_HEADER,
        "Huda,Al-Harbi,huda@example.com,0501234567,Core,2026-03-01,Sara,red",
        "Ali,Nasser,ali@example.com,0551112222,Lead,2026-06-01,Sara,",
    )  # fmt: skip
    report = import_file(con, newer)
    assert (report.rows_loaded, rows(con, "select count(*) from contacts")[0][0]) == (2, 4)
    history = rows(con, "select category from category_history order by valid_from, category")
    assert ("Core Advocate",) in history
    load.undo(con, report.import_id)
    after = fingerprint(con)
    assert {t: v for t, v in after.items() if t != "imports"} == {
        t: v for t, v in before.items() if t != "imports"
    }
    assert rows(con, "select undone_at is not null from imports order by import_id") == [
        (False,), (True,),
    ]  # fmt: skip


def test_a_dry_run_writes_nothing(con, people):
    before = fingerprint(con)
    report = import_file(con, people, ImportOptions(dry_run=True))
    assert (report.status, report.rows_read) == ("would load", 3)
    assert fingerprint(con) == before


def test_words_no_vocabulary_knows_load_empty_and_stay_in_extra(con, tmp_path):
    odd = write(
        tmp_path / "odd.csv", "Name,Email,Stage",
        "Huda,huda@example.com,Zillow Flex", "Omar,omar@example.com,Past Client",
    )  # fmt: skip
    report = import_file(con, odd)
    assert report.status == "loaded"
    assert any("Zillow Flex" in w for w in report.warnings)
    stored = rows(con, "select email, category, extra from contacts order by email")
    assert stored[0][:2] == ("huda@example.com", None)
    assert json.loads(stored[0][2])["Stage"] == "Zillow Flex"
    assert stored[1][1] == "Advocate"
    mapped = import_file(
        con, write(tmp_path / "odd2.csv", "Name,Email,Stage", "Huda,huda@example.com,Zillow Flex"),
        ImportOptions(words={"category": {"Zillow Flex": "Target Group"}}),
    )  # fmt: skip
    assert mapped.status == "loaded"
    assert rows(con, "select category from contacts where email = 'huda@example.com'") == [
        ("Target Group",)
    ]


def test_workbook_errors_name_the_sheet_and_cell(con, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Deals"
    sheet.append(["Deal ID", "Contact Email", "Value", "Status", "Close Date"])
    sheet.append(["D-1", "huda@example.com", "SAR 450,000", "Won", "2026-09-12"])
    sheet.append(["D-2", "omar@example.com", "TBD", "Open", "2026-10-01"])
    path = tmp_path / "deals.xlsx"
    book.save(path)
    report = import_file(con, path, ImportOptions(kind="deals"))
    assert report.status == "rejected"
    assert [(e.line, e.column, e.value) for e in report.errors] == [("Deals!C3", "Value", "TBD")]
    fixed = import_file(con, path, ImportOptions(kind="deals", skip_invalid=True))
    assert fixed.rows_loaded == 1
    assert rows(con, "select deal_id, value, status from deals") == [
        ("D-1", Decimal("450000.00"), "won")
    ]


def test_unreadable_and_missing_files_are_reports_not_tracebacks(con, tmp_path):
    pdf = tmp_path / "export.csv"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    report = import_file(con, pdf)
    assert report.status == "rejected"
    assert "PDF" in report.warnings[0]
    missing = import_file(con, tmp_path / "nowhere.csv")
    assert missing.status == "rejected"
    assert "nowhere.csv" in missing.warnings[0]


def test_a_file_on_disk_survives_a_rejected_import(tmp_path, people):
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    import_file(con, people)
    before = fingerprint(con)
    bad = write(tmp_path / "bad.csv", "Name,Email,Created", "X,x@example.com,yesterday-ish")
    assert import_file(con, bad).status == "rejected"
    con.close()
    reopened = db.connect(path)
    assert fingerprint(reopened) == before
    reopened.close()
