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

import re
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
_ARABIC_WORD = re.compile(r"[\u0621-\u0652]+")  # letters, tatweel and harakat
_ARTICLE, _AND = "ال", "و"


def arabic_forms(written: str) -> list[str]:
    """The other ways people write an Arabic term: with or without ال, and the plural's -ين.

    The article goes on or off every word at once, as an adjective agrees with its noun
    ("مؤيد أساسي" ↔ "المؤيد الأساسي"); a phrase that mixes both ("شبكة العلاقات", "لم يتم
    التعارف") is left as it is. A "و" starting a later word is the conjunction ("الأصدقاء
    والعائلة" ↔ "أصدقاء وعائلة"). A word ending in -ون, the sound plural, is also written -ين
    after a preposition ("المؤيدون" ↔ "المؤيدين"). A term with a word in Latin letters or
    digits ("33 لمسة") has no generated forms: its entries spell them out.
    """
    words = written.split()
    if not words or not all(_ARABIC_WORD.fullmatch(w) for w in words):
        return []
    bare = [_without_article(w, first=i == 0) for i, w in enumerate(words)]
    forms = {written}
    if all(b is not None for b in bare):
        forms.add(" ".join(bare))  # type: ignore[arg-type]
    elif all(b is None for b in bare):
        forms.add(" ".join(_with_article(w, first=i == 0) for i, w in enumerate(words)))
    forms |= {" ".join(_oblique(w) for w in form.split()) for form in list(forms)}
    return sorted(forms - {written})


def _without_article(word: str, *, first: bool) -> str | None:
    """The word without its article, or None if it has none."""
    conjunction = _AND if not first and word.startswith(_AND + _ARTICLE) else ""
    rest = word[len(conjunction) :]
    if rest.startswith(_ARTICLE) and len(rest) > len(_ARTICLE) + 1:
        return conjunction + rest[len(_ARTICLE) :]
    return None


def _with_article(word: str, *, first: bool) -> str:
    conjunction = _AND if not first and word.startswith(_AND) and len(word) > 3 else ""
    return conjunction + _ARTICLE + word[len(conjunction) :]


def _oblique(word: str) -> str:
    return word[:-2] + "ين" if len(word) >= 5 and word.endswith("ون") else word


def _defaults(name: str) -> dict[str, str]:
    """{written word, lower case → our word} of one vocabulary: the entries, our own words,
    and the Arabic forms the entries imply (``arabic_forms``), unless a key they share with
    another entry or form means something else (then the entries decide, or nothing does)."""
    written = {
        spelling.strip().lower(): word
        for word, spellings in WORDS[name].items()
        for spelling in spellings.split("|")
    } | {word.lower(): word for word in CANONICAL[name]}
    taken = {word_key(text): word for text, word in written.items()}
    formed: dict[str, tuple[str, str | None]] = {}  # key → (a spelling, its word or None)
    for text, word in written.items():
        for form in arabic_forms(text):
            key = word_key(form)
            if key in taken:
                continue
            seen = formed.get(key)
            formed[key] = (form, word if seen is None or seen[1] == word else None)
    return written | {form: word for form, word in formed.values() if word is not None}


# vocabulary → {written word, lower case → our word}; our own words included, as themselves.
DEFAULTS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {name: MappingProxyType(_defaults(name)) for name in VOCABULARIES}
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
