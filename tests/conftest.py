"""Shared fixtures: real DuckDB files built by the demo generator, and AppTest factories.

No mocks: pages run against a real store on disk, as they do in production.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from referral_analytics import db, demo

ROOT = Path(__file__).resolve().parents[1]
# The demo's last day is pinned so every figure a test computes is reproducible.
DEMO_END = date(2026, 11, 22)
DEMO_CONTACTS = 2_000


def rows(con: duckdb.DuckDBPyConnection, statement: str, params: dict | None = None) -> list:
    """A statement's rows, read through a cursor of its own."""
    cur = con.cursor()
    try:
        return cur.execute(statement, params or {}).fetchall()
    finally:
        cur.close()


@pytest.fixture
def disk_con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """An empty store in a DuckDB file of the test's own (the import's tests read it back)."""
    connection = db.connect(tmp_path / "store.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    """An empty in-memory store with the current schema."""
    connection = db.connect()
    yield connection
    connection.close()


def build_demo_db(path: Path, contacts: int = DEMO_CONTACTS) -> Path:
    """A demo database file at ``path`` (seed 7, ending on DEMO_END)."""
    connection = db.connect(path)
    demo.load_demo(connection, contacts, seed=7, end=DEMO_END)
    connection.close()
    return path


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database shared by the tests that only read it."""
    return build_demo_db(tmp_path_factory.mktemp("demo") / "demo.duckdb")


@pytest.fixture
def demo_con(demo_db_path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to the shared demo database (read it; do not write)."""
    connection = db.connect(demo_db_path)
    yield connection
    connection.close()


@pytest.fixture
def app_at(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """Build an AppTest of ``app.py`` against the database file given."""

    def make(db_path: Path, *, query: dict[str, str] | None = None) -> AppTest:
        monkeypatch.setenv("REFERRAL_DB", str(db_path))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        return at

    return make
