"""Our import against the bare reads: the 1M-row CSV and the 100k-row XLSX, end to end.

"End to end" is what a user waits for: hash, read every cell as text, detect the kind, map,
parse and check every column, merge into a fresh database file and close it. Each run times
the bare reader and our pipeline back to back, so the ratio pairs samples taken in the same
moment of a noisy machine.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from bench import baselines, memory
from bench.context import Context, remove_db
from bench.figures import Figure, ratio, timed
from referral_analytics import db
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import Progress, import_file

CSV_RATIO, XLSX_RATIO, RSS_MB = 2.0, 1.5, 1536.0  # the targets


# Where an import's time goes, from the pipeline's own progress reports: each stage runs from
# its first report to the next stage's; "other" is the rest (connect, hash, close).
STAGES = {
    "read": "read (guard ‖ parse in the child, cells as text)",
    "check": "check (map, parse and check every column)",
    "load": "load (merge and commit into DuckDB)",
    "other": "other (connect, hash, close)",
}


class StageClock:
    """A progress callback that notes when each stage first reports."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.firsts: dict[str, float] = {}
        self.last = self.started

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.last = time.perf_counter()
        self.firsts.setdefault(stage, self.last)

    def spans(self, ended: float) -> dict[str, float]:
        """Seconds per stage, "other" included; they add up to the whole import."""
        marks = sorted(self.firsts.items(), key=lambda item: item[1])
        spans = {stage: (after[1] if after else self.last) - at
                 for (stage, at), after in zip(marks, [*marks[1:], None], strict=True)}  # fmt: skip
        spans["other"] = (ended - self.started) - sum(spans.values())
        return spans


def import_contacts(path: Path, target: Path, progress: Progress | None = None) -> None:
    """Import a contacts export into a new database file, as the CLI does."""
    con = db.connect(target)
    try:
        report = import_file(con, path, ImportOptions(kind="contacts"), progress=progress)
    finally:
        con.close()
    if report.status != "loaded":
        raise RuntimeError(f"the import did not load: {report.summary()} {report.warnings[:3]}")


def paired_csv(context: Context, csv: Path, ours: Figure, bare: Figure) -> None:
    """``bare`` read_csv and ``ours`` import of ``csv`` timed back to back in every run."""
    ours_db, bare_db = context.fresh_db("ours"), context.fresh_db("bare")
    for _ in range(context.runs):
        bare.samples += timed(partial(baselines.bare_csv, csv, bare_db), runs=1,
                              after=partial(remove_db, bare_db))  # fmt: skip
        ours.samples += timed(partial(import_contacts, csv, ours_db), runs=1,
                              after=partial(remove_db, ours_db))  # fmt: skip


def figures(context: Context) -> Iterator[Figure]:
    """The two imports with their ratios, and the CSV import's peak memory."""
    csv = Figure(f"CSV {context.csv_rows:,} rows: our import (contacts)", "s", None)
    bare_csv = Figure(f"CSV {context.csv_rows:,} rows: bare read_csv, paired", "s", None)
    paired_csv(context, context.csv, csv, bare_csv)
    yield csv
    yield ratio("CSV import ÷ bare DuckDB read_csv into a file", CSV_RATIO, csv, bare_csv)

    # A CRM's own export: names to join, datetimes with times, words to map (issue: ≤ 2.0×).
    crm = Figure(f"CRM-shaped CSV {context.csv_rows:,} rows (HubSpot): our import", "s", None)
    bare_crm = Figure(f"CRM-shaped CSV {context.csv_rows:,} rows: bare read_csv", "s", None)
    paired_csv(context, context.crm_csv, crm, bare_crm)
    yield crm
    yield ratio("CRM-shaped CSV import ÷ bare read_csv", CSV_RATIO, crm, bare_crm)

    ours_db = context.fresh_db("ours")
    xlsx = Figure(f"XLSX {context.xlsx_rows:,} rows: our import (contacts)", "s", None)
    bare_xlsx = Figure(f"XLSX {context.xlsx_rows:,} rows: bare fastexcel, paired", "s", None)
    stored = Figure(f"XLSX {context.xlsx_rows:,} rows: bare read + bare store, paired", "s", None)
    floor_db = context.fresh_db("floor")
    stages = {key: Figure(f"· XLSX import, of which {label}", "s", None)
              for key, label in STAGES.items()}  # fmt: skip
    for _ in range(context.runs):
        bare_xlsx.samples += timed(partial(baselines.fastest_xlsx, context.xlsx), runs=1)
        stored.samples += timed(partial(baselines.fastest_xlsx_stored, context.xlsx, floor_db),
                                runs=1, after=partial(remove_db, floor_db))  # fmt: skip
        clock = StageClock()
        import_contacts(context.xlsx, ours_db, clock)
        ended = time.perf_counter()
        xlsx.samples.append(ended - clock.started)
        for key, seconds in clock.spans(ended).items():
            stages[key].samples.append(seconds)
        remove_db(ours_db)
    yield xlsx
    yield ratio("XLSX import ÷ bare fastexcel read", XLSX_RATIO, xlsx, bare_xlsx)
    floor = ratio("XLSX floor: bare read + DuckDB's own store ÷ bare read", None, stored, bare_xlsx)
    floor.note += "; what storing the rows costs before any import work (no mapping, checks, merge)"
    yield floor
    yield from stages.values()

    rss = Figure(
        f"CSV {context.csv_rows:,} rows: peak RSS of our import", "MB", RSS_MB,
        note="a fresh process, interpreter and imports included",
    )  # fmt: skip
    for _ in range(min(context.runs, 3)):
        rss.samples.append(memory.peak_rss_mb(import_contacts, context.csv, ours_db))
        remove_db(ours_db)
    yield rss
