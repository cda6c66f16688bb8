"""Imports under stress: killed mid-load, several at once, and from the CLI beside the app."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from referral_analytics import db
from referral_analytics.ingest.pipeline import import_file
from tests.fingerprint import fingerprint

ROOT = Path(__file__).resolve().parents[2]


def contacts_csv(path: Path, n: int, *, start: int = 0) -> Path:
    lines = ["Name,Email,Phone,Created"]
    lines += [
        f"Person {i},person{i}@example.com,05{i:08d},2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        for i in range(start, start + n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count(con, table: str) -> int:
    cur = con.cursor()
    try:
        return cur.execute(f"select count(*) from {table}").fetchall()[0][0]
    finally:
        cur.close()


def test_killing_an_import_mid_load_leaves_the_store_unchanged(tmp_path):
    store = tmp_path / "store.duckdb"
    con = db.connect(store)
    import_file(con, contacts_csv(tmp_path / "first.csv", 50))
    before = fingerprint(con)
    con.close()
    big = contacts_csv(tmp_path / "big.csv", 300_000, start=1_000)
    # A real import in a child process that says when it starts writing, then is killed.
    script = textwrap.dedent(f"""
        import sys
        from referral_analytics import db
        from referral_analytics.ingest.pipeline import import_file
        def progress(stage, done, total):
            if stage == "load" and done == 0:
                print("LOADING", flush=True)
        con = db.connect({str(store)!r})
        import_file(con, {str(big)!r}, progress=progress)
        print("DONE", flush=True)
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    assert child.stdout.readline().strip() == "LOADING"
    time.sleep(0.3)  # inside the load's transaction (the merge of 300k rows takes longer)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    reopened = db.connect(store)
    assert fingerprint(reopened) == before
    again = import_file(reopened, big)  # and the store still takes the file afterwards
    assert again.status == "loaded"
    assert count(reopened, "contacts") == 300_050
    reopened.close()


def test_several_users_importing_different_files_at_once_all_arrive(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    files = [contacts_csv(tmp_path / f"agent{i}.csv", 2_000, start=i * 10_000) for i in range(4)]
    reports = {}

    def user(path: Path) -> None:
        reports[path.name] = import_file(con, path)

    threads = [threading.Thread(target=user, args=(f,)) for f in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert {r.status for r in reports.values()} == {"loaded"}
    assert count(con, "contacts") == 8_000
    assert count(con, "imports") == 4
    con.close()


def test_two_users_importing_the_same_file_at_once_import_it_once(tmp_path):
    con = db.connect(tmp_path / "store.duckdb")
    path = contacts_csv(tmp_path / "same.csv", 20_000)
    statuses = []
    barrier = threading.Barrier(2)

    def user() -> None:
        barrier.wait()
        statuses.append(import_file(con, path).status)

    threads = [threading.Thread(target=user) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == ["already imported", "loaded"]
    assert count(con, "contacts") == 20_000
    assert count(con, "imports") == 1
    con.close()


def cli(*args: str, db_path: Path, wait: float | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"REFERRAL_DB_WAIT": str(wait)} if wait is not None else {})}
    return subprocess.run(
        [sys.executable, "-m", "referral_analytics", "import", *args, "--db", str(db_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def test_the_cli_reports_every_file_as_json_and_exits_by_outcome(tmp_path):
    store = tmp_path / "store.duckdb"
    good = contacts_csv(tmp_path / "good.csv", 5)
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email,Created\nHuda,huda@example.com,someday\n", encoding="utf-8")
    done = cli(str(good), str(bad), "--json", db_path=store)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    files = json.loads(done.stdout)["files"]
    assert [(f["file"], f["status"], f["rows_loaded"]) for f in files] == [
        ("good.csv", "loaded", 5), ("bad.csv", "rejected", 0),
    ]  # fmt: skip
    assert files[1]["errors"][0]["line"] == "line 2"
    assert files[1]["errors"][0]["column"] == "Created"
    assert files[1]["errors"][0]["value"] == "someday"
    assert set(files[0]) >= {"file", "status", "kind", "rows_read", "rows_loaded",
                             "rows_rejected", "errors", "warnings"}  # fmt: skip
    again = cli(str(good), "--json", db_path=store)
    assert again.returncode == 0
    assert json.loads(again.stdout)["files"][0]["status"] == "already imported"


def test_a_cli_import_beside_a_program_holding_the_file_fails_plainly_after_its_wait(tmp_path):
    # The dashboard lets go of the file when idle (tests/e2e/test_cli_beside_app.py); a program
    # that never does makes the import give up after $REFERRAL_DB_WAIT seconds, plainly.
    store = tmp_path / "store.duckdb"
    db.connect(store).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import time
            from referral_analytics import db
            con = db.connect({str(store)!r})
            print("OPEN", flush=True)
            time.sleep(60)
        """)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "OPEN"
        started = time.monotonic()
        done = cli(str(contacts_csv(tmp_path / "c.csv", 3)), db_path=store, wait=2)
        assert 2 <= time.monotonic() - started < 30
        assert "in use by another program" in done.stderr
        assert done.returncode != 0
        assert "Traceback" not in done.stderr
        assert done.stderr.strip()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    reopened = db.connect(store)
    assert count(reopened, "contacts") == 0
    reopened.close()
