"""The store: a DuckDB file, its versioned schema, and serialised write transactions.

The app opens the file only while it uses it (``Store``), so scheduled imports and scripts can
run beside the dashboard; each use takes a connection of its own, because a DuckDB connection
is not safe to share across Streamlit's script threads.
Writes from all threads go through one lock: DuckDB's optimistic concurrency would otherwise
abort one of two concurrent writers touching the same table.
"""

from __future__ import annotations

import atexit
import random
import re
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from referral_analytics import messages

MEMORY = ":memory:"
# The excel extension cannot be fetched here, and no query of ours needs another one. Every
# connection to a file passes the same config: DuckDB refuses a second one that differs.
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_WRITE_LOCK = threading.RLock()
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class StoreBusy(RuntimeError):
    """Another process holds the database file."""


def connect(path: str | Path = MEMORY, *, wait_seconds: float = 5.0) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Another process holding the file makes us retry for ``wait_seconds`` and then raise
    ``StoreBusy`` with a plain message, so a CLI run beside the app fails fast, never hangs.
    """
    if str(path) != MEMORY:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path), config=CONFIG)
            break
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() > deadline:
                raise StoreBusy(messages.DB_BUSY.format(path=path)) from error
            time.sleep(0.05 + random.random() * 0.15)  # apart from another waiting process
    migrate(con)
    return con


_OPEN_STORES: weakref.WeakSet[Store] = weakref.WeakSet()


@atexit.register
def _close_stores() -> None:
    # A keeper still open when the interpreter ends would be torn down with its idle thread
    # mid-sleep (DuckDB's bindings then report leaks, or the process aborts): close it first.
    for store in list(_OPEN_STORES):
        store.close()


class Store:
    """A database file this process opens while it uses it and lets go of when idle.

    DuckDB lets one process at a time hold a file, so a dashboard that kept it open would lock
    out every scheduled import and script. Here each use takes a connection of its own
    (``connection()``: 0.1 ms while the file is open, DuckDB shares one instance per file); a
    keeper connection holds the file open between the uses of one page run and is closed once
    nothing asked for a connection for ``linger`` seconds. The file is free as soon as the
    keeper is closed and the last caller dropped its connection (a query still running keeps
    it). Opening it again costs 10–25 ms (the 1M-contact file: measured in the README).
    """

    def __init__(self, path: str | Path, *, linger: float = 0.5, wait_seconds: float = 10.0):
        self.path = str(path)
        self.linger = linger
        self.wait_seconds = wait_seconds
        self._keeper: duckdb.DuckDBPyConnection | None = None
        self._last_use = 0.0
        self._lock = threading.Lock()

    def connection(self) -> duckdb.DuckDBPyConnection:
        """A new connection to the store: use it, then drop it (or close it).

        Raises:
            StoreBusy: Another process held the file for longer than ``wait_seconds``.
        """
        with self._lock:
            self._last_use = time.monotonic()
            if self._keeper is None:
                self._keeper = connect(self.path, wait_seconds=self.wait_seconds)
                _OPEN_STORES.add(self)
                threading.Thread(target=self._close_when_idle, daemon=True).start()
            return duckdb.connect(self.path, config=CONFIG)

    def is_open(self) -> bool:
        """Whether this process holds the file open now (through its keeper)."""
        return self._keeper is not None

    def close(self) -> None:
        """Let go of the file now (connections callers still hold keep it until dropped)."""
        with self._lock:
            if self._keeper is not None:
                self._keeper.close()
                self._keeper = None

    def _close_when_idle(self) -> None:
        while True:
            with self._lock:
                if self._keeper is None:  # closed already (at exit)
                    return
                idle = time.monotonic() - self._last_use
                if idle >= self.linger:
                    self._keeper.close()
                    self._keeper = None
                    return
            time.sleep(self.linger - idle)


def migrations() -> list[tuple[int, str]]:
    """Every migration shipped with the library as (version, script), in order."""
    found = []
    for entry in resources.files("referral_analytics.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    cur = con.cursor()
    cur.execute(
        "create table if not exists schema_migrations"
        " (version integer primary key, applied_at timestamp not null)"
    )
    return cur.execute("select coalesce(max(version), 0) from schema_migrations").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration newer than the database, each in its own transaction."""
    with _WRITE_LOCK:
        current = schema_version(con)
        for version, script in migrations():
            if version <= current:
                continue
            cur = con.cursor()
            cur.execute("begin transaction")
            try:
                cur.execute(script)
                cur.execute(
                    "insert into schema_migrations values ($v, now()::timestamp)", {"v": version}
                )
                cur.execute("commit")
            except Exception:
                cur.execute("rollback")
                raise
            current = version
        return current


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor in one write transaction: all of it commits, or none of it does.

    Every committed write bumps the data version, which the pages' caches are keyed on.
    """
    with _WRITE_LOCK:
        cur = con.cursor()
        cur.execute("begin transaction")
        try:
            yield cur
            cur.execute(
                "update data_version set version = version + 1, changed_at = now()::timestamp"
            )
            cur.execute("commit")
        except BaseException:
            cur.execute("rollback")
            raise
        finally:
            cur.close()


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """A number that changes with every committed write: the cache key of every page."""
    return con.cursor().execute("select version from data_version").fetchall()[0][0]


# The canonical tables a frame may be written into: identifiers never come from user input.
TABLES = (
    "contacts", "category_history", "referrals", "deals", "rewards", "touches", "experiments",
    "email_sends", "partners", "costs", "nps_responses",
)  # fmt: skip


def insert_frame(cur: duckdb.DuckDBPyConnection, table: str, frame: object) -> None:
    """Append a DataFrame or Arrow table to a canonical table, matching columns by name."""
    if table not in TABLES:
        raise ValueError(f"not a canonical table: {table!r}")
    cur.register("_incoming", frame)
    try:
        cur.execute(f'insert into "{table}" by name select * from _incoming')  # whitelisted name
    finally:
        cur.unregister("_incoming")


def next_import_id(cur: duckdb.DuckDBPyConnection) -> int:
    """The id the next import will get (inside the write lock, so no two imports share one)."""
    return cur.execute("select coalesce(max(import_id), 0) + 1 from imports").fetchall()[0][0]


def record_import(
    cur: duckdb.DuckDBPyConnection,
    *,
    import_id: int,
    file_name: str,
    sha256: str,
    kind: str,
    rows_read: int,
    rows_loaded: int,
    rows_rejected: int = 0,
    details: str | None = None,
) -> None:
    """Add one row to the import ledger, stamped now."""
    cur.execute(
        "insert into imports values ($id, $name, $sha, $kind, $read, $loaded, $rejected,"
        " now()::timestamp, null, $details)",
        {
            "id": import_id, "name": file_name, "sha": sha256, "kind": kind, "read": rows_read,
            "loaded": rows_loaded, "rejected": rows_rejected, "details": details,
        },
    )  # fmt: skip
