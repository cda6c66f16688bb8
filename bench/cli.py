"""The command line's start: ``--help`` and a 40-row import, against a bare interpreter.

The baseline is ``python -c "import duckdb, pyarrow"``. Each sample is a fresh process, as a
scheduled job or a script starts it; the three commands are timed back to back in every round,
so the ratios pair samples of the same moment. The import writes a new database file each time
(its own transaction, migrations included).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

from bench.context import Context
from bench.figures import Figure, ratio, timed

HELP_TARGET, IMPORT_TARGET = 3.0, 5.0  # × the bare import, in the same run
ROWS = 40


def _run(command: list[str], context: Context) -> None:
    subprocess.run(command, cwd=context.root, check=True, capture_output=True)


def figures(context: Context) -> Iterator[Figure]:
    """The bare interpreter with DuckDB and Arrow, ``--help``, a small import; their ratios."""
    export = context.scratch / "forty.csv"
    lines = [f"Person {i},person{i}@example.com,05{i:08d},2026-11-{1 + i % 28:02d}"
             for i in range(ROWS)]  # fmt: skip
    export.write_text("Full Name,Email,Phone,Created\n" + "\n".join(lines) + "\n")
    store = context.scratch / "cli.duckdb"
    cli = [sys.executable, "-m", "referral_analytics"]
    bare = Figure("cli: python -c 'import duckdb, pyarrow' (baseline)", "s", None)
    help_ = Figure("cli: --help", "s", None)
    small = Figure(f"cli: import of a {ROWS}-row CSV into a new file", "s", None)

    def clean() -> None:
        for path in (store, store.with_name(store.name + ".wal")):
            path.unlink(missing_ok=True)

    runs = max(context.runs, 5)  # a process start is quick and noisy: more samples
    for _ in range(runs):
        bare.samples += timed(lambda: _run([sys.executable, "-c", "import duckdb, pyarrow"],
                                           context), runs=1)  # fmt: skip
        help_.samples += timed(lambda: _run([*cli, "--help"], context), runs=1)
        small.samples += timed(
            lambda: _run([*cli, "import", str(export), "--db", str(store)], context), runs=1,
            after=clean,
        )  # fmt: skip
    yield from (bare, help_, small)
    yield ratio("cli: --help ÷ bare import", HELP_TARGET, help_, bare)
    yield ratio(f"cli: {ROWS}-row import ÷ bare import", IMPORT_TARGET, small, bare)
