"""Referrers become links: free-text "Referred by" values resolved to stored contacts.

Most CRMs keep the referrer as free text, the top complaint about them. We resolve it by
e-mail, then exact name, then a close name, and list what stays unresolved for the user.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from referral_analytics.queries import sql

MIN_SIMILARITY = 0.92  # Jaro–Winkler: "Mohamed Al Harbi" ~ "Mohammed Al-Harbi" (0.96), not "Mona"


def resolve(
    cur: duckdb.DuckDBPyConnection,
    wanted: Sequence[str | None],
    *,
    min_similarity: float = MIN_SIMILARITY,
) -> pd.DataFrame:
    """For each value of ``wanted`` (by position): the contact it names, how, and how surely.

    Runs on ``cur`` so that contacts written earlier in the same transaction count.
    Returns one row per non-empty value: position, wanted, contact_id (missing = unresolved),
    matched_by ("e-mail", "name", "similar name") and similarity.
    """
    frame = pd.DataFrame(
        {"position": range(len(wanted)), "wanted": pd.Series(wanted, dtype="string")}
    )
    cur.register("_wanted", frame)
    try:
        return cur.execute(sql("resolve_referrers"), {"min_similarity": min_similarity}).df()
    finally:
        cur.unregister("_wanted")
