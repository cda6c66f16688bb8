"""The global filters every page shares: a period, agents and source groups.

A ``Filters`` value is frozen and hashable, so Streamlit's cache can key on it, and it turns
itself into the bound parameters every query in ``sql/`` expects:
``$start`` (inclusive), ``$end`` (exclusive), ``$agents`` and ``$source_groups`` (empty = all).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

PRESETS: dict[str, str] = {
    "this_month": "This month",
    "last_month": "Last month",
    "this_quarter": "This quarter",
    "last_12_months": "Last 12 months",
    "all": "All time",
    "custom": "Custom range",
}


@dataclass(frozen=True)
class Filters:
    """A period of whole days, ``start`` to ``end`` inclusive, and the chosen agents/sources."""

    start: date
    end: date
    agents: tuple[str, ...] = ()
    source_groups: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    @property
    def days(self) -> int:
        """Length of the period in days, both ends counted."""
        return (self.end - self.start).days + 1

    def previous(self) -> Filters:
        """The period of equal length just before this one, same agents and sources."""
        end = self.start - timedelta(days=1)
        return replace(self, start=end - timedelta(days=self.days - 1), end=end)

    def params(self) -> dict[str, object]:
        """Bound parameters for the queries: timestamps cover whole days."""
        return {
            "start": datetime.combine(self.start, time.min),
            "end": datetime.combine(self.end + timedelta(days=1), time.min),
            "agents": list(self.agents),
            "source_groups": list(self.source_groups),
        }


def period_for(
    preset: str,
    *,
    today: date,
    first_day: date | None = None,
    custom: tuple[date, date] | None = None,
) -> tuple[date, date]:
    """The (start, end) days a preset means on ``today``.

    ``first_day`` is the earliest day with data (for "all"); ``custom`` is used for "custom".
    """
    month_start = today.replace(day=1)
    if preset == "this_month":
        return month_start, today
    if preset == "last_month":
        last_end = month_start - timedelta(days=1)
        return last_end.replace(day=1), last_end
    if preset == "this_quarter":
        return today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1), today
    if preset == "last_12_months":
        return _add_months(month_start, -11), today
    if preset == "all":
        return min(first_day or today, today), today
    if preset == "custom" and custom is not None:
        return custom
    raise ValueError(f"unknown period preset {preset!r}")


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)
