"""What a date's shape says: where its year, month, day and time are.

A shape is the cell with every digit written as 9: "99/99/9999 99:99 PM", "Sep 99, 9999",
"9999-99-99T99:99:99Z". Month and weekday names stay in the shape, so each is recognised once
per shape. A numeric date with the year last ("99/99/9999") is ``ordered``: whether its first
number is the day or the month is for the column to decide (``date_order``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from referral_analytics import messages
from referral_analytics.ingest.values.shapes import char_to_byte

Span = tuple[int, int]  # (first byte, number of digits)

MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    **{name[:3]: number for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1)},
    "sept": 9,
    # Arabic names of the Gregorian months, as Gulf CRMs write them, with common spellings.
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت".split()
)
MERIDIEMS = {"a": "am", "p": "pm", "ص": "am", "صباحا": "am", "م": "pm", "مساء": "pm"}

_WORD = r"[^\W\d_]+"
_TIME = (  # {minutes} is "?" where the time may stop at the hour
    r"(?P<hour>99?)(?::(?P<minute>99)(?::(?P<second>99)(?:[.,](?P<fraction>9+))?)?){minutes}"
    r"(?:\s*(?P<meridiem>[AaPp]\.?[Mm]\.?|صباحا|مساء|ص|م))?"
    r"(?:\s*(?P<zone>Z|UTC|GMT|(?:UTC|GMT)?\s*(?P<zone_sign>[-+])(?P<zone_hours>99?)"
    r"(?::?(?P<zone_minutes>99))?))?"
)
_DATES = {  # name → the date part's pattern
    "iso": r"(?P<year>9999)(?P<s>[-/.])(?P<month>99?)(?P=s)(?P<day>99?)",
    "compact": r"(?P<year>9999)(?P<month>99)(?P<day>99)",
    "ordered": r"(?P<a>99?)\s*(?P<s>[-/.])\s*(?P<b>99?)\s*(?P=s)\s*(?P<c>9999|99)",
    "day_name": rf"(?P<day>99?)(?:st|nd|rd|th)?[\s\-/.]*(?P<name>{_WORD})\.?[\s\-/.,]*"
    r"(?P<year>9999|99)",
    "name_day": rf"(?P<name>{_WORD})\.?\s*(?P<day>99?)(?:st|nd|rd|th)?,?\s*(?P<year>9999)",
    "year_month": r"(?P<year>9999)(?P<s>[-/.])(?P<month>99?)",
    "month_year": r"(?P<month>99?)(?P<s>[-/.])(?P<year>9999)",
    # "Sep-26" is Excel's mmm-yy; "Sep 26" without a mark is a day with no year.
    "name_year": rf"(?P<name>{_WORD})\.?(?:[\s,]*(?=9999)|\s*[-/']\s*)(?P<year>9999|99)",
}
_WEEKDAY = rf"(?:(?P<weekday>{_WORD})\.?,?\s+)?"
_THEN_TIME = r"(?:T|,?\s+(?:at\s+|@\s*)?)"


def _time(minutes: str) -> str:
    return _TIME.replace("{minutes}", minutes)


_FORMS = [  # ISO may stop at the hour, as Arrow's ISO reader allows ("2026-09-12T14")
    (
        name,
        re.compile(
            rf"{_WEEKDAY}{date}(?:{_THEN_TIME}{_time('?' if name == 'iso' else '')})?", re.I
        ),
    )
    for name, date in _DATES.items()
]
_SERIAL = re.compile(r"(?P<serial>9+)(?:\.(?P<serial_fraction>9+))?")
_TIME_ONLY = re.compile(_time(""), re.I)
_NO_YEAR = re.compile(
    rf"{_WEEKDAY}(?:99?\s*[-/.]\s*99?|99?(?:st|nd|rd|th)?[\s\-/.]*{_WORD}\.?|{_WORD}\.?\s*99?"
    r"(?:st|nd|rd|th)?)",
    re.I,
)


@dataclass(frozen=True)
class DatePlan:
    """Where one shape's fields are; spans are (first byte, digits)."""

    reason: str | None = None
    year: Span | None = None
    month: Span | None = None
    month_number: int = 0  # the month, when written as a name
    day: Span | None = None
    ordered: tuple[Span, Span, Span] | None = None  # a/b/c: day and month order undecided
    serial: Span | None = None
    serial_fraction: Span | None = None
    hour: Span | None = None
    minute: Span | None = None
    second: Span | None = None
    fraction: Span | None = None
    meridiem: str | None = None  # "am" or "pm"
    zone: bool = False
    zone_sign: int = 0
    zone_hours: Span | None = None
    zone_minutes: Span | None = None
    month_only: bool = False


@lru_cache(maxsize=8192)
def read_date_shape(shape: str) -> DatePlan:
    """The plan for the cells of ``shape`` read as dates (a reason if they are none)."""
    byte_at = char_to_byte(shape)

    def span(match: re.Match[str], group: str) -> Span | None:
        if match.group(group) is None:
            return None
        return byte_at[match.start(group)], match.end(group) - match.start(group)

    for name, pattern in _FORMS:
        match = pattern.fullmatch(shape)
        if not match:
            continue
        return _plan(name, match, span)
    if match := _SERIAL.fullmatch(shape):
        return DatePlan(
            serial=span(match, "serial"), serial_fraction=span(match, "serial_fraction")
        )
    if _TIME_ONLY.fullmatch(shape):
        return DatePlan(reason=messages.VALUE_TIME_ONLY)
    if _NO_YEAR.fullmatch(shape):
        return DatePlan(reason=messages.VALUE_NO_YEAR)
    return DatePlan(reason=messages.VALUE_NOT_DATE)


def _plan(name: str, match: re.Match[str], span) -> DatePlan:  # noqa: ANN001 (a local closure)
    groups = match.groupdict()
    weekday = groups.get("weekday")
    if weekday and weekday.lower() not in WEEKDAYS:
        return DatePlan(reason=messages.VALUE_NOT_DATE)
    month_number = 0
    if groups.get("name"):
        month_number = MONTHS.get(groups["name"].lower(), 0)
        if not month_number:
            return DatePlan(reason=messages.VALUE_NOT_DATE)
    meridiem = groups.get("meridiem")
    if meridiem:
        meridiem = MERIDIEMS[meridiem.lower()[0] if meridiem[0] in "AaPp" else meridiem]
    zone_sign = {"+": 1, "-": -1}.get(groups.get("zone_sign") or "", 0)
    fields = {
        "year": span(match, "year") if "year" in groups else None,
        "month": span(match, "month") if "month" in groups else None,
        "day": span(match, "day") if "day" in groups else None,
    }
    if name == "ordered":
        fields = {"ordered": (span(match, "a"), span(match, "b"), span(match, "c"))}
    return DatePlan(
        **fields,
        month_number=month_number,
        hour=span(match, "hour"),
        minute=span(match, "minute"),
        second=span(match, "second"),
        fraction=span(match, "fraction"),
        meridiem=meridiem,
        zone=bool(groups.get("zone")),
        zone_sign=zone_sign,
        zone_hours=span(match, "zone_hours"),
        zone_minutes=span(match, "zone_minutes"),
        month_only=name in ("year_month", "month_year", "name_year"),
    )
