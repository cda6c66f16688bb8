"""Check an .xlsx or .ods zip before any parser sees it.

A workbook is a zip of XML parts, and both halves can be weapons: a zip bomb (1 MB that
expands to 400 MB), XML entity expansion ("billion laughs"), or one cell at XFD1048576, which
makes calamine allocate the whole 17-billion-cell grid and abort the process. So every part
is decompressed here, in bounded chunks, by our own code, which checks:

* the zip directory: part count, declared sizes, per-part ratio, total size, encryption;
* that each part really expands to its declared size and no further;
* that no XML part declares a DTD or entities (workbooks never need them);
* in each sheet, the cell references themselves (``r="XFD1048576"``): the ``<dimension>``
  tag can lie, the references are what the parser will allocate for.

Two things the fast parser does not report are collected on the way, from each sheet: its
merged ranges, and the cells holding a formula saved without its result (openpyxl and other
libraries write formulas so; Excel computes them when it opens the file, calamine cannot).
The parser itself still runs in a memory-capped child process (``workbook.py``): this guard
gives clear messages and saves the time, the cap is the safety net for whatever it misses.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics import messages
from referral_analytics.ingest.read.cell_refs import column_letters, sheet_reference
from referral_analytics.ingest.read.problems import refuse
from referral_analytics.ingest.read.raw_table import Limits

CHUNK = 4 << 20
MAX_MEMBERS = 10_000
RATIO_FLOOR = 1 << 20  # parts smaller than 1 MB cannot bomb; tiny XML compresses 100× legitimately
BOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
SHEET_PART = "/worksheets/"
RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MERGE = re.compile(rb'mergeCell\s[^>]*?ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
REFERENCE_TEXT = re.compile(rb"[A-Z]*[0-9]*")
# A formula cell with no result: <c r="E5"><f>B5*2</f></c>, <f t="shared" si="0"/>, an empty
# <v/> after it. Elements may carry a namespace prefix (<x:c>). The first finds where such a
# cell ends (RE2, in the one pass over every window); the second reads the whole cell.
NS = r"(?:\w+:)?"
EMPTY_V = rf"(?:<{NS}v\s*/>|<{NS}v>\s*</{NS}v>)"
FORMULA_END = rf"(?:</{NS}f>|<{NS}f\b[^>]*/>)\s*{EMPTY_V}?\s*</{NS}c>"
NO_RESULT = re.compile(
    rf"<{NS}c\s([^>]*)>\s*<{NS}f\b(?:[^>]*/>|[^>]*>[^<]*</{NS}f>)\s*({EMPTY_V})?\s*</{NS}c>".encode()
)
CELL_REF = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Z]+[0-9]+)["']""")
STRING_RESULT = re.compile(rb"""(?:^|\s)t\s*=\s*["']str["']""")
# Bytes of the previous chunk kept, so a match split between chunks is seen: more than the
# longest formula cell (Excel's 8,192 characters, escaped), so such a cell is read whole.
TAIL = 1 << 16
LOCAL_HEADER = struct.Struct("<4s22xHH")


@dataclass(frozen=True)
class SheetMarks:
    """What the guard found in one sheet that the parser does not report."""

    merges: tuple[str, ...] = ()  # merged ranges ("A1:C1")
    no_results: tuple[str, ...] = ()  # cells holding a formula saved without its result ("E5")


def check_workbook(path: Path, name: str, limits: Limits) -> dict[str, list[str]]:
    """Refuse a hostile workbook zip; else each sheet's merged ranges ("A1:C1") by name.

    Raises:
        ReadError: As ``inspect_workbook``.
    """
    return {
        sheet: list(marks.merges) for sheet, marks in inspect_workbook(path, name, limits).items()
    }


def inspect_workbook(path: Path, name: str, limits: Limits) -> dict[str, SheetMarks]:
    """Refuse a hostile workbook zip; else what each sheet holds that the parser misses.

    Raises:
        ReadError: The zip is damaged, encrypted, a bomb, or holds a DTD or a cell beyond
            the limits.
    """
    try:
        with zipfile.ZipFile(path) as archive, path.open("rb") as raw:
            infos = archive.infolist()
            _check_directory(infos, name, limits)
            # Every part is inflated and scanned, whatever its name: the parser finds sheets
            # through workbook.xml, not by extension. Those two parts go first, so they are
            # checked before they are parsed for the sheets' names.
            book = [info for info in infos if info.filename in BOOK_PARTS]
            for info in book:
                _scan_member(raw, info, name, limits, None)
            titles = sheet_titles(archive)
            marks: dict[str, SheetMarks] = {}
            for info in infos:
                sheet = titles.get(info.filename)
                if sheet is None and SHEET_PART in info.filename:
                    sheet = info.filename
                found = (
                    SheetMarks() if info in book else _scan_member(raw, info, name, limits, sheet)
                )
                if sheet is not None:
                    marks[sheet] = found
            return marks
    except zlib.error:
        raise refuse(name, messages.READ_WORKBOOK_DAMAGED, detail="its data is damaged") from None
    except (zipfile.BadZipFile, struct.error, EOFError, ValueError) as error:
        raise refuse(name, messages.READ_WORKBOOK_DAMAGED, detail=str(error)) from None


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet part ("xl/worksheets/sheet1.xml") → the sheet's name, from workbook.xml.

    Called once those small parts have passed the checks: no DTD, sizes as declared.
    """
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}  # an .ods, or an .xlsx the parser will judge
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    titles = {}
    for sheet in book.iter():
        target = targets.get(sheet.get(RELATIONSHIP, ""))
        if sheet.tag.endswith("}sheet") and target:
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            titles[str(PurePosixPath(part))] = sheet.get("name", "")
    return titles


def _check_directory(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    if len(infos) > MAX_MEMBERS:
        raise refuse(name, messages.READ_ZIP_MEMBERS, count=len(infos))
    total = sum(info.file_size for info in infos)
    if total > limits.max_uncompressed_bytes:
        raise refuse(
            name,
            messages.READ_ZIP_TOTAL,
            size=_size(total),
            limit=_size(limits.max_uncompressed_bytes),
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise refuse(name, messages.READ_ENCRYPTED)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(name, messages.READ_ZIP_METHOD, member=info.filename)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_zip_ratio:
            raise refuse(
                name, messages.READ_ZIP_RATIO, member=info.filename, ratio=ratio,
                limit=limits.max_zip_ratio,
            )  # fmt: skip


def _size(count: int) -> str:
    return f"{count / 1024**3:,.1f} GB" if count >= 1024**3 else f"{count / 1024**2:,.1f} MB"


def member_chunks(raw: BinaryIO, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """A part's decompressed bytes in chunks of at most CHUNK, never past its declared size."""
    produced = 0
    for piece in _inflate(raw, info):
        produced += len(piece)
        if produced > info.file_size:  # the directory lies: a bomb hiding its size
            raise refuse(name, messages.READ_ZIP_SIZE_LIE, member=info.filename)
        yield piece
    if produced != info.file_size:
        raise zipfile.BadZipFile(f"part {info.filename} is shorter than declared")


def _inflate(raw: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    # Decompressed by hand, with a cap on every step's output, so a part that expands
    # 1000× costs one chunk of memory at a time and is stopped at its declared size.
    raw.seek(info.header_offset)
    signature, name_length, extra_length = LOCAL_HEADER.unpack(raw.read(LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"part {info.filename} has no local header")
    raw.seek(info.header_offset + LOCAL_HEADER.size + name_length + extra_length)
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left = info.compress_size
    while left > 0:
        data = raw.read(min(CHUNK, left))
        if not data:
            raise EOFError(f"part {info.filename} is cut short")
        left -= len(data)
        if inflate is None:
            yield data
            continue
        while data and not inflate.eof:
            piece = inflate.decompress(data, CHUNK)
            data = inflate.unconsumed_tail
            if piece:
                yield piece


def _scan_member(
    raw: BinaryIO, info: zipfile.ZipInfo, name: str, limits: Limits, sheet: str | None
) -> SheetMarks:
    """Check one XML part (see the module's docstring); a sheet's merges and formulas.

    One pass of RE2 (linear time) per window flags the rare window worth a closer look. It
    runs on a second thread while the next window inflates: both release the GIL, so a big
    sheet costs about the larger of the two, not their sum.
    """
    danger = _danger(limits, sheet is not None)
    merges: list[str] = []
    no_results: list[str] = []
    with ThreadPoolExecutor(max_workers=1) as pool:
        waiting: tuple[bytes, int, Future[bool]] | None = None
        for window, seen in _windows(member_chunks(raw, info, name), info.filename, name):
            flagged = pool.submit(_flagged, window, danger.pattern)
            if waiting is not None:
                _look_closer(
                    *waiting, danger, info.filename, sheet, name, limits, merges, no_results
                )
            waiting = (window, seen, flagged)
        if waiting is not None:
            _look_closer(*waiting, danger, info.filename, sheet, name, limits, merges, no_results)
    return SheetMarks(tuple(merges), tuple(no_results))


def _windows(chunks: Iterator[bytes], member: str, name: str) -> Iterator[tuple[bytes, int]]:
    """Each chunk with the end of the one before (so a match split between them is seen),
    and how many of its bytes the previous window already held."""
    tail = b""
    for index, piece in enumerate(chunks):
        if index == 0 and (piece.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in piece[:64]):
            raise refuse(name, messages.READ_XML_ENCODING, member=member)
        window = tail + piece
        yield window, len(tail)
        tail = window[-TAIL:]


def _flagged(window: bytes, pattern: str) -> bool:
    return bool(pc.match_substring_regex(pa.array([window], pa.binary()), pattern)[0].as_py())


def _look_closer(
    window: bytes, seen: int, flagged: Future[bool], danger: re.Pattern[str], member: str,
    sheet: str | None, name: str, limits: Limits, merges: list[str], no_results: list[str],
) -> None:  # fmt: skip
    """Refuse the part if the window declares a DTD or a cell too far; else add its merges
    and its formulas saved without a result (those the previous window did not hold)."""
    if not flagged.result():
        return
    _refuse_danger(window, member, sheet, name, limits)
    if sheet is None:
        return
    merges += [m.group(1).decode() for m in MERGE.finditer(window) if m.end() > seen]
    for cell in NO_RESULT.finditer(window):
        attributes, empty_value = cell.group(1), cell.group(2)
        if cell.end() <= seen or (empty_value and STRING_RESULT.search(attributes)):
            continue  # seen already, or a formula whose result is the empty text
        reference = CELL_REF.search(attributes)
        if reference:
            no_results.append(reference.group(1).decode())


def _danger(limits: Limits, sheet: bool, marks: bool = True) -> re.Pattern[str]:
    """A DTD or entity declaration; in a sheet, also a reference past the limits and, with
    ``marks``, a merge or the end of a formula cell with no result.

    A reference is too far with more column letters, or more row digits, than the limits'
    largest; one with as many is measured exactly once parsed (the child's memory cap
    covers the gap).
    """
    parts = [r"<!\s*(?i:DOCTYPE|ENTITY)"]
    if sheet:
        letters = len(column_letters(limits.max_columns)) + 1
        digits = len(str(limits.max_rows)) + 1
        parts.append(rf"""\sr\s*=\s*["'](?P<ref>[A-Z]{{{letters},}}|[A-Z]*[0-9]{{{digits},}})""")
        if marks:
            parts += ["mergeCell", FORMULA_END]
    return re.compile("|".join(parts))


def _refuse_danger(
    window: bytes, member: str, sheet: str | None, name: str, limits: Limits
) -> None:
    # Only what refuses, and only if RE2 finds some: the window may be flagged for a merge or
    # a formula, and this loop costs 40 ms a window where RE2 takes 5.
    refusing = _danger(limits, sheet is not None, marks=False).pattern
    if not _flagged(window, refusing):
        return
    for match in re.finditer(refusing.encode(), window):
        if match.group(0).startswith(b"<!"):
            raise refuse(name, messages.READ_XML_DTD, member=member)
        if match.groupdict().get("ref"):
            ref = REFERENCE_TEXT.match(window, match.start("ref")).group(0).decode()
            whole_row = ref.isdigit()  # a <row r="…"> element: Excel writes the row as 7:7
            place = f"{sheet_reference(sheet or '')}!{f'{ref}:{ref}' if whole_row else ref}"
            raise refuse(
                name, messages.READ_CELL_BEYOND_LIMITS, place, sheet=sheet,
                rows=limits.max_rows, columns=limits.max_columns,
                ref=f"row {ref}" if whole_row else ref,
            )  # fmt: skip
