"""``demo``: write the deterministic demo dataset into a database."""

from __future__ import annotations

import argparse
import sys

from referral_analytics.commands.common import add_db_argument, day, open_store
from referral_analytics.config import DEMO_CONTACTS, DEMO_SEED


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``demo`` command."""
    p = subparsers.add_parser("demo", help="write the demo dataset into a database")
    add_db_argument(p)
    p.add_argument("--contacts", type=int, default=DEMO_CONTACTS, metavar="N")
    p.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S")
    p.add_argument("--end", type=day, metavar="DATE", help="last day of the data (default: today)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--replace", action="store_true", help="empty the database first")
    what.add_argument("--if-empty", action="store_true", help="do nothing if it holds data")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the demo; refuse to mix it into existing data unless told what to do."""
    from referral_analytics import demo, messages, store  # pandas and numpy: only for this

    con = open_store(args)
    if store.has_data(con):
        if args.if_empty:
            print(messages.DEMO_SKIPPED)
            return 0
        if not args.replace:
            print(messages.DEMO_NOT_EMPTY, file=sys.stderr)
            return 2
        store.clear(con)
    counts = demo.load_demo(con, args.contacts, seed=args.seed, end=args.end)
    print(messages.DEMO_LOADED.format(rows=sum(counts.values()), contacts=counts["contacts"]))
    con.close()
    return 0
