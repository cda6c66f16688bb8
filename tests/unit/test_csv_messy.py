"""Messy CSV files through the whole import: ragged lines, mixed encodings, control characters.

Each file is written here as the bytes a broken export or a hand edit leaves; what the store
holds afterwards is read back with SQL, and the report's lines are compared as written.
"""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
from pathlib import Path

from referral_analytics import db
from referral_analytics.ingest import preview
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import commit, import_file, prepare, read_source
from tests.conftest import rows

ROOT = Path(__file__).resolve().parents[2]
HEADER = "Full Name,Email,Phone,Agent,City,Created,Notes"  # 7 cells
GOOD = [
    "Huda Saleh,huda@example.com,0501234567,Sara,Riyadh,2026-03-01,first call",
    "Lina Haddad,lina@example.com,0561234567,Khalid,Dammam,2026-03-03,",
    "Sami Nour,sami@example.com,0581234567,Sara,Mecca,2026-03-05,met at open house",
]
SHORT = "Omar Ali,omar@example.com,0551234567,Sara,Jeddah"  # 5 cells: lost Created and Notes
LONG = "Doe, Jane,jane@example.com,0571234567,Khalid,Riyadh,2026-03-04,call, later"  # 9 cells


def write(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\n".join(lines) + "\n").encode())
    return path


def ragged(tmp_path: Path) -> Path:
    # line 1 header, 2 Huda, 3 Omar (5 cells), 4 Lina, 5 Jane (9 cells), 6 Sami
    return write(tmp_path / "ragged.csv", [HEADER, GOOD[0], SHORT, GOOD[1], LONG, GOOD[2]])


def errors(report) -> list[tuple]:
    return [(e.line, e.column, e.value, e.reason) for e in report.errors]


RAGGED_ERRORS = [
    ("line 3", "(whole line)", SHORT, "has 5 cells, the header has 7"),
    ("line 5", "(whole line)", LONG, "has 9 cells, the header has 7"),
]


# --- lines that do not split into the header's cells: row errors, all or nothing ---------------


def test_lines_of_5_and_9_cells_under_a_7_cell_header_reject_the_file(con, tmp_path):
    report = import_file(con, ragged(tmp_path))
    assert (report.status, report.rows_read, report.rows_loaded, report.rows_rejected) == (
        "rejected", 5, 0, 2,
    )  # fmt: skip
    assert errors(report) == RAGGED_ERRORS
    assert report.warnings == ()
    assert rows(con, "select count(*) from contacts") == [(0,)]
    assert rows(con, "select count(*) from imports") == [(0,)]


def test_skip_invalid_loads_the_other_lines_and_lists_the_ragged_ones_as_rejected(con, tmp_path):
    options = ImportOptions(skip_invalid=True)
    prepared = prepare(con, read_source(con, ragged(tmp_path), options), options)
    listed = list(csv.reader(io.StringIO(preview.rejected_csv(prepared).decode("utf-8-sig"))))
    assert listed[0] == ["Line", "Problems", *HEADER.split(",")]
    assert listed[1:] == [
        ["3", "(whole line): has 5 cells, the header has 7",
         "Omar Ali", "omar@example.com", "0551234567", "Sara", "Jeddah", "", ""],
        ["5", "(whole line): has 9 cells, the header has 7",
         "Doe", " Jane", "jane@example.com", "0571234567", "Khalid", "Riyadh",
         "2026-03-04,call, later"],
    ]  # fmt: skip
    report = commit(con, prepared)
    assert (report.status, report.rows_read, report.rows_loaded, report.rows_rejected) == (
        "loaded", 5, 3, 2,
    )  # fmt: skip
    assert errors(report) == RAGGED_ERRORS
    assert rows(con, "select full_name, email from contacts order by full_name") == [
        ("Huda Saleh", "huda@example.com"), ("Lina Haddad", "lina@example.com"),
        ("Sami Nour", "sami@example.com"),
    ]  # fmt: skip
    assert rows(con, "select rows_rejected from imports") == [(2,)]


def test_the_cli_rejects_a_ragged_file_naming_each_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "referral_analytics", "import", str(ragged(tmp_path)),
         "--db", str(tmp_path / "x.duckdb"), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    [file] = json.loads(done.stdout)["files"]
    assert (file["status"], file["rows_loaded"], file["rows_rejected"]) == ("rejected", 0, 2)
    assert [(e["line"], e["reason"]) for e in file["errors"]] == [
        ("line 3", "has 5 cells, the header has 7"), ("line 5", "has 9 cells, the header has 7"),
    ]  # fmt: skip
    con = db.connect(tmp_path / "x.duckdb")
    assert rows(con, "select count(*) from contacts") == [(0,)]
    con.close()


def test_lines_short_by_trailing_empty_cells_load_with_a_warning(con, tmp_path):
    # Notes and the two blank columns at the right are empty on every line that has them,
    # so the lines that stop before them lack nothing.
    path = write(tmp_path / "short.csv", [
        "Full Name,Email,Phone,Agent,Notes,,",
        "Huda Saleh,huda@example.com,0501234567,Sara,,,",
        "Omar Ali,omar@example.com,0551234567,Sara",
        "Lina Haddad,lina@example.com,0561234567,Khalid,,,",
        "Sami Nour,sami@example.com,0581234567,Khalid,",
    ])  # fmt: skip
    report = import_file(con, path)
    assert (report.status, report.rows_read, report.rows_loaded) == ("loaded", 4, 4)
    assert report.errors == ()
    assert (
        "2 lines had fewer cells than the header (lines 3 and 5): the missing cells are in "
        "columns empty in every other line (“Notes”, “column 6”, “column 7”), so they were "
        "read as empty."
    ) in report.warnings
    assert rows(con, "select full_name, phone, agent from contacts order by full_name") == [
        ("Huda Saleh", "0501234567", "Sara"), ("Lina Haddad", "0561234567", "Khalid"),
        ("Omar Ali", "0551234567", "Sara"), ("Sami Nour", "0581234567", "Khalid"),
    ]  # fmt: skip


def test_short_lines_stay_errors_when_one_of_them_lacks_a_filled_column(con, tmp_path):
    # Line 3 lacks only Notes (empty everywhere); line 4 lacks Agent, which line 2 fills: it
    # may have lost a cell in its middle, so neither is guessed at.
    path = write(tmp_path / "short.csv", [
        "Full Name,Email,Phone,Agent,Notes",
        "Huda Saleh,huda@example.com,0501234567,Sara,",
        "Omar Ali,omar@example.com,0551234567,Sara",
        "Lina Haddad,lina@example.com,0561234567",
        "Sami Nour,sami@example.com,0581234567,Khalid,",
    ])  # fmt: skip
    report = import_file(con, path)
    assert report.status == "rejected"
    assert [(e.line, e.reason) for e in report.errors] == [
        ("line 3", "has 4 cells, the header has 5"), ("line 4", "has 3 cells, the header has 5"),
    ]  # fmt: skip
    assert rows(con, "select count(*) from contacts") == [(0,)]


# --- encodings decided line by line -----------------------------------------------------------

ARABIC = ["ريم", "محمد العتيبي", "فاطمة", "نورة", "خالد", "سارة", "عمر", "هدى", "ليلى", "يوسف",
          "أحمد", "منى"]  # fmt: skip


def test_a_utf8_file_with_two_windows_1256_lines_keeps_every_name(con, tmp_path):
    lines = [b"Full Name,Email,City"]
    for number, name in enumerate(ARABIC, start=2):
        line = f"{name},c{number}@example.com,جدة"
        lines.append(line.encode("cp1256" if number in (8, 13) else "utf-8"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = import_file(con, path)
    assert (report.status, report.rows_loaded) == ("loaded", 12)
    assert report.warnings == (
        "Lines 8 and 13 were not UTF-8; read as Windows-1256. The other lines are UTF-8 and "
        "were read as written.",
    )
    stored = rows(con, "select email, full_name, city from contacts")
    assert sorted(stored) == sorted(
        (f"c{n}@example.com", name, "جدة") for n, name in enumerate(ARABIC, start=2)
    )
    details = json.loads(rows(con, "select details from imports")[0][0])
    assert details["encoding"] == "utf-8"


def test_windows_1252_lines_in_a_utf8_file_are_read_as_western_text(con, tmp_path):
    names = ["ريم العلي", "José Müller", "Françoise Hébert", "Zoë Ørsted", "Noura Saad"]
    written = ["utf-8", "cp1252", "cp1252", "utf-8", "utf-8"]
    lines = [b"Full Name,Email"] + [
        f"{name},p{i}@example.com".encode(codec)
        for i, (name, codec) in enumerate(zip(names, written, strict=True))
    ]
    path = tmp_path / "western.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    report = import_file(con, path)
    assert report.status == "loaded"
    assert report.warnings == (
        "Lines 3 and 4 were not UTF-8; read as Windows-1252. The other lines are UTF-8 and "
        "were read as written.",
    )
    assert rows(con, "select full_name from contacts order by email") == [(n,) for n in names]


def test_a_legacy_line_past_the_first_64_kb_of_a_utf8_file_is_read_too(con, tmp_path):
    filler = [f"محمد {i},m{i}@example.com".encode() for i in range(3000)]  # > 64 KB of UTF-8
    late = "خالد الحربي,late@example.com".encode("cp1256")
    path = tmp_path / "late.csv"
    path.write_bytes(b"\n".join([b"Full Name,Email", *filler, late]) + b"\n")
    report = import_file(con, path)
    assert (report.status, report.rows_loaded) == ("loaded", 3001)
    assert report.warnings[0].startswith("Line 3,002 was not UTF-8; read as Windows-1256.")
    assert rows(con, "select full_name from contacts where email = 'late@example.com'") == [
        ("خالد الحربي",)
    ]
    assert rows(con, "select full_name from contacts where email = 'm2999@example.com'") == [
        ("محمد 2999",)
    ]


# --- control characters and invisible marks: cleaned, said, never binary ---------------------


def test_control_characters_and_invisible_marks_are_cleaned_and_counted(con, tmp_path):
    text = (
        "Full Name,Email,Phone,Notes\n"
        "Fa\x00tima Ali,fatima@example.com,0501111111,ok\n"  # NUL: removed
        "Mary\x0bJane Doe,mary@example.com,0502222222,one\x0btwo\n"  # VT: a space
        "Sara \u202eAli,\u202esara@example.com\u202c,0503333333,\n"  # bidi override
        "Omar\u200b Saleh,omar\u200b@example.com,\u200e0504444444\u200f,\n"  # zero width, LRM
        "Zed\ufeff Khan,zed@example.com,\u2066050555555\u2069,fine\n"  # BOM mid-file, isolate
        "Huda Saleh,huda@example.com,0506666666,clean\n"
    )
    path = tmp_path / "dirty.csv"
    path.write_bytes(text.encode())
    report = import_file(con, path)
    assert (report.status, report.rows_loaded) == ("loaded", 6)
    assert report.warnings == (
        "Cleaned 10 cells of control or invisible characters (NUL, vertical tab, bidi "
        "controls, zero-width spaces), the first on line 2: vertical tabs and form feeds "
        "became spaces, the rest were removed.",
    )
    stored = rows(con, "select full_name, email, phone, extra from contacts order by phone")
    assert stored == [
        ("Fatima Ali", "fatima@example.com", "0501111111", '{"Notes":"ok"}'),
        ("Mary Jane Doe", "mary@example.com", "0502222222", '{"Notes":"one two"}'),
        ("Sara Ali", "sara@example.com", "0503333333", '{"Notes":null}'),
        ("Omar Saleh", "omar@example.com", "0504444444", '{"Notes":null}'),
        ("Zed Khan", "zed@example.com", "050555555", '{"Notes":"fine"}'),
        ("Huda Saleh", "huda@example.com", "0506666666", '{"Notes":"clean"}'),
    ]
    dirt = ("\x00", "\x0b", "\u202e", "\u202c", "\u200b", "\u200e", "\u200f", "\ufeff", "\u2066")
    for row in rows(con, "select * from contacts"):
        assert not any(mark in str(value) for value in row for mark in dirt)


def test_a_rejected_line_is_cleaned_too_before_it_is_shown(con, tmp_path):
    # The error's value and the rejected-rows download show the line: no override reaches them.
    path = tmp_path / "spoof.csv"
    path.write_bytes(
        "Full Name,Email\nHuda Saleh,huda@example.com\nOmar,\u202emoc.x@ramo,x\n".encode()
    )
    report = import_file(con, path, ImportOptions(skip_invalid=True))
    assert (report.status, report.rows_loaded) == ("loaded", 1)
    assert errors(report) == [
        ("line 3", "(whole line)", "Omar,moc.x@ramo,x", "has 3 cells, the header has 2")
    ]


def test_a_pdf_is_still_refused(con, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    report = import_file(con, path)
    assert report.status == "rejected"
    assert report.warnings[0].startswith("“contacts.csv” is a PDF document")


def test_random_bytes_are_still_refused_as_binary(con, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(random.Random(7).randbytes(20_000))
    report = import_file(con, path)
    assert report.status == "rejected"
    assert "its content looks like binary data" in report.warnings[0]


def test_binary_bytes_after_a_clean_start_are_judged_by_the_whole_file(con, tmp_path):
    head = "".join(f"Person {i},p{i}@example.com\n" for i in range(4000))  # > 64 KB of text
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"Full Name,Email\n" + head.encode() + random.Random(3).randbytes(300_000))
    report = import_file(con, path)
    assert report.status == "rejected"
    assert "its content looks like binary data" in report.warnings[0]
    assert rows(con, "select count(*) from contacts") == [(0,)]


def test_a_utf16_file_full_of_nul_bytes_is_still_text(con, tmp_path):
    path = tmp_path / "unicode.txt"
    text = "Full Name\tEmail\r\nHuda Saleh\thuda@example.com\r\nريم\treem@example.com\r\n"
    path.write_bytes(text.encode("utf-16"))
    report = import_file(con, path)
    assert report.status == "loaded"
    assert rows(con, "select full_name from contacts order by email") == [
        ("Huda Saleh",), ("ريم",),
    ]  # fmt: skip
