"""Read a CSV file fast and exactly: DuckDB for the cells, our own accounting for the lines.

The dialect is decided on the first 64 KB; DuckDB then reads the whole file with it fixed
(every column VARCHAR, strict mode, no sniffing), so `0501234567` stays text and a ragged
line is rejected, never shifted. Other encodings are rewritten as UTF-8 first.
"""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.read import csv_lines, layout, sniffing
from referral_analytics.ingest.read.csv_fallback import read_exactly
from referral_analytics.ingest.read.csv_lines import Rejected
from referral_analytics.ingest.read.csv_shape import Parsed, mostly_bad, shape
from referral_analytics.ingest.read.problems import refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.transcode import to_utf8

REJECTS_KEPT = 100_000  # past this many bad lines the file is not a table we can read
EARLY_REFUSAL = 1_000  # more bad lines than this and than good records: refused unlocated
SAMPLE_RECORDS = 200
TRAILER_ROOM = 60  # records read past the row limit, so a file at the limit keeps its trailer
# DuckDB's read_csv treats these in a path as a glob, with no way to escape them: a file named
# "leads [2026].csv" would not be found, and a path of "*" would read every file beside it.
GLOB_CHARACTERS = frozenset("*?[]{}")


class _Unparsable(Exception):
    """DuckDB stopped on the file (not a rejected line: the whole read)."""


def read_csv(path: Path, name: str, limits: Limits) -> RawTable:
    """Read a CSV file of any supported encoding and dialect into a RawTable.

    Args:
        path: The file.
        name: Its name as the user knows it, for messages.
        limits: Size limits to enforce.

    Raises:
        ReadError: The file cannot be read; its ``problem`` says why.
    """
    head = sniffing.read_head(path)
    text = sniffing.text_format(head)
    with tempfile.TemporaryDirectory(prefix="referral-read-") as folder:
        path = literal_path(path, Path(folder))
        source, parsed = _parse_any(path, Path(folder), text, name, limits)
        if head.isascii() and any(r.error == "INVALID ENCODING" for r in parsed.rejected):
            # The first 64 KB were plain ASCII, so "UTF-8" was a guess; the bytes that broke
            # it tell Windows-1256 from Windows-1252.
            legacy = sniffing.legacy_encoding(_bad_bytes(source, parsed.rejected))
            text = replace(text, encoding=legacy)
            source, parsed = _parse_any(path, Path(folder), text, name, limits)
    return shape(parsed, name, text, limits)


def literal_path(path: Path, folder: Path) -> Path:
    """``path``, or a link to it in ``folder`` named without glob characters.

    DuckDB then reads exactly that one file, whatever its name holds.
    """
    if not GLOB_CHARACTERS.intersection(str(path)):
        return path
    link = folder / "source.csv"
    link.symlink_to(Path(path).resolve())
    return link


def _parse_any(
    path: Path, folder: Path, text: sniffing.TextFormat, name: str, limits: Limits
) -> tuple[Path, Parsed]:
    """Parse the file as it is if DuckDB can take it, else a UTF-8 copy; LF-only as last try.

    Lines ending in a mix of CRLF and LF stop DuckDB; rewritten with LF only, they read.
    """
    attempts: list[tuple[Path, bool | None]] = []
    if text.encoding == "utf-8" and not text.cr_only:
        attempts.append((path, None))  # None: read in place, no copy
    else:
        attempts.append((folder / "as-utf8.csv", text.cr_only))
    if not text.cr_only:
        attempts.append((folder / "as-utf8-lf.csv", True))
    for source, newlines in attempts:
        if newlines is not None:
            to_utf8(
                path, source, encoding=text.encoding, bom=text.bom, name=name, newlines=newlines
            )
        try:
            return source, parse(source, text.delimiter, name, limits)
        except _Unparsable as error:
            failure = str(error)
    raise refuse(name, messages.READ_CSV_FAILED, detail=failure)


def parse(source: Path, delimiter: str, name: str, limits: Limits) -> Parsed:
    """Split a UTF-8 CSV file into records and find each one's line (see csv_lines)."""
    records = first_records(source, delimiter)
    header = layout.find_header([cells for _, cells in records])
    if header is None:
        raise refuse(name, messages.READ_EMPTY)
    header_line, columns = records[header][0], len(records[header][1])
    if columns > limits.max_columns:
        raise refuse(
            name, messages.READ_TOO_MANY_COLUMNS, columns=columns, limit=limits.max_columns
        )
    cap = limits.max_rows + header_line + TRAILER_ROOM
    with ThreadPoolExecutor(max_workers=1) as pool:
        # numpy finds the line breaks while DuckDB reads; both release the GIL.
        scanning = pool.submit(csv_lines.scan_lines, source)
        grid, reported = _duckdb_read(source, delimiter, columns, cap)
        lines = scanning.result()
    if grid.num_rows >= cap:
        raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)
    reported = list({position: (position, *rest) for position, *rest in reported[::-1]}.values())
    if len(reported) > max(grid.num_rows, EARLY_REFUSAL):  # locating them all would be slow
        first = csv_lines.locate_rejects(source, lines, sorted(reported)[:1])
        raise mostly_bad(name, first, len(reported), grid.num_rows, columns, delimiter)
    rejected = csv_lines.locate_rejects(source, lines, reported)
    spans = csv_lines.record_spans(grid)
    starts = csv_lines.place_records(spans, rejected, lines, skips_blank=columns > 1)
    found = None if starts is None else np.flatnonzero(starts == header_line)
    if found is None or found.size != 1:
        grid, starts, rejected = read_exactly(source, delimiter, columns, cap)
        found = np.flatnonzero(starts == header_line)
        if found.size != 1:
            raise refuse(name, messages.READ_CSV_FAILED, detail="its header line is broken")
    return Parsed(grid, starts, rejected, int(found[0]), header_line)


def first_records(source: Path, delimiter: str) -> list[tuple[int, list[str]]]:
    """The first records of the file with the line each starts on (blank lines as [])."""
    head = sniffing.read_head(source)
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(head, final=False)
    pieces = [line + "\n" for line in text.removeprefix("\ufeff").split("\n")]
    pieces[-1] = pieces[-1][:-1]
    reader = csv.reader(iter(pieces), delimiter=delimiter, quotechar='"')
    records, done = [], 0
    try:
        for cells in reader:
            records.append((done + 1, cells))
            done = reader.line_num
            if len(records) > SAMPLE_RECORDS:
                break
    except csv.Error:
        pass  # judged by the records before it
    whole = len(head) < sniffing.SAMPLE_BYTES
    return records if whole or len(records) < 2 else records[:-1]


def _duckdb_read(
    source: Path, delimiter: str, columns: int, cap: int
) -> tuple[pa.Table, list[tuple[int, str, str]]]:
    spec = ", ".join(f"'c{index}': 'VARCHAR'" for index in range(columns))
    query = (
        f"SELECT * FROM read_csv($path, columns = {{{spec}}}, auto_detect = false, "
        "header = false, delim = $delim, quote = '\"', escape = '\"', strict_mode = true, "
        f"null_padding = false, store_rejects = true, rejects_limit = {REJECTS_KEPT}) "
        f"LIMIT {cap}"
    )  # the column list is built here from numbers; the path and delimiter are bound
    connection = duckdb.connect(config={"autoinstall_known_extensions": False})
    try:
        grid = connection.sql(query, params={"path": str(source), "delim": delimiter})
        table = grid.to_arrow_table()
        reported = connection.execute(
            "SELECT line_byte_position, error_type::VARCHAR, csv_line FROM reject_errors "
            "ORDER BY line_byte_position, error_type = 'UNQUOTED VALUE' DESC"
        ).fetchall()
    except duckdb.Error as error:
        raise _Unparsable(str(error).splitlines()[0]) from None
    finally:
        connection.close()
    return table, reported


def _bad_bytes(source: Path, rejected: list[Rejected]) -> bytes:
    """The raw bytes of the lines that were not valid UTF-8 (up to 64 KB of them)."""
    wanted = {r.line for r in rejected if r.error == "INVALID ENCODING"}
    sample = io.BytesIO()
    with source.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number in wanted:
                sample.write(raw)
                if sample.tell() > sniffing.SAMPLE_BYTES or number >= max(wanted):
                    break
    return sample.getvalue()
