"""What every suite gets: the data's paths, the run's settings, and the figures so far."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from bench import data
from bench.figures import Figure

ROOT = Path(__file__).resolve().parents[1]  # where app.py is
XLSX_SHARE = 10  # the XLSX export holds a tenth of the contacts (100k of a million)


@dataclass
class Context:
    """The run's settings and data. Suites read it; ``measured`` lets a later suite pair its
    samples with an earlier one's (the import ratios divide by the baselines of the same run).
    """

    root: Path
    cache: Path
    contacts: int
    runs: int
    db: Path
    csv: Path
    crm_csv: Path  # the same contacts with HubSpot's headers and words
    xlsx: Path
    scratch: Path  # fresh database files go here; emptied before and after the run
    measured: dict[str, Figure] = field(default_factory=dict)

    @property
    def csv_rows(self) -> int:
        """Rows in the CSV export (one per contact)."""
        return self.contacts

    @property
    def xlsx_rows(self) -> int:
        """Rows in the XLSX export."""
        return xlsx_rows(self.contacts)

    def fresh_db(self, name: str) -> Path:
        """A path for a new database file in the scratch folder (any old one removed)."""
        path = self.scratch / f"{name}.duckdb"
        remove_db(path)
        return path


def xlsx_rows(contacts: int) -> int:
    """Rows in the XLSX export for ``contacts`` contacts."""
    return max(contacts // XLSX_SHARE, 1)


def remove_db(path: Path) -> None:
    """A database file and its write-ahead log, gone."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def prepare(cache: Path, contacts: int, runs: int) -> tuple[Context, list[Figure]]:
    """The cached data for ``contacts`` (built when missing) and the context over it.

    Returns the build's own figures too (only when something was built in this run).
    """
    cache.mkdir(parents=True, exist_ok=True)
    db_path, built = data.database(cache, contacts)
    scratch = cache / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    context = Context(
        root=ROOT,
        cache=cache,
        contacts=contacts,
        runs=runs,
        db=db_path,
        csv=data.contacts_csv(cache, db_path, contacts),
        crm_csv=data.crm_csv(cache, db_path, contacts),
        xlsx=data.contacts_xlsx(cache, db_path, xlsx_rows(contacts)),
        scratch=scratch,
    )
    return context, [built] if built else []


def finish(context: Context) -> None:
    """Remove the scratch files (a million-row database each)."""
    shutil.rmtree(context.scratch, ignore_errors=True)
