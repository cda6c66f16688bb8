"""Arguments and helpers every command shares."""

from __future__ import annotations

import argparse
import json
import math
import os
from datetime import date

import duckdb

from referral_analytics import db
from referral_analytics.config import Settings


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db PATH``, defaulting to ``$REFERRAL_DB``, then ``data/referrals.duckdb``."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $REFERRAL_DB, then data/referrals.duckdb)",
    )


# The dashboard holds the file only while it reads or writes (db.Store), seconds at most even
# for an import of a million rows made on its page: a scheduled command waits that out.
STORE_WAIT_SECONDS = 30.0
WAIT_VARIABLE = "REFERRAL_DB_WAIT"


def open_store(args: argparse.Namespace) -> duckdb.DuckDBPyConnection:
    """The store the command's ``--db`` names, waited for while the dashboard uses it.

    ``$REFERRAL_DB_WAIT`` (seconds) changes how long: a job that must not queue can say 0.
    """
    wait = float(os.environ.get(WAIT_VARIABLE) or STORE_WAIT_SECONDS)
    return db.connect(Settings.from_env(args.db).db_path, wait_seconds=wait)


def day(text: str) -> date:
    """An ISO date argument (``2026-11-22``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def dumps(document: object) -> str:
    """JSON for scripts: no NaN or Infinity (they become null), dates as ISO text."""
    return json.dumps(_clean(document), ensure_ascii=False, indent=2, default=str)


def _clean(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value
