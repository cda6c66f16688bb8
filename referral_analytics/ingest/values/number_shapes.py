"""What a number's shape says: where its digits are, its decimals, sign, currency and multiplier.

A shape is the cell with every digit written as 9 ("SAR 999,999", "(€9.999,99)", "9.9M").
Signs, brackets, currencies, percent signs and multipliers are peeled off its ends in any
order; what is left must be digits in groups. Which separator is the decimal one is decided
here when the shape proves it ("9,999.99", "9.9", "9.999.999") and left to the column
when it cannot ("9.999" is 1234 or 1.234; see ``NumberPlan.lone``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from referral_analytics import messages
from referral_analytics.ingest.values.digit_groups import NOT_READ_MARK, read_groups
from referral_analytics.ingest.values.shapes import char_to_byte

CURRENCIES: dict[str, str] = {  # written (lower case) → ISO code
    "$": "USD", "us$": "USD", "usd": "USD",
    "sar": "SAR", "sr": "SAR", "ر.س": "SAR", "ر.س.": "SAR", "ريال": "SAR", "﷼": "SAR",
    "\u20c1": "SAR",  # the Saudi riyal sign of 2025
    "aed": "AED", "د.إ": "AED", "د.إ.": "AED", "dhs": "AED", "درهم": "AED",
    "eur": "EUR", "€": "EUR",
    "gbp": "GBP", "£": "GBP",
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {  # written (lower case) → power of ten
    "k": 3, "thousand": 3, "ألف": 3, "الف": 3, "آلاف": 3,
    "m": 6, "mm": 6, "mn": 6, "million": 6, "مليون": 6, "ملايين": 6,
    "b": 9, "bn": 9, "billion": 9, "مليار": 9,
}  # fmt: skip
KINDS = ("money", "number", "integer", "percent")
MAX_EXPONENT_DIGITS = 3  # E+308 is a float's limit
NOT_READ = {
    "money": messages.VALUE_NOT_AMOUNT,
    "number": messages.VALUE_NOT_NUMBER,
    "integer": messages.VALUE_NOT_INTEGER,
    "percent": messages.VALUE_NOT_PERCENT,
}


def _alternatives(words: dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CURRENCY_START = re.compile(rf"(?:{_alternatives(CURRENCIES)}) *", re.I)
_CURRENCY_END = re.compile(rf" *(?:{_alternatives(CURRENCIES)})$", re.I)
_MULTIPLIER_END = re.compile(rf"(?<=[9 ]) *(?:{_alternatives(MULTIPLIERS)})\.?$", re.I)
_SCIENTIFIC = re.compile(r"(9+)(?:\.(9+))?[eE]([-+]?)(9+)")
_GROUPED = re.compile(r"[9,.' ’]*9[9,.' ’]*")


@dataclass(frozen=True)
class NumberPlan:
    """How to read the rows of one shape.

    Attributes:
        reason: Why no cell of this shape is a number of the kind; None if it can be one.
        digits: Byte positions of the digits, most significant first.
        decimals: How many of them follow the decimal separator.
        exponent: Byte positions of the digits of an E-notation exponent ("1.5E+3").
        exponent_sign: -1 for "E-".
        power: Ten to this power multiplies the value ("k" 3, "M" 6).
        negative: A minus sign, trailing minus or accounting brackets.
        percent: A % sign was written.
        currency: The ISO code of a written currency.
        proves: "point" or "comma" when the shape shows which is the decimal separator.
        lone: "," or "." for one separator followed by exactly three digits, which is either
            thousands (decimals 0, as read) or decimals (3); the column decides.
    """

    reason: str | None = None
    digits: tuple[int, ...] = ()
    decimals: int = 0
    exponent: tuple[int, ...] = ()
    exponent_sign: int = 1
    power: int = 0
    negative: bool = False
    percent: bool = False
    currency: str | None = None
    proves: str | None = None
    lone: str | None = None


@lru_cache(maxsize=8192)
def read_number_shape(shape: str, kind: str) -> NumberPlan:
    """The plan for the cells of ``shape`` read as a ``kind`` (money/number/integer/percent)."""
    peeled = _peel(shape, kind)
    if peeled is None:
        return NumberPlan(reason=NOT_READ[kind])
    left, right, marks = peeled
    core = shape[left:right]
    byte_at = char_to_byte(shape)
    scientific = _SCIENTIFIC.fullmatch(core)
    if scientific:
        whole, fraction, sign, exponent = scientific.groups()
        end = scientific.end(2) if fraction else scientific.end(1)
        digits = [byte_at[left + i] for i in range(end) if core[i] == "9"]
        places = tuple(byte_at[left + i] for i in range(scientific.start(4), scientific.end(4)))
        plan = NumberPlan(
            digits=tuple(digits),
            decimals=len(fraction or ""),
            exponent=places,
            exponent_sign=-1 if sign == "-" else 1,
        )
    elif _GROUPED.fullmatch(core):
        grouped = read_groups(core)
        if isinstance(grouped, str):
            return NumberPlan(reason=NOT_READ[kind] if grouped == NOT_READ_MARK else grouped)
        positions, decimals, proves, lone = grouped
        plan = NumberPlan(
            digits=tuple(byte_at[left + i] for i in positions),
            decimals=decimals,
            proves=proves,
            lone=lone,
        )
    else:
        return NumberPlan(reason=NOT_READ[kind])
    if len(plan.exponent) > MAX_EXPONENT_DIGITS:
        return NumberPlan(reason=messages.VALUE_TOO_LARGE)
    return NumberPlan(
        **{
            **plan.__dict__,
            "negative": marks.get("sign") == "-" or "brackets" in marks,
            "percent": "percent" in marks,
            "currency": CURRENCIES[marks["currency"].lower()] if "currency" in marks else None,
            "power": MULTIPLIERS[marks["multiplier"].lower()] if "multiplier" in marks else 0,
        }
    )


def _peel(shape: str, kind: str) -> tuple[int, int, dict[str, str]] | None:
    """The span of the digits once signs, brackets, currency, % and multiplier are peeled off.

    Each may be written once, in any order around the digits ("-$1,200", "$(1,200)",
    "1.2M SAR"); a second sign, or a mark the kind does not take, leaves the shape unread.
    """
    allowed = {"sign", "brackets"} | {
        "money": {"currency", "multiplier"},
        "number": {"multiplier"},
        "integer": {"multiplier"},
        "percent": {"percent"},
    }[kind]
    left, right = 0, len(shape)
    marks: dict[str, str] = {}
    while True:
        body = shape[left:right]
        left += len(body) - len(body.lstrip(" "))
        right -= len(body) - len(body.rstrip(" "))
        body = shape[left:right]
        found = _one_mark(body, allowed - marks.keys())
        if found is None:
            break
        name, written, cut_left, cut_right = found
        marks[name] = written
        left, right = left + cut_left, right - cut_right
    if "sign" in marks and "brackets" in marks:
        return None
    return left, right, marks


def _one_mark(body: str, wanted: set[str]) -> tuple[str, str, int, int] | None:
    """The first mark found at an end of ``body``: (name, as written, cut left, cut right)."""
    if "currency" in wanted:
        if match := _CURRENCY_START.match(body):
            return "currency", match.group().strip(), match.end(), 0
        if match := _CURRENCY_END.search(body):
            return "currency", match.group().strip(), 0, len(match.group())
    if "brackets" in wanted and len(body) > 2 and body[0] == "(" and body[-1] == ")":
        return "brackets", "()", 1, 1
    if "sign" in wanted and body[:1] in ("-", "+"):
        return "sign", body[0], 1, 0
    if "sign" in wanted and body[-1:] == "-" and len(body) > 1:
        return "sign", "-", 0, 1
    if "percent" in wanted and body[:1] == "%":
        return "percent", "%", 1, 0
    if "percent" in wanted and body[-1:] == "%":
        return "percent", "%", 0, 1
    if "multiplier" in wanted and (match := _MULTIPLIER_END.search(body)):
        written = match.group().strip().rstrip(".")
        return "multiplier", written, 0, len(match.group())
    return None
