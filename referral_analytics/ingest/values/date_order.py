"""Which comes first in a column's numeric dates such as 03/04/2026: the day or the month.

One cell cannot say; the column usually can. A first number above 12 (31/01/2026) can only be
a day, a second number above 12 (01/31/2026) only a day written after the month. A column
showing only one of the two is read that way. A column showing both is inconsistent: it is
read the way most of its dates make sense, and the others are reported. A column showing
neither (every date has both numbers up to 12) cannot be read without asking, unless its
dates read the same either way (05/05/2026).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from referral_analytics import messages
from referral_analytics.ingest.values.civil import real_date, spoken

ORDERS = ("DMY", "MDY", "YMD")
QUOTE_SEARCH = 1000  # rows looked at for a real date to quote in a note
ORDER_NAMES = {"DMY": "day-first", "MDY": "month-first", "YMD": "year-first"}


@dataclass(frozen=True)
class Order:
    """The order chosen for a column, or the question to ask the user instead."""

    order: str | None  # "DMY", "MDY" or "YMD"; None when the user must choose
    note: str | None = None
    decision: str | None = None


def choose_order(
    first: np.ndarray,
    second: np.ndarray,
    years: np.ndarray,
    example: Callable[[int], str],
    date_order: str | None,
) -> Order:
    """The order of the column's numeric dates.

    Args:
        first: The first number of each numeric date with the year last.
        second: Its second number.
        years: Its year, completed to four digits.
        example: The cell text of the i-th numeric date, to quote.
        date_order: The user's choice, if any; it stands whatever the dates say.
    """
    if date_order:
        note = messages.VALUE_DATES_AS_CHOSEN.format(order=ORDER_NAMES[date_order])
        return Order(date_order, note if len(first) else None)
    only_day = (first > 12) & (first <= 31)
    only_month = (second > 12) & (second <= 31)
    if only_day.any() and not only_month.any():
        at = _first_real(only_day, years, second, first)
        return Order("DMY", messages.VALUE_DATES_DAY_FIRST.format(example=example(at)))
    if only_month.any() and not only_day.any():
        at = _first_real(only_month, years, first, second)
        return Order("MDY", messages.VALUE_DATES_MONTH_FIRST.format(example=example(at)))
    day_first = real_date(years, second, first)
    month_first = real_date(years, first, second)
    if not only_day.any():  # neither: every date has both numbers up to 12
        differing = day_first & month_first & (first != second)
        if not differing.any():
            return Order("DMY")  # both orders read the same dates
        at = int(np.argmax(differing))
        day, month = int(first[at]), int(second[at])
        return Order(
            None,
            decision=messages.VALUE_DATES_AMBIGUOUS.format(
                example=example(at),
                first=spoken(day, month),
                second=spoken(month, day, month_first=True),
            ),
        )
    only_dmy = int((day_first & ~month_first).sum())
    only_mdy = int((month_first & ~day_first).sum())
    if only_dmy == only_mdy:
        return Order(
            None,
            decision=messages.VALUE_DATES_MIXED.format(
                dmy=example(_first_real(only_day, years, second, first)),
                mdy=example(_first_real(only_month, years, first, second)),
            ),
        )
    order = "DMY" if only_dmy > only_mdy else "MDY"
    note = messages.VALUE_DATES_MOSTLY.format(
        order=ORDER_NAMES[order], count=max(only_dmy, only_mdy), other=min(only_dmy, only_mdy)
    )
    return Order(order, note)


def _first_real(rows: np.ndarray, years: np.ndarray, months: np.ndarray, days: np.ndarray) -> int:
    """The first of ``rows`` (a mask) that is a real date, to quote; else the first of them."""
    candidates = np.flatnonzero(rows)[:QUOTE_SEARCH]
    real = real_date(years[candidates], months[candidates], days[candidates])
    return int(candidates[np.argmax(real)] if real.any() else candidates[0])
