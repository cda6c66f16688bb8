"""The LOAD stage: write one file's valid rows into the store, all or nothing, and undo it.

Rows are matched to what is stored by natural key (a CRM record id, else e.g. e-mail, else
phone), so a newer export updates rows instead of doubling them; values a newer file leaves
empty keep what was stored. A row is written only when it is new or changes a stored value:
an unchanged row keeps its import id and is not copied, and a file that changes nothing
writes nothing at all (no ledger row, no new data version). The version an import replaces
moves to ``<table>_replaced``, so undo can put back exactly what was there.

The statements here name tables and columns, which SQL cannot bind; every identifier comes
from ``KEYS`` and the store's own catalogue, never from a file's headers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import duckdb

from referral_analytics import db, messages
from referral_analytics.ingest.load.repeats import Repeat, find_repeats, same_key


@dataclass(frozen=True)
class TableKey:
    """How rows of one kind are identified: a key, and fallbacks when a file has no ids."""

    table: str
    key: tuple[str, ...]
    alternates: tuple[tuple[str, ...], ...] = ()
    id_prefix: str | None = None  # rows with no id and no match get "<prefix><import>-<row>"


KEYS: dict[str, TableKey] = {
    "contacts": TableKey("contacts", ("contact_id",), (("email",), ("phone",)), "C"),
    "referrals": TableKey("referrals", ("referral_id",), (("referred_id", "received_at"),), "R"),
    "deals": TableKey("deals", ("deal_id",), (("contact_id", "source", "created_at"),), "D"),
    "rewards": TableKey("rewards", ("reward_id",), (("referrer_id", "paid_at", "amount"),), "W"),
    "touches": TableKey("touches", ("touch_id",), (("contact_id", "touched_at", "channel"),), "T"),
    "email_sends": TableKey(
        "email_sends", ("send_id",), (("experiment", "variant", "contact_id"),), "E"
    ),
    "experiments": TableKey("experiments", ("experiment", "variant")),
    "partners": TableKey("partners", ("partner_id", "period"), (("name", "period"),), "P"),
    "costs": TableKey("costs", ("period", "channel", "agent")),
    "nps_responses": TableKey(
        "nps_responses", ("response_id",), (("contact_id", "answered_at"),), "N"
    ),
}  # fmt: skip


@dataclass(frozen=True)
class LoadResult:
    """What one file's load did."""

    status: str  # "loaded" | "unchanged" | "already imported"
    import_id: int | None
    inserted: int = 0  # new records
    updated: int = 0  # stored records the file changed
    unchanged: int = 0  # stored records the file gives exactly as stored: not written
    duplicates_in_file: int = 0  # lines that gave a record a later line gives again
    repeated: int = 0  # of those, lines identical to the kept one
    conflicting: int = 0  # of those, lines with other values than the kept one
    repeats: tuple[Repeat, ...] = ()  # the first ``SHOWN`` of each, by line
    category_changes: int = 0
    related: dict[str, int] = field(default_factory=dict)  # rows written to other tables

    @property
    def rows_loaded(self) -> int:
        """Rows written: new plus updated."""
        return self.inserted + self.updated


class _NothingWritten(Exception):  # noqa: N818 (not an error: rolls the transaction back)
    """Leaves ``db.transaction`` by rollback, so a load that changes nothing writes nothing."""

    def __init__(self, result: LoadResult):
        super().__init__(result.status)
        self.result = result


def already_imported(cur: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    """The import that loaded a file with this content, if it is still in effect."""
    rows = cur.execute(
        "select import_id from imports where sha256 = $s and undone_at is null", {"s": sha256}
    ).fetchall()
    return rows[0][0] if rows else None


def load(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    rows: object,
    *,
    file_name: str,
    sha256: str,
    rows_read: int,
    rows_rejected: int = 0,
    details: str | None = None,
    then: Callable[[duckdb.DuckDBPyConnection, int], Sequence[tuple[str, object]]] | None = None,
) -> LoadResult:
    """Load ``rows`` (a DataFrame or Arrow table of canonical columns and ``__row``) in one go.

    ``then(cursor, import_id)``, if given, runs after the rows are merged, inside the same
    transaction, and returns further (kind, rows) to merge: e.g. the referrals a contacts
    file's "Referred by" column implies, which need the contacts' ids. The same content again
    changes nothing. Any failure rolls the whole file back.
    """
    spec = KEYS[kind]
    try:
        with db.transaction(con) as cur:
            previous = already_imported(cur, sha256)
            if previous is not None:
                raise _NothingWritten(LoadResult("already imported", previous))
            import_id = db.next_import_id(cur)
            result = _merge(cur, spec, rows, import_id, name_repeats=True)
            for related_kind, related_rows in then(cur, import_id) if then else ():
                part = _merge(cur, KEYS[related_kind], related_rows, import_id)
                result.related[related_kind] = (
                    result.related.get(related_kind, 0) + part.rows_loaded
                )
            if not result.rows_loaded and not any(result.related.values()):
                # Every record is stored as the file gives it: no rows, no ledger row, no new
                # data version (a ledger row would make undo list an import that did nothing).
                raise _NothingWritten(replace(result, status="unchanged", import_id=None))
            db.record_import(
                cur, import_id=import_id, file_name=file_name, sha256=sha256, kind=kind,
                rows_read=rows_read, rows_loaded=result.rows_loaded,
                rows_rejected=rows_rejected, details=details,
            )  # fmt: skip
            return result
    except _NothingWritten as nothing:  # rolled back: the data version is not bumped
        return nothing.result


def _merge(
    cur: duckdb.DuckDBPyConnection,
    spec: TableKey,
    rows: object,
    import_id: int,
    *,
    name_repeats: bool = False,
) -> LoadResult:
    # Only ``_matched`` (the stored rows this file changes) is copied: ``_keyed`` is a view
    # where it can be, so the file's rows are written once, into the table itself (each copy
    # of 100k rows of text cost DuckDB ~0.2 s). Whether a row changes is decided here, set-wise,
    # over the columns the file gives: no row is compared in Python.
    cur.register("_file", rows)
    stored = types_of(cur, spec.table)  # information_schema takes 40 ms; this, 1
    incoming = [c for c in columns_of(cur, "_file") if c in stored and c != "import_id"]
    keyed = _keyed_rows(cur, spec, incoming, import_id)
    key = same_key(spec, "n", "o")
    total = _count(cur, "_keyed")
    dupes = _count(cur, "_file") - total
    named = dupes and name_repeats and keyed == "table"
    repeats = find_repeats(cur, spec, incoming) if named else {}
    differs = [_differs(c, stored[c]) for c in incoming if c not in spec.key]
    cur.execute(
        f"create temp table _matched as select o.* from {spec.table} as o"
        f" join _keyed as n on {key} where {' or '.join(differs) or 'false'}"
    )
    found = cur.execute(
        f"select count(*) from _keyed as n semi join {spec.table} as o on {key}"
    ).fetchall()[0][0]
    updated = _count(cur, "_matched")
    if updated:
        cur.execute(
            f"insert into {spec.table}_replaced by name"
            f" select *, {import_id}::bigint as replaced_by from _matched"
        )
        cur.execute(
            f"delete from {spec.table} as o where exists (select 1 from _matched as n where {key})"
        )
    # With the changed rows deleted, the file's rows the table lacks are the new and the
    # changed ones: the unchanged stay as they are, with their import id.
    merged = ", ".join(_merged_column(c, spec, incoming) for c in stored if c != "import_id")
    cur.execute(
        f"insert into {spec.table} by name select {merged}, {import_id}::bigint as import_id"
        f" from (select * from _keyed as n anti join {spec.table} as s"
        f" on {same_key(spec, 'n', 's')}) as n left join _matched as o on {key}"
    )
    changes = _record_category_changes(cur, import_id) if spec.table == "contacts" else 0
    cur.execute("drop table _matched")
    cur.execute(f"drop {keyed} _keyed")
    if keyed == "table":
        cur.execute("drop view _resolved")
    cur.unregister("_file")
    inserted = total - found
    return LoadResult(
        "loaded", import_id, inserted, updated, found - updated, dupes,
        repeats.get("repeated", 0), repeats.get("conflicting", 0), repeats.get("shown", ()),
        changes,
    )  # fmt: skip


def _merged_column(column: str, spec: TableKey, incoming: list[str]) -> str:
    """A stored column after the merge: the key from the file, else the file's value if any."""
    if column in spec.key:
        return f'n."{column}"'
    if column == "extra" and column in incoming:  # the file's may be a struct: stored as JSON
        return 'coalesce(n."extra"::json, o."extra") as "extra"'
    if column in incoming:
        return f'coalesce(n."{column}", o."{column}") as "{column}"'
    return f'o."{column}"'


def _differs(column: str, type_: str) -> str:
    """Whether the file's value changes the stored one; a value the file leaves empty does not.

    The file's value is cast to the stored type first, as the insert would (12.345 is stored
    as 12.35 and must compare so). ``extra`` is compared entry by entry, headers in any case
    and order: a newer export that only recases or reorders its columns changes nothing.
    """
    if column == "extra":
        return (
            f'(n."extra" is not null and not list_has_all('
            f"{_extra_entries('o.extra')}, {_extra_entries('n.extra::json')}))"
        )
    return f'(n."{column}" is not null and n."{column}"::{type_} is distinct from o."{column}")'


def _extra_entries(json_value: str) -> str:
    """``extra``'s non-empty entries as texts: the header in lower case, a NUL, the value."""
    as_map = f"json_transform({json_value}, '\"MAP(VARCHAR, VARCHAR)\"')"
    return (
        f"coalesce(list_transform(list_filter(map_entries({as_map}),"
        f" lambda e: e.value is not null), lambda e: lower(e.key) || chr(0) || e.value),"
        f" []::varchar[])"
    )


def columns_of(cur: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    """Column names of a table, view or registered frame, in order."""
    return [d[0] for d in cur.execute(f"select * from {relation} limit 0").description]


def types_of(cur: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """A table's columns and their SQL types ("DECIMAL(18,2)" …), in order."""
    return {d[0]: str(d[1]) for d in cur.execute(f"select * from {table} limit 0").description}


def _count(cur: duckdb.DuckDBPyConnection, relation: str) -> int:
    return cur.execute(f"select count(*) from {relation}").fetchall()[0][0]


def _keyed_rows(
    cur: duckdb.DuckDBPyConnection, spec: TableKey, incoming: list[str], import_id: int
) -> str:
    """``_keyed``: the file's rows with their key filled in, one row per key (the last wins).

    A row without an id takes the id of the stored row it matches on an alternate key (e.g. the
    same e-mail), else a new id; a file listing the same record twice keeps its last line.
    Returns what ``_keyed`` is: a "view" of the file when every key is given once, else a
    "table" (it reads the stored rows, which the merge then changes).
    """
    has_row = "__row" in columns_of(cur, "_file")
    row = "n.__row" if has_row else "row_number() over ()"
    values = [f'n."{c}"' for c in incoming if c not in spec.key[:1]]
    # A key column the file lacks (a costs sheet without an agent) is empty on every row.
    values += [f'null::varchar as "{k}"' for k in spec.key[1:] if k not in incoming]
    joins, found = [], []
    id_column = spec.key[0]
    partition = ", ".join(f'"{k}"' for k in spec.key)
    if _every_key_given_once(cur, spec, incoming):
        # Most exports carry record ids: then no lookup, no new ids and no dedupe are needed,
        # and skipping their window functions halves the load of a million rows.
        cur.execute(
            f'create temp view _keyed as select n."{id_column}",'
            f" {', '.join(values) or 'null as _none'}, {row} as _order from _file as n"
        )
        return "view"
    for i, alternate in enumerate(spec.alternates if spec.id_prefix else ()):
        if not set(alternate) <= set(incoming):
            continue
        keys = ", ".join(f'"{c}"' for c in alternate)
        on = " and ".join(f'a{i}."{c}" = n."{c}"' for c in alternate)
        joins.append(
            f'left join (select {keys}, min("{id_column}") as id from {spec.table}'
            f" group by all) as a{i} on {on}"
        )
        found.append(f"a{i}.id")
    given = f'n."{id_column}"' if id_column in incoming else "null"
    if spec.id_prefix:
        new_id = f"'{spec.id_prefix}{import_id}-' || "
        usable = [a for a in spec.alternates if set(a) <= set(incoming)]
        if usable:  # one new id per alternate key, so a file's duplicate rows collapse
            same = ", ".join(f'n."{c}"' for c in usable[0])
            filled = " and ".join(f'n."{c}" is not null' for c in usable[0])
            found.append(
                f"case when {filled} then {new_id}"
                f"(min({row}) over (partition by {same}))::varchar end"
            )
        found.append(f"{new_id}({row})::varchar")
    resolved = f'coalesce({", ".join([given, *found])}) as "{id_column}"'
    # ``_resolved``: every line with its key (``_given``: the id as the file gave it), read
    # again by ``_repeats`` to name the lines that give one record twice.
    cur.execute(
        f"create temp view _resolved as select {resolved}, {given} as _given,"
        f" {', '.join(values) or 'null as _none'}, {row} as _order"
        f" from _file as n {' '.join(joins)}"
    )
    cur.execute(
        "create temp table _keyed as select * from _resolved"
        f" qualify row_number() over (partition by {partition} order by _order desc) = 1"
    )
    return "table"


def _every_key_given_once(
    cur: duckdb.DuckDBPyConnection, spec: TableKey, incoming: list[str]
) -> bool:
    """Whether every row of ``_file`` has its whole key, and no key appears twice."""
    if not set(spec.key) <= set(incoming):
        return False
    keys = ", ".join(f'"{k}"' for k in spec.key)
    filled = " and ".join(f'"{k}" is not null' for k in spec.key)
    total, usable, distinct = cur.execute(
        f"select count(*), count(*) filter (where {filled}),"
        f" (select count(*) from (select distinct {keys} from _file)) from _file"
    ).fetchall()[0]
    return total == usable == distinct


def _record_category_changes(cur: duckdb.DuckDBPyConnection, import_id: int) -> int:
    """Append to ``category_history`` every contact whose category this import set or changed."""
    cur.execute(
        "insert into category_history (contact_id, category, valid_from, import_id)"
        " select n.contact_id, n.category, now()::timestamp, $id from contacts as n"
        " left join _matched as o using (contact_id)"
        " where n.import_id = $id and n.category is not null"
        " and o.category is distinct from n.category",
        {"id": import_id},
    )
    return cur.execute(
        "select count(*) from category_history where import_id = $id", {"id": import_id}
    ).fetchall()[0][0]


class UndoRefused(ValueError):
    """The import cannot be undone (unknown, already undone, or built upon by a later one)."""


def undo(con: duckdb.DuckDBPyConnection, import_id: int) -> dict[str, int]:
    """Remove exactly what an import added or changed, restoring the versions it replaced.

    Refused when a later import changed rows this one wrote: undo that one first, so a restore
    never overwrites newer data. Returns rows removed per table.
    """
    with db.transaction(con) as cur:
        found = cur.execute(
            "select undone_at is null from imports where import_id = $id", {"id": import_id}
        ).fetchall()
        if not found or not found[0][0]:
            raise UndoRefused(messages.UNDO_UNKNOWN.format(id=import_id))
        for table in db.TABLES:
            later = cur.execute(
                f"select min(replaced_by) from {table}_replaced where import_id = $id",
                {"id": import_id},
            ).fetchall()[0][0]
            if later is not None:
                raise UndoRefused(messages.UNDO_BUILT_UPON.format(id=import_id, later=later))
        removed = {}
        for table in db.TABLES:
            removed[table] = cur.execute(
                f"delete from {table} where import_id = $id", {"id": import_id}
            ).fetchall()[0][0]
            cur.execute(
                f"insert into {table} by name select * exclude (replaced_by)"
                f" from {table}_replaced where replaced_by = $id",
                {"id": import_id},
            )
            cur.execute(f"delete from {table}_replaced where replaced_by = $id", {"id": import_id})
        cur.execute(
            "update imports set undone_at = now()::timestamp where import_id = $id",
            {"id": import_id},
        )
        return {t: n for t, n in removed.items() if n}
