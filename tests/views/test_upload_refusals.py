"""Refusals on the Import page name the user's file, never the server's temporary copy."""

from __future__ import annotations

import os

from tests.conftest import build_demo_db


def test_an_oversized_upload_is_refused_by_the_name_the_user_gave_it(app_at, tmp_path, monkeypatch):
    monkeypatch.setenv("REFERRAL_MAX_UPLOAD_MB", "1")
    at = app_at(build_demo_db(tmp_path / "store.duckdb", 200)).run()
    at.switch_page("views/data_import.py").run()
    big = b"Full Name,Email\n" + b"Someone Long Named,someone@example.com\n" * 40_000  # 1.5 MB
    at.file_uploader(key="uploads").set_value(("team leads.csv", big, "text/csv")).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("team leads\\.csv" in e and "upload limit is 1 MB" in e for e in errors), errors
    assert not any("tmp" in e or "upload”" in e for e in errors), errors


def test_an_oversized_workbook_is_refused_by_its_name_when_its_sheets_are_listed(
    app_at, tmp_path, monkeypatch
):
    from openpyxl import Workbook

    monkeypatch.setenv("REFERRAL_MAX_UPLOAD_MB", "1")
    book = Workbook()
    for row in range(20_000):  # random notes: a zipped workbook over 1 MB needs them
        book.active.append([f"Person {row}", f"p{row}@example.com", os.urandom(32).hex()])
    book.create_sheet("Second").append(["x"])
    path = tmp_path / "big.xlsx"
    book.save(path)
    assert path.stat().st_size > 1024**2
    at = app_at(build_demo_db(tmp_path / "store.duckdb", 200)).run()
    at.switch_page("views/data_import.py").run()
    at.file_uploader(key="uploads").set_value(
        ("Q3 export.xlsx", path.read_bytes(), "application/vnd.ms-excel")
    ).run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("Q3 export\\.xlsx" in e for e in errors), errors
    assert not any("tmp" in e for e in errors), errors
