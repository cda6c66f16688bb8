"""Properties of reading: any table of text written as CSV in a supported encoding and dialect
reads back; workbook cells become text by one plain rule.

Defined round trip: headers come back exactly; a cell comes back exactly, except that an
empty cell comes back as None; ``__row`` is the line each record starts on, counting LF and
CRLF as line ends (a lone CR inside a cell is text, as in the file). Generated cells may hold
the file's own delimiter, quotes, line breaks, Arabic and leading zeros; they do not hold the
other candidate delimiters, which would make the dialect genuinely ambiguous for a
one-column file. Rows hold something besides spaces (empty rows are dropped by design) and
are not report-trailer wording ("Grand Totals", …), which is cut by design.
"""

from __future__ import annotations

import re
import string

import openpyxl
import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referral_analytics.ingest.read import ReadError, read_table
from referral_analytics.ingest.read.layout import trailer_text
from referral_analytics.ingest.read.workbook_cells import as_text

DELIMITERS = (",", ";", "\t", "|")
# Words per encoding: Western accents sit inside Latin words, as they do in real names (a
# run of accented capitals is what Arabic looks like in Windows-1252, see sniffing.py).
WORDS = {
    "utf-8": ["محمد", "José", "北京", "😀", "0501234567", "1.2M"],
    "utf-8-sig": ["فاطمة", "Müller", "0050"],
    "utf-16": ["الرياض", "Ærø", "日本", "007"],
    "cp1256": ["محمد العتيبي", "جدة", "0501234567", "café"],
    "cp1252": ["José", "Müller", "Françoise", "0501234567", "€5"],
}


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, str, str, list[str], list[list[str]]]:
    encoding = draw(st.sampled_from(sorted(WORDS)))
    delimiter = draw(st.sampled_from(DELIMITERS))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    width = draw(st.integers(1, 5))
    name = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,8}( [A-Za-z0-9]{1,4})?", fullmatch=True)
    headers = draw(st.lists(name, min_size=width, max_size=width, unique_by=str.casefold))
    letters = string.ascii_letters + string.digits + ' "\n\r.-@' + delimiter
    piece = st.one_of(st.text(alphabet=letters, max_size=6), st.sampled_from(WORDS[encoding]))
    cell = st.lists(piece, max_size=3).map("".join)
    row = st.lists(cell, min_size=width, max_size=width).filter(
        lambda cells: any(c.strip() for c in cells) and trailer_text(cells) is None
    )
    rows = draw(st.lists(row, min_size=1, max_size=8))
    return encoding, delimiter, ending, headers, rows


def written(delimiter: str, ending: str, headers: list[str], rows: list[list[str]]):
    """The CSV text (RFC 4180 quoting), and the line each data record starts on.

    Not csv.writer: with an LF line end it leaves a cell holding a lone CR unquoted, which
    no reader can tell from a CRLF line end.
    """

    def record(cells: list[str]) -> str:
        special = (delimiter, '"', "\n", "\r")
        quoted = [
            '"' + c.replace('"', '""') + '"' if any(s in c for s in special) else c for c in cells
        ]
        return delimiter.join(quoted) + ending

    text, starts = record(headers), []
    for row in rows:
        starts.append(text.count("\n") + 1)
        text += record(row)
    return text, starts


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(csv_files())
def test_any_text_table_reads_back_equal_with_the_line_each_record_starts_on(tmp_path, case):
    encoding, delimiter, ending, headers, rows = case
    text, starts = written(delimiter, ending, headers, rows)
    path = tmp_path / "table.csv"
    path.write_bytes(text.encode(encoding))
    raw = read_table(path)
    assert raw.original_headers == tuple(headers)
    expected = [[cell or None for cell in row] for row in rows]
    assert [
        row[:-1] for row in map(list, zip(*raw.table.to_pydict().values(), strict=True))
    ] == expected
    assert raw.table.column("__row").to_pylist() == starts


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=3000), csv_files().map(lambda case: written(*case[1:])[0].encode())
    )
)
def test_any_bytes_give_a_table_or_a_read_error_never_a_traceback(tmp_path, data):
    path = tmp_path / "upload.csv"
    path.write_bytes(data)
    try:
        raw = read_table(path)
    except ReadError as error:
        assert error.problem.file == "upload.csv" and error.problem.message
    else:
        assert raw.table.column_names[-1] == "__row"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_workbook_gives_a_read_error_never_a_traceback(tmp_path, damage):
    book = openpyxl.Workbook()
    book.active.append(["Name", "Phone"])
    book.active.append(["Ann", "0501234567"])
    book.save(tmp_path / "good.xlsx")
    data = bytearray((tmp_path / "good.xlsx").read_bytes())
    for offset, value in damage:
        data[offset % len(data)] = value
    path = tmp_path / "upload.xlsx"
    path.write_bytes(bytes(data))
    try:
        read_table(path)
    except ReadError as error:
        assert error.problem.file == "upload.xlsx" and error.problem.message


# --- workbook cells as text -------------------------------------------------------------------


def _as_read(text: str | None) -> str | None:
    """The rule of ``workbook_cells``, one cell at a time, written plainly."""
    if not text:
        return None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?", text):
        day, clock = text[:10], text[11:]
        if day in ("1899-12-30", "1899-12-31"):
            return clock
        return day if re.fullmatch(r"00:00:00(\.0+)?", clock) else f"{day}T{clock}"
    if len(text) > 16 and re.fullmatch(r"-?[0-9]+\.[0-9]+", text):
        return format(float(text), ".15g")
    return text


_stamps = st.builds(
    lambda day, clock, fraction: f"{day}{clock}{fraction}",
    st.sampled_from(["2026-09-12 ", "1899-12-30 ", "1899-12-31 ", "0001-01-01 ", "2026-9-12 "]),
    st.sampled_from(["00:00:00", "14:30:00", "23:59:59", "00:00:0x", "12:30"]),
    st.sampled_from(["", ".000", ".250", ".123456789", "x"]),
)
_cells = st.one_of(
    st.none(),
    st.just(""),
    _stamps,
    st.from_regex(r"-?[0-9]{1,12}\.[0-9]{1,9}", fullmatch=True),
    st.text(alphabet="0123456789-:. Tabc@٣", max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_cells, max_size=40), st.integers(0, 3))
def test_workbook_cells_read_as_the_plain_rule_says(cells, cut):
    # A slice of a column, so buffers that start at an offset are covered too.
    column = pa.chunked_array([pa.array(cells, pa.string()).slice(min(cut, len(cells)))])
    read = as_text(pa.table({"c": column}))["c"].to_pylist()
    assert read == [_as_read(text) for text in cells[min(cut, len(cells)) :]]
