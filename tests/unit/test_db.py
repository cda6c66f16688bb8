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
