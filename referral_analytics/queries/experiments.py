"""Statements behind the Experiments page: aggregates per variant, never per recipient."""

from __future__ import annotations

import duckdb
import pandas as pd

from referral_analytics.filters import Filters
from referral_analytics.queries import frame


def experiment_list(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every referral-ask e-mail experiment with its size and dates, newest first."""
    return frame(con, "experiment_list", filters.params())


def experiment_arms(
    con: duckdb.DuckDBPyConnection, filters: Filters, experiment: str
) -> pd.DataFrame:
    """Per variant: sends, events of each metric, referral-count sums, and the planned split."""
    return frame(con, "experiment_arms", {**filters.params(), "experiment": experiment})


def experiment_daily(
    con: duckdb.DuckDBPyConnection, filters: Filters, experiment: str
) -> pd.DataFrame:
    """Cumulative sends and events per variant and day."""
    return frame(con, "experiment_daily", {**filters.params(), "experiment": experiment})
