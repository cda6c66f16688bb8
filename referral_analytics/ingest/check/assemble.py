"""From text cells to the canonical table: each mapped column parsed, derived columns joined.

Nothing a file holds is dropped: unmapped columns, the free text behind resolved links and
words no vocabulary knows all go into ``extra`` under their header as written.
Derived columns come from virtual fields (``fields.VIRTUAL``): first and last name join into
``full_name``; e-mail flags without times borrow the send time; tags fill a missing category.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages, vocabulary
from referral_analytics.ingest import values
from referral_analytics.ingest.map.fields import KINDS, LINK_FIELDS, VIRTUAL, Field
from referral_analytics.ingest.read.raw_table import RawTable
from referral_analytics.ingest.values import vocabularies

if TYPE_CHECKING:
    from referral_analytics.ingest.map.mapping import ColumnMatch
    from referral_analytics.ingest.options import ImportOptions

FLAG_TIMES = {"opened": "opened_at", "clicked": "clicked_at", "replied": "replied_at"}
TAG_SPLIT = re.compile(r"\s*[,;|،]\s*")


@dataclass(frozen=True)
class ParsedColumn:
    """One mapped column: where it sits in the file, the field it fills, and its values."""

    header: str
    index: int  # position in RawTable.headers, for cell references
    field: Field
    parsed: values.Parsed
    unmapped_words: tuple[tuple[str, int], ...] = ()  # vocab words no table knows, with counts


def parse_columns(
    raw: RawTable,
    kind: str,
    matches: list[ColumnMatch],
    options: ImportOptions,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[ParsedColumn]:
    """Parse every mapped column by its field's type; vocab misses become warnings, not errors.

    A word no vocabulary knows ("Zillow" as a source group) is not a bad value: the row loads
    with that column empty, the word stays in ``extra`` and the preview lists it to be mapped.
    """
    spec = KINDS[kind]
    mapped = [m for m in matches if m.field is not None]
    parsed_columns = []
    for done, match in enumerate(mapped):
        target = spec.field(match.field)
        order = options.date_orders.get(match.header) or options.date_order
        words = options.words.get(target.vocabulary or "", None)
        parsed = values.parse(
            raw.table[match.header], target.type, vocabulary=target.vocabulary,
            date_order=order, overrides=words,
        )  # fmt: skip
        unmapped: tuple[tuple[str, int], ...] = ()
        if target.type == "vocab" and parsed.errors:
            column = raw.table[match.header]
            counts = Counter(column[p].as_py().strip() for p, _ in parsed.errors)
            unmapped = tuple(counts.most_common())
            parsed = values.Parsed(parsed.values, (), parsed.note, parsed.decision)
        index = raw.headers.index(match.header)
        parsed_columns.append(ParsedColumn(match.header, index, target, parsed, unmapped))
        if progress is not None:
            progress("check", done + 1, len(mapped))
    return parsed_columns


def column_warnings(columns: list[ParsedColumn]) -> list[str]:
    """What the preview must say about columns: words to map in the Values table."""
    said = []
    for column in columns:
        if column.unmapped_words:
            listed = ", ".join(f"“{w}” ×{n:,}" for w, n in column.unmapped_words[:8])
            more = len(column.unmapped_words) - 8
            said.append(
                messages.IMPORT_UNMAPPED_WORDS.format(
                    header=column.header, words=listed + (f" and {more} more" if more > 0 else ""),
                    vocabulary=column.field.label,
                )
            )  # fmt: skip
    return said


def canonical_rows(raw: RawTable, kind: str, columns: list[ParsedColumn]) -> pa.Table:
    """Every row as the kind's table columns, plus ``extra``, link text and ``__row``."""
    by_field = {c.field.name: c for c in columns}
    virtual = set(VIRTUAL.get(kind, ()))
    data: dict[str, pa.Array] = {
        name: column.parsed.values for name, column in by_field.items() if name not in virtual
    }
    _join_names(data, by_field)
    _flag_times(data, by_field)
    _category_from_tags(data, by_field)
    for name in LINK_FIELDS:
        if name in by_field:
            data[f"__{name}"] = by_field[name].parsed.values
    extra = _extra(raw, columns)
    if extra is not None:
        data["extra"] = extra
    data["__row"] = raw.table["__row"].combine_chunks()
    return pa.table({k: _array(v) for k, v in data.items()})


def _join_names(data: dict[str, pa.Array], by_field: dict[str, ParsedColumn]) -> None:
    """First and last name become ``full_name`` when the file has no full name."""
    parts = [by_field[n].parsed.values for n in ("first_name", "last_name") if n in by_field]
    if parts and "full_name" not in data:
        joined = pc.binary_join_element_wise(*parts, " ", null_handling="skip")
        data["full_name"] = pc.if_else(pc.equal(joined, ""), None, joined)


def _flag_times(data: dict[str, pa.Array], by_field: dict[str, ParsedColumn]) -> None:
    """An ESP export that says only "Opened: yes" opened the mail when it was sent."""
    sent = data.get("sent_at")
    for flag, column in FLAG_TIMES.items():
        if flag in by_field and column not in data and sent is not None:
            yes = pc.fill_null(by_field[flag].parsed.values, False)
            data[column] = pc.if_else(yes, sent, pa.nulls(len(yes), sent.type))


def _category_from_tags(data: dict[str, pa.Array], by_field: dict[str, ParsedColumn]) -> None:
    """Tags like "Buyer, Past Client" give the innermost ladder step they name."""
    if "tags" not in by_field or "category" in data:
        return
    tags = by_field["tags"].parsed.values
    encoded = pc.dictionary_encode(tags)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    steps = [innermost_step(t) for t in encoded.dictionary.to_pylist()]
    data["category"] = pa.array(steps, pa.string()).take(encoded.indices)


def innermost_step(tags: str | None) -> str | None:
    """The ladder step closest to the core among comma-separated tags, if any names one."""
    if not tags:
        return None
    known = vocabularies.DEFAULTS["category"]
    found = {known.get(t.strip().casefold()) for t in TAG_SPLIT.split(tags)} - {None}
    return max(found, key=vocabulary.LADDER.index) if found else None


def _extra(raw: RawTable, columns: list[ParsedColumn]) -> pa.Array | None:
    """A struct per row, keyed by header as written: unmapped columns and kept free text."""
    mapped = {c.header: c for c in columns}
    keep: dict[str, pa.Array] = {}
    for header in raw.headers:
        column = mapped.get(header)
        cells = raw.table[header].combine_chunks()
        if column is None or column.field.name in LINK_FIELDS or column.field.name == "tags":
            keep[header] = cells
        elif column.unmapped_words:
            unknown = pc.and_(pc.is_valid(cells), pc.is_null(column.parsed.values))
            keep[header] = pc.if_else(unknown, cells, pa.nulls(len(cells), pa.string()))
    if not keep:
        return None
    return pa.StructArray.from_arrays(list(keep.values()), names=list(keep))


def _array(value: pa.Array | pa.ChunkedArray) -> pa.Array:
    return value.combine_chunks() if isinstance(value, pa.ChunkedArray) else value
