"""The READ stage on CSV files: encodings, dialects, exact line numbers, problems, limits.

Every fixture is written here, in tmp_path, as the real bytes a CRM would export.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from referral_analytics.ingest.read import (
    Limits,
    RawTable,
    ReadError,
    csv_fallback,
    csv_read,
    location,
    read_table,
    sniff,
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def cells(raw: RawTable) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "__row"} for row in raw.table.to_pylist()]


def rows(raw: RawTable) -> list[int]:
    return raw.table.column("__row").to_pylist()


def refused(path: Path, **options: object) -> str:
    with pytest.raises(ReadError) as caught:
        read_table(path, **options)
    assert caught.value.problem.file == options.get("file_name", path.name)
    return caught.value.problem.message


# --- every cell is text -----------------------------------------------------------------------


def test_every_cell_is_read_as_text_as_written(tmp_path):
    path = write(tmp_path, "Phone,Budget,Code,Flag,Date\n0501234567,1.2M,00123,TRUE,1/2/26\n")
    raw = read_table(path)
    assert cells(raw) == [
        {"Phone": "0501234567", "Budget": "1.2M", "Code": "00123", "Flag": "TRUE", "Date": "1/2/26"}
    ]


def test_empty_cells_quoted_or_not_are_none_and_spaces_are_kept(tmp_path):
    raw = read_table(write(tmp_path, 'a,b,c\n,"",x\n" ", y ,z\n'))
    assert cells(raw) == [{"a": None, "b": None, "c": "x"}, {"a": " ", "b": " y ", "c": "z"}]


def test_quoted_fields_keep_commas_quotes_and_newlines(tmp_path):
    text = 'Name,Notes\n"Doe, Jane","She said ""call me""\nafter 5, please"\n'
    assert cells(read_table(write(tmp_path, text))) == [
        {"Name": "Doe, Jane", "Notes": 'She said "call me"\nafter 5, please'}
    ]


# --- encodings --------------------------------------------------------------------------------

ARABIC = "الاسم,الهاتف\nمحمد العتيبي,0501234567\nفاطمة,0559876543\n"


@pytest.mark.parametrize(
    ("encoding", "written", "reported"),
    [
        ("utf-8", "utf-8", "utf-8"),
        ("utf-8 with BOM", "utf-8-sig", "utf-8-sig"),
        ("utf-16 LE with BOM", "utf-16", "utf-16-le"),
        ("utf-16 BE with BOM", "utf-16-be-bom", "utf-16-be"),
        ("Windows-1256", "cp1256", "cp1256"),
    ],
)
def test_arabic_text_reads_back_in_each_encoding(tmp_path, encoding, written, reported):
    data = ARABIC.encode("utf-16-be") if written == "utf-16-be-bom" else ARABIC.encode(written)
    if written == "utf-16-be-bom":
        data = b"\xfe\xff" + data
    path = tmp_path / "arabic.csv"
    path.write_bytes(data)
    raw = read_table(path)
    assert raw.encoding == reported
    assert raw.headers == ("الاسم", "الهاتف")
    assert cells(raw)[0] == {"الاسم": "محمد العتيبي", "الهاتف": "0501234567"}


def test_windows_1252_accents_are_not_taken_for_arabic(tmp_path):
    text = "Name,City\nJosé Müller,Zürich\nFrançoise Hébert,Orléans\n"
    raw = read_table(write(tmp_path, text, "cp1252"))
    assert raw.encoding == "cp1252"
    assert cells(raw)[1] == {"Name": "Françoise Hébert", "City": "Orléans"}


def test_windows_1256_arabic_is_not_taken_for_western_accents(tmp_path):
    # The same bytes decode as "ãÍãÏ" in Windows-1252: plausible letters, wrong language.
    raw = read_table(write(tmp_path, "Name,City\nمحمد,جدة\nأحمد,الرياض\n", "cp1256"))
    assert raw.encoding == "cp1256"
    assert cells(raw)[0] == {"Name": "محمد", "City": "جدة"}


def test_arabic_that_first_appears_after_the_sample_is_still_detected(tmp_path):
    filler = "".join(f"Contact {i},050{i:07d}\n" for i in range(4000))  # > 64 KB of ASCII
    path = write(tmp_path, "Name,Phone\n" + filler + "محمد,0501111111\n", "cp1256")
    raw = read_table(path)
    assert raw.encoding == "cp1256"
    assert cells(raw)[-1] == {"Name": "محمد", "Phone": "0501111111"}
    assert rows(raw)[-1] == 4002


# --- dialects and line ends -------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_detected(tmp_path, delimiter):
    lines = [["Name", "Phone", "Notes"], ["Ann", "0501", "a, b; c | d"], ["Bo", "0502", "x"]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(lines)
    raw = read_table(write(tmp_path, buffer.getvalue()))
    assert raw.delimiter == delimiter
    assert cells(raw)[0] == {"Name": "Ann", "Phone": "0501", "Notes": "a, b; c | d"}


def test_crlf_lines_and_crlf_inside_a_field(tmp_path):
    raw = read_table(write(tmp_path, 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n'))
    assert cells(raw) == [{"a": "1", "b": "x\r\ny"}, {"a": "2", "b": "z"}]
    assert rows(raw) == [2, 4]


def test_mixed_line_ends_still_read(tmp_path):
    raw = read_table(write(tmp_path, "a,b\r\n1,2\n3,4\r\n"))
    assert cells(raw) == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
    assert rows(raw) == [2, 3]


def test_old_mac_carriage_return_lines_read(tmp_path):
    raw = read_table(write(tmp_path, "a,b\r1,2\r3,4\r"))
    assert cells(raw) == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
    assert rows(raw) == [2, 3]


# --- row numbers: the line a text editor shows --------------------------------------------------


def test_a_record_spanning_three_lines_advances_the_line_by_three(tmp_path):
    raw = read_table(write(tmp_path, 'Name,Notes\nAnn,"one\ntwo\nthree"\nBo,x\n'))
    assert rows(raw) == [2, 5]
    assert raw.header_row == 1


def test_blank_lines_between_records_count_as_lines(tmp_path):
    raw = read_table(write(tmp_path, 'a,b\n1,2\n\n\n3,"x\n\ny"\n\n4,5\n'))
    assert rows(raw) == [2, 5, 9]
    assert cells(raw)[1] == {"a": "3", "b": "x\n\ny"}


def test_single_column_file_with_blank_lines(tmp_path):
    raw = read_table(write(tmp_path, "Email\na@x.com\n\nb@x.com\n"))
    assert cells(raw) == [{"Email": "a@x.com"}, {"Email": "b@x.com"}]
    assert rows(raw) == [2, 4]


def test_lines_of_spaces_are_skipped_silently(tmp_path):
    raw = read_table(write(tmp_path, "a,b\n1,2\n   \n3,4\n \n"))
    assert rows(raw) == [2, 4] and raw.warnings == ()


def test_the_exact_reader_batches_large_files(tmp_path):
    path = write(tmp_path, "a,b\n" + "".join(f"{i},x\n" for i in range(120_001)))
    grid, starts, rejected = csv_fallback.read_exactly(path, ",", 2, 10**6)
    assert grid.num_rows == 120_002 and starts[-1] == 120_002 and rejected == []
    assert grid.column(0)[120_001].as_py() == "120000"


def test_a_file_without_a_final_line_break(tmp_path):
    raw = read_table(write(tmp_path, "a,b\n1,2\n3,4"))
    assert rows(raw) == [2, 3]


# --- lines that cannot be split into the header's cells ---------------------------------------


def test_ragged_lines_are_kept_as_rejected_lines_with_their_line(tmp_path):
    # Row errors, not warnings: the pipeline loads nothing for them unless told to skip them
    # (tests/unit/test_csv_messy.py).
    text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"
    raw = read_table(write(tmp_path, text))
    assert cells(raw) == [{"a": "1", "b": "2", "c": "3"}, {"a": "10", "b": "11", "c": "12"}]
    assert rows(raw) == [2, 5]
    assert raw.warnings == ()
    assert [(r.line, r.reason, r.text) for r in raw.rejected_lines] == [
        (3, "has 2 cells, the header has 3", "4,5"),
        (4, "has 4 cells, the header has 3", "6,7,8,9"),
    ]


def test_a_broken_quote_is_reported_with_the_lines_it_swallowed(tmp_path):
    good = "".join(f"{i},ok,x\n" for i in range(20))
    raw = read_table(write(tmp_path, "a,b,c\n" + good + '99,"open,x\n100,"y",z\n' + good))
    assert len(raw.table) == 40
    [problem] = raw.rejected_lines
    assert problem.line == 22
    assert "quote" in problem.reason and "lines 22–23" in problem.reason
    assert rows(raw)[20] == 24


def test_a_quote_never_closed_that_eats_the_file_is_refused(tmp_path):
    message = refused(write(tmp_path, 'a,b\n1,2\n3,"open\n4,5\n6,7\n8,9\n'))
    assert "Line 3 has a quote that is not closed properly; lines 3–6 were not read." in message


def test_a_file_of_mostly_ragged_lines_is_refused_naming_the_first(tmp_path):
    text = "a,b,c\n" + "".join(f"{i},x\n" for i in range(30)) + "1,2,3\n"
    message = refused(write(tmp_path, text))
    assert "30 of 31 lines" in message and "Line 2 has 2 cells" in message


def test_every_bad_line_is_kept_with_its_line(tmp_path):
    text = "a,b\n" + "".join(f"{i},x\n{i},y,z\n" for i in range(25))
    raw = read_table(write(tmp_path, text))
    assert len(raw.table) == 25
    assert [r.line for r in raw.rejected_lines] == list(range(3, 52, 2))


def test_exact_reader_agrees_with_the_fast_path(tmp_path):
    text = 'a,b,c\n\n1,"x\ny",3\n4,5\n\n6,"7\n\n",8\n9,10,11,12\n13,14,15'
    path = write(tmp_path, text)
    fast = csv_read.parse(path, ",", "f.csv", Limits())
    grid, starts, rejected = csv_fallback.read_exactly(path, ",", 3, 100)
    assert grid.to_pylist() == fast.grid.to_pylist()
    assert starts.tolist() == fast.starts.tolist() == [1, 3, 7, 11]
    assert [(r.line, r.span) for r in rejected] == [(r.line, r.span) for r in fast.rejected]


# --- layout: title block, trailer, headers ----------------------------------------------------


def test_title_block_above_the_header_is_skipped_and_said(tmp_path):
    text = "Contacts report\nGenerated 2026-11-01\n\nName,Email,Phone\nAnn,a@x.com,0501\n"
    raw = read_table(write(tmp_path, text))
    assert raw.header_row == 4
    assert cells(raw) == [{"Name": "Ann", "Email": "a@x.com", "Phone": "0501"}]
    assert rows(raw) == [5]
    assert raw.warnings[0].message == (
        "Skipped 3 title lines above the header (the header is on line 4)."
    )


def test_title_lines_padded_with_commas_are_skipped_too(tmp_path):
    text = "Contacts report,,\n,,\nName,Email,Phone\nAnn,a@x.com,0501\n"
    raw = read_table(write(tmp_path, text))
    assert raw.header_row == 3 and rows(raw) == [4]


SALESFORCE_TRAILER = (
    '""\n"Grand Totals (2 records)"\n""\n"Confidential Information - Do Not Distribute"\n""\n'
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
)


def test_salesforce_report_trailer_is_skipped_and_said(tmp_path):
    text = '"Name","Email"\n"Ann","a@x.com"\n"Bo","b@x.com"\n' + SALESFORCE_TRAILER
    raw = read_table(write(tmp_path, text))
    assert cells(raw) == [{"Name": "Ann", "Email": "a@x.com"}, {"Name": "Bo", "Email": "b@x.com"}]
    assert [w.message for w in raw.warnings] == [
        "Skipped report trailer “Grand Totals (2 records)” at line 5.",
        "Skipped report trailer “Confidential Information - Do Not Distribute” at line 7.",
        "Skipped report trailer “Copyright (c) 2000-2026 salesforce.com, inc. All rights "
        "reserved.” at line 9.",
    ]


def test_a_totals_row_as_wide_as_the_table_is_a_trailer(tmp_path):
    raw = read_table(write(tmp_path, "Name,Amount\nAnn,5\nBo,7\nGrand Totals (2 records),12\n,\n"))
    assert cells(raw) == [{"Name": "Ann", "Amount": "5"}, {"Name": "Bo", "Amount": "7"}]
    assert raw.warnings[0].location == "line 4"


def test_a_company_named_total_in_the_data_is_not_a_trailer(tmp_path):
    raw = read_table(write(tmp_path, "Company,City\nTotal Realty,Riyadh\nAcme,Jeddah\n"))
    assert len(raw.table) == 2 and raw.warnings == ()


def test_blank_and_duplicate_headers_are_made_unique(tmp_path):
    # KW Command's template has both: an unnamed column and two "Email" columns.
    raw = read_table(write(tmp_path, "First Name,,Email,email,Email (2),__row\nA,b,c,d,e,f\n"))
    assert raw.original_headers == ("First Name", "", "Email", "email", "Email (2)", "__row")
    assert raw.headers == (
        "First Name",
        "column_2",
        "Email",
        "email (2)",
        "Email (2) (2)",
        "__row (2)",
    )
    assert raw.table.column_names == [*raw.headers, "__row"]
    assert raw.table.column("__row").to_pylist() == [2]


# --- what the file is -------------------------------------------------------------------------


def test_an_empty_file_has_its_own_message(tmp_path):
    assert refused(write(tmp_path, "")) == "“export.csv” is empty: there is nothing to import."
    assert "is empty" in refused(write(tmp_path, "\n\n  \n"))


def test_a_header_only_file_has_its_own_message(tmp_path):
    message = refused(write(tmp_path, "Name,Email,Phone\n"), file_name="contacts.csv")
    assert message == "“contacts.csv” has a header row (line 1) but no data rows below it."


def test_a_pdf_named_csv_has_its_own_message(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert refused(path).startswith("“contacts.csv” is a PDF document")


def test_binary_data_named_csv_is_refused(tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "looks like an image" in refused(path)
    with pytest.raises(ReadError):
        sniff(path)


def test_a_web_page_named_xls_is_refused(tmp_path):
    path = tmp_path / "report.xls"
    path.write_text("<html><body><table><tr><td>Name</td></tr></table></body></html>")
    assert "web page" in refused(path)


def test_an_xlsx_renamed_csv_is_read_as_a_workbook(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Name", "Phone"])
    book.active.append(["Ann", "0501234567"])
    path = tmp_path / "contacts.csv"
    book.save(path)
    assert sniff(path) == "xlsx"
    raw = read_table(path)
    assert raw.file_type == "xlsx" and cells(raw) == [{"Name": "Ann", "Phone": "0501234567"}]
    assert "named like a .csv file" in raw.warnings[0].message


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("contacts.csv", "a,b\n1,2\n")
    assert "zip archive" in refused(path)


def test_sniff_judges_by_content(tmp_path):
    assert sniff(write(tmp_path, "a,b\n1,2\n", name="data.xlsx")) == "csv"


# --- limits -----------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_names_file_and_limit(tmp_path):
    path = write(tmp_path, "a,b\n" + "1,2\n" * 300_000)
    message = refused(path, limits=Limits(max_bytes=1024**2))
    assert message.startswith("“export.csv” is 1.1 MB; the upload limit is 1 MB.")


def test_more_rows_than_the_limit_names_file_and_limit(tmp_path):
    message = refused(write(tmp_path, "a,b\n" + "1,2\n" * 500), limits=Limits(max_rows=100))
    assert message.startswith("“export.csv” has more than 100 data rows; the limit is 100 rows")


def test_exactly_the_row_limit_is_read(tmp_path):
    raw = read_table(write(tmp_path, "a,b\n" + "1,2\n" * 100), limits=Limits(max_rows=100))
    assert len(raw.table) == 100


def test_more_columns_than_the_limit_names_file_and_limit(tmp_path):
    header = ",".join(f"c{i}" for i in range(12))
    message = refused(
        write(tmp_path, header + "\n" + "x," * 11 + "x\n"), limits=Limits(max_columns=10)
    )
    assert message.startswith("“export.csv” has 12 columns; the limit is 10 columns")


# --- location ---------------------------------------------------------------------------------


def test_location_of_a_csv_cell_is_its_line(tmp_path):
    raw = read_table(write(tmp_path, 'a,b\n1,"x\ny"\n2,3\n'))
    assert location(raw, rows(raw)[1], 1) == "line 4"
