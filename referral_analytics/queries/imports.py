"""Statements behind the Import page."""

from __future__ import annotations

import duckdb
import pandas as pd

from referral_analytics.queries import frame


def import_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import with its counts, newest first."""
    return frame(con, "import_history", {})
