"""The MAP stage: what kind of data a file holds, and which header fills which field.

Each header is matched, normalised (``header_names``), against every field's name, label and
synonyms; failing that, after dropping a leading entity ("Contact: Full Name"); failing that,
to a near miss ("Comission"). No field takes two headers: the best match keeps it and the
other column stays in ``extra``. Users' own mappings are saved by name with the header
signature, so the next export of the same shape maps itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from referral_analytics import messages
from referral_analytics.ingest.map.fields import KINDS, NAME_OF, either
from referral_analytics.ingest.map.header_names import key, signature, split_entity
from referral_analytics.ingest.map.saved_mappings import (
    SavedMapping,
    save_mapping,
    saved_mapping,
    saved_mappings,
)
from referral_analytics.ingest.map.synonyms import ENTITIES

__all__ = [
    "ColumnMatch", "SavedMapping", "auto_map", "detect_kind", "missing", "save_mapping",
    "saved_mapping", "saved_mappings", "signature",
]  # fmt: skip

# A near miss must score at least this (difflib ratio = 2 × matching letters ÷ both lengths,
# compared without spaces). 0.88 admits one letter missing, doubled or swapped in words of
# five letters or more ("Emal" 0.89, "Comission" 0.95, "Recieved date" 0.92) and rejects one
# letter changed in short words ("Phone 2" vs "Phone 1" 0.83, "Status" vs "Stage" 0.55).
SIMILAR = 0.88
# ...and beat every other field of the kind by this much, so a typo between two real fields
# ("Referr ID": 0.89 to both Referrer ID and Referred ID) is left to the user, not guessed.
MARGIN = 0.05
# A header known only once its entity is dropped ("Deal - Won time") is slightly less sure than
# one known whole, so "Email" keeps the field against "Contact: Email" in the same file.
AFTER_ENTITY = 0.95


@dataclass(frozen=True)
class ColumnMatch:
    """Which field one header fills, and how that was found.

    Attributes:
        header: The header as in ``RawTable.headers``.
        field: The field's name; None keeps the column in ``extra``.
        how: "exact" (the field's name or label), "synonym", "similar 0.91", "saved",
            "user", or "" when unmapped.
        score: How sure, 0..1 (1.0 for exact, synonym, saved and user choices).
    """

    header: str
    field: str | None
    how: str
    score: float


@dataclass(frozen=True)
class _Found:
    """One header's best field in one kind; ``rank`` is its synonym's place (earlier wins)."""

    field: str
    how: str
    score: float
    rank: int


def auto_map(headers: Sequence[str], kind: str) -> list[ColumnMatch]:
    """The automatic mapping of ``headers`` to ``kind``'s fields: one match per header, in order.

    Raises:
        ValueError: ``kind`` is not one of ``KINDS``.
    """
    if kind not in KINDS:
        raise ValueError(messages.IMPORT_UNKNOWN_KIND.format(kind=kind, kinds=", ".join(KINDS)))
    found = [_found(header).get(kind) for header in headers]
    holder: dict[str, int] = {}  # field → the position of the header that keeps it
    for position, match in enumerate(found):
        if match is None:
            continue
        held = holder.get(match.field)
        if held is None or (match.score, -match.rank) > (found[held].score, -found[held].rank):
            holder[match.field] = position
    kept = set(holder.values())
    return [
        ColumnMatch(header, match.field, match.how, match.score)
        if position in kept
        else ColumnMatch(header, None, "", 0.0)
        for position, (header, match) in enumerate(zip(headers, found, strict=True))
    ]


def detect_kind(headers: Sequence[str]) -> list[tuple[str, float]]:
    """Every kind with how strongly ``headers`` point to it (0..1), best first.

    A kind's score is its share of the evidence. Each header some kinds map gives its match
    score, shared among them in proportion to how much of the file each maps in all: an
    "Amount" column beside "Deal Stage" and "Close Date" counts mostly for deals, beside
    "Month" and "Channel" mostly for costs, and "Agent", which every kind has, says little.
    The share is then scaled by the needs the mapping meets (half when it meets none), so a
    kind whose rows would mean nothing ranks below one the file can fill. Ties keep ``KINDS``
    order. A link's name column beside its e-mail column is one piece of evidence, not two:
    "Contact Name" beside "Email" is a contacts file, not a touches one (``_evidence``).
    """
    maps = {kind: _evidence(auto_map(headers, kind)) for kind in KINDS}
    weight = {kind: sum(m.score for m in matches if m.field) for kind, matches in maps.items()}
    shares = dict.fromkeys(KINDS, 0.0)
    evidence = 0.0
    for row in zip(*maps.values(), strict=True):
        hits = [(kind, m.score) for kind, m in zip(KINDS, row, strict=True) if m.field]
        evidence += max((score for _, score in hits), default=0.0)
        total = sum(weight[kind] for kind, _ in hits)
        for kind, score in hits:
            shares[kind] += score * weight[kind] / total
    scores = {
        kind: round(shares[kind] / evidence * _needs_met(kind, maps[kind]), 3) if evidence else 0.0
        for kind in KINDS
    }
    return sorted(scores.items(), key=lambda item: -item[1])


def _evidence(matches: list[ColumnMatch]) -> list[ColumnMatch]:
    """The matches that count as evidence of a kind: a link's name column (``NAME_OF``) does
    not when its link (the e-mail or name column) is mapped too."""
    mapped = {m.field for m in matches}
    return [
        ColumnMatch(m.header, None, "", 0.0)
        if m.field in _COMPANIONS and _COMPANIONS[m.field] in mapped
        else m
        for m in matches
    ]


_COMPANIONS = {name: link for link, name in NAME_OF.items()}


def missing(kind: str, mapping: Mapping[str, str | None]) -> list[str]:
    """A sentence for each need of ``kind`` that ``mapping`` (header → field) leaves unmet."""
    spec = KINDS[kind]
    mapped = {field for field in mapping.values() if field}
    who = spec.label if spec.label[:2].isupper() else spec.label[0].lower() + spec.label[1:]
    said = []
    for need in spec.needs:
        if mapped.isdisjoint(need):
            labels = [spec.field(name).label for name in need]
            said.append(
                messages.MAPPING_NEEDS_ONE.format(label=labels[0], kind=who)
                if len(labels) == 1
                else messages.MAPPING_NEEDS_ANY.format(labels=either(labels), kind=who)
            )
    return said


def _needs_met(kind: str, matches: list[ColumnMatch]) -> float:
    """1.0 when every need of the kind is mapped, down to 0.5 when none is."""
    needs = KINDS[kind].needs
    mapped = {m.field for m in matches if m.field}
    met = sum(1 for need in needs if not mapped.isdisjoint(need))
    return 0.5 + 0.5 * met / len(needs) if needs else 1.0


@cache
def _spellings() -> dict[str, dict[str, tuple[str, str, int]]]:
    """Every way a field is spelt, as a matching key → kind → (field, how, rank)."""
    index: dict[str, dict[str, tuple[str, str, int]]] = {}
    for spec in KINDS.values():
        for field in spec.fields:
            spelt = [(field.name, "exact", -1), (field.label, "exact", -1)]
            spelt += [(text, "synonym", rank) for rank, text in enumerate(field.synonyms)]
            for text, how, rank in spelt:
                index.setdefault(key(text), {}).setdefault(spec.name, (field.name, how, rank))
    return index


@lru_cache(maxsize=4096)
def _found(header: str) -> dict[str, _Found]:
    """A header's best field in each kind: known whole, else after its entity, else similar."""
    index = _spellings()
    found = {
        kind: _Found(field, how, 1.0, rank)
        for kind, (field, how, rank) in index.get(key(header), {}).items()
    }
    entity, rest = split_entity(header) or ("", "")
    for kind, (field, how, rank) in index.get(key(rest), {}).items():
        if entity in ENTITIES[kind]:
            found.setdefault(kind, _Found(field, how, AFTER_ENTITY, rank))
    if found:  # a header some kind knows is no typo: "Referred" is not contacts' "Referred by"
        return found
    return _similar(key(header))


def _similar(wanted: str) -> dict[str, _Found]:
    """Per kind, the field one spelling of which ``wanted`` nearly is, if clearly one."""
    if not wanted:
        return {}
    floor = SIMILAR - MARGIN  # a rival below this cannot make the best ambiguous
    matcher = SequenceMatcher(None, "", wanted, autojunk=False)
    best: dict[str, dict[str, float]] = {}  # kind → field → best ratio
    for spelling, kinds in _spellings().items():
        matcher.set_seq1(spelling)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue  # cheap upper bounds first: most spellings are nowhere near
        ratio = matcher.ratio()
        for kind, (field, _, _) in kinds.items() if ratio >= floor else ():
            fields = best.setdefault(kind, {})
            fields[field] = max(ratio, fields.get(field, 0.0))
    similar = {}
    for kind, fields in best.items():
        ranked = sorted(fields.values(), reverse=True)
        top = ranked[0]
        field = max(fields, key=fields.__getitem__)
        if top >= SIMILAR and top - (ranked[1] if len(ranked) > 1 else 0.0) >= MARGIN:
            similar[kind] = _Found(field, f"similar {top:.2f}", round(top, 2), 0)
    return similar
