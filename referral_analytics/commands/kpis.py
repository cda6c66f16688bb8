"""``kpis``: the Overview's figures for a period, for scripts."""

from __future__ import annotations

import argparse
from datetime import date

from referral_analytics import filters as period
from referral_analytics.commands.common import add_db_argument, day, dumps, open_store
from referral_analytics.filters import Filters


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``kpis`` command."""
    p = subparsers.add_parser("kpis", help="print the Overview's figures for a period")
    add_db_argument(p)
    p.add_argument(
        "--from", dest="start", type=day, metavar="DATE", help="first day (default: 12 months ago)"
    )
    p.add_argument("--to", dest="end", type=day, metavar="DATE", help="last day (default: today)")
    p.add_argument("--agent", action="append", default=[], help="only this agent (repeatable)")
    p.add_argument("--source-group", action="append", default=[], help="only this source group")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the figures, their previous-period values and the change."""
    from referral_analytics.overview import overview_report  # the queries: only for this

    end = args.end or date.today()
    start = args.start or period.period_for("last_12_months", today=end)[0]
    chosen = Filters(start, end, tuple(args.agent), tuple(args.source_group))
    con = open_store(args)
    report = overview_report(con, chosen).as_dict()
    con.close()
    if args.json:
        print(dumps(report))
        return 0
    print(f"{report['period']['from']} – {report['period']['to']}")
    for name, value in report["kpis"].items():
        before, change = report["previous"][name], report["change_percent"][name]
        print(
            f"  {name:32} {_show(value):>14}  previous {_show(before):>14}  change {_show(change)}"
        )
    return 0


def _show(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
