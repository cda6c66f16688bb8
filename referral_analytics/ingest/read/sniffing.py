"""Judge a file by its content, never its name: its kind, and for text its encoding and dialect.

Everything here looks at the first ``SAMPLE_BYTES`` only, so it costs the same for any size,
except whether a file whose first bytes hold control characters is binary: that is judged
by the whole file (``looks_binary``), since a NUL or a vertical tab in a name is dirt to
clean, not proof of binary data.
"""

from __future__ import annotations

import codecs
import csv
import io
import mmap
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from referral_analytics import messages
from referral_analytics.ingest.read.problems import refuse

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# Signatures of files people upload by mistake; the text says what we think it is.
BINARY_KINDS = (
    (b"\x89PNG", "an image"), (b"\xff\xd8\xff", "an image"), (b"GIF8", "an image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
    (b"MZ", "a program"), (b"\x7fELF", "a program"), (b"SQLite format 3", "a database file"),
)  # fmt: skip
# Arabic letters (U+0621–U+064A) and the Persian/Urdu ones Windows-1256 also encodes.
ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06af]")
ARABIC_PAIR = re.compile(r"[\u0621-\u064a\u067e\u0686\u0698\u06af]{2,}")
# An accented letter alone among Latin letters ("José", "Müller"); runs of them are what
# Arabic looks like when decoded as Windows-1252 ("ãÍãÏ"), so they do not count.
LATIN_ACCENTED_IN_WORD = re.compile(
    r"(?<=[A-Za-z])[\u00c0-\u00ff](?![\u00c0-\u00ff])|(?<![\u00c0-\u00ff])[\u00c0-\u00ff](?=[A-Za-z])"
)
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# Bytes no text holds (C0 controls but tab, LF and CR; DEL). Random or compressed data holds
# one in nine; a text only the odd one a broken export left. Past this share, and this many,
# a file is binary.
CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
CONTROL_SHARE = 0.01
CONTROL_FLOOR = 16
COUNT_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class TextFormat:
    """How a text file is written.

    Attributes:
        encoding: Python codec name ("utf-8", "utf-16-le", "cp1256", …).
        bom: Length in bytes of the byte-order mark the file starts with (0 if none).
        delimiter: The cell separator.
        cr_only: Lines end with a lone carriage return (old Mac Excel "CSV (Macintosh)").
    """

    encoding: str
    bom: int
    delimiter: str
    cr_only: bool


def read_head(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    """The first ``size`` bytes of the file."""
    with path.open("rb") as handle:
        return handle.read(size)


def file_kind(path: Path, name: str) -> str:
    """ "csv", "xlsx", "xls" or "ods", from the content; raises ReadError for anything else."""
    head = read_head(path)
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise refuse(name, messages.READ_EMPTY)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path, name)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path, name)
    if head.startswith(b"%PDF"):
        raise refuse(name, messages.READ_PDF)
    if not _looks_like_text(path, head):
        kind = next((text for sig, text in BINARY_KINDS if head.startswith(sig)), "binary data")
        raise refuse(name, messages.READ_BINARY, kind=kind)
    if _looks_like_markup(head):
        raise refuse(name, messages.READ_WEB_PAGE)
    return "csv"


def _zip_kind(path: Path, name: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "xl/workbook.bin" in names:
                raise refuse(name, messages.READ_XLSB)
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # a bounded read: safe on any zip
                    if member.read(len(ODS_MIMETYPE)) == ODS_MIMETYPE:
                        return "ods"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise refuse(name, messages.READ_WORKBOOK_DAMAGED, detail=str(error)) from None
    raise refuse(name, messages.READ_NOT_WORKBOOK_ZIP)


def _ole_kind(path: Path, name: str) -> str:
    # Stream names in an OLE directory are UTF-16-LE; a password-protected .xlsx is an OLE file
    # holding "EncryptedPackage", and a Word or Outlook file holds no "Workbook"/"Book" stream.
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.find("EncryptedPackage".encode("utf-16-le")) >= 0:
            raise refuse(name, messages.READ_ENCRYPTED)
        if all(data.find(s.encode("utf-16-le")) < 0 for s in ("Workbook", "Book")):
            raise refuse(
                name, messages.READ_BINARY, kind="an Office document that is not a workbook"
            )
    return "xls"


def _looks_like_text(path: Path, head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if _utf16_without_bom(head) is not None:  # UTF-16 holds a NUL in every other byte
        return True
    if not any(head.count(bytes([c])) for c in CONTROL_BYTES):
        return True  # the usual case: nothing to count further
    return not looks_binary(*control_bytes(path))


def looks_binary(controls: int, size: int) -> bool:
    """Whether ``controls`` control bytes in ``size`` bytes make the file binary, not text."""
    return controls > max(CONTROL_FLOOR, size * CONTROL_SHARE)


def refuse_binary(controls: int, size: int, name: str) -> None:
    """Raise the ReadError for binary data if ``looks_binary``."""
    if looks_binary(controls, size):
        raise refuse(name, messages.READ_BINARY, kind="binary data")


def control_bytes(path: Path) -> tuple[int, int]:
    """(control bytes, bytes) of the whole file (see CONTROL_BYTES), counted with numpy."""
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return 0, 0
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            view = np.frombuffer(data, dtype=np.uint8)
            found = 0
            for start in range(0, size, COUNT_CHUNK):
                chunk = view[start : start + COUNT_CHUNK]
                low = chunk[chunk < 32]
                found += int(np.count_nonzero((low != 9) & (low != 10) & (low != 13)))
                found += int(np.count_nonzero(chunk == 127))
            del view, chunk  # the mmap cannot close while a numpy view of it lives
    return found, size


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml"))


def _utf16_without_bom(head: bytes) -> str | None:
    # Latin text in UTF-16 has a zero in every other byte: odd bytes (LE) or even bytes (BE).
    pairs = len(head) // 2
    if pairs < 2:
        return None
    zero_odd = head[1 : pairs * 2 : 2].count(0) / pairs
    zero_even = head[0 : pairs * 2 : 2].count(0) / pairs
    if zero_odd > 0.3 and zero_even < 0.05:
        return "utf-16-le"
    if zero_even > 0.3 and zero_odd < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(sample: bytes) -> tuple[str, int]:
    """The sample's encoding as (Python codec name, length of its byte-order mark)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if sample.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    utf16 = _utf16_without_bom(sample[:4096])
    if utf16:
        return utf16, 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return legacy_encoding(sample), 0
    return "utf-8", 0


def legacy_encoding(sample: bytes) -> str:
    """Windows-1256 (Arabic) or Windows-1252 (Western) for bytes that are not UTF-8.

    Both decode almost any byte, so a wrong guess would silently store Arabic as "ãÍãÏ".
    Decide by plausibility: Arabic written in 1256 decodes to runs of Arabic letters, while
    Western text in 1252 decodes to accented letters inside Latin words ("José", "Müller").
    """
    if CP1252_UNDEFINED.intersection(sample):
        return "cp1256"
    arabic = sum(len(run) for run in ARABIC_PAIR.findall(sample.decode("cp1256")))
    latin = len(LATIN_ACCENTED_IN_WORD.findall(sample.decode("cp1252")))
    return "cp1256" if arabic and arabic >= latin else "cp1252"  # a tie: Arabic, our users


def decode_sample(sample: bytes, encoding: str, bom: int) -> str:
    """The sample as text, dropping a character the sample's end cut in half."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(sample[bom:], final=False)


def text_format(sample: bytes) -> TextFormat:
    """Encoding, delimiter and line-ending style of a CSV file from its first bytes."""
    encoding, bom = detect_encoding(sample)
    text = decode_sample(sample, encoding, bom)
    cr_only = "\r" in text and "\n" not in text
    return TextFormat(encoding, bom, detect_delimiter(text), cr_only)


def detect_delimiter(text: str) -> str:
    """The delimiter among , ; tab | that splits the sample's lines most consistently.

    Scored by (share of lines with the most common cell count) × that count, so a comma file
    whose notes hold a semicolon, or a semicolon file with decimal commas, still wins.
    """
    best, best_score = ",", 0.0
    for delimiter in DELIMITERS:
        counts = [len(r) for r in sample_records(text, delimiter) if any(c.strip() for c in r)]
        if not counts:
            continue
        cells, seen = Counter(counts).most_common(1)[0]
        score = seen / len(counts) * cells if cells > 1 else 0.0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def sample_records(text: str, delimiter: str, limit: int = 200) -> list[list[str]]:
    """Up to ``limit`` records of the sample, without the last one (the sample may cut it)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    records = []
    try:
        for record in reader:
            records.append(record)
            if len(records) > limit:
                break
    except csv.Error:
        pass  # a NUL or an over-long field: judged by what was read up to it
    return records[:-1] if len(records) > 1 else records
