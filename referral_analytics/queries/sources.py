"""Statements behind the Sources page: where referrals come from and what they are worth."""

from __future__ import annotations

import duckdb
import pandas as pd

from referral_analytics.filters import Filters
from referral_analytics.queries import frame

# What referrals can be broken down by: name → label (a `case` in referrals_by_source.sql).
SOURCE_DIMENSIONS: dict[str, str] = {"source_group": "Source group", "channel": "Channel"}


def referrals_by_source(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, dimension: str
) -> pd.DataFrame:
    """segment, referrals, closed, revenue: the period's referrals per group or channel."""
    if dimension not in SOURCE_DIMENSIONS:
        raise ValueError(f"cannot break referrals down by {dimension!r}")
    return frame(con, "referrals_by_source", {**filters.params(), "dimension": dimension})


def top_referrers(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 25
) -> pd.DataFrame:
    """The leaderboard: referrals, closed, revenue, rewards paid, last referral per referrer."""
    return frame(con, "top_referrers", {**filters.params(), "limit": limit})


def referrals_per_referrer(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """referrals_each, referrers: how many referrers sent how many referrals."""
    return frame(con, "referrals_per_referrer", filters.params())


def lead_conversion(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """source, leads, won, lost, open (created in the period), customers (won in it).

    A deal's source is its own, else "Referral" if it came from a referral, else its
    contact's lead source.
    """
    return frame(con, "lead_conversion", filters.params())


def acquisition_costs(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """channel, category, amount: spend in the period, partial months pro rata."""
    return frame(con, "acquisition_costs", filters.params())


def ask_timing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """bucket (1–4), asks, replied, referrals: asks to clients by time since their closing."""
    return frame(con, "ask_timing", filters.params())


def referral_chain_depth(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """depth, referrals: the period's referrals by their depth in a referral chain."""
    return frame(con, "referral_chain_depth", filters.params())


def referral_chain_starters(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 25
) -> pd.DataFrame:
    """Referrers whose referred clients refer in turn, with the size and depth of the chain."""
    return frame(con, "referral_chain_starters", {**filters.params(), "limit": limit})
