"""What the user decides for a file's import: every choice, each unset until made.

Its own module because every stage reads it (the pipeline, assembling, checking) and none of
them should import the pipeline to get it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from referral_analytics.ingest.read.raw_table import Limits


@dataclass(frozen=True)
class ImportOptions:
    """What the user decided for a file; every field may stay unset (then it is detected).

    Attributes:
        kind: What the file holds ("contacts", "referrals" …); default detected from headers.
        sheet: The workbook sheet; default the biggest.
        mapping_name: A saved mapping to use; default the newest saved for the same headers,
            else the automatic one.
        columns: header → field (None: keep in ``extra``), the user's own edits; they win.
        date_order: "DMY", "MDY" or "YMD" for every ambiguous date column.
        date_orders: the same per header, winning over ``date_order``.
        words: vocabulary → {word as written → our word}, the user's edits of the Values table.
        skip_invalid: load the valid rows and report the rest, instead of loading nothing.
        dry_run: check everything, write nothing.
    """

    kind: str | None = None
    sheet: str | None = None
    mapping_name: str | None = None
    columns: Mapping[str, str | None] | None = None
    date_order: str | None = None
    date_orders: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    skip_invalid: bool = False
    dry_run: bool = False
    limits: Limits = field(default_factory=Limits)
