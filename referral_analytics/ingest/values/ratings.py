"""Referral-ability ratings, 1 to 5 (000 §5.2.1): "4", "4/5", "4 out of 5", "4 stars", "★★★★☆".

The course rates each person from 1 to 5 on their ability to give referrals, so that is the
scale: 0, 6 or more, a rating out of 10 and half stars (4.5) are row errors that name the
value, since rescaling "8/10" or rounding "4.5" would invent what the user did not write.
"""

from __future__ import annotations

import re

import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import as_strings, tidy
from referral_analytics.ingest.values.distinct import read_distinct
from referral_analytics.ingest.values.parsed import Invalid, Parsed, Reasons

LOWEST, HIGHEST = 1, 5
_FILLED = "★⭐"
_STARS = re.compile(r"[★⭐\ufe0f]+[☆✩]*|[☆✩]+")
_RATING = re.compile(
    r"(\d{1,3})(?:\.0+)?\s*(?:(?:/|out of|of|من)\s*(\d{1,3}))?\s*(?:stars?|نجوم|نجمة|نجمات)?",
    re.I,
)


def read_rating(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """A column of ratings (a handful of distinct spellings, each read once)."""
    reasons = Reasons(len(values))
    read = read_distinct(as_strings(values), rating_one, pa.int8(), reasons)
    return Parsed(read, reasons.errors())


def rating_one(text: str) -> int | None | Invalid:
    """One cell read as a rating from 1 to 5, or why it is none."""
    text = tidy(text, inner=True)
    if text is None:
        return None
    if _STARS.fullmatch(text):
        rating, out_of = sum(text.count(star) for star in _FILLED), HIGHEST
    elif written := _RATING.fullmatch(text):
        rating, out_of = int(written.group(1)), int(written.group(2) or HIGHEST)
    else:
        return Invalid(messages.VALUE_NOT_RATING.format(value=text))
    if out_of != HIGHEST or not LOWEST <= rating <= HIGHEST:
        return Invalid(messages.VALUE_RATING_RANGE.format(value=text))
    return rating
