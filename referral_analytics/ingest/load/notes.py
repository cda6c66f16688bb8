"""What a load did, in the user's words: nothing changed, lines repeated, records in conflict."""

from __future__ import annotations

from collections import Counter

from referral_analytics import messages
from referral_analytics.ingest.load import LoadResult
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.read import RawTable, location


def load_notes(result: LoadResult, raw: RawTable, kind: str, columns) -> list[str]:
    """What the load did beyond its counts: nothing changed, repeats, conflicts, rungs moved."""
    notes = [messages.IMPORT_UNCHANGED] if result.status == "unchanged" else []
    notes += _repeat_notes(result, raw, kind, columns)
    if result.category_changes:
        notes.append(messages.IMPORT_CATEGORY_CHANGES.format(n=result.category_changes))
    return notes


def _repeat_notes(result: LoadResult, raw: RawTable, kind: str, columns) -> list[str]:
    """Each line that gave a record a later line gives again, named with that line.

    A conflict (same id or e-mail, other values: two people sharing a family e-mail, or an
    edit listed twice) is a warning, not a row error: the file loads, the later line is what
    the record becomes, and both lines and both values are named. A row error would reject
    the whole file (all or nothing) over a shared e-mail, and no rule says which of two lines
    is wrong; the warning gives the user what to fix (an id for each person) without losing
    the rest of the file. Identical lines are plain repeats: the record loads once.
    """
    labels = _column_labels(kind, columns)
    notes = []
    plain: dict[int, list[int]] = {}  # the kept line → the earlier lines it repeats
    for repeat in result.repeats:
        if not repeat.differences:
            plain.setdefault(repeat.line, []).append(repeat.of)
    for repeat in result.repeats:
        line, of = _place(raw, repeat.line), _place(raw, repeat.of)
        if not repeat.differences:
            if repeat.line in plain:
                earlier = plain.pop(repeat.line)
                if raw.sheet is None:
                    of = f"line{'s' if len(earlier) > 1 else ''} {_listed(map(str, earlier))}"
                else:
                    of = _listed(_place(raw, r) for r in earlier)
                notes.append(messages.IMPORT_REPEAT.format(line=line, of=of))
            continue
        both = f"lines {repeat.of} and {repeat.line}" if raw.sheet is None else f"{of} and {line}"
        shared = repeat.shared
        if repeat.stored:
            shared = messages.IMPORT_CONFLICT_STORED.format(record=shared)
        values = "; ".join(
            messages.IMPORT_CONFLICT_VALUES.format(
                column=d.column if d.in_extra else labels.get(d.column, d.column),
                dropped=d.dropped or "", kept=d.kept or "",
            )
            for d in repeat.differences[:3]
        )  # fmt: skip
        if len(repeat.differences) > 3:
            values += f" (and {len(repeat.differences) - 3} more columns)"
        notes.append(
            messages.IMPORT_CONFLICT.format(lines=both, shared=shared, values=values, line=line,
                                            of=of)
        )  # fmt: skip
    named = Counter(bool(r.differences) for r in result.repeats)
    if result.repeated > named[False]:
        notes.append(messages.IMPORT_MORE_REPEATS.format(n=result.repeated - named[False]))
    if result.conflicting > named[True]:
        notes.append(messages.IMPORT_MORE_CONFLICTS.format(n=result.conflicting - named[True]))
    return notes


def _listed(items) -> str:
    """ "3", "3 and 5", "3, 5 and 8"."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _place(raw: RawTable, row: int) -> str:
    """A line as the user finds it: "line 7", or the row's first cell ("Contacts!A7")."""
    return location(raw, row, 0)


def _column_labels(kind: str, columns) -> dict[str, str]:
    """Each table column as the user knows it: its header, else our field's label."""
    labels = {f.name: f.label for f in KINDS[kind].fields}
    labels |= {c.field.name: c.header for c in columns}  # full_name from first and
    return labels  # last name keeps our label: it is neither header alone
