"""Calendar arithmetic on whole columns: is a year-month-day real, and which day number is it.

Days are counted from 1970-01-01, as Arrow's date32 and timestamps count them; the count
is Howard Hinnant's days-from-civil, in integers only, so a million dates cost a few array
operations and no datetime objects.
"""

from __future__ import annotations

from datetime import date

import numpy as np

FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates outside are typing slips in referral data
CENTURY_PIVOT = 70  # two-digit years 00–69 are 2000–2069, 70–99 are 1970–1999 (as POSIX)
EXCEL_DAY_ZERO = date(1899, 12, 30)  # serial 0 (after Lotus' 1900 leap-year bug)
DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def full_year(years: np.ndarray, digits: np.ndarray | int) -> np.ndarray:
    """Years as written, with two-digit ones completed around ``CENTURY_PIVOT``."""
    short = np.asarray(digits) == 2
    if not short.any():
        return years
    century = np.where(years < CENTURY_PIVOT, 2000, 1900)
    return np.where(short, years + century, years)


def real_date(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Whether each year-month-day is a day of the calendar."""
    good_month = (months >= 1) & (months <= 12)
    return good_month & (days >= 1) & (days <= days_in_month(years, months))


def days_in_month(years: np.ndarray, months: np.ndarray) -> np.ndarray:
    """The length of each month (a month outside 1–12 has no days)."""
    months = np.asarray(months)
    length = DAYS_IN_MONTH[np.clip(months, 0, 12)] * ((months >= 1) & (months <= 12))
    leap = (years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0))
    return length + (leap & (months == 2))


def day_numbers(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of real dates (anything for the others)."""
    years = np.asarray(years, dtype=np.int64) - (np.asarray(months) <= 2)
    era = np.floor_divide(years, 400)
    year_of_era = years - era * 400
    shifted_month = np.where(np.asarray(months) > 2, months - 3, months + 9)
    day_of_year = (153 * shifted_month + 2) // 5 + np.asarray(days, dtype=np.int64) - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def day_number(day: date) -> int:
    """Days since 1970-01-01 of one date."""
    return (day - date(1970, 1, 1)).days


FIRST_DAY = day_number(date(FIRST_YEAR, 1, 1))
LAST_DAY = day_number(date(LAST_YEAR, 12, 31))
EXCEL_DAY_ZERO_NUMBER = day_number(EXCEL_DAY_ZERO)


def spoken(day: int, month: int, *, month_first: bool = False) -> str:
    """A day and month as words: "3 April", or "April 3" month first."""
    name = MONTH_NAMES[month - 1]
    return f"{name} {day}" if month_first else f"{day} {name}"
