"""Re-imports and repeats say what they did: new, changed and unchanged records; named repeats.

Every test writes real CSV files, imports them with the pipeline into a DuckDB file and reads
back what is stored; the expected counts and lines are worked out by hand from the files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from referral_analytics import db
from referral_analytics.cli import main
from referral_analytics.ingest import load, pipeline
from referral_analytics.ingest.pipeline import import_file
from tests.conftest import rows
from tests.fingerprint import fingerprint

HEADER = ["First Name", "Last Name", "Email", "Phone", "Stage", "Created", "Assigned To",
          "Favorite Color"]  # fmt: skip
STAGES = ["Lead", "Sphere", "Past Client"]


def person(i: int) -> list[str]:
    """Contact ``i`` of the 40: every tenth has no phone, every other a favourite colour."""
    return [f"First{i}", f"Last{i}", f"p{i}@example.com", "" if i % 10 == 0 else f"05{i:08d}",
            STAGES[i % 3], f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", ["Sara", "Khalid"][i % 2],
            "blue" if i % 2 else ""]  # fmt: skip


def write_csv(path: Path, header: list[str], rows: list[list[str]], newline: str = "\n") -> Path:
    text = newline.join(",".join(cells) for cells in [header, *rows]) + newline
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def store(tmp_path: Path):
    con = db.connect(tmp_path / "x.duckdb")
    yield con
    con.close()


@pytest.fixture
def first(store, tmp_path: Path):
    """The 40 contacts, imported once (import 1)."""
    report = import_file(
        store, write_csv(tmp_path / "people.csv", HEADER, [person(i) for i in range(40)])
    )
    assert (report.status, report.rows_loaded, report.import_id) == ("loaded", 40, 1)
    return report


def variant(path: Path, rows_: list[list[str]]) -> Path:
    """The same records as another export writes them: columns reordered, headers in upper
    case, rows shuffled, CRLF line endings."""
    order = [6, 2, 0, 7, 5, 3, 1, 4]
    shuffled = random.Random(7).sample(rows_, len(rows_))
    return write_csv(
        path, [HEADER[j].upper() for j in order], [[r[j] for j in order] for r in shuffled], "\r\n"
    )


def test_a_newer_export_of_the_same_records_changes_nothing(store, first, tmp_path):
    before, version = fingerprint(store), db.data_version(store)
    same = variant(tmp_path / "people-again.csv", [person(i) for i in range(40)])
    assert same.read_bytes() != (tmp_path / "people.csv").read_bytes()  # another sha256
    report = import_file(store, same)
    assert report.status == "unchanged"
    assert (report.rows_read, report.rows_new, report.rows_changed, report.rows_unchanged) == (
        40,
        0,
        0,
        40,
    )
    assert (report.rows_loaded, report.import_id) == (0, None)
    assert (
        report.summary()
        == "people-again.csv: unchanged (contacts; 40 rows read: 0 new, 0 changed, 40 unchanged)"
    )
    assert fingerprint(store) == before  # every table, the replaced copies and the ledger
    assert db.data_version(store) == version
    assert rows(store, "select count(*), min(import_id), max(import_id) from contacts") == [
        (40, 1, 1)
    ]


def test_the_same_bytes_committed_twice_write_nothing_the_second_time(store, tmp_path):
    # Two sessions of the Import page checked the same upload; both press Import.
    path = write_csv(tmp_path / "people.csv", HEADER, [person(i) for i in range(40)])
    prepared = pipeline.prepare(store, pipeline.read_source(store, path))
    assert pipeline.commit(store, prepared).status == "loaded"
    before, version = fingerprint(store), db.data_version(store)
    again = pipeline.commit(store, prepared)
    assert (again.status, again.import_id) == ("already imported", 1)
    assert (fingerprint(store), db.data_version(store)) == (before, version)


def mixed_rows() -> list[list[str]]:
    """37 of the 40 (0–36) and 3 new (40–42): two change, the rest only look different."""
    changed = [person(i) for i in range(37)]
    changed[3][1] = "Harbi"  # a new last name: changed
    changed[4][4] = "Past Client"  # a new stage: changed (was Sphere)
    changed[5][3] = ""  # phone left empty: keeps what is stored, not a change
    changed[7][7] = ""  # favourite colour left empty: the same
    return changed + [person(i) for i in range(40, 43)]


def test_a_mixed_export_writes_only_its_new_and_changed_rows(store, first, tmp_path):
    stored_before = rows(
        store,
        "select * from contacts where email in ('p3@example.com', 'p4@example.com') order by email",
    )
    version = db.data_version(store)
    report = import_file(store, variant(tmp_path / "mixed.csv", mixed_rows()))
    assert report.status == "loaded"
    assert (report.rows_new, report.rows_changed, report.rows_unchanged, report.rows_loaded) == (
        3,
        2,
        35,
        5,
    )
    assert (
        report.summary()
        == "mixed.csv: loaded (contacts; 40 rows read: 3 new, 2 changed, 35 unchanged)"
    )
    assert report.import_id == 2
    written = rows(store, "select email, full_name, category from contacts where import_id = 2")
    assert sorted(written) == [
        ("p3@example.com", "First3 Harbi", "General Public"),
        ("p40@example.com", "First40 Last40", "Network"),
        ("p41@example.com", "First41 Last41", "Advocate"),
        ("p42@example.com", "First42 Last42", "General Public"),
        ("p4@example.com", "First4 Last4", "Advocate"),  # was Sphere (Network)
    ]
    assert rows(store, "select count(*) from contacts where import_id = 1") == [
        (38,)
    ]  # 35 + 3 not in the file
    assert (
        rows(store, "select * exclude (replaced_by) from contacts_replaced order by email")
        == stored_before
    )
    assert rows(store, "select distinct replaced_by from contacts_replaced") == [(2,)]
    assert rows(
        store,
        "select phone, extra from contacts where email in ('p5@example.com', 'p7@example.com') order by email",
    ) == [
        ("0500000005", '{"Favorite Color":"blue"}'),
        ("0500000007", '{"Favorite Color":"blue"}'),
    ]
    assert rows(store, "select rows_loaded from imports where import_id = 2") == [(5,)]
    assert db.data_version(store) == version + 1


def test_undo_of_a_mixed_import_restores_the_store_exactly(store, first, tmp_path):
    before = fingerprint(store)
    report = import_file(store, variant(tmp_path / "mixed.csv", mixed_rows()))
    assert load.undo(store, report.import_id) == {"contacts": 5, "category_history": 4}
    after = fingerprint(store)
    assert {t: v for t, v in after.items() if t != "imports"} == {
        t: v for t, v in before.items() if t != "imports"
    }
    assert rows(store, "select import_id, undone_at is not null from imports order by 1") == [
        (1, False),
        (2, True),
    ]


def test_a_line_repeated_in_a_file_is_named_and_loads_once(store, tmp_path):
    people = [person(i) for i in range(8)]
    people.insert(5, person(1))  # line 7 repeats line 3 (line 1 is the header)
    report = import_file(store, write_csv(tmp_path / "twice.csv", HEADER, people))
    assert report.status == "loaded"
    assert "line 7 repeats line 3: the record loads once." in report.warnings
    assert (report.rows_read, report.rows_new, report.rows_repeated) == (9, 8, 1)
    assert (
        report.summary()
        == "twice.csv: loaded (contacts; 9 rows read: 8 new, 0 changed, 0 unchanged, 1 repeated)"
    )
    assert rows(store, "select count(*) from contacts where email = 'p1@example.com'") == [(1,)]


def test_one_email_with_two_names_is_a_conflict_naming_both_lines_and_both_names(store, tmp_path):
    lines = [
        ["Huda", "Saleh", "huda@example.com", "0501234567", "Lead", "2026-03-01", "Sara", ""],
        *[person(i) for i in range(5)],
        ["Huda", "Harbi", "huda@example.com", "0501234567", "Lead", "2026-03-01", "Sara", ""],
    ]  # Huda Saleh on line 2, Huda Harbi on line 8
    report = import_file(store, write_csv(tmp_path / "huda.csv", HEADER, lines))
    assert report.status == "loaded"
    assert (
        "lines 2 and 8 share huda@example.com but give Full name “Huda Saleh” and “Huda Harbi”; "
        "line 8 was kept, line 2 not loaded."
    ) in report.warnings
    assert report.rows_repeated == 1
    assert rows(store, "select full_name from contacts where email = 'huda@example.com'") == [
        ("Huda Harbi",)
    ]


def test_one_record_id_with_two_names_and_emails_is_a_conflict(store, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text(
        "Contact ID,Full Name,Email,Phone\n"
        "HS-1,Huda Saleh,huda@example.com,0501234567\n"
        "HS-2,Omar Nasser,omar@example.com,\n"
        "HS-1,Huda Harbi,huda.h@example.com,0501234567\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert (
        "lines 2 and 4 share HS-1 but give Full Name “Huda Saleh” and “Huda Harbi”; "
        "Email “huda@example.com” and “huda.h@example.com”; line 4 was kept, line 2 not loaded."
    ) in report.warnings
    assert rows(store, "select contact_id, full_name from contacts order by 1") == [
        ("HS-1", "Huda Harbi"),
        ("HS-2", "Omar Nasser"),
    ]


def test_other_kinds_name_their_repeats_and_conflicts_by_their_own_keys(store, tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text(
        "Month,Channel,Agent,Amount\n"
        "2026-01-01,Portal,Sara,100\n"
        "2026-01-01,Portal,Khalid,80\n"
        "2026-01-01,Portal,Sara,100\n"
        "2026-01-01,Portal,Khalid,95\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert report.status == "loaded", report
    assert "line 4 repeats line 2: the record loads once." in report.warnings
    conflict = [w for w in report.warnings if w.startswith("lines 3 and 5")]
    assert conflict == [
        "lines 3 and 5 share 2026-01-01, Portal, Khalid but give Amount “80.00” and “95.00”; "
        "line 5 was kept, line 3 not loaded."
    ]
    assert rows(store, "select agent, amount from costs order by agent") == [
        ("Khalid", 95),
        ("Sara", 100),
    ]


def test_the_cli_json_gives_the_counts_and_the_unchanged_status(store, first, tmp_path, capsys):
    path = str(tmp_path / "x.duckdb")
    store.close()  # the CLI opens the file itself
    capsys.readouterr()
    same = variant(tmp_path / "people-again.csv", [person(i) for i in range(40)])
    assert main(["import", str(same), "--db", path, "--json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)["files"]
    assert {k: document[k] for k in ("status", "rows_read", "rows_loaded", "rows_new", "rows_changed", "rows_unchanged", "import_id")} == {
        "status": "unchanged", "rows_read": 40, "rows_loaded": 0, "rows_new": 0, "rows_changed": 0,
        "rows_unchanged": 40, "import_id": None,
    }  # fmt: skip
    mixed = variant(tmp_path / "mixed.csv", mixed_rows())
    assert main(["import", str(mixed), "--db", path]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "mixed.csv: loaded (contacts; 40 rows read: 3 new, 2 changed, 35 unchanged)"
    )
    con = db.connect(path)
    assert rows(con, "select import_id, file_name from imports order by 1") == [
        (1, "people.csv"),
        (2, "mixed.csv"),
    ]
    con.close()
