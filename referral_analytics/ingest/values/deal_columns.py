"""A deals file's columns that need another column's words: status from stage, and sources.

Zoho, Salesforce and HubSpot deal exports carry only the pipeline stage: "Closed Won" and
"Closed Lost" (HubSpot's internal "closedwon" / "closedlost"; Arabic sheets' "مغلقة مكسوبة",
"خاسرة") are how they say won and lost. When a file has no status column, such words are read
with the deal-status vocabulary (the user's overrides included), and any other stage means
the deal is still open; a row without a stage stays without a status.

A deal's source is how the lead came, the words of contacts' lead sources: "Zillow" is a
Portal, "Google Ads" Paid ads, so the Sources page groups deals and contacts alike. A source
no vocabulary knows (a team's own "Billboard") is kept as written: it is the deal's group on
that page, and emptying it would fold it into the deals with no source.
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics.ingest.values.cleaning import as_strings, tidy, word_key
from referral_analytics.ingest.values.vocabularies import word_table
from referral_analytics.vocabulary import DEAL_STATUSES

OPEN = DEAL_STATUSES[0]
CLOSED = frozenset(DEAL_STATUSES[1:])  # won, lost


def complete(
    kind: str, rows: pa.Table, words: Mapping[str, Mapping[str, str]] | None = None
) -> pa.Table:
    """A deals file's rows with sources in our words and, lacking a status, one from the stage.

    ``words`` is the user's Values table ({vocabulary → {written → ours}}); other kinds'
    rows come back as they are.
    """
    if kind != "deals":
        return rows
    words = words or {}
    if "source" in rows.column_names:
        ours = sources(rows["source"], words.get("lead_source"))
        rows = rows.set_column(rows.column_names.index("source"), "source", ours)
    if "stage" in rows.column_names and "status" not in rows.column_names:
        rows = rows.append_column("status", statuses(rows["stage"], words.get("deal_status")))
    return rows


def statuses(
    stages: pa.Array | pa.ChunkedArray, overrides: Mapping[str, str] | None = None
) -> pa.Array:
    """Each stage's status: won or lost if its word says so, else open; null if no stage."""
    table = word_table("deal_status", overrides)
    return _each(stages, lambda key: table.get(key) if table.get(key) in CLOSED else OPEN)


def sources(
    written: pa.Array | pa.ChunkedArray, overrides: Mapping[str, str] | None = None
) -> pa.Array:
    """Each source as our lead source when the vocabulary knows it, else as written."""
    table = word_table("lead_source", overrides)
    return _each(written, lambda key: table.get(key, _KEEP))


_KEEP = object()  # "no word of ours: keep the cell as written"


def _each(values: pa.Array | pa.ChunkedArray, read) -> pa.Array:
    """``read(word key)`` for each distinct non-empty cell, spread over the column."""
    encoded = pc.dictionary_encode(as_strings(values))
    said = []
    for text in encoded.dictionary.to_pylist():
        cleaned = tidy(text)
        reading = read(word_key(cleaned)) if cleaned else None
        said.append(cleaned if reading is _KEEP else reading)
    return pa.array(said, pa.string()).take(encoded.indices)
