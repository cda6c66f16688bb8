"""A fingerprint of a whole store: row counts of every table and a hash of an ordered dump."""

from __future__ import annotations

import hashlib

import duckdb

from referral_analytics import db

LEDGER = "imports"


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """Per table (canonical tables, their replaced versions and the ledger): (rows, sha256)."""
    tables = [*db.TABLES, *(f"{t}_replaced" for t in db.TABLES), LEDGER]
    result = {}
    for table in tables:
        cur = con.cursor()
        rows = cur.execute(f'select * from "{table}" order by all').fetchall()
        cur.close()
        result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result
