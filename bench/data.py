"""The benchmark's data, built once and cached: a demo database and contact exports.

Every file is written under a temporary name and renamed when complete, so an interrupted
build is redone next time instead of being measured half-written.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from bench.figures import Figure
from referral_analytics import db, demo
from referral_analytics.demo import exports

END = date(2026, 11, 22)
SEED = 7
# The export is the first rows by id, so the same database always gives the same file.
EXPORT_QUERY = "select * exclude (import_id, extra) from contacts order by contact_id limit $rows"


def database(cache: Path, contacts: int) -> tuple[Path, Figure | None]:
    """The demo database for ``contacts`` (rebuilt when the schema moved on), and its build time.

    The build time is a figure only when the database was built in this run.
    """
    version = max(v for v, _ in db.migrations())
    path = cache / f"demo-{contacts}-seed{SEED}-schema{version}.duckdb"
    if path.exists():
        return path, None
    cache.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    con = db.connect(partial)
    demo.load_demo(con, contacts, seed=SEED, end=END)
    con.close()
    partial.rename(path)
    figure = Figure(f"demo generation and load, {contacts:,} contacts", "s", None)
    figure.samples.append(time.perf_counter() - started)
    figure.note = "built once, then cached; README says ~25 s for a million contacts"
    return path, figure


def _export_path(cache: Path, source: Path, rows: int, suffix: str) -> Path:
    return cache / f"contacts-{rows}-of-{source.stem}{suffix}"


def contacts_csv(cache: Path, source: Path, rows: int) -> Path:
    """A CRM-like CSV export of ``rows`` contacts, written by DuckDB from the demo database."""
    path = _export_path(cache, source, rows, ".csv")
    if path.exists():
        return path
    return _copy_csv(source, EXPORT_QUERY, rows, path)


def _copy_csv(source: Path, query: str, rows: int, path: Path) -> Path:
    """``query``'s rows (its ``$rows`` bound) written by DuckDB as a CSV file at ``path``."""
    partial = path.with_suffix(".partial")
    con = db.connect(source)
    try:
        con.execute("set enable_progress_bar = false")  # keep the report's output readable
        quoted = str(partial).replace("'", "''")
        con.execute(f"copy ({query}) to '{quoted}' (header, delimiter ',')", {"rows": rows})
    finally:
        con.close()
    partial.rename(path)
    return path


def contacts_xlsx(cache: Path, source: Path, rows: int) -> Path:
    """An .xlsx export of ``rows`` contacts (openpyxl's streaming writer)."""
    path = _export_path(cache, source, rows, ".xlsx")
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    con = db.connect(source)
    try:
        frame = con.execute(EXPORT_QUERY, {"rows": rows}).df()
    finally:
        con.close()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(list(frame.columns))
    for row in frame.astype(object).where(frame.notna(), None).itertuples(index=False):
        sheet.append(list(row))
    book.save(partial)
    partial.rename(path)
    return path


def _case(column: str, words: dict[str, str]) -> str:
    """SQL: ``column``'s value written in a CRM's words (our constants, quoted here)."""
    quoted = " ".join(
        f"when '{ours.replace(chr(39), chr(39) * 2)}' then '{theirs.replace(chr(39), chr(39) * 2)}'"
        for ours, theirs in words.items()
    )
    return f"case {column} {quoted} end"


def crm_csv(cache: Path, source: Path, rows: int) -> Path:
    """The same contacts as HubSpot exports them: its headers, names to join, datetimes with a
    time, lifecycle-stage and original-source words to map (``demo.exports``' own tables)."""
    path = cache / f"hubspot-{rows}-of-{source.stem}.csv"
    if path.exists():
        return path
    query = f"""
        select ltrim(ltrim(contact_id, 'C'), '0') as "Record ID",
               split_part(full_name, ' ', 1) as "First Name",
               nullif(substr(full_name, length(split_part(full_name, ' ', 1)) + 2), '')
                   as "Last Name",
               email as "Email", phone as "Phone Number", agent as "Contact owner",
               strftime(created_at + to_minutes((hash(contact_id) % 1440)::bigint),
                        '%Y-%m-%d %H:%M') as "Create Date",
               {_case("category", exports.LIFECYCLE)} as "Lifecycle Stage",
               {_case("lead_source", exports.HUBSPOT_SOURCE)} as "Original Source"
        from contacts order by contact_id limit $rows
    """
    return _copy_csv(source, query, rows, path)
