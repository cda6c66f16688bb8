"""Statements behind the Partners page."""

from __future__ import annotations

import duckdb
import pandas as pd

from referral_analytics.filters import Filters
from referral_analytics.queries import frame


def partner_scorecards(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Each allied partner's averaged ratings and referral counts over the period."""
    return frame(con, "partner_scorecards", filters.params())
