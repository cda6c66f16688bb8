"""The house rules that a grep can check (architecture.md "Rules of the house")."""

import ast
import re
from pathlib import Path

import pandas as pd
import pytest

from referral_analytics import db, queries

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = ROOT / "referral_analytics"


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if ".venv" not in p.parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _python_files(LIBRARY), ids=lambda p: str(p.relative_to(ROOT)))
def test_library_never_imports_streamlit(path):
    assert not any(name.split(".")[0] == "streamlit" for name in _imports(path))


@pytest.mark.parametrize(
    "path", _python_files(ROOT / "views") + [ROOT / "app.py"], ids=lambda p: p.name
)
def test_pages_hold_no_sql(path):
    text = path.read_text(encoding="utf-8").lower()
    assert not re.search(r"\b(select|insert|update|delete)\b[^\n]*\b(from|into|set)\b", text)
    assert "duckdb" not in _imports(path) or path.name == "_loaders.py"  # the connection's type


REGISTERED_FRAMES = {
    "_wanted": pd.DataFrame({"position": [0], "wanted": ["x"]}),
    "_link_rows": pd.DataFrame(
        {
            "position": [0],
            "contact_id": ["c"],
            "email": ["e"],
            "phone": ["p"],
            "generated_id": ["C1-2"],
        }
    ),  # fmt: skip
    "_links": pd.DataFrame({"referrer_id": ["a"], "referred_id": ["b"], "__row": [2]}),
}


@pytest.mark.parametrize("name", queries.statement_names())
def test_every_sql_statement_runs_against_the_schema(name, con):
    text = queries.sql(name)
    params = {p: _sample(p) for p in queries.parameters(name)}
    for frame_name, frame in REGISTERED_FRAMES.items():  # frames the caller registers
        if frame_name in text:
            con.register(frame_name, frame)
    con.execute(text, params).fetchall()


def _sample(name: str) -> object:
    from datetime import datetime

    lists = {"agents", "source_groups", "variants", "ids"}
    if name in lists:
        return []
    if name == "min_similarity":
        return 0.9
    if name in {"start", "end", "as_of", "today"}:
        return datetime(2026, 1, 1) if name != "end" else datetime(2026, 2, 1)
    return None


def test_only_queries_and_db_read_sql_files():
    for path in _python_files(LIBRARY):
        text = path.read_text(encoding="utf-8")
        if path.parent.name in {"queries"} or path.name == "db.py":
            continue
        assert "referral_analytics.sql" not in text, path
        assert '.sql"' not in text or path.name == "cli.py", path


def test_sql_files_hold_one_statement_each():
    for name in queries.statement_names():
        body = re.sub(r"--[^\n]*", "", queries.sql(name)).strip().rstrip(";")
        assert ";" not in body, name


def test_whitelisted_tables_match_the_schema(con):
    tables = {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }
    assert set(db.TABLES) <= tables
