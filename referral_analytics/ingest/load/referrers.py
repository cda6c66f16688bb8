"""People named in a file become links: free text resolved to stored contacts.

Most CRMs keep the referrer as free text, the top complaint about them. A value is resolved
by e-mail, then by exact name, and (for referrers, whose names are typed by hand and seldom
the same twice) by a close name; what stays unresolved is listed for the user, and a name
several contacts share is said to be ambiguous, never guessed.
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
    min_similarity: float | None = MIN_SIMILARITY,
) -> pd.DataFrame:
    """For each value of ``wanted`` (by position): the contact it names, how, and how surely.

    Runs on ``cur`` so that contacts written earlier in the same transaction count.
    ``min_similarity`` None matches e-mails and exact names only.
    Returns one row per non-empty value: position, wanted, contact_id (missing = unresolved),
    matched_by ("e-mail", "name", "similar name"), similarity, and candidates (how many
    contacts an unresolved value could mean: 2 or more when it is ambiguous).
    """
    frame = pd.DataFrame(
        {"position": range(len(wanted)), "wanted": pd.Series(wanted, dtype="string")}
    )
    cur.register("_wanted", frame)
    try:
        return cur.execute(sql("resolve_referrers"), {"min_similarity": min_similarity}).df()
    finally:
        cur.unregister("_wanted")
