"""Cell text made comparable: trimmed, empty as null, and digits written in ASCII.

Cells pasted from web pages, PDFs and Arabic keyboards carry no-break spaces, zero-width
joiners and right-to-left marks, and write "٤٥٠٬٠٠٠" for 450,000. Every type is trimmed of
those at its ends (a text keeps what is inside). The types read as numbers, dates, phones
and e-mail addresses are also cleaned inside (``inner``): digits become ASCII, Arabic
separators become "." and ",", odd spaces become plain ones and invisible marks go, so that
everything after this module looks at one alphabet.

``tidy`` cleans one Python string; ``clean`` a whole column with Arrow kernels and, for the
inner clean-up, the same translation table applied to the column's bytes with numpy.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics.ingest.values.shapes import byte_view, validity_bitmap

SPACES = (
    " \t\n\r\f\v\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Zero-width characters, bidirectional marks (Arabic text wraps numbers in them) and the
# soft hyphen: invisible in a spreadsheet, so never part of what the user meant.
INVISIBLE = (
    "\xad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060"
    "\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
EDGES = SPACES + INVISIBLE
DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"  # hyphens, en dash, minus signs

ASCII_FORMS = str.maketrans(
    {
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic ٠…٩
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic ۰…۹
        **{chr(0xFF10 + d): str(d) for d in range(10)},  # full-width ０…９
        "\u066b": ".",  # Arabic decimal separator ٫
        "\u066c": ",",  # Arabic thousands separator ٬
        "\u066a": "%",  # Arabic percent sign ٪
        **dict.fromkeys(DASHES, "-"),
        **dict.fromkeys((c for c in SPACES if not c.isascii()), " "),
        **dict.fromkeys(INVISIBLE),
    }
)

# Arabic spellings that differ by a hamza seat, a final letter or diacritics are the same word
# to the people typing them: أ/إ/آ → ا, ة → ه, ى → ي, ئ → ي, ؤ → و; tatweel and harakat go.
ARABIC_FORMS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و", "ـ": None}
    | dict.fromkeys(map(chr, range(0x064B, 0x0653)))
    | {"×": "x"}  # "8×8"
)
_NOT_WORD = re.compile(r"[\W_]+")
# How Excel shows a long number it stored as a float (1.23457E+11): its last digits are gone.
E_NOTATION = r"[-+]?\d(?:\.\d+)?[eE]\+?\d+"


def tidy(text: str, *, inner: bool = False) -> str | None:
    """One cell's text trimmed (and, with ``inner``, in ASCII digits); None if nothing is left."""
    text = text.strip(EDGES)
    if inner:
        text = text.translate(ASCII_FORMS)
    return text or None


def word_key(text: str) -> str:
    """How a written word is looked up: case, spacing, punctuation and spelling variants aside.

    "Past-Client", "past client" and "PAST_CLIENT" share a key, as do "33-touch" and
    "33 Touch". A word of punctuation only ("—", "✓") keeps its characters as its key.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(ASCII_FORMS).translate(ARABIC_FORMS)
    return _NOT_WORD.sub("", text) or "".join(text.split())


def as_strings(values: pa.Array | pa.ChunkedArray) -> pa.StringArray:
    """One contiguous ``string`` array, whatever chunking or string type came in."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    return values


def clean(values: pa.Array | pa.ChunkedArray, *, inner: bool = False) -> pa.StringArray:
    """Every cell tidied as ``tidy`` does, vectorised; an empty cell becomes null.

    Args:
        values: The column's text cells.
        inner: Also write digits, separators and spaces inside the cell in ASCII.
    """
    strings = as_strings(values)
    ascii_rows = pc.string_is_ascii(strings)
    if pc.all(ascii_rows).as_py() is not False:  # True, or None when every cell is null
        trimmed = pc.ascii_trim_whitespace(strings)
    else:
        trimmed = pc.utf8_trim(strings, characters=EDGES)
        if inner:
            trimmed = _inner_forms(trimmed)
    lengths = pc.binary_length(trimmed)
    if pc.any(pc.equal(lengths, 0)).as_py():
        trimmed = pc.if_else(pc.equal(lengths, 0), pa.scalar(None, pa.string()), trimmed)
    return trimmed


def _inner_forms(strings: pa.StringArray) -> pa.StringArray:
    # ASCII_FORMS applied to the bytes: each rule rewrites a 2- or 3-byte UTF-8 sequence to
    # one ASCII byte or to nothing, so a column of Arabic amounts costs a few array passes
    # instead of a Python call per cell. The tables are built from the one ``tidy`` uses.
    data, starts, ends, valid = byte_view(strings)
    if len(data) < 2:
        return strings
    keep = np.ones(len(data), dtype=bool)
    rewritten = data.copy()
    # Two-byte rules (Arabic digits and separators, no-break space) are dense in Arabic
    # columns: every byte pair is looked up. Three-byte ones are rare: only at their leads.
    targets = _PAIRS[(data[:-1].astype(np.uint16) << 8) | data[1:]]
    at = np.flatnonzero(targets != NO_RULE)
    _apply(at, 2, targets[at], rewritten, keep)
    at = np.flatnonzero(_TRIPLE_LEADS[data[:-2]])
    index = (_TRIPLE_SLOTS[data[at]] << 16) | (data[at + 1].astype(np.int64) << 8) | data[at + 2]
    targets = _TRIPLES[index]
    _apply(at[targets != NO_RULE], 3, targets[targets != NO_RULE], rewritten, keep)
    if keep.all():
        return strings
    before = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
    offsets = before[np.concatenate([starts[:1], ends])].astype(np.int32)
    return pa.Array.from_buffers(
        pa.string(),
        len(strings),
        [validity_bitmap(valid), pa.py_buffer(offsets), pa.py_buffer(rewritten[keep])],
    )


def _apply(
    at: np.ndarray, length: int, target: np.ndarray, rewritten: np.ndarray, keep: np.ndarray
) -> None:
    """Rewrite the sequences of ``length`` bytes starting ``at`` to their ``target`` bytes."""
    rewritten[at] = np.where(target >= 0, target, 0).astype(np.uint8)
    keep[at] = target >= 0
    for offset in range(1, length):
        keep[at + offset] = False


NO_RULE, DROP = -2, -1


def _byte_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """ASCII_FORMS as lookup tables over UTF-8 bytes: the ASCII byte, DROP or NO_RULE.

    Two-byte sequences index a table by their 16 bits; three-byte ones by their lead's slot
    (among the leads of three-byte rules) and their other 16 bits.
    """
    sources = {chr(code).encode(): target for code, target in ASCII_FORMS.items()}
    assert {len(s) for s in sources} == {2, 3}
    pairs = np.full(1 << 16, NO_RULE, dtype=np.int16)
    leads = sorted({s[0] for s in sources if len(s) == 3})
    slots = np.zeros(256, dtype=np.int64)
    slots[leads] = np.arange(len(leads))
    triples = np.full(len(leads) << 16, NO_RULE, dtype=np.int16)
    for source, target in sources.items():
        written = ord(target) if target else DROP
        if len(source) == 2:
            pairs[(source[0] << 8) | source[1]] = written
        else:
            triples[(int(slots[source[0]]) << 16) | (source[1] << 8) | source[2]] = written
    return pairs, np.isin(np.arange(256), leads), slots, triples


_PAIRS, _TRIPLE_LEADS, _TRIPLE_SLOTS, _TRIPLES = _byte_tables()
