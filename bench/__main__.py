"""``python -m bench``: build (or reuse) the data, run every suite, print and write the report.

Exit status: 0 when every figure was measured (targets missed or not), 1 when one was not.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

from bench import SUITES, report
from bench.context import Context, finish, prepare
from bench.data import SEED
from bench.figures import Figure

HERE = Path(__file__).resolve().parent
FULL_CONTACTS, QUICK_CONTACTS = 1_000_000, 10_000
FULL_RUNS, QUICK_RUNS = 5, 1
RESULTS = HERE / "RESULTS.md"


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--contacts", type=int, help=f"default {FULL_CONTACTS:,}")
    parser.add_argument("--runs", type=int, help=f"samples per figure, default {FULL_RUNS}")
    parser.add_argument(
        "--quick", action="store_true",
        help=f"the smoke run: {QUICK_CONTACTS:,} contacts, {QUICK_RUNS} run",
    )  # fmt: skip
    parser.add_argument(
        "--only", action="append", choices=SUITES, metavar="NAME",
        help=f"run only this suite (repeatable): {', '.join(SUITES)}",
    )  # fmt: skip
    parser.add_argument("--cache", type=Path, default=HERE / "cache", help="the data's folder")
    parser.add_argument(
        "--results", type=Path,
        help="the report's file; default bench/RESULTS.md for a full run, and a file in the"
        " cache folder for a quick or partial one, so neither overwrites the full report",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if any(value is not None and value < 1 for value in (args.contacts, args.runs)):
        parser.error("--contacts and --runs take a positive number")
    return args


def run_suite(name: str, context: Context, figures: list[Figure]) -> None:
    """Run one suite, printing each figure as it lands; a failing suite becomes one row."""
    print(f"== {name}", flush=True)
    try:
        for figure in importlib.import_module(f"bench.{name}").figures(context):
            figures.append(figure)
            shown = report.show(figure.median, figure.unit)
            print(f"   {figure.name}: {shown} ({figure.verdict()})", flush=True)
    except Exception as error:  # one broken suite must not hide the other suites' figures
        traceback.print_exc()
        figures.append(Figure(f"{name}: suite failed", "s", None, error=f"{error!r}"))


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, write the report; 1 when a figure could not be measured."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    contacts = args.contacts or (QUICK_CONTACTS if args.quick else FULL_CONTACTS)
    runs = args.runs or (QUICK_RUNS if args.quick else FULL_RUNS)
    suites = [name for name in SUITES if not args.only or name in args.only]
    partial = args.quick or args.only or contacts != FULL_CONTACTS
    results = args.results or (args.cache / "RESULTS-partial.md" if partial else RESULTS)
    started = report.now()

    print(f"data: {contacts:,} contacts in {args.cache} (built once, then reused)", flush=True)
    context, figures = prepare(args.cache, contacts, runs)
    try:
        for name in suites:
            run_suite(name, context, figures)
    finally:
        finish(context)

    print()
    print(report.table(figures))
    for note in report.notes(figures):
        print(f"  · {note}")
    command = " ".join(["python -m bench", *argv])
    data = (
        f"{contacts:,} demo contacts (seed {SEED}) with their referrals, touches, e-mail sends"
        f" and partners; CSV export {context.csv_rows:,} rows, XLSX export {context.xlsx_rows:,}"
    )
    text = report.markdown(figures, command=command, runs=runs, started=started, data=data)
    report.write(results, text)
    print(f"\nwritten to {results}")
    return 0 if all(figure.median is not None for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
