"""A scheduled import and a script while the dashboard is open in Chromium.

The app holds the DuckDB file only while it reads or writes (``db.Store``), so the CLI's
``import`` and ``kpis`` run beside it, and the page shows the new rows on its next run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT, build_demo_db
from tests.e2e.conftest import Server, serving

NEW = 30


@pytest.fixture
def writable_server(tmp_path) -> Iterator[Server]:
    with serving(build_demo_db(tmp_path / "nightly.duckdb", 300), tmp_path / "streamlit.log") as s:
        yield s


def cli(*args: str, db_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "REFERRAL_DB": str(db_path)}
    return subprocess.run([sys.executable, "-m", "referral_analytics", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def contacts_tile(page):
    return (page.get_by_test_id("stMetric").filter(has_text="Contacts").first
            .get_by_test_id("stMetricValue"))  # fmt: skip


def test_a_cli_import_and_kpis_run_while_the_page_is_open_and_the_page_shows_them(
    page, writable_server, tmp_path
):
    store = tmp_path / "nightly.duckdb"
    page.goto(f"{writable_server.url}/?period=all")
    tile = contacts_tile(page)
    expect(tile).to_be_visible()
    before = int(tile.inner_text().replace(",", ""))

    export = tmp_path / "nightly.csv"
    rows = [f"Nightly Person {i},nightly{i}@example.com,2026-11-20" for i in range(NEW)]
    export.write_text("Full Name,Email,Created\n" + "\n".join(rows) + "\n")
    imported = cli("import", str(export), "--json", db_path=store)
    assert imported.returncode == 0, imported.stderr
    [report] = json.loads(imported.stdout)["files"]
    assert (report["status"], report["rows_loaded"]) == ("loaded", NEW)
    again = cli("import", str(export), "--json", db_path=store)  # the same file: nothing doubled
    assert json.loads(again.stdout)["files"][0]["status"] == "already imported"

    kpis = cli("kpis", "--json", "--from", "2020-01-01", "--to", "2026-12-31", db_path=store)
    assert kpis.returncode == 0, kpis.stderr
    assert json.loads(kpis.stdout)["kpis"]["contacts"] == before + NEW

    page.reload()  # a new run of the page: the data version moved, so its caches miss
    expect(contacts_tile(page)).to_have_text(f"{before + NEW:,}")
