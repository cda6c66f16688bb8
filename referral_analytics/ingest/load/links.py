"""Free-text people in a file become links to stored contacts.

A referrals, rewards or deals file often names people ("Referred by: Sara Al-Qahtani")
instead of giving ids: those names are resolved before loading. A contacts file's "Referred by"
column becomes referral rows after its contacts are written, in the same transaction, because
the referred side is the contact each row just became. What cannot be resolved is listed for
the user; its text stays in ``extra``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.load import KEYS
from referral_analytics.ingest.load.referrers import resolve
from referral_analytics.queries import sql

# Which id column a name column fills, per link field.
ID_OF = {"referrer": "referrer_id", "referred": "referred_id", "contact": "contact_id"}
CONTACT_COLUMNS = ("contact_id", "email", "phone")
SHOWN = 10  # unresolved names listed in a warning; the rest are counted


@dataclass
class Linker:
    """Resolves one file's names; remembers what it could not, for the report."""

    kind: str
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # header label → names

    def resolve_ids(self, cur: duckdb.DuckDBPyConnection, rows: pa.Table) -> pa.Table:
        """Fill ``referrer_id``/``referred_id``/``contact_id`` from names where the id is empty."""
        for name, id_column in ID_OF.items():
            text = f"__{name}"
            if text not in rows.column_names:
                continue
            found = self._lookup(cur, rows[text], name)
            if id_column in rows.column_names:
                found = pc.coalesce(rows[id_column], found)
                rows = rows.set_column(rows.column_names.index(id_column), id_column, found)
            else:
                rows = rows.append_column(id_column, found)
        return rows

    def then(
        self, cur: duckdb.DuckDBPyConnection, import_id: int, rows: pa.Table
    ) -> list[tuple[str, object]]:
        """The referrals a contacts file's "Referred by" implies, once its contacts exist."""
        if self.kind != "contacts" or "__referred_by" not in rows.column_names:
            return []
        named = rows.filter(pc.is_valid(rows["__referred_by"]))
        if named.num_rows == 0:
            return []
        referrers = self._lookup(cur, named["__referred_by"], "referred_by")
        referred = _imported_contacts(cur, named, import_id)
        links = {
            "referrer_id": referrers, "referred_id": referred,
            "received_at": _column(named, "created_at", pa.timestamp("us")),
            "agent": _column(named, "agent", pa.string()),
            "source_group": _column(named, "source_group", pa.string()),
            "status": pa.array(["open"] * named.num_rows, pa.string()),
            "__row": named["__row"],
        }  # fmt: skip
        cur.register("_links", pa.table(links))
        try:
            new = cur.sql(sql("new_referral_links")).to_arrow_table()
        finally:
            cur.unregister("_links")
        return [("referrals", new)] if new.num_rows else []

    def warnings(self) -> list[str]:
        """One sentence per name column with names no contact matched."""
        said = []
        for label, names in self.unresolved.items():
            listed = ", ".join(f"“{n}”" for n in names[:SHOWN])
            more = f" and {len(names) - SHOWN:,} more" if len(names) > SHOWN else ""
            said.append(
                messages.IMPORT_UNRESOLVED.format(n=len(names), label=label, names=listed + more)
            )
        return said

    def _lookup(
        self, cur: duckdb.DuckDBPyConnection, names: pa.ChunkedArray | pa.Array, label: str
    ) -> pa.Array:
        """The contact id each name resolves to (by position), noting the ones none matched."""
        wanted = names.to_pylist()
        found = resolve(cur, wanted)
        ids: list[str | None] = [None] * len(wanted)
        missing = []
        for position, text, contact_id in found[["position", "wanted", "contact_id"]].itertuples(
            index=False
        ):
            if isinstance(contact_id, str):
                ids[position] = contact_id
            else:
                missing.append(text)
        if missing:
            self.unresolved.setdefault(label.replace("_", " "), []).extend(dict.fromkeys(missing))
        return pa.array(ids, pa.string())


def _imported_contacts(cur: duckdb.DuckDBPyConnection, rows: pa.Table, import_id: int) -> pa.Array:
    """The stored contact id each row became in this import (see imported_contact_ids.sql)."""
    prefix = f"{KEYS['contacts'].id_prefix}{import_id}-"
    frame = {
        "position": pa.array(range(rows.num_rows), pa.int64()),
        **{c: _column(rows, c, pa.string()) for c in CONTACT_COLUMNS},
        "generated_id": pc.binary_join_element_wise(
            prefix, pc.cast(rows["__row"], pa.string()), ""
        ),
    }
    cur.register("_link_rows", pa.table(frame))
    try:
        found = cur.sql(sql("imported_contact_ids"), params={"import_id": import_id})
        found = found.to_arrow_table()
    finally:
        cur.unregister("_link_rows")
    return found["contact_id"].combine_chunks()


def _column(rows: pa.Table, name: str, type_: pa.DataType) -> pa.Array:
    if name in rows.column_names:
        return rows[name].combine_chunks()
    return pa.nulls(rows.num_rows, type_)
