"""Free text, identifiers, e-mail addresses and yes/no cells.

Each type has a one-cell reader that says what the type accepts (``email_one``, ``yes_no_one``).
Where a column is large and regular (a million e-mail addresses), a vectorised check takes the
cells that are plainly fine and the one-cell reader sees only the rest, each distinct value
once; the two must agree on every cell the fast check accepts (a test holds them to it).
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import E_NOTATION, as_strings, clean, tidy, word_key
from referral_analytics.ingest.values.distinct import read_distinct
from referral_analytics.ingest.values.parsed import Invalid, Parsed, Reasons
from referral_analytics.ingest.values.shapes import any_bytes

_ATOM = r"[^@\s,;<>()\[\]:\"\\.]+"  # a run of characters an address may hold, dots aside
# A local part and a domain of two or more labels, dots only between atoms: one pattern for
# Python and for Arrow's RE2 (which has no lookarounds).
EMAIL = rf"{_ATOM}(?:\.{_ATOM})*@(?:{_ATOM}\.)+{_ATOM}"
_EMAIL = re.compile(EMAIL)
_NAMED = re.compile(r"[^<>]*<([^<>]*)>")  # "Name <name@example.com>"
_EXCEL_ID = r"-?\d+\.0+"  # an id Excel stored as a number: "12345.0"
YES = frozenset(map(word_key, "yes y true t 1 x ✓ ✔ ☑ ✅ نعم صح صحيح أجل".split()))
NO = frozenset(map(word_key, "no n false f 0 ✗ ✘ ☐ ❌ لا خطأ خاطئ غلط".split()))
_YES_NO_NUMBER = re.compile(r"([01])(?:\.0+)?")  # Excel's 1.0 / 0.0


def read_text(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """Text trimmed at its ends; inside, kept exactly (HTML stays text; pages escape it)."""
    return Parsed(clean(values), ())


def read_id(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """Identifiers trimmed; "12345.0" (Excel's number form) becomes "12345".

    An id in E-notation (1.23457E+11) is refused: Excel has dropped its last digits, and ids
    that merge records must be exact.
    """
    strings = clean(values)
    reasons = Reasons(len(strings))
    if not any_bytes(strings, b".Ee"):
        return Parsed(strings, ())
    odd = pc.fill_null(
        pc.match_substring_regex(strings, f"^(?:{_EXCEL_ID})$|^(?:{E_NOTATION})$"), False
    )
    if pc.any(odd).as_py():
        mask = np.asarray(odd)
        fixed = read_distinct(
            strings.filter(odd), _id_one, pa.string(), reasons, np.flatnonzero(mask)
        )
        strings = pc.replace_with_mask(strings, odd, fixed)
    return Parsed(strings, reasons.errors())


def _id_one(text: str) -> str | Invalid:
    if re.fullmatch(_EXCEL_ID, text):
        return text.split(".")[0]
    return Invalid(messages.VALUE_EXCEL_NUMBER.format(what="ids"))


def read_email(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """E-mail addresses in lower case; "mailto:" and "Name <…>" reduced to the address."""
    strings = clean(values, inner=True)
    lowered = pc.utf8_lower(strings)
    plain = pc.fill_null(pc.match_substring_regex(lowered, f"^{EMAIL}$"), True)
    if pc.all(plain).as_py():
        return Parsed(lowered, ())
    reasons = Reasons(len(strings))
    other = pc.invert(plain)
    read = read_distinct(
        strings.filter(other), email_one, pa.string(), reasons, np.flatnonzero(np.asarray(other))
    )
    return Parsed(pc.replace_with_mask(lowered, other, read), reasons.errors())


def email_one(text: str) -> str | None | Invalid:
    """One cell read as an e-mail address (lower case), or why it is none."""
    text = tidy(text, inner=True)
    if text is None:
        return None
    text = text.lower()
    if text.startswith("mailto:"):
        text = text[len("mailto:") :].split("?")[0]
    if named := _NAMED.fullmatch(text):
        text = named.group(1).strip()
    if _EMAIL.fullmatch(text):
        return text
    if text.count("@") > 1 and re.search(r"[\s,;/]", text):
        return Invalid(messages.VALUE_SEVERAL_EMAILS)
    return Invalid(messages.VALUE_NOT_EMAIL)


def read_yes_no(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """Yes/no cells as booleans (a column has a handful of distinct spellings)."""
    reasons = Reasons(len(values))
    # Each distinct cell is cleaned by the one-cell reader: trimming a million cells first
    # would cost more than reading the dozen spellings a column has.
    read = read_distinct(as_strings(values), yes_no_one, pa.bool_(), reasons)
    return Parsed(read, reasons.errors())


def yes_no_one(text: str) -> bool | None | Invalid:
    """One cell read as yes (True) or no (False); an empty cell is None."""
    text = tidy(text, inner=True)
    if text is None:
        return None
    if number := _YES_NO_NUMBER.fullmatch(text):
        return number.group(1) == "1"
    key = word_key(text)
    if key in YES:
        return True
    if key in NO:
        return False
    return Invalid(messages.VALUE_NOT_YES_NO)
