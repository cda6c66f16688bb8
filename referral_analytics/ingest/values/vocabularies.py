"""CRM words read as our vocabularies' words: "Past Client" is an Advocate, "SOI" is Network.

A written word is looked up by its key (``cleaning.word_key``: case, spacing, punctuation and
Arabic spelling variants aside) in three layers, the first that knows it winning:

1. our own canonical words, which always mean themselves;
2. the user's overrides from the Values table ({written word → our word});
3. the defaults (``vocabulary_words``).

A word none of them knows is refused with a reason that names our words; ``unmapped`` lists
such words, most frequent first, so the Import page can ask for each once.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import as_strings, tidy, word_key
from referral_analytics.ingest.values.distinct import counts, spread
from referral_analytics.ingest.values.parsed import Invalid, Parsed, Reasons
from referral_analytics.ingest.values.vocabulary_words import CANONICAL, LABELS, WORDS

VOCABULARIES = tuple(CANONICAL)
# vocabulary → {written word, lower case → our word}; our own words included, as themselves.
DEFAULTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        name: MappingProxyType(
            {
                written.strip().lower(): word
                for word, spellings in WORDS[name].items()
                for written in spellings.split("|")
            }
            | {word.lower(): word for word in CANONICAL[name]}
        )
        for name in VOCABULARIES
    }
)
NAMED_WORDS = 6  # a reason lists at most this many of our words
NAMED_MAPPINGS = 4  # a note lists at most this many words read as ours


def canonical(vocabulary: str) -> tuple[str, ...]:
    """Our words of ``vocabulary``, in their order (the ladder from outside in, …)."""
    _check(vocabulary)
    return CANONICAL[vocabulary]


def lookup(vocabulary: str, word: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """Our word for one written word; None if unknown (or an override leaves it empty).

    Raises:
        ValueError: An unknown vocabulary, or an override to a word that is not ours.
    """
    cleaned = tidy(word)
    return word_table(vocabulary, overrides).get(word_key(cleaned)) if cleaned else None


def word_table(
    vocabulary: str, overrides: Mapping[str, str] | None = None
) -> dict[str, str | None]:
    """Word key → our word (None: "leave the cell empty", an override to "").

    Raises:
        ValueError: An unknown vocabulary, or an override to a word that is not ours.
    """
    ours = {word_key(word): word for word in canonical(vocabulary)}
    table: dict[str, str | None] = dict(_default_keys(vocabulary))
    for written, meant in (overrides or {}).items():
        if meant is None or not meant.strip():
            table[word_key(written)] = None
        elif word_key(meant) in ours:
            table[word_key(written)] = ours[word_key(meant)]
        else:
            raise ValueError(f"{meant!r} is not a word of the {vocabulary} vocabulary")
    table.update(ours)
    return table


def read_vocab(
    values: pa.Array | pa.ChunkedArray,
    vocabulary: str,
    overrides: Mapping[str, str] | None = None,
) -> Parsed:
    """A column of written words as our words of ``vocabulary``; unknown words refused."""
    table = word_table(vocabulary, overrides)
    refusal = Invalid(_unknown_reason(vocabulary))
    strings = as_strings(values)
    encoded = pc.dictionary_encode(strings)
    readings: list[str | None | Invalid] = []
    for text in encoded.dictionary.to_pylist():
        cleaned = tidy(text)
        key = word_key(cleaned) if cleaned else None
        readings.append(None if key is None else table.get(key, refusal))
    reasons = Reasons(len(strings))
    words = spread(encoded, readings, pa.string(), reasons)
    return Parsed(words, reasons.errors(), _mapped_note(encoded, readings))


def unmapped(
    values: pa.Array | pa.ChunkedArray,
    vocabulary: str,
    overrides: Mapping[str, str] | None = None,
) -> list[str]:
    """The distinct written words with no meaning yet, most frequent first.

    Words differing only in case or spacing count as one, shown as most often written.
    """
    table = word_table(vocabulary, overrides)
    encoded = pc.dictionary_encode(as_strings(values))
    tally = counts(encoded)
    found: dict[str, dict[str, int]] = {}  # key → spelling → cells (dicts keep first-seen order)
    for text, cells in zip(encoded.dictionary.to_pylist(), tally.tolist(), strict=True):
        cleaned = tidy(text)
        if cleaned is None or word_key(cleaned) in table:
            continue
        spellings = found.setdefault(word_key(cleaned), {})
        spellings[cleaned] = spellings.get(cleaned, 0) + cells
    ranked = sorted(found.values(), key=lambda spellings: -sum(spellings.values()))
    return [max(spellings, key=spellings.__getitem__) for spellings in ranked]


@cache
def _default_keys(vocabulary: str) -> dict[str, str]:
    return {word_key(written): word for written, word in DEFAULTS[vocabulary].items()}


def _unknown_reason(vocabulary: str) -> str:
    words = CANONICAL[vocabulary]
    named = ", ".join(f"“{w}”" for w in words[:NAMED_WORDS])
    if len(words) > NAMED_WORDS:
        named += ", …"
    return messages.VALUE_UNKNOWN_WORD.format(what=LABELS[vocabulary], words=named)


def _mapped_note(encoded: pa.DictionaryArray, readings: list[object]) -> str | None:
    """Which written words were read as which of ours, the most frequent first."""
    tally = counts(encoded)
    pairs: dict[tuple[str, str], int] = {}
    for text, reading, cells in zip(encoded.dictionary.to_pylist(), readings, tally, strict=True):
        cleaned = tidy(text)
        if isinstance(reading, str) and cleaned and word_key(cleaned) != word_key(reading):
            pairs[(cleaned, reading)] = pairs.get((cleaned, reading), 0) + int(cells)
    if not pairs:
        return None
    ranked = sorted(pairs, key=lambda pair: -pairs[pair])
    shown = ", ".join(f"{written} → {word}" for written, word in ranked[:NAMED_MAPPINGS])
    if len(ranked) > NAMED_MAPPINGS:
        shown += f" and {len(ranked) - NAMED_MAPPINGS} more"
    return messages.VALUE_WORDS_MAPPED.format(pairs=shown)


def _check(vocabulary: str) -> None:
    if vocabulary not in CANONICAL:
        raise ValueError(f"unknown vocabulary {vocabulary!r}; known: {', '.join(VOCABULARIES)}")
