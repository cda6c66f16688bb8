"""Whole-store operations the app and the CLI share: is it empty, empty it."""

from __future__ import annotations

import duckdb

from referral_analytics import db, queries


def has_data(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether any contact or referral is stored."""
    status = queries.data_status(con).iloc[0]
    return bool(status["contacts"] or status["referrals"])


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Delete every row of every canonical table and the import ledger, in one transaction."""
    with db.transaction(con) as cur:
        for table in (*db.TABLES, "imports"):
            cur.execute(f'delete from "{table}"')  # names from the whitelist, never user input
