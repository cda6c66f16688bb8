"""Statements behind the Funnel page: the referral pipeline of the period's referrals."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from referral_analytics.filters import Filters
from referral_analytics.queries import frame

# The dimensions the funnel can be compared across: name → label. The name selects a column
# inside a `case` of funnel_compare.sql; anything else is refused before any SQL runs.
COMPARE_DIMENSIONS: dict[str, str] = {
    "agent": "Agent",
    "channel": "Channel",
    "source_group": "Source group",
}
DRILL_LIMIT = 5_000


def funnel_steps(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row per step: step (1–5), reached, median_days (at the step, to the next)."""
    return frame(con, "funnel_steps", filters.params())


def funnel_compare(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, dimension: str
) -> pd.DataFrame:
    """segment, step, reached: the funnel per agent, channel or source group."""
    if dimension not in COMPARE_DIMENSIONS:
        raise ValueError(f"cannot compare the funnel by {dimension!r}")
    return frame(con, "funnel_compare", {**filters.params(), "dimension": dimension})


def speed_to_lead_hours(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, bin_hours: int = 2, max_hours: int = 72
) -> pd.DataFrame:
    """bin_start, referrals: hours to first contact, binned; the last bin is open-ended."""
    params = {**filters.params(), "bin_hours": bin_hours, "max_hours": max_hours}
    return frame(con, "speed_to_lead_hours", params)


def speed_to_lead_by_agent(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """agent, referrals, within_24h, missed, waiting: the 24-hour rule per agent."""
    return frame(con, "speed_to_lead_by_agent", filters.params())


def speed_to_lead_breaches(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = DRILL_LIMIT
) -> pd.DataFrame:
    """Referrals that broke the 24-hour rule, newest first; ``limit + 1`` rows at most."""
    return frame(con, "speed_to_lead_breaches", {**filters.params(), "limit": limit})


def lost_referrals(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """last_step, lost_reason ('' = none given), referrals: the period's lost referrals."""
    return frame(con, "lost_referrals", filters.params())


def referral_cohorts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """month, referrals, closed_30/60/90/180 (null until the window has elapsed)."""
    return frame(con, "referral_cohorts", filters.params())


def contact_ladder(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """category, contacts: the current count per relationship category."""
    return frame(con, "contact_ladder", filters.params())


def referral_rows(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    step: int | None = None,
    lost_step: int | None = None,
    lost_reason: str | None = None,
    month: date | None = None,
    limit: int = DRILL_LIMIT,
) -> pd.DataFrame:
    """The referrals behind a clicked step or bar, newest first; ``limit + 1`` rows at most."""
    params = {
        **filters.params(),
        "step": step,
        "lost_step": lost_step,
        "lost_reason": lost_reason,
        "month": month,
        "limit": limit,
    }
    return frame(con, "referral_rows", params)


def ladder_contacts(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, category: str, limit: int = DRILL_LIMIT
) -> pd.DataFrame:
    """The contacts now in ``category``, newest first; ``limit + 1`` rows at most."""
    return frame(con, "ladder_contacts", {**filters.params(), "category": category, "limit": limit})
