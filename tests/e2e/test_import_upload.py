"""Import in Chromium: upload an .xlsx, map a column by hand, import, and see the Overview move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from referral_analytics import db
from tests.conftest import build_demo_db
from tests.e2e.conftest import ARTIFACTS, Server, serving

NEW_CONTACTS = 25


@pytest.fixture
def own_server(tmp_path) -> Iterator[Server]:
    """A server on a store of its own: this test writes to it."""
    with serving(build_demo_db(tmp_path / "import.duckdb", 300), tmp_path / "streamlit.log") as s:
        yield s


def workbook(path) -> None:
    """Contacts created last week, with a "Bucket" column no synonym knows (the category)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Leads"
    sheet.append(["Full Name", "Email Address", "Mobile", "Date Added", "Bucket"])
    day = date.today() - timedelta(days=7)
    for i in range(NEW_CONTACTS):
        sheet.append([f"Upload Person {i}", f"upload{i}@example.com", f"05{i:08d}",
                      day.isoformat(), "Sphere"])  # fmt: skip
    book.save(path)


def map_bucket_to_category(page) -> None:
    """Edit the mapping grid by keyboard: the Bucket row's Field cell becomes "Category"."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)  # the app is idle
    grid = page.get_by_test_id("stDataFrame").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    row_height = 35  # Streamlit's grid rows and header
    page.mouse.click(box["x"] + 40, box["y"] + row_height * 5.5)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.keyboard.type("Category")
    page.keyboard.press("Enter")


def tile(page, label: str):
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def test_upload_map_a_column_import_and_the_overview_changes(page, own_server, tmp_path):
    page.goto(own_server.url)
    contacts = tile(page, "Contacts").first
    expect(contacts).to_be_visible()
    before = contacts.inner_text()

    page.get_by_role("link", name="Import").click()
    expect(page.get_by_role("heading", name="Import CRM exports")).to_be_visible()
    path = tmp_path / "leads.xlsx"
    workbook(path)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    expect(page.get_by_text("leads.xlsx").first).to_be_visible()

    # Map "Bucket" (the 5th row) to Category: select its first cell, move to Field, edit.
    expect(page.get_by_text("filling 4 fields; 1 column kept as they are")).to_be_visible()
    mapped = page.get_by_text("Ready: 25 of 25 rows will load, filling 5 fields")
    for attempt in range(3):  # the grid is a canvas: a click during a late reflow can miss
        map_bucket_to_category(page)
        try:
            expect(mapped).to_be_visible(timeout=10_000)
            break
        except AssertionError:
            if attempt == 2:
                raise

    page.get_by_role("button", name="Import 1 file").click()
    expect(page.get_by_text("leads.xlsx: loaded").first).to_be_visible()

    page.get_by_role("link", name="Overview").first.click()
    expect(contacts).not_to_have_text(before)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "import_then_overview.png"), full_page=True)

    own_server.stop()  # the server holds the file's lock; the mapping must have reached the rows
    con = db.connect(tmp_path / "import.duckdb")
    stored = con.execute(
        "select category, count(*) from contacts where email like 'upload%' group by all"
    ).fetchall()
    con.close()
    assert stored == [("Network", NEW_CONTACTS)]
