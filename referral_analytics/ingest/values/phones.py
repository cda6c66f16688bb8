"""Phone numbers, kept as text the way their digits go.

Spaces, dashes, dots and brackets go; the digits and a leading + stay, a leading 0 or 00
included, since that is how the number is dialled and how records are matched:
"0501234567" stays, "+966 50 123 4567" becomes "+966501234567". An extension is kept after
" x" ("+1 555 123 4567 ext. 12" → "+15551234567 x12"). Excel's damage is undone where it can
be ("501234567.0" → "501234567") and refused where digits are lost ("5.01234567E+8").

A number has 5 to 15 digits (ITU E.164's limit), not counting a leading + or 00.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import E_NOTATION, clean, tidy
from referral_analytics.ingest.values.distinct import read_distinct
from referral_analytics.ingest.values.parsed import Invalid, Parsed, Reasons, nulled
from referral_analytics.ingest.values.shapes import DIGIT_BYTES, Shapes

MIN_DIGITS, MAX_DIGITS = 5, 15
_SIMPLE_SHAPE = re.compile(r"\+?[9 .\-()]*9[9 .\-()]*")  # digits and separators only
_BARE_SHAPE = re.compile(r"\+?9+")
_ONE_DOT_SHAPE = re.compile(r"\+?9+\.9+")  # Excel's "501234567.0", or "050.1234567"
_EXCEL_FLOAT = re.compile(r"(\+?\d+)\.0+")
_EXTENSION = re.compile(r"(.*\d)[\s,;]*(?:ext\.?|extension|x|#)\s*(\d{1,6})", re.I)
_WRITTEN = re.compile(r"\+?[\d\s.\-()]+")
_BETWEEN_NUMBERS = re.compile(r"\s*(?:[/;,|&]|\bor\b|\band\b)\s*", re.I)


def read_phone(values: pa.Array | pa.ChunkedArray) -> Parsed:
    """A column of phone numbers, each as "+"/digits text (see the module's rules)."""
    strings = clean(values, inner=True)
    shapes = Shapes(strings)
    reasons = Reasons(len(shapes))
    # Shapes of digits and separators with a valid count of digits are read in bulk, by
    # dropping every other byte; anything else goes through ``phone_one``.
    plain = np.zeros(len(shapes.texts) + 1, dtype=bool)  # the last entry: null cells
    for code, shape in enumerate(shapes.texts):
        digits = shape.count("9")
        plain[code] = (
            bool(_SIMPLE_SHAPE.fullmatch(shape))
            and not _ONE_DOT_SHAPE.fullmatch(shape)
            and MIN_DIGITS + 2 <= digits <= MAX_DIGITS  # valid with or without a 00 prefix
        )
    plain_rows = plain[shapes.codes]
    if all(_BARE_SHAPE.fullmatch(t) for t, ok in zip(shapes.texts, plain[:-1], strict=True) if ok):
        phones = nulled(strings, ~plain_rows)  # already digits and a +: kept as they are
    else:
        keep = DIGIT_BYTES[shapes.data] | (shapes.data == ord("+"))
        phones = shapes.kept(keep, plain_rows)
    other = shapes.valid & ~plain_rows
    if other.any():
        mask = pa.array(other)
        read = read_distinct(
            strings.filter(mask), phone_one, pa.string(), reasons, np.flatnonzero(other)
        )
        phones = pc.replace_with_mask(phones, mask, read)
    return Parsed(phones, reasons.errors())


def phone_one(text: str) -> str | None | Invalid:
    """One cell read as a phone number, or why it is none."""
    text = tidy(text, inner=True)
    if text is None:
        return None
    if re.fullmatch(E_NOTATION, text):
        return Invalid(messages.VALUE_EXCEL_NUMBER.format(what="phone numbers"))
    if excel := _EXCEL_FLOAT.fullmatch(text):
        text = excel.group(1)
    number, extension = text, ""
    if written := _EXTENSION.fullmatch(text):
        number, extension = written.group(1), f" x{written.group(2)}"
    if not _WRITTEN.fullmatch(number):
        pieces = _BETWEEN_NUMBERS.split(text)
        if sum(len(re.sub(r"\D", "", piece)) >= MIN_DIGITS for piece in pieces) >= 2:
            return Invalid(messages.VALUE_SEVERAL_PHONES)
        return Invalid(messages.VALUE_NOT_PHONE)
    digits = re.sub(r"\D", "", number)
    plus = number.startswith("+")
    significant = len(digits) - (2 if not plus and digits.startswith("00") else 0)
    if significant < MIN_DIGITS:
        return Invalid(messages.VALUE_PHONE_SHORT)
    if significant > MAX_DIGITS:
        return Invalid(messages.VALUE_PHONE_LONG)
    return ("+" if plus else "") + digits + extension
