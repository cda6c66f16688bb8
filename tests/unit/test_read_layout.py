"""Layout rules (header, trailer, header names) and the CSV line accounting, on tiny inputs."""

from __future__ import annotations

import numpy as np
import pytest

from referral_analytics.ingest.read import csv_lines, sniffing
from referral_analytics.ingest.read.csv_lines import FileLines, Rejected
from referral_analytics.ingest.read.layout import find_header, trailer_text, unique_headers


@pytest.mark.parametrize(
    ("rows", "header"),
    [
        ([["Name", "Email", "Phone"], ["a", "b", "c"]], 0),
        ([["Contacts report"], ["Generated 2026-11-01"], [], ["Name", "Email", "Phone"]], 3),
        (
            [
                ["Report:", "Contacts"],
                [None, None, None, None],
                ["A", "B", "C", "D"],
                ["1", "2", "3", "4"],
            ],
            2,
        ),
        ([["First", "", "Email", "", "Phone"], ["a", "b", "c", "d", "e"]], 0),  # blank header names
        ([["Email"], ["a@x.com"]], 0),
        ([["Title"], ["Name", "Email"], ["a", "b"]], 1),
        ([[], [" ", None]], None),
    ],
)
def test_the_header_is_the_first_row_that_is_not_a_title_line(rows, header):
    assert find_header(rows) == header


@pytest.mark.parametrize(
    ("cells", "text"),
    [
        (["Grand Totals (212 records)"], "Grand Totals (212 records)"),
        (["", "Grand Total", "", "1,234.00"], "Grand Total"),
        (["Total"], "Total"),
        (["Totals: (3 records)", "9"], "Totals: (3 records)"),
        (
            ["Confidential Information - Do Not Distribute"],
            "Confidential Information - Do Not Distribute",
        ),
        (
            ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
            "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.",
        ),
        (["Total Realty", "Riyadh"], None),
        (["Ann", "Total"], None),
        ([None, ""], None),
    ],
)
def test_trailer_rows_are_recognised_by_their_first_filled_cell(cells, text):
    assert trailer_text(cells) == text


def test_header_names_are_made_unique_ignoring_case_and_spaces():
    assert unique_headers(["Email", " email ", "", "Email (2)", "__ROW", "  "]) == (
        "Email", " email (2)", "column_3", "Email (2) (2)", "__ROW (2)", "column_6",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        ("محمد,جدة\n".encode("cp1256"), "cp1256"),
        ("José,Zürich,Hébert\n".encode("cp1252"), "cp1252"),
        ("Ærø\x81".encode("latin-1"), "cp1256"),  # 0x81 is undefined in Windows-1252
        (
            "محمد".encode("utf-16-le") + b"\r\x00\n\x00" + "Name,Phone".encode("utf-16-le"),
            "utf-16-le",
        ),
        ("Name,Phone\n".encode("utf-16-be"), "utf-16-be"),
        ("José".encode() + b"\xc3", "utf-8"),  # a character cut by the sample's end
    ],
)
def test_encoding_is_judged_by_what_decodes_plausibly(sample, encoding):
    assert sniffing.detect_encoding(sample)[0] == encoding


def lines_of(text: bytes) -> FileLines:
    breaks = np.flatnonzero(np.frombuffer(text, np.uint8) == 10).astype(np.int64)
    starts = np.concatenate(([0], breaks[:-1] + 1))
    blank = np.flatnonzero(breaks - starts == 0) + 1
    return FileLines(breaks, len(breaks) + int(not text.endswith(b"\n")), blank)


def test_records_fill_the_lines_around_rejected_records_and_blank_lines():
    text = b'a,b\n\n1,"x\ny"\n2\n3,4\n\n'
    rejected = [Rejected(line=5, span=1, error="MISSING COLUMNS", text="2")]
    starts = csv_lines.place_records(
        np.array([1, 2, 1]), rejected, lines_of(text), skips_blank=True
    )
    assert starts.tolist() == [1, 3, 6]


def test_lines_that_do_not_add_up_give_none_so_the_exact_reader_takes_over():
    text = b"a,b\n1,2\n3,4\n"
    assert csv_lines.place_records(np.array([1, 1]), [], lines_of(text), skips_blank=True) is None
