"""The workbook guard: hostile zips and XML are refused before any parser sees them.

Each hostile file is crafted here with zipfile, as small as the attack allows.
"""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from referral_analytics.ingest.read import Limits, ReadError, read_table
from referral_analytics.ingest.read.workbook_guard import check_workbook

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
CELLS = '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c></row>'


def sheet_xml(rows: str, after: str = "", before: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData>{after}</worksheet>'
    )


def xlsx(
    path: Path, sheet: str | bytes, *, parts: dict[str, bytes | str] | None = None,
    name: str = "Sheet1", method: int = zipfile.ZIP_DEFLATED,
) -> Path:  # fmt: skip
    """A minimal .xlsx: one sheet whose XML is given, plus any extra parts."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet, compress_type=method)
        for part, data in (parts or {}).items():
            archive.writestr(part, data)
    return path


def refused(path: Path, limits: Limits = Limits()) -> ReadError:  # noqa: B008
    with pytest.raises(ReadError) as caught:
        read_table(path, limits=limits)
    return caught.value


def patch_directory(
    path: Path, member: str, *, size: int | None = None, flags: int | None = None
) -> None:
    """Rewrite a part's declared size or flags in its local and central headers."""
    data, name = bytearray(path.read_bytes()), member.encode()
    for signature, name_at, size_at, flags_at in (
        (b"PK\x03\x04", 30, 22, 6),
        (b"PK\x01\x02", 46, 24, 8),
    ):
        start = data.find(signature)
        while start >= 0:
            if data[start + name_at : start + name_at + len(name)] == name:
                if size is not None:
                    struct.pack_into("<I", data, start + size_at, size)
                if flags is not None:
                    struct.pack_into("<H", data, start + flags_at, flags)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


# --- zip bombs --------------------------------------------------------------------------------


def test_a_part_that_expands_too_many_times_is_refused(tmp_path):
    path = xlsx(
        tmp_path / "bomb.xlsx", sheet_xml(CELLS), parts={"xl/media/pad.bin": b"\0" * 5_000_000}
    )
    error = refused(path)
    assert "“xl/media/pad.bin” would expand" in error.problem.message
    assert "the limit is 100 times" in error.problem.message


def test_contents_over_the_uncompressed_limit_are_refused(tmp_path):
    rows = CELLS + "".join(
        f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(3, 40_000)
    )
    path = xlsx(tmp_path / "big.xlsx", sheet_xml(rows))
    error = refused(path, Limits(max_uncompressed_bytes=1024**2))
    message = error.problem.message
    assert message.startswith("“big.xlsx” was refused: its contents would expand to 1.")
    assert message.endswith(" MB, more than the 1.0 MB limit.")


def test_a_part_larger_than_its_declared_size_is_refused(tmp_path):
    # The directory claims 1,000 bytes, so the ratio looks harmless; the data is 3 MB.
    rows = CELLS + "<row r='3'/>" * 250_000
    path = xlsx(tmp_path / "liar.xlsx", sheet_xml(rows))
    patch_directory(path, "xl/worksheets/sheet1.xml", size=1000)
    assert "holds more data than its zip directory declares" in refused(path).problem.message


def test_too_many_parts_are_refused(tmp_path):
    parts = {f"xl/media/{i}.bin": b"x" for i in range(10_001)}
    assert (
        "10,006 parts"
        in refused(xlsx(tmp_path / "many.xlsx", sheet_xml(CELLS), parts=parts)).problem.message
    )


def test_a_password_protected_part_is_refused(tmp_path):
    path = xlsx(tmp_path / "locked.xlsx", sheet_xml(CELLS))
    patch_directory(path, "xl/worksheets/sheet1.xml", flags=0x1)
    assert "password-protected" in refused(path).problem.message


def test_a_compression_method_workbooks_never_use_is_refused(tmp_path):
    path = xlsx(tmp_path / "bz.xlsx", sheet_xml(CELLS), method=zipfile.ZIP_BZIP2)
    assert "compression method" in refused(path).problem.message


def test_a_truncated_workbook_is_damaged_not_a_crash(tmp_path):
    whole = xlsx(tmp_path / "whole.xlsx", sheet_xml(CELLS)).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert refused(path).problem.file == "cut.xlsx"


# --- XML entity attacks -----------------------------------------------------------------------

LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'


def test_a_dtd_with_entities_in_a_sheet_is_refused(tmp_path):
    path = xlsx(tmp_path / "laughs.xlsx", sheet_xml(CELLS, before=LAUGHS))
    assert "declares a DTD or entities" in refused(path).problem.message


def test_a_dtd_in_the_workbook_part_is_refused(tmp_path):
    path = tmp_path / "book.xlsx"
    xlsx(path, sheet_xml(CELLS))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(
            "xl/theme/theme1.xml",
            '<?xml version="1.0"?><!doctype t SYSTEM "file:///etc/passwd"><t/>',
        )
    error = refused(path)
    assert "“xl/theme/theme1.xml” declares a DTD" in error.problem.message


@pytest.mark.parametrize("offset", [0, 1, 4, 7])
def test_an_entity_declared_deep_in_a_big_sheet_is_found_across_chunk_boundaries(tmp_path, offset):
    filler = "x" * (4 * 1024 * 1024 - 200 + offset)  # puts "<!ENTITY" across the 4 MB boundary
    rows = CELLS + f"<!-- {filler} -->" + '<!ENTITY e "x">'
    path = xlsx(tmp_path / "deep.xlsx", sheet_xml(rows))
    assert "declares a DTD or entities" in refused(path, Limits(max_zip_ratio=1e9)).problem.message


def test_a_utf16_xml_part_is_refused(tmp_path):
    path = xlsx(tmp_path / "wide.xlsx", sheet_xml(CELLS).encode("utf-16"))
    assert "is not UTF-8 XML" in refused(path).problem.message


# --- cell references --------------------------------------------------------------------------


def test_a_cell_at_xfd1048576_is_refused_by_the_guard_not_left_to_the_parser(tmp_path):
    # calamine allocates the whole 16,384 × 1,048,576 grid for this and aborts; the capped
    # child may already be at it, but the user gets the guard's message, fast.
    rows = CELLS + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    started = time.perf_counter()
    error = refused(xlsx(tmp_path / "far.xlsx", sheet_xml(rows), name="Contacts"))
    assert time.perf_counter() - started < 5
    assert error.problem.location == "Contacts!XFD1048576"
    assert error.problem.message == (
        "“far.xlsx” was refused: its sheet “Contacts” has a cell at XFD1048576, beyond the "
        "limit of 2,000,000 rows and 300 columns."
    )


def test_a_row_reference_past_the_row_limit_is_refused(tmp_path):
    rows = CELLS + '<row r="120000"><c r="A120000"><v>1</v></c></row>'
    error = refused(xlsx(tmp_path / "tall.xlsx", sheet_xml(rows)), Limits(max_rows=1000))
    assert error.problem.location == "Sheet1!120000:120000"
    assert "has a cell at row 120000, beyond the limit of 1,000 rows" in error.problem.message


@pytest.mark.parametrize("attribute", ["r='ZZZ1'", 'r = "ZZZ1"', 'r="ZZZ1"', "\tr='ZZZ1'"])
def test_reference_spellings_xml_allows_are_all_caught(tmp_path, attribute):
    rows = CELLS + f"<row r='3'><c {attribute}><v>1</v></c></row>"
    assert refused(xlsx(tmp_path / "odd.xlsx", sheet_xml(rows))).problem.location == "Sheet1!ZZZ1"


def test_a_lying_dimension_tag_is_not_trusted(tmp_path):
    rows = CELLS + '<row r="3"><c r="AAA3"><v>1</v></c></row>'
    sheet = sheet_xml(rows).replace("<sheetData>", '<dimension ref="A1:B3"/><sheetData>')
    assert refused(xlsx(tmp_path / "dim.xlsx", sheet)).problem.location == "Sheet1!AAA3"


# --- what passes ------------------------------------------------------------------------------


def test_merged_ranges_are_reported_by_sheet_name(tmp_path):
    merges = '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="D2:D9"/></mergeCells>'
    path = xlsx(tmp_path / "merged.xlsx", sheet_xml(CELLS, after=merges), name="Contacts")
    assert check_workbook(path, "merged.xlsx", Limits()) == {"Contacts": ["A1:C1", "D2:D9"]}


def test_an_ordinary_workbook_passes(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Contacts"
    for row in range(200):
        book.active.append([f"name {row}", row, row * 1.5])
    book.save(tmp_path / "ok.xlsx")
    assert check_workbook(tmp_path / "ok.xlsx", "ok.xlsx", Limits()) == {"Contacts": []}


def test_a_sheet_hidden_under_another_name_is_still_scanned(tmp_path):
    # The parser finds sheets through workbook.xml's links, whatever the part is called.
    path = tmp_path / "disguised.xlsx"
    rows = CELLS + '<row r="3"><c r="XFD3"><v>1</v></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name="Data"))
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            WORKBOOK_RELS.replace("worksheets/sheet1.xml", "media/image1.png"),
        )
        archive.writestr("xl/media/image1.png", sheet_xml(rows))
    assert refused(path).problem.location == "Data!XFD3"
