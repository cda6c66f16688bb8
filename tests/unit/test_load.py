"""The load stage: all or nothing, nothing doubled, updates by natural key, exact undo."""

import threading

import pandas as pd
import pytest

from referral_analytics import db
from referral_analytics.ingest.load import UndoRefused, load, undo
from tests.fingerprint import fingerprint


def _contacts(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["email", "full_name", "phone", "category"])
    return frame.assign(__row=range(2, len(rows) + 2))


FIRST = _contacts([("huda@example.com", "Huda", "0501234567", "Network"),
                   ("omar@example.com", "Omar", None, "Advocate")])  # fmt: skip
NEWER = _contacts([("huda@example.com", None, "+966501234567", "Core Advocate"),
                   ("lina@example.com", "Lina", None, None)])  # fmt: skip


def _load(con, frame, sha, kind="contacts"):
    return load(con, kind, frame, file_name=f"{sha}.csv", sha256=sha, rows_read=len(frame))


def test_the_same_file_again_changes_nothing(con):
    _load(con, FIRST, "a")
    before = fingerprint(con)
    again = _load(con, FIRST, "a")
    assert again.status == "already imported"
    assert again.import_id == 1
    assert fingerprint(con) == before


def test_a_newer_export_updates_by_natural_key_without_duplicates(con):
    _load(con, FIRST, "a")
    result = _load(con, NEWER, "b")
    assert (result.inserted, result.updated) == (1, 1)
    rows = con.execute(
        "select email, full_name, phone, category from contacts order by email"
    ).fetchall()
    assert rows == [
        (
            "huda@example.com",
            "Huda",
            "+966501234567",
            "Core Advocate",
        ),  # empty name kept, rest updated
        ("lina@example.com", "Lina", None, None),
        ("omar@example.com", "Omar", None, "Advocate"),
    ]


def test_a_changed_category_appends_to_the_history(con):
    _load(con, FIRST, "a")
    _load(con, NEWER, "b")
    huda = con.execute(
        "select h.category from category_history h join contacts c using (contact_id)"
        " where c.email = 'huda@example.com' order by h.import_id"
    ).fetchall()
    assert huda == [("Network",), ("Core Advocate",)]


def test_a_record_id_wins_over_the_email_match(con):
    with_ids = FIRST.assign(contact_id=["HS-1", "HS-2"])
    _load(con, with_ids, "a")
    renamed = with_ids.assign(email=["huda.new@example.com", "omar@example.com"])
    _load(con, renamed, "b")
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 2
    assert con.execute("select email from contacts where contact_id = 'HS-1'").fetchall() == [
        ("huda.new@example.com",)
    ]


def test_a_file_listing_someone_twice_keeps_its_last_line(con):
    twice = _contacts([("huda@example.com", "Huda", None, "Network"),
                       ("huda@example.com", "Huda A.", None, "Advocate")])  # fmt: skip
    result = _load(con, twice, "a")
    assert result.duplicates_in_file == 1
    assert con.execute("select full_name, category from contacts").fetchall() == [
        ("Huda A.", "Advocate")
    ]


def test_undo_restores_every_table_exactly(con):
    _load(con, FIRST, "a")
    before = fingerprint(con)
    second = _load(con, NEWER, "b")
    undo(con, second.import_id)
    after = fingerprint(con)
    assert {t: v for t, v in after.items() if t != "imports"} == {
        t: v for t, v in before.items() if t != "imports"
    }
    assert con.execute(
        "select undone_at is not null from imports where import_id = 2"
    ).fetchall() == [(True,)]


def test_undo_is_refused_while_a_later_import_built_on_it(con):
    _load(con, FIRST, "a")
    _load(con, NEWER, "b")
    with pytest.raises(UndoRefused, match="Undo import 2 first"):
        undo(con, 1)
    undo(con, 2)
    undo(con, 1)
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 0


def test_undo_of_an_unknown_or_undone_import_is_refused(con):
    with pytest.raises(UndoRefused, match="does not exist"):
        undo(con, 7)
    _load(con, FIRST, "a")
    undo(con, 1)
    with pytest.raises(UndoRefused, match="already undone"):
        undo(con, 1)


def test_an_undone_file_can_be_imported_again(con):
    _load(con, FIRST, "a")
    undo(con, 1)
    assert _load(con, FIRST, "a").status == "loaded"


def test_a_load_that_fails_midway_leaves_the_store_exactly_as_it_was(con):
    _load(con, FIRST, "a")
    before = fingerprint(con)
    broken = NEWER.assign(referral_rating=["five", "4"])  # a text value in a tinyint column
    with pytest.raises(Exception, match="(?i)conver|cast"):
        _load(con, broken, "b")
    assert fingerprint(con) == before
    assert db.data_version(con) == 1


def test_rows_of_other_kinds_update_by_their_own_keys(con):
    costs = pd.DataFrame({"period": pd.to_datetime(["2026-01-01", "2026-01-01"]).date,
                          "channel": ["Online ads", "Direct mail"], "agent": ["Sara", "Sara"],
                          "amount": [1200.0, 300.0]})  # fmt: skip
    _load(con, costs, "c1", kind="costs")
    _load(con, costs.assign(amount=[1500.0, 300.0]), "c2", kind="costs")
    assert con.execute("select channel, amount from costs order by channel").fetchall() == [
        ("Direct mail", 300),
        ("Online ads", 1500),
    ]


def test_concurrent_imports_of_different_files_all_arrive_with_one_ledger_row_each(tmp_path):
    con = db.connect(tmp_path / "team.duckdb")
    files = [
        _contacts([(f"agent{i}-{j}@example.com", f"P{j}", None, "Network") for j in range(50)])
        for i in range(6)
    ]
    threads = [
        threading.Thread(target=_load, args=(con, f, f"file{i}")) for i, f in enumerate(files)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 300
    assert con.execute("select count(*), count(distinct sha256) from imports").fetchall() == [
        (6, 6)
    ]


def test_two_users_importing_the_same_file_at_once_make_one_import(tmp_path):
    con = db.connect(tmp_path / "team.duckdb")
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(_load(con, FIRST, "same"))) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status for r in results) == ["already imported"] * 3 + ["loaded"]
    assert con.execute("select count(*) from imports").fetchall()[0][0] == 1
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 2


def test_related_rows_load_in_the_same_transaction_with_the_new_ids(con):
    def referrals_from(cur, import_id):
        ids = dict(cur.execute("select email, contact_id from contacts").fetchall())
        return [("referrals", pd.DataFrame({"referred_id": [ids["omar@example.com"]],
                                            "referrer_id": [ids["huda@example.com"]],
                                            "received_at": pd.to_datetime(["2026-03-01"]),
                                            "__row": [3]}))]  # fmt: skip

    result = load(
        con, "contacts", FIRST, file_name="f.csv", sha256="a", rows_read=2, then=referrals_from
    )
    assert result.related == {"referrals": 1}
    assert con.execute("select count(*) from referrals where import_id = 1").fetchall()[0][0] == 1


def test_a_failure_in_the_related_rows_rolls_back_the_whole_file(con):
    def broken(cur, import_id):
        raise RuntimeError("referrer lookup failed")

    with pytest.raises(RuntimeError):
        load(con, "contacts", FIRST, file_name="f.csv", sha256="a", rows_read=2, then=broken)
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 0
    assert con.execute("select count(*) from imports").fetchall()[0][0] == 0


def test_a_costs_file_without_an_agent_column_loads_and_updates_by_month_and_channel(con):
    # The key is (period, channel, agent); a team-wide costs sheet has no agent at all.
    first = pd.DataFrame({"period": pd.to_datetime(["2026-10-01", "2026-11-01"]).date,
                          "channel": ["Portal", "Portal"], "amount": [100.0, 200.0]})  # fmt: skip
    assert _load(con, first.assign(__row=[2, 3]), "c1", kind="costs").inserted == 2
    newer = first.assign(amount=[100.0, 250.0], __row=[2, 3])
    result = _load(con, newer, "c2", kind="costs")
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 1)  # October is as stored
    stored = con.execute("select period, channel, agent, amount from costs order by period")
    assert [row[2:] for row in stored.fetchall()] == [(None, 100.0), (None, 250.0)]
