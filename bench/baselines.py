"""The bars our import is held to: bare reads of the same files, with nothing of ours around them.

Each reader is a module-level function, so ``bench/imports.py`` can time it back to back with
the pipeline in the same run (pair the samples with ``figures.ratio``) and ``memory.peak_rss``
can run it in a child process. The figures are kept in ``context.measured`` under:

- ``csv_bare``: DuckDB ``create table t as select * from read_csv(FILE)`` into a new file;
- ``xlsx_fastest``: fastexcel (calamine) reading the workbook's first sheet to Arrow;
- ``xlsx_naive``: ``pandas.read_excel(engine="openpyxl")``, the peer most code would use.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import duckdb
import fastexcel
import pandas as pd

from bench import memory
from bench.context import Context, remove_db
from bench.figures import Figure, timed

# openpyxl needs ~90 s for the 100k-row workbook on a 2-core machine: three runs show its
# scale as well as five would, and save three minutes.
NAIVE_RUNS = 3


def bare_csv(csv: Path, target: Path) -> None:
    """The CSV into table ``t`` of a new database file: DuckDB alone, default settings."""
    con = duckdb.connect(str(target))
    try:
        con.execute("set enable_progress_bar = false")  # a bar on the terminal is not a read
        con.execute("create table t as select * from read_csv($file)", {"file": str(csv)})
    finally:
        con.close()  # closing checkpoints: the rows are in the file when the clock stops


def fastest_xlsx(xlsx: Path) -> object:
    """The workbook's first sheet as an Arrow table, by the fastest reader we have."""
    return fastexcel.read_excel(str(xlsx)).load_sheet(0).to_arrow()


def fastest_xlsx_stored(xlsx: Path, target: Path) -> None:
    """The bare read, then its table into a new database file: the floor of any import."""
    table = fastest_xlsx(xlsx)
    con = duckdb.connect(str(target))
    try:
        con.register("sheet", table)
        con.execute("create table t as select * from sheet")
    finally:
        con.close()


def naive_xlsx(xlsx: Path) -> None:
    """The workbook's first sheet as a DataFrame, the way most code reads one."""
    pd.read_excel(xlsx, engine="openpyxl")


def figures(context: Context) -> Iterator[Figure]:
    """The three bare reads, timed; and the bare CSV read's peak memory, for scale."""
    target = context.fresh_db("bare_csv")
    csv = Figure(
        f"CSV {context.csv_rows:,} rows: bare DuckDB read_csv → new file", "s", None,
        note="baseline of the CSV import ratio (target: import ≤ 2.0× this)",
    )  # fmt: skip
    csv.samples = timed(partial(bare_csv, context.csv, target), runs=context.runs,
                        after=partial(remove_db, target))  # fmt: skip
    context.measured["csv_bare"] = csv
    yield csv

    fastest = Figure(
        f"XLSX {context.xlsx_rows:,} rows: bare fastexcel read", "s", None,
        note="baseline of the XLSX import ratio (target: import ≤ 1.5× this)",
    )  # fmt: skip
    fastest.samples = timed(partial(fastest_xlsx, context.xlsx), runs=context.runs)
    context.measured["xlsx_fastest"] = fastest
    yield fastest

    runs = min(context.runs, NAIVE_RUNS)
    naive = Figure(
        f"XLSX {context.xlsx_rows:,} rows: pandas.read_excel (openpyxl)", "s", None,
        note=f"the naive peer, for scale ({runs} runs at most: it is slow)",
    )  # fmt: skip
    naive.samples = timed(partial(naive_xlsx, context.xlsx), runs=runs)
    context.measured["xlsx_naive"] = naive
    yield naive

    rss = Figure(
        f"CSV {context.csv_rows:,} rows: peak RSS of the bare read_csv", "MB", None,
        note="a fresh process, interpreter and imports included; scale for the import's 1.5 GB",
    )  # fmt: skip
    for _ in range(context.runs):
        rss.samples.append(memory.peak_rss_mb(bare_csv, context.csv, target))
        remove_db(target)
    context.measured["csv_bare_rss"] = rss
    yield rss
