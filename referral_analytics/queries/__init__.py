"""The only package that reads ``sql/``: one function per statement, each returning a DataFrame.

The loader lives here; the functions for each page's statements live in a module named for the
page (``queries.funnel``, ``queries.sources`` …) so the package stays small pieces.
Every value is bound (``$name`` parameters), never formatted into the text; each call takes a
cursor of its own, so concurrent page threads never share one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import duckdb
import pandas as pd

from referral_analytics.filters import Filters


@cache
def sql(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    return resources.files("referral_analytics.sql").joinpath(f"{name}.sql").read_text("utf-8")


def statement_names() -> list[str]:
    """Every statement shipped in ``sql/``, by name."""
    entries = resources.files("referral_analytics.sql").iterdir()
    return sorted(e.name.removesuffix(".sql") for e in entries if e.name.endswith(".sql"))


@cache
def parameters(name: str) -> frozenset[str]:
    """The ``$names`` statement ``name`` binds."""
    return frozenset(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", sql(name)))


def frame(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, object]) -> pd.DataFrame:
    """Run statement ``name`` on a fresh cursor, binding those of ``params`` it uses.

    Callers pass a whole ``Filters.params()``; a statement that ignores, say, source groups
    simply does not bind them (DuckDB refuses parameters a statement does not name).
    """
    used = parameters(name)
    cur = con.cursor()
    try:
        return cur.execute(sql(name), {k: v for k, v in params.items() if k in used}).df()
    finally:
        cur.close()


def overview_kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row of raw counts behind the Overview tiles (see the statement's header)."""
    return frame(con, "overview_kpis", filters.params())


def referrals_monthly(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Referrals received and closed per month of the period."""
    return frame(con, "referrals_monthly", filters.params())


def data_status(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row: contact and referral counts, first day with data, last import."""
    return frame(con, "data_status", {})


def filter_choices(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every (field, value) the sidebar filters offer."""
    return frame(con, "filter_choices", {})
