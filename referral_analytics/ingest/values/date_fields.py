"""A date column's fields as numpy arrays, gathered shape by shape from the cells' digits."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import numpy as np

from referral_analytics import messages
from referral_analytics.ingest.values.civil import full_year
from referral_analytics.ingest.values.date_shapes import DatePlan, read_date_shape
from referral_analytics.ingest.values.parsed import Reasons
from referral_analytics.ingest.values.shapes import Shapes

AM, PM = 1, 2
MAX_FRACTION_DIGITS = 15  # of a serial's day fraction or a time's seconds: finer is noise
_NUMERIC = re.compile(r"9+(?:\.9+)?")


@dataclass
class DateFields:
    """Every row's fields (zero where a row has none); ``read`` marks the rows with a plan."""

    read: np.ndarray
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray
    ordered: np.ndarray  # a numeric date with the year last: first/second/third as written
    first: np.ndarray
    second: np.ndarray
    third: np.ndarray
    third_digits: np.ndarray
    number: np.ndarray  # the cell is a bare number (a serial or 20260912)
    serial: np.ndarray
    serial_days: np.ndarray
    serial_ms: np.ndarray
    timed: np.ndarray
    hour: np.ndarray
    minute: np.ndarray
    seconds: np.ndarray
    micros: np.ndarray
    meridiem: np.ndarray
    zoned: np.ndarray
    offset: np.ndarray  # minutes east of UTC
    zone_hours: np.ndarray
    zone_minutes: np.ndarray

    @classmethod
    def empty(cls, size: int) -> DateFields:
        """All fields zero for ``size`` rows."""
        flags = {"read", "ordered", "number", "serial", "timed", "zoned"}
        return cls(
            **{
                f.name: np.zeros(size, dtype=bool if f.name in flags else np.int64)
                for f in fields(cls)
            }
        )


def gather(shapes: Shapes, reasons: Reasons, *, day: bool) -> DateFields:
    """The fields of every row, refusing the shapes that are no date (or, for ``day``, month)."""
    found = DateFields.empty(len(shapes))
    refused = np.zeros(len(shapes.texts) + 1, dtype=np.int32)  # the last entry: null cells
    for code, shape in enumerate(shapes.texts):
        plan = read_date_shape(shape) if "9" in shape else None
        reason = _refusal(plan, day=day)
        if reason:
            refused[code] = reasons.code(reason)
            continue
        rows = shapes.rows(code)
        found.read[rows] = True
        found.number[rows] = bool(_NUMERIC.fullmatch(shape))
        _put_date(found, shapes, rows, plan)
        _put_time(found, shapes, rows, plan)
    if refused.any():
        reasons.mark_codes(np.arange(len(shapes)), refused[shapes.codes])
    return found


def _refusal(plan: DatePlan | None, *, day: bool) -> str | None:
    if plan is None or plan.reason == messages.VALUE_NOT_DATE:
        return messages.VALUE_NOT_MONTH if day else messages.VALUE_NOT_DATE
    if plan.month_only and not day:
        return messages.VALUE_NO_DAY
    return plan.reason


def _put_date(found: DateFields, shapes: Shapes, rows: np.ndarray, plan: DatePlan) -> None:
    def digits(span: tuple[int, int]) -> np.ndarray:
        return shapes.number(rows, range(span[0], span[0] + span[1]))

    if plan.serial:
        found.serial[rows] = True
        found.serial_days[rows] = digits(plan.serial)
        if plan.serial_fraction:
            start, length = plan.serial_fraction
            length = min(length, MAX_FRACTION_DIGITS)
            fraction = digits((start, length)) / 10.0**length
            found.serial_ms[rows] = np.rint(fraction * 86_400_000).astype(np.int64)
    elif plan.ordered:
        first, second, third = plan.ordered
        found.ordered[rows] = True
        found.first[rows] = digits(first)
        found.second[rows] = digits(second)
        found.third[rows] = digits(third)
        found.third_digits[rows] = third[1]
    else:
        found.year[rows] = full_year(digits(plan.year), plan.year[1])
        found.month[rows] = digits(plan.month) if plan.month else plan.month_number
        found.day[rows] = digits(plan.day) if plan.day else 1  # a month alone: its first day


def _put_time(found: DateFields, shapes: Shapes, rows: np.ndarray, plan: DatePlan) -> None:
    # Fields start at zero: a field the shape does not write (seconds, a zone) costs nothing.
    def put(field: np.ndarray, span: tuple[int, int] | None) -> None:
        if span:
            field[rows] = shapes.number(rows, range(span[0], span[0] + span[1]))

    if plan.hour:
        found.timed[rows] = True
        put(found.hour, plan.hour)
        put(found.minute, plan.minute)
        put(found.seconds, plan.second)
        if plan.meridiem:
            found.meridiem[rows] = AM if plan.meridiem == "am" else PM
    if plan.fraction:
        start, length = plan.fraction
        length = min(length, MAX_FRACTION_DIGITS)
        written = shapes.number(rows, range(start, start + length))
        found.micros[rows] = (
            written * 10 ** (6 - length) if length <= 6 else (written // 10 ** (length - 6))
        )
    if plan.zone:
        found.zoned[rows] = True
        put(found.zone_hours, plan.zone_hours)
        put(found.zone_minutes, plan.zone_minutes)
        found.offset[rows] = plan.zone_sign * (
            found.zone_hours[rows] * 60 + found.zone_minutes[rows]
        )
