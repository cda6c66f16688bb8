"""``import``: load CRM exports (CSV, XLSX, XLS, ODS) into the store, one transaction per file.

Exit code 0 when every file loaded, was unchanged (every record already stored as it gives
it: nothing written) or was already imported (or would load, with --dry-run), 1 when any file
was rejected or needs a decision; --json prints one document for scripts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from referral_analytics.commands.common import add_db_argument, dumps, open_store
from referral_analytics.config import Settings
from referral_analytics.ingest.check.report import FileReport
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.options import ImportOptions

OK = {"loaded", "unchanged", "already imported", "would load"}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``import`` command."""
    p = subparsers.add_parser("import", help="import CRM exports into the database")
    p.add_argument("files", nargs="+", metavar="FILE", type=Path)
    add_db_argument(p)
    p.add_argument("--kind", choices=sorted(KINDS), help="what the files hold (default: detected)")
    p.add_argument("--sheet", metavar="NAME", help="the workbook sheet (default: the biggest)")
    p.add_argument("--mapping", metavar="NAME", help="a column mapping saved in the app")
    p.add_argument("--date-order", choices=["DMY", "MDY", "YMD"], help="for ambiguous dates")
    p.add_argument("--skip-invalid", action="store_true", help="load the valid rows, skip the rest")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import each file on its own; report each; exit 1 if any did not load."""
    from referral_analytics.ingest.pipeline import import_file  # every stage: only for this

    options = ImportOptions(
        kind=args.kind, sheet=args.sheet, mapping_name=args.mapping, date_order=args.date_order,
        skip_invalid=args.skip_invalid, dry_run=args.dry_run,
        limits=Settings.from_env(args.db).limits(),
    )  # fmt: skip
    con = open_store(args)
    reports = [import_file(con, path, options=options) for path in args.files]
    con.close()
    if args.json:
        print(dumps({"files": [r.to_json() for r in reports]}))
    else:
        for report in reports:
            _print(report)
    return 0 if all(r.status in OK for r in reports) else 1


def _print(report: FileReport) -> None:
    out = sys.stdout if report.status in OK else sys.stderr
    print(report.summary(), file=out)
    for line in [*report.decisions, *report.warnings]:
        print(f"  {line}", file=out)
    for error in report.errors[:50]:
        print(
            f"  {error.line}, column {error.column!r}: {error.reason} ({error.value!r})", file=out
        )
    if len(report.errors) > 50:
        print(f"  … and {len(report.errors) - 50} more (use --json for all)", file=out)
