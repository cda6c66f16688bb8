"""Free-text people in a file become links to stored contacts.

A file of referrals, rewards, deals, touches, e-mail sends or NPS answers often names people
("Referred by: Sara Al-Qahtani", "huda@example.com") instead of giving ids: those are resolved
before loading, by e-mail first, then by exact name (``referrers.resolve``). A link's name
column beside its e-mail column ("Person - Name" beside "Person - Email") is looked up for the
rows the e-mail does not find. Only referrers, typed by hand, may also match a close name;
a row's own contact is found surely or not at all. A contacts file's "Referred by" column
becomes referral rows after its contacts are written, in the same transaction, because the
referred side is the contact each row just became. What cannot be resolved is listed for the
user (a name several contacts share as ambiguous, not guessed); its text stays in ``extra``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.load import KEYS
from referral_analytics.ingest.load.referrers import MIN_SIMILARITY, resolve
from referral_analytics.ingest.map.fields import NAME_OF
from referral_analytics.queries import sql

# Which id column a name column fills, per link field.
ID_OF = {"referrer": "referrer_id", "referred": "referred_id", "contact": "contact_id"}
# Links that may match a close name: referrers, typed by hand (see referrers.MIN_SIMILARITY).
CLOSE_NAMES = frozenset({"referrer", "referred_by"})
CONTACT_COLUMNS = ("contact_id", "email", "phone")
SHOWN = 10  # unresolved names listed in a warning; the rest are counted


@dataclass(frozen=True)
class _Found:
    """One text column's lookup: the id per row, and the rows it could not link, with text."""

    ids: pa.Array
    missing: dict[int, str]  # position → the text no contact matched
    ambiguous: dict[int, str]  # position → the text several contacts match


@dataclass
class Linker:
    """Resolves one file's names; remembers what it could not, for the report."""

    kind: str
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # link label → texts
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # link label → names

    def resolve_ids(self, cur: duckdb.DuckDBPyConnection, rows: pa.Table) -> pa.Table:
        """Fill ``referrer_id``/``referred_id``/``contact_id`` from text where the id is empty:
        the link's own column (an e-mail or a name), then its name column."""
        for name, id_column in ID_OF.items():
            texts = [t for t in (f"__{name}", f"__{NAME_OF[name]}") if t in rows.column_names]
            if not texts:
                continue
            found = [self._lookup(cur, rows[text], name) for text in texts]
            given = [rows[id_column].combine_chunks()] if id_column in rows.column_names else []
            candidates = [*given, *(f.ids for f in found)]  # the file's id first, then text
            ids = pc.coalesce(*candidates) if len(candidates) > 1 else candidates[0]
            self._note(name, ids, found)
            if id_column in rows.column_names:
                rows = rows.set_column(rows.column_names.index(id_column), id_column, ids)
            else:
                rows = rows.append_column(id_column, ids)
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
        self._note("referred_by", referrers.ids, [referrers])
        referred = _imported_contacts(cur, named, import_id)
        links = {
            "referrer_id": referrers.ids, "referred_id": referred,
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
        """One sentence per link with names no contact matched, and one with ambiguous names."""
        said = []
        for template, found in (
            (messages.IMPORT_UNRESOLVED, self.unresolved),
            (messages.IMPORT_AMBIGUOUS, self.ambiguous),
        ):
            for label, names in found.items():
                names = list(dict.fromkeys(names))
                listed = ", ".join(f"“{n}”" for n in names[:SHOWN])
                more = f" and {len(names) - SHOWN:,} more" if len(names) > SHOWN else ""
                said.append(template.format(n=len(names), label=label, names=listed + more))
        return said

    def _lookup(
        self, cur: duckdb.DuckDBPyConnection, names: pa.ChunkedArray | pa.Array, link: str
    ) -> _Found:
        """The contact id each text resolves to (by position), and the ones it could not."""
        wanted = names.to_pylist()
        similar = MIN_SIMILARITY if link in CLOSE_NAMES else None
        found = resolve(cur, wanted, min_similarity=similar)
        ids: list[str | None] = [None] * len(wanted)
        missing, ambiguous = {}, {}
        for position, text, contact_id, candidates in found[
            ["position", "wanted", "contact_id", "candidates"]
        ].itertuples(index=False):
            if isinstance(contact_id, str):
                ids[position] = contact_id
            elif candidates > 1:
                ambiguous[position] = text
            else:
                missing[position] = text
        return _Found(pa.array(ids, pa.string()), missing, ambiguous)

    def _note(self, link: str, ids: pa.Array, found: list[_Found]) -> None:
        """Remember the texts of rows left without a contact: ambiguous in any of the link's
        columns, else unresolved as its first column wrote it."""
        label = link.replace("_", " ")
        for position in pc.indices_nonzero(pc.is_null(ids)).to_pylist():
            shared = [f.ambiguous[position] for f in found if position in f.ambiguous]
            unknown = [f.missing[position] for f in found if position in f.missing]
            if shared:
                self.ambiguous.setdefault(label, []).append(shared[0])
            elif unknown:
                self.unresolved.setdefault(label, []).append(unknown[0])


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
