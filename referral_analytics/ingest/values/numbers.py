"""Amounts, numbers, whole numbers and percentages: numeric columns read in bulk.

Each cell's shape (``shapes``) tells where its digits are and what surrounds them
(``number_shapes``); the column then settles what one cell cannot:

* the decimal separator: "1.234" is 1234 in a column that also writes "1.234,56" and 1.234 in
  one that writes "0.5"; with no evidence, one separator followed by three digits is
  thousands (a price of 1.234 is rarer than one of 1,234);
* the currency: an amount in another currency than most of the column is refused, not added
  to the others;
* fractions: a percentage column of 0.125, 0.3 … (none above 1, no % sign) holds fractions.

Values stay exact integers (± digits × 10^-scale) until the end: money is rounded half away
from zero to cents in integers, and a float comes from one correctly rounded division, as
parsing the decimal text would give.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.values.cleaning import clean
from referral_analytics.ingest.values.number_shapes import NOT_READ, read_number_shape
from referral_analytics.ingest.values.parsed import Parsed, Reasons
from referral_analytics.ingest.values.scaled import MONEY, cents, decimals, floats, whole
from referral_analytics.ingest.values.shapes import Shapes, to_array

TYPES = {"money": MONEY, "number": pa.float64(), "integer": pa.int64(), "percent": pa.float64()}
POINT, COMMA = 1, 2
MAX_DIGITS = 18  # significant digits int64 holds exactly (and decimal128(18, 2) stores)


@dataclass
class _Digits:
    """A column's numbers as exact integers: ± mantissa × 10^-scale, for the ``read`` rows."""

    mantissa: np.ndarray
    scale: np.ndarray
    negative: np.ndarray
    read: np.ndarray
    lone: np.ndarray  # the lone separator's byte ("," or "."), 0 for none
    leading_zero: np.ndarray  # a lone-separator cell starting "0", which makes it decimal
    proves: np.ndarray  # POINT, COMMA or 0: which decimal separator the cell's shape shows
    currency: np.ndarray  # index into ``currencies``; -1 for none written
    currencies: list[str]
    percent_written: bool


def read_numbers(values: pa.Array | pa.ChunkedArray, kind: str) -> Parsed:
    """A column of text cells read as ``kind``: "money", "number", "integer" or "percent"."""
    strings = clean(values, inner=True)
    shapes = Shapes(strings)
    reasons = Reasons(len(shapes))
    digits = _gather(shapes, kind, reasons)
    notes = [_settle_separators(digits, kind, strings)]
    if kind == "money":
        notes.append(_settle_currency(digits, reasons))
    if kind == "percent":
        notes.append(_settle_fractions(digits, reasons))
    typed = _typed(digits, kind, reasons)
    return Parsed(typed, reasons.errors(), " ".join(n for n in notes if n) or None)


def _gather(shapes: Shapes, kind: str, reasons: Reasons) -> _Digits:
    size = len(shapes)
    digits = _Digits(
        mantissa=np.zeros(size, dtype=np.int64),
        scale=np.zeros(size, dtype=np.int64),
        negative=np.zeros(size, dtype=bool),
        read=np.zeros(size, dtype=bool),
        lone=np.zeros(size, dtype=np.uint8),
        leading_zero=np.zeros(size, dtype=bool),
        proves=np.zeros(size, dtype=np.int8),
        currency=np.full(size, -1, dtype=np.int16),
        currencies=[],
        percent_written=False,
    )
    refused = np.zeros(len(shapes.texts) + 1, dtype=np.int32)  # the last entry: null cells
    for code, shape in enumerate(shapes.texts):
        # A shape with no digit (a name, "TBD") is refused without being read: a wrongly
        # mapped text column has as many shapes as rows.
        plan = read_number_shape(shape, kind) if "9" in shape else None
        if plan is None or plan.reason:
            refused[code] = reasons.code(plan.reason if plan else NOT_READ[kind])
            continue
        rows = shapes.rows(code)
        mantissa, dropped = _mantissa(shapes, rows, plan.digits)
        exponent = shapes.number(rows, plan.exponent) * plan.exponent_sign if plan.exponent else 0
        scale = plan.decimals - plan.power - exponent
        # Digits dropped past the 18th significant one are lost to money only at or above
        # the cents, and to a whole number always.
        lost = (dropped > 0) & ((scale - dropped < 2) if kind == "money" else kind == "integer")
        reasons.mark(rows[lost], messages.VALUE_TOO_LARGE)
        digits.mantissa[rows] = mantissa
        digits.scale[rows] = scale - dropped
        digits.negative[rows] = plan.negative
        digits.read[rows] = True
        if plan.proves:
            digits.proves[rows] = POINT if plan.proves == "point" else COMMA
        if plan.lone:
            digits.lone[rows] = ord(plan.lone)
            digits.leading_zero[rows] = shapes.byte(rows, plan.digits[0]) == ord("0")
        if plan.currency:
            if plan.currency not in digits.currencies:
                digits.currencies.append(plan.currency)
            digits.currency[rows] = digits.currencies.index(plan.currency)
        digits.percent_written |= plan.percent
    if refused.any():
        reasons.mark_codes(np.arange(size), refused[shapes.codes])
    return digits


def _mantissa(
    shapes: Shapes, rows: np.ndarray, positions: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """The integer the digits spell, and how many trailing digits were dropped to fit int64.

    Up to 18 significant digits are exact ("0.0008528224822534812" has 19 digits but 16
    significant ones); beyond, the last digits are dropped, which only a float can afford.
    """
    if len(positions) <= MAX_DIGITS:
        return shapes.number(rows, positions), np.zeros(len(rows), dtype=np.int64)
    lead = positions[: len(positions) - MAX_DIGITS]
    zeros = np.all([shapes.byte(rows, p) == ord("0") for p in lead], axis=0)
    mantissa = np.where(
        zeros,
        shapes.number(rows, positions[-MAX_DIGITS:]),
        shapes.number(rows, positions[:MAX_DIGITS]),
    )
    return mantissa, np.where(zeros, 0, len(lead))


def _settle_separators(digits: _Digits, kind: str, strings: pa.Array) -> str | None:
    """Read each lone separator as thousands or decimal, by what the column shows."""
    lone, zero = digits.lone, digits.leading_zero
    point = (digits.proves == POINT) | ((lone == ord(".")) & zero)
    comma = (digits.proves == COMMA) | ((lone == ord(",")) & zero)
    style = "point" if point.any() and not comma.any() else None
    style = "comma" if comma.any() and not point.any() else style
    decimal = (lone != 0) & zero
    if kind != "integer" and style:
        decimal |= lone == ord("." if style == "point" else ",")
    digits.scale[decimal] += 3
    if style == "comma":
        return messages.VALUE_DECIMAL_COMMA.format(example=_text(strings, comma))
    read_as_decimal = decimal & ~zero & (lone == ord("."))
    if style == "point" and read_as_decimal.any():
        return messages.VALUE_DECIMAL_POINT.format(
            lone=_text(strings, read_as_decimal), example=_text(strings, point & (lone == 0))
        )
    thousands = (lone == ord(".")) & ~decimal
    if thousands.any():
        first = int(np.argmax(thousands))
        return messages.VALUE_THOUSANDS.format(
            lone=strings[first].as_py(), value=int(digits.mantissa[first])
        )
    return None


def _settle_currency(digits: _Digits, reasons: Reasons) -> str | None:
    """Refuse the amounts in another currency than most of the column's."""
    written = digits.read & (digits.currency >= 0)
    if not written.any():
        return None
    tally = np.bincount(digits.currency[written], minlength=len(digits.currencies))
    main = int(np.argmax(tally))  # a tie goes to the currency met first
    for index, currency in enumerate(digits.currencies):
        if index != main:
            reasons.mark(
                written & (digits.currency == index),
                messages.VALUE_OTHER_CURRENCY.format(
                    currency=currency, main=digits.currencies[main]
                ),
            )
    return messages.VALUE_CURRENCY.format(currency=digits.currencies[main])


def _settle_fractions(digits: _Digits, reasons: Reasons) -> str | None:
    """Read a column of values no larger than 1, with no % written, as fractions."""
    usable = digits.read & ~reasons.refused
    if digits.percent_written or not usable.any():
        return None
    values = floats(digits.mantissa[usable], digits.scale[usable])
    if np.abs(values).max() > 1:
        return None
    digits.scale -= 2
    return messages.VALUE_FRACTIONS


def _typed(digits: _Digits, kind: str, reasons: Reasons) -> pa.Array:
    """The Arrow column of ``kind``; a value too large for it (or a fraction) is refused."""
    mantissa, scale = digits.mantissa, digits.scale
    if kind == "money":
        values, bad = cents(mantissa, scale)
    elif kind == "integer":
        values, bad, fraction = whole(mantissa, scale)
        reasons.mark(digits.read & fraction, messages.VALUE_FRACTION)
    else:
        values = floats(mantissa, scale)
        bad = np.isinf(values)
    reasons.mark(digits.read & bad, messages.VALUE_TOO_LARGE)
    values = np.where(digits.negative, -values, values)
    valid = digits.read & ~reasons.refused
    if kind == "money":
        return decimals(values, valid)
    return to_array(values, valid, TYPES[kind])


def _text(strings: pa.Array, rows: np.ndarray) -> str:
    """The first cell of ``rows`` (a mask), as cleaned, to quote in a note."""
    return strings[int(np.argmax(rows))].as_py()
