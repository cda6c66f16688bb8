"""Dates and days: date columns read in bulk, however they are written.

Reading goes from the cheapest way to the most general:

1. a column of ISO dates (what workbooks and most APIs give) is one Arrow cast;
2. otherwise each shape ("99/99/9999 99:99 PM") is understood once (``date_shapes``) and its
   rows' digits gathered with numpy (``date_fields``);
3. the column then decides what one cell cannot: the day-month order of 03/04/2026
   (``date_order``), and whether bare numbers are Excel serial dates. Numbers are read as
   serials only when the column holds no date written otherwise: among real dates, a stray
   46277 is more likely a slip than a date.

``date`` gives naive timestamps in UTC (a written zone is converted; a time without one is
taken as it is). ``day`` gives the calendar day as written (its time and zone ignored), and a
month alone ("Sep 2026", "2026-09") as its first day, for monthly periods.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.values import civil
from referral_analytics.ingest.values.cleaning import clean
from referral_analytics.ingest.values.date_fields import AM, PM, DateFields, gather
from referral_analytics.ingest.values.date_order import choose_order
from referral_analytics.ingest.values.parsed import Parsed, Reasons
from referral_analytics.ingest.values.shapes import DIGIT_BYTES, Shapes, byte_view, to_array

SERIALS = (20_000, 80_000)  # Excel serials taken as dates: 1954-10-03 to 2119-01-11
MICROS_PER_DAY = 86_400_000_000
ISO_SAMPLE = 1024  # cells, spread over the column, cast before the whole column is


def read_dates(
    values: pa.Array | pa.ChunkedArray, *, day: bool = False, date_order: str | None = None
) -> Parsed:
    """A column of text cells read as timestamps (or, with ``day``, calendar days).

    Args:
        values: The cells.
        day: Read calendar days (date32) instead of timestamps.
        date_order: "DMY", "MDY" or "YMD" for numeric dates, when the user has chosen.
    """
    type_ = pa.date32() if day else pa.timestamp("us")
    strings = clean(values, inner=True)
    fast = _iso(strings, type_)
    if fast is not None:
        return fast
    shapes = Shapes(strings)
    reasons = Reasons(len(shapes))
    found = gather(shapes, reasons, day=day)
    rows = np.flatnonzero(found.ordered)
    order = choose_order(
        found.first[rows],
        found.second[rows],
        civil.full_year(found.third[rows], found.third_digits[rows]),
        lambda at: strings[int(rows[at])].as_py(),
        date_order,
    )
    if order.decision:
        return Parsed(pa.nulls(len(shapes), type_), (), decision=order.decision)
    _apply_order(found, order.order, reasons)
    notes = [order.note, _settle_serials(found, strings, reasons)]
    days = _day_numbers(found, reasons)
    micros = _time_of_day(found, reasons)  # a day column's times are checked, then dropped
    valid = found.read & ~reasons.refused
    if day:
        return Parsed(to_array(days.astype(np.int32), valid, type_), reasons.errors(), _join(notes))
    if (found.zoned & valid).any():
        notes.append(messages.VALUE_DATES_UTC)
    stamps = days * MICROS_PER_DAY + micros
    return Parsed(to_array(stamps, valid, type_), reasons.errors(), _join(notes))


def _iso(strings: pa.Array, type_: pa.DataType) -> Parsed | None:
    """The column cast by Arrow's ISO 8601 reader, if every cell is ISO and in range."""
    # A cast pays about 2 µs for each cell it fails on, so it is tried only on a column that
    # looks ISO and whose sample casts: a column of another format never pays seconds.
    if not _looks_iso(strings):
        return None
    sample = strings.take(np.linspace(0, len(strings) - 1, ISO_SAMPLE).astype(np.int64))
    zoned = pa.timestamp("us", "UTC")
    for target in (type_, zoned) if pa.types.is_timestamp(type_) else (type_,):
        if not _casts(sample, target):
            continue
        try:
            values = pc.cast(pc.cast(strings, target), type_)
        except pa.ArrowInvalid:
            return None  # a few cells are not ISO: the general reader reports them
        extremes = pc.min_max(values)
        lowest, highest = extremes["min"].as_py(), extremes["max"].as_py()
        if lowest is None or lowest.year < civil.FIRST_YEAR or highest.year > civil.LAST_YEAR:
            return None  # the general reader reports the years out of range
        return Parsed(values, (), messages.VALUE_DATES_UTC if target == zoned else None)
    return None


def _casts(strings: pa.Array, type_: pa.DataType) -> bool:
    try:
        pc.cast(strings, type_)
    except pa.ArrowInvalid:
        return False
    return True


def _looks_iso(strings: pa.Array) -> bool:
    """Whether every cell starts like 2026-09-12 (digits, dash at 4 and at 7)."""
    data, starts, ends, valid = byte_view(strings)
    if not valid.any():
        return False
    starts, ends = starts[valid], ends[valid]
    if (ends - starts < 10).any():
        return False
    return bool(
        (data[starts + 4] == ord("-")).all()
        and (data[starts + 7] == ord("-")).all()
        and DIGIT_BYTES[data[starts]].all()
    )


def _apply_order(found: DateFields, order: str | None, reasons: Reasons) -> None:
    """Year, month and day of the numeric dates, in the column's order."""
    rows = np.flatnonzero(found.ordered)
    if not len(rows):
        return
    first, second, third = found.first[rows], found.second[rows], found.third[rows]
    digits = found.third_digits[rows]
    if order == "YMD":
        found.year[rows] = civil.full_year(first, 2)
        found.month[rows], found.day[rows] = second, third
        reasons.mark(rows[digits == 4], messages.VALUE_YEAR_NOT_FIRST)
        return
    years = civil.full_year(third, digits)
    days, months = (first, second) if order == "DMY" else (second, first)
    found.year[rows], found.month[rows], found.day[rows] = years, months, days
    unreal = np.flatnonzero(~civil.real_date(years, months, days))
    other_way = unreal[civil.real_date(years[unreal], days[unreal], months[unreal])]
    name = "day-first" if order == "DMY" else "month-first"
    reasons.mark(rows[other_way], messages.VALUE_OTHER_ORDER.format(order=name))


def _settle_serials(found: DateFields, strings: pa.Array, reasons: Reasons) -> str | None:
    """Read bare numbers as Excel serial dates, unless the column holds other dates."""
    serial = found.serial & ~reasons.refused
    if not serial.any():
        return None
    if (found.read & ~found.number).any():
        reasons.mark(serial, messages.VALUE_NUMBER_AMONG_DATES)
        return None
    outside = (found.serial_days < SERIALS[0]) | (found.serial_days > SERIALS[1])
    reasons.mark(serial & outside, messages.VALUE_SERIAL_RANGE)
    accepted = serial & ~outside
    if not accepted.any():
        return None
    first = int(np.argmax(accepted))
    when = civil.EXCEL_DAY_ZERO.toordinal() + int(found.serial_days[first])
    written = date.fromordinal(when)
    spoken = f"{civil.spoken(written.day, written.month)} {written.year}"
    return messages.VALUE_DATES_SERIALS.format(example=strings[first].as_py(), date=spoken)


def _day_numbers(found: DateFields, reasons: Reasons) -> np.ndarray:
    """Each row's day (days since 1970-01-01), refusing dates that do not exist."""
    dated = found.read & ~found.serial & ~reasons.refused
    bad_month = dated & ((found.month < 1) | (found.month > 12))
    reasons.mark(bad_month, messages.VALUE_BAD_MONTH)
    reasons.mark(
        dated & ~civil.real_date(found.year, found.month, found.day), messages.VALUE_NO_SUCH_DAY
    )
    days = np.where(
        found.serial,
        civil.EXCEL_DAY_ZERO_NUMBER + found.serial_days,
        civil.day_numbers(found.year, np.clip(found.month, 1, 12), found.day),
    )
    outside = (days < civil.FIRST_DAY) | (days > civil.LAST_DAY)
    reasons.mark(found.read & outside, messages.VALUE_YEAR_RANGE)
    return days


def _time_of_day(found: DateFields, reasons: Reasons) -> np.ndarray:
    """Microseconds to add to each row's day: its time, less its zone's offset."""
    hour, meridiem = found.hour, found.meridiem
    bad_hour = np.where(meridiem > 0, hour > 12, hour > 23)
    bad = found.timed & (bad_hour | (found.minute > 59) | (found.seconds > 59))
    reasons.mark(bad, messages.VALUE_BAD_TIME)
    bad_zone = found.zoned & ((found.zone_hours > 14) | (found.zone_minutes > 59))
    reasons.mark(bad_zone, messages.VALUE_BAD_ZONE)
    hour = np.where((meridiem == PM) & (hour < 12), hour + 12, hour)
    hour = np.where((meridiem == AM) & (hour == 12), 0, hour)
    seconds = (hour * 60 + found.minute - found.offset) * 60 + found.seconds
    return seconds * 1_000_000 + found.micros + found.serial_ms * 1000


def _join(notes: list[str | None]) -> str | None:
    return " ".join(n for n in notes if n) or None
