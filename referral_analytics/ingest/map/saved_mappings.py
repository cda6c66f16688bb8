"""Column mappings users saved: by name, and found again by the headers they were made for.

A mapping is stored with the signature of its headers (``header_names.signature``), so the next
export of the same shape maps itself. ``mapping`` re-exports these functions: the pipeline and
the Import page use them from there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from referral_analytics import db, messages
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.map.header_names import key, signature
from referral_analytics.queries import sql


@dataclass(frozen=True)
class SavedMapping:
    """A mapping saved by a user: header → field name (None: kept in ``extra``)."""

    name: str
    kind: str
    mapping: dict[str, str | None]
    saved_at: datetime


def save_mapping(
    con: duckdb.DuckDBPyConnection,
    name: str,
    headers: Sequence[str],
    kind: str,
    mapping: Mapping[str, str | None],
) -> None:
    """Save ``mapping`` (header → field) for files with ``headers``; a same-named one is replaced.

    Raises:
        ValueError: The name is blank, or the kind or a field is not ours.
    """
    if not name.strip():
        raise ValueError(messages.MAPPING_NAME_BLANK)
    if kind not in KINDS:
        raise ValueError(messages.IMPORT_UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
    known = {field.name for field in KINDS[kind].fields}
    unknown = {field for field in mapping.values() if field} - known
    if unknown:
        raise ValueError(f"{kind} have no fields {sorted(unknown)}")
    params = {
        "name": name.strip(), "signature": signature(headers), "kind": kind,
        "mapping": json.dumps(dict(mapping), ensure_ascii=False),
    }  # fmt: skip
    with db.transaction(con) as cur:
        cur.execute(sql("save_mapping"), params).fetchall()


def saved_mapping(
    con: duckdb.DuckDBPyConnection,
    *,
    name: str | None = None,
    headers: Sequence[str] | None = None,
) -> SavedMapping | None:
    """The mapping saved as ``name``, or else the newest saved for ``headers``; None if none.

    Given ``headers``, the mapping is keyed by them as this file writes them: its signature
    ignores case and punctuation, so "EMAIL" finds a mapping saved for "Email".
    """
    if name is None and headers is None:
        return None
    wanted = None if name is not None else signature(headers)
    found = _saved(con, name=name, signature=wanted)
    if not found:
        return None
    first = found[0]
    return first if headers is None else _keyed_by(first, headers)


def saved_mappings(con: duckdb.DuckDBPyConnection) -> list[SavedMapping]:
    """Every saved mapping, newest first (for a select box)."""
    return _saved(con, name=None, signature=None)


def _saved(
    con: duckdb.DuckDBPyConnection, *, name: str | None, signature: str | None
) -> list[SavedMapping]:
    cur = con.cursor()
    try:
        rows = cur.execute(sql("saved_mappings"), {"name": name, "signature": signature}).fetchall()
    finally:
        cur.close()
    return [_saved_mapping(*row) for row in rows]


def _saved_mapping(name: str, kind: str, stored: str, saved_at: datetime) -> SavedMapping:
    """A stored row, forgetting fields the kind no longer has (an older version's mapping)."""
    known = {field.name for field in KINDS[kind].fields} if kind in KINDS else set()
    mapping = {header: field if field in known else None
               for header, field in json.loads(stored).items()}  # fmt: skip
    return SavedMapping(name, kind, mapping, saved_at)


def _keyed_by(saved: SavedMapping, headers: Sequence[str]) -> SavedMapping:
    """``saved`` with each header spelt as in ``headers`` where they differ only in form."""
    spelt = {key(header): header for header in headers}
    mapping = {spelt.get(key(header), header): field for header, field in saved.mapping.items()}
    return SavedMapping(saved.name, saved.kind, mapping, saved.saved_at)
