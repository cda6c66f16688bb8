"""Ratings as whole numbers from 0 to 10: "4", "4/5", "4 out of 5", "4 stars", "★★★★☆".

The number is kept as written, out of 5 or of 10 alike: a column mixes neither in practice,
and rescaling would invent precision. Half stars (4.5) are refused, since int8 cannot hold them.
"""

from __future__ import annotations

import re

import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import as_strings, tidy
from referral_analytics.ingest.values.distinct import read_distinct
from referral_analytics.ingest.values.parsed import Invalid, Parsed, Reasons

HIGHEST = 10
_FILLED = "★⭐"
_STARS = re.compile(r"[★⭐\ufe0f]+[☆✩]*")
_RATING = re.compile(
    r"(\d{1,2})(?:\.0+)?\s*(?:(?:/|out of|of|من)\s*(5|10))?\s*(?:stars?|نجوم|نجمة|نجمات)?",
    re.I,
)


def read_rating(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """A column of ratings (a handful of distinct spellings, each read once)."""
    reasons = Reasons(len(values))
    read = read_distinct(as_strings(values), rating_one, pa.int8(), reasons)
    return Parsed(read, reasons.errors())


def rating_one(text: str) -> int | None | Invalid:
    """One cell read as a rating, or why it is none."""
    text = tidy(text, inner=True)
    if text is None:
        return None
    if _STARS.fullmatch(text):
        return sum(text.count(star) for star in _FILLED)
    written = _RATING.fullmatch(text)
    if not written:
        return Invalid(messages.VALUE_NOT_RATING)
    rating, out_of = int(written.group(1)), int(written.group(2) or HIGHEST)
    if rating > out_of:
        return Invalid(messages.VALUE_NOT_RATING)
    return rating
