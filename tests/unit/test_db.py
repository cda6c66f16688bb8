"""The store: schema versions and migrations, transactions, concurrency, another process."""

import subprocess
import sys
import threading
import time

import pandas as pd
import pytest

from referral_analytics import db


def test_new_database_gets_every_migration_and_the_canonical_tables(tmp_path):
    con = db.connect(tmp_path / "new.duckdb")
    tables = {
        r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()
    }
    assert set(db.TABLES) | {"imports", "settings", "schema_migrations"} <= tables
    assert db.schema_version(con) == max(v for v, _ in db.migrations())


def test_reopening_applies_nothing_twice_and_keeps_data(tmp_path):
    path = tmp_path / "store.duckdb"
    con = db.connect(path)
    with db.transaction(con) as cur:
        cur.execute("insert into contacts (contact_id) values ('C1')")
    con.close()
    again = db.connect(path)
    assert again.execute("select count(*) from schema_migrations").fetchall()[0][0] == len(
        db.migrations()
    )
    assert again.execute("select contact_id from contacts").fetchall() == [("C1",)]


def test_forward_migration_upgrades_an_older_file_without_losing_rows(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    with db.transaction(con) as cur:
        cur.execute("insert into contacts (contact_id, full_name) values ('C1', 'Huda')")
    con.close()
    shipped = db.migrations()
    future = (shipped[-1][0] + 1, "alter table contacts add column nickname varchar;")
    monkeypatch.setattr(db, "migrations", lambda: [*shipped, future])
    upgraded = db.connect(path)
    assert db.schema_version(upgraded) == future[0]
    assert upgraded.execute("select full_name, nickname from contacts").fetchall() == [
        ("Huda", None)
    ]


def test_failed_migration_leaves_the_schema_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "store.duckdb"
    db.connect(path).close()
    shipped = db.migrations()
    broken = (shipped[-1][0] + 1, "alter table contacts add column x int; select * from nowhere;")
    monkeypatch.setattr(db, "migrations", lambda: [*shipped, broken])
    with pytest.raises(Exception, match="nowhere"):
        db.connect(path)
    monkeypatch.undo()
    con = db.connect(path)
    assert db.schema_version(con) == shipped[-1][0]
    columns = [
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns where table_name = 'contacts'"
        ).fetchall()
    ]
    assert "x" not in columns


def test_transaction_commits_all_and_bumps_the_data_version(con):
    before = db.data_version(con)
    with db.transaction(con) as cur:
        cur.execute("insert into contacts (contact_id) values ('C1'), ('C2')")
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 2
    assert db.data_version(con) == before + 1


def test_transaction_that_fails_writes_nothing_and_keeps_the_version(con):
    before = db.data_version(con)
    with pytest.raises(RuntimeError), db.transaction(con) as cur:
        cur.execute("insert into contacts (contact_id) values ('C1')")
        raise RuntimeError("the file had a bad row")
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 0
    assert db.data_version(con) == before


def test_concurrent_writers_and_readers_on_cursors_lose_nothing(tmp_path):
    con = db.connect(tmp_path / "busy.duckdb")
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for batch in range(5):
                frame = pd.DataFrame({"contact_id": [f"W{worker}-{batch}-{i}" for i in range(20)]})
                with db.transaction(con) as cur:
                    db.insert_frame(cur, "contacts", frame)
        except BaseException as error:  # surfaced below: a thread cannot fail the test itself
            errors.append(error)

    def read() -> None:
        try:
            for _ in range(20):
                cur = con.cursor()
                cur.execute("select count(*) from contacts").fetchall()
                cur.close()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    threads += [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (
        con.execute("select count(distinct contact_id) from contacts").fetchall()[0][0]
        == 6 * 5 * 20
    )
    assert db.data_version(con) == 30


def test_insert_frame_refuses_a_table_outside_the_whitelist(con):
    with pytest.raises(ValueError, match="not a canonical table"):
        db.insert_frame(con, 'contacts"; drop table imports; --', pd.DataFrame({"a": [1]}))


def test_another_process_holding_the_file_gives_a_plain_message_within_seconds(tmp_path):
    path = tmp_path / "held.duckdb"
    db.connect(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(db.StoreBusy, match="in use by another program"):
            db.connect(path, wait_seconds=1.0)
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.communicate()


HOLD_PROBE = (
    "import duckdb, sys\n"
    "try:\n    duckdb.connect(sys.argv[1]).close(); print('free')\n"
    "except duckdb.IOException:\n    print('held')"
)


def _from_another_process(path) -> str:
    """Whether another process can open the file now ("free") or not ("held")."""
    probe = subprocess.run([sys.executable, "-c", HOLD_PROBE, str(path)], capture_output=True,
                           text=True, check=True)  # fmt: skip
    return probe.stdout.strip()


def test_a_store_lets_go_of_the_file_once_idle_and_opens_it_again_on_use(tmp_path):
    path = tmp_path / "store.duckdb"
    store = db.Store(path, linger=0.3)
    assert db.data_version(store.connection()) == 0  # the connection is dropped at once
    assert store.is_open() and _from_another_process(path) == "held"
    deadline = time.monotonic() + 5
    while store.is_open() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not store.is_open()
    assert _from_another_process(path) == "free"
    with db.transaction(store.connection()) as cur:  # used again: opened again, and writable
        cur.execute("insert into costs (period, channel, amount) values ('2026-11-01', 'x', 1)")
    assert db.data_version(store.connection()) == 1


def test_a_query_still_running_keeps_the_file_until_its_connection_is_dropped(tmp_path):
    path = tmp_path / "store.duckdb"
    store = db.Store(path, linger=0.1)
    held = store.connection()
    time.sleep(0.4)  # the keeper is closed by now
    assert not store.is_open()
    assert held.execute("select count(*) from contacts").fetchall() == [(0,)]
    assert _from_another_process(path) == "held"
    held.close()
    assert _from_another_process(path) == "free"


def test_a_store_waits_for_another_process_and_then_says_so_plainly(tmp_path):
    path = tmp_path / "held.duckdb"
    db.connect(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r});"
         " print('held', flush=True); time.sleep(1.0)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        first = db.Store(path, linger=0.1, wait_seconds=10)
        assert db.data_version(first.connection()) == 0  # it waited for the holder to end
        assert 0.3 < time.monotonic() - started < 5
        holder.wait()
        while first.is_open():  # our keeper lets go after its linger
            time.sleep(0.05)
        again = subprocess.Popen(
            [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r});"
             " print('held', flush=True); time.sleep(30)"],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert again.stdout.readline().strip() == "held"
            with pytest.raises(db.StoreBusy, match="in use by another program"):
                db.Store(path, wait_seconds=0.5).connection()
        finally:
            again.kill()
            again.communicate()
    finally:
        holder.kill()
        holder.communicate()
