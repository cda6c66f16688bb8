"""The Import page in AppTest: upload, check, map, import, history and undo on a real store."""

from __future__ import annotations

from pathlib import Path

from referral_analytics import db
from tests.conftest import build_demo_db
from tests.fingerprint import fingerprint

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = (
    b"First Name,Last Name,Email 1,Phone 1,Stage,Created,Bucket\n"
    b"Huda,Al-Harbi,huda@example.com,0501234567,Past Client,2026-03-01,Sphere\n"
    b"Omar,Saleh,omar@example.com,0557654321,Sphere,2026-04-15,Sphere\n"
)


def _open(app_at, path: Path):
    at = app_at(path).run()
    at.switch_page("views/data_import.py").run()
    assert not at.exception
    return at


def _upload(at, name: str, content: bytes):
    at.file_uploader(key="uploads").set_value((name, content, "text/csv")).run()
    assert not at.exception
    return at


def _count(path: Path, table: str) -> int:
    con = db.connect(path)
    try:
        return con.execute(f"select count(*) from {table}").fetchall()[0][0]
    finally:
        con.close()


def test_an_upload_is_recognised_mapped_checked_and_imported(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    contacts_before = _count(store, "contacts")
    at = _upload(_open(app_at, store), "people.csv", PEOPLE)
    assert _keyed(at.selectbox, "kind_").value == "contacts"
    mapping = at.data_editor[0].value
    assert dict(zip(mapping["Column"], mapping["Field"], strict=True))["Email 1"] == "E-mail"
    assert any("Ready: 2 of 2 rows will load" in s.value for s in at.success)
    at.button(key="import").click().run()
    assert not at.exception
    # Shown escaped (the file name is data): read without the backslashes.
    assert any("people.csv: loaded" in s.value.replace("\\", "") for s in at.success)
    assert _count(store, "contacts") == contacts_before + 2


def test_a_mapping_edit_changes_what_is_stored(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    at = _upload(_open(app_at, store), "people.csv", PEOPLE)
    editor = _keyed(at.data_editor, "map_").key
    rows = list(at.data_editor[0].value["Column"])
    # "Bucket" is no field of ours: map it to Category instead of the Stage column.
    at.session_state[editor] = {
        "edited_rows": {rows.index("Bucket"): {"Field": "Category"},
                        rows.index("Stage"): {"Field": "— keep in extra —"}},
        "added_rows": [], "deleted_rows": [],
    }  # fmt: skip
    at.run()
    assert not at.exception
    at.button(key="import").click().run()
    con = db.connect(store)
    stored = con.execute(
        "select category from contacts where email in ('huda@example.com', 'omar@example.com')"
    ).fetchall()
    con.close()
    assert stored == [("Network",), ("Network",)]


def test_a_bad_file_lists_every_problem_and_offers_no_import(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    con = db.connect(store)
    before = fingerprint(con)
    con.close()
    bad = b"Name,Email,Created\nHuda,huda@example.com,someday\nOmar,omar-at-example,2026-01-02\n"
    at = _upload(_open(app_at, store), "bad.csv", bad)
    assert any("2 of 2 rows have problems" in e.value for e in at.error)
    problems = _table_with(at, "Where")
    assert list(problems["Where"]) == ["line 2", "line 3"]
    assert list(problems["Column"]) == ["Created", "Email"]
    assert at.button(key="import").disabled
    con = db.connect(store)
    assert fingerprint(con) == before
    con.close()


def test_an_unreadable_file_says_why(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    at = _upload(_open(app_at, store), "export.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert any("PDF" in e.value for e in at.error)


def test_history_lists_the_import_and_undo_restores_the_store(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    con = db.connect(store)
    before = fingerprint(con)
    con.close()
    at = _upload(_open(app_at, store), "people.csv", PEOPLE)
    at.button(key="import").click().run()
    history = _table_with(at, "file_name")
    assert history.iloc[0]["file_name"] == "people.csv"
    new_id = int(history.iloc[0]["import_id"])
    at.selectbox(key="undo_choice").set_value(new_id).run()
    at.button(key="undo").click().run()
    assert not at.exception
    con = db.connect(store)
    after = fingerprint(con)
    con.close()
    assert {t: v for t, v in after.items() if t != "imports"} == {
        t: v for t, v in before.items() if t != "imports"
    }


def _keyed(elements, prefix: str):
    """The element whose key starts with ``prefix`` (keys carry the upload's random id)."""
    return next(e for e in elements if e.key and e.key.startswith(prefix))


def _table_with(at, column: str):
    """The table on the page that has ``column`` (read-only tables carry no key in AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_html_and_formulas_in_cells_stay_text(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    hostile = (
        b'Name,Email,Stage\n"=HYPERLINK(""http://x"")",huda@example.com,<script>alert(1)</script>\n'
    )
    at = _upload(_open(app_at, store), "hostile.csv", hostile)
    assert any("<script>alert(1)</script>" in t.value for t in at.text)
    assert not any("<script>" in m.value for m in at.markdown)
    at.button(key="import").click().run()
    con = db.connect(store)
    stored = con.execute("select full_name from contacts where email = 'huda@example.com'")
    assert stored.fetchall() == [('=HYPERLINK("http://x")',)]
    con.close()


def test_a_newer_export_of_the_same_records_says_it_changed_nothing(app_at, tmp_path):
    store = build_demo_db(tmp_path / "store.duckdb", 200)
    at = _upload(_open(app_at, store), "people.csv", PEOPLE)
    at.button(key="import").click().run()
    con = db.connect(store)
    before, version = fingerprint(con), db.data_version(con)
    con.close()
    # The same two people, columns reordered, headers in upper case, rows swapped, CRLF.
    again = (
        b"EMAIL 1,FIRST NAME,LAST NAME,BUCKET,PHONE 1,STAGE,CREATED\r\n"
        b"omar@example.com,Omar,Saleh,Sphere,0557654321,Sphere,2026-04-15\r\n"
        b"huda@example.com,Huda,Al-Harbi,Sphere,0501234567,Past Client,2026-03-01\r\n"
    )
    at = _upload(at, "people-again.csv", again)
    at.button(key="import").click().run()
    assert not at.exception
    said = [i.value.replace("\\", "") for i in at.info]
    expected = "people-again.csv: unchanged (contacts; 2 rows read: 0 new, 0 changed, 2 unchanged)"
    assert expected in said
    con = db.connect(store)
    assert (fingerprint(con), db.data_version(con)) == (before, version)
    con.close()
