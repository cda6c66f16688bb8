"""Lines of one file that give the same record: plain repeats and conflicts, found set-wise.

A record a file lists twice loads once, from its last line (the merge keeps that one); the
earlier lines are paired with it here and the values they give differently listed, so the
report can name both lines: identical lines are a repeat, differing ones a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    from referral_analytics.ingest.load import TableKey

SHOWN = 20  # in-file repeats and conflicts named one by one; the rest are counted


@dataclass(frozen=True)
class Difference:
    """One value two lines of a file give differently for the same record."""

    column: str  # a column of the table, or a header kept in ``extra`` (``in_extra``)
    dropped: str | None
    kept: str | None
    in_extra: bool = False


@dataclass(frozen=True)
class Repeat:
    """A record listed on several lines of a file: ``line`` is kept, ``of`` are the others.

    With no ``differences`` the lines are identical (a plain repeat: it loads once); else they
    conflict, and the last line is what loads.
    """

    line: int  # the ``__row`` that loads (the record's last line)
    of: int  # an earlier ``__row`` of the same record, not loaded
    shared: str  # what makes them one record: the id, e-mail … both lines give
    stored: bool = False  # they share no value: both matched the same stored record (``shared``)
    differences: tuple[Difference, ...] = ()


def same_key(spec: TableKey, new: str, old: str) -> str:
    """SQL: the rows aliased ``new`` and ``old`` have the same key (nulls equal)."""
    return " and ".join(f'{new}."{k}" is not distinct from {old}."{k}"' for k in spec.key)


def find_repeats(cur: duckdb.DuckDBPyConnection, spec: TableKey, incoming: list[str]) -> dict:
    """The lines of ``_file`` that give a record a later line gives again, set-wise.

    Each such line is paired with the line kept (the record's last, as the merge keeps it) and
    the values they give differently are listed: none is a plain repeat, some is a conflict.
    Returns the counts of each and the first ``SHOWN`` of each, in the file's order.
    """
    partition = ", ".join(f'"{k}"' for k in spec.key)
    plain = [
        f"case when d.\"{c}\" is distinct from k.\"{c}\" then {{'column': '{c}',"
        f" 'dropped': d.\"{c}\"::varchar, 'kept': k.\"{c}\"::varchar, 'in_extra': false}} end"
        for c in incoming
        if c not in spec.key and c != "extra"
    ]
    differences = f"list_filter([{', '.join(plain)}], lambda x: x is not null)" if plain else (
        "[]"
    )  # fmt: skip
    maps = "null as d_extra, null as k_extra"
    extra = "[]"
    if "extra" in incoming:  # both lines come from one file: their headers are the same
        as_map = "json_transform({}.extra::json, '\"MAP(VARCHAR, VARCHAR)\"')"
        maps = f"{as_map.format('d')} as d_extra, {as_map.format('k')} as k_extra"
        extra = (
            "list_transform(list_filter(map_keys(d_extra), lambda h: d_extra[h] is distinct"
            " from k_extra[h]), lambda h: {'column': h, 'dropped': d_extra[h],"
            " 'kept': k_extra[h], 'in_extra': true})"
        )
    # What makes the two lines one record: the id both give, else an alternate key both give
    # (the e-mail …); else they matched one stored record on different alternates.
    rest = "".join(f', d."{k}"::varchar' for k in spec.key[1:])
    shared = [f"case when d._given = k._given then concat_ws(', ', d._given{rest}) end"]
    for alternate in spec.alternates:
        if set(alternate) <= set(incoming):
            same = " and ".join(f'd."{c}" = k."{c}"' for c in alternate)
            listed = ", ".join(f'd."{c}"::varchar' for c in alternate)
            shared.append(f"case when {same} then concat_ws(', ', {listed}) end")
    record = ", ".join(f'd."{k}"::varchar' for k in spec.key)
    found = cur.execute(
        f"with r as (select *, row_number() over (partition by {partition} order by _order desc)"
        f" as _rank from _resolved),"
        f" pairs as (select k._order as line, d._order as of,"
        f" coalesce({', '.join(shared)}) as shared, concat_ws(', ', {record}) as record,"
        f" {differences} as plain, {maps}"
        f" from r as d join _keyed as k on {same_key(spec, 'd', 'k')} where d._rank > 1),"
        f" compared as (select line, of, shared, record,"
        f" list_concat(plain, {extra}) as differences from pairs)"
        f" select *, count(*) over (partition by len(differences) > 0) from compared"
        f" qualify row_number() over (partition by len(differences) > 0 order by of) <= {SHOWN}"
        f" order by of"
    ).fetchall()
    shown = []
    counts = {"repeated": 0, "conflicting": 0}
    for line, of, shared_value, record_value, diffs, count in found:
        counts["conflicting" if diffs else "repeated"] = count
        shown.append(Repeat(line, of, shared_value or record_value, shared_value is None, tuple(
            Difference(d["column"], d["dropped"], d["kept"], d["in_extra"]) for d in diffs
        )))  # fmt: skip
    return {**counts, "shown": tuple(shown)}
