"""Read a CSV file fast and exactly: DuckDB for the cells, our own accounting for the lines.

One way through, each step done once:

1. decide how the text is written: the encoding from the first bytes, then line by line
   for a file that is not plain UTF-8 (``csv_bytes``, ``transcode.decide``), and whether
   its line ends must be made one kind;
2. if DuckDB cannot take it as it is, rewrite it as UTF-8 once (``transcode.to_utf8``);
3. split it into records: DuckDB with a dialect fixed on the first 64 KB (every column
   VARCHAR, strict mode, no sniffing, so `0501234567` stays text and a ragged line is
   rejected, never shifted) while numpy finds the line breaks; the exact Python reader
   (``csv_fallback``) only where DuckDB stops or the lines do not add up;
4. shape the records into a RawTable (``csv_shape``): cells cleaned, header, trailer, and
   every line that does not split into the header's cells kept for the row errors.
"""

from __future__ import annotations

import codecs
import csv
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from referral_analytics import messages
from referral_analytics.ingest.read import csv_bytes, csv_clean, csv_lines, layout, sniffing
from referral_analytics.ingest.read.csv_fallback import read_exactly
from referral_analytics.ingest.read.csv_shape import Parsed, mostly_bad, shape
from referral_analytics.ingest.read.problems import refuse
from referral_analytics.ingest.read.raw_table import Limits, RawTable
from referral_analytics.ingest.read.transcode import decide, to_utf8

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
    text = sniffing.text_format(sniffing.read_head(path))
    with tempfile.TemporaryDirectory(prefix="referral-read-") as folder:
        path = literal_path(path, Path(folder))
        plan, facts = decide(path, text, name)
        if not plan.in_place:
            copy = Path(folder) / "as-utf8.csv"
            to_utf8(path, copy, plan, name=name, facts=facts)
            path, facts = copy, None  # its lines are found while DuckDB reads it
        bom = plan.bom if plan.in_place else 0  # a copy is written without one
        parsed = parse(path, text.delimiter, name, limits, facts=facts, bom=bom)
    return shape(parsed, name, plan, text.delimiter, limits)


def literal_path(path: Path, folder: Path) -> Path:
    """``path``, or a link to it in ``folder`` named without glob characters.

    DuckDB then reads exactly that one file, whatever its name holds.
    """
    if not GLOB_CHARACTERS.intersection(str(path)):
        return path
    link = folder / "source.csv"
    link.symlink_to(Path(path).resolve())
    return link


def parse(
    source: Path, delimiter: str, name: str, limits: Limits, *,
    facts: csv_bytes.ByteFacts | None = None, bom: int = 0,
) -> Parsed:  # fmt: skip
    """Split a UTF-8 CSV file into records and find each one's line (see csv_lines).

    Args:
        source: A UTF-8 file with one kind of line end.
        delimiter: The cell separator.
        name: The file's name, for messages.
        limits: Size limits to enforce.
        facts: Its byte facts if already scanned; else they are found while DuckDB reads.
        bom: Bytes of byte-order mark it starts with (not an invisible mark to clean).
    """
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
        scanning = None if facts else pool.submit(csv_bytes.scan, source, bom=bom)
        try:
            grid, reported = _duckdb_read(source, delimiter, columns, cap)
        except _Unparsable:
            grid, reported = None, []
        facts = facts or scanning.result()
    sniffing.refuse_binary(facts.controls, facts.size, name)
    dirty = bool(facts.controls or facts.marks)
    lines, starts, rejected = facts.lines, None, []
    if grid is not None:
        if grid.num_rows >= cap:
            raise refuse(name, messages.READ_TOO_MANY_ROWS, limit=limits.max_rows)
        reported = list({at: (at, *rest) for at, *rest in reported[::-1]}.values())
        if len(reported) > max(grid.num_rows, EARLY_REFUSAL):  # locating them all is slow
            first = csv_lines.locate_rejects(source, lines, sorted(reported)[:1])
            raise mostly_bad(name, first, len(reported), grid.num_rows, columns, delimiter)
        rejected = csv_lines.locate_rejects(source, lines, reported)
        spans = csv_lines.record_spans(grid)
        starts = csv_lines.place_records(spans, rejected, lines, skips_blank=columns > 1)
    found = None if starts is None else np.flatnonzero(starts == header_line)
    if found is None or found.size != 1:  # DuckDB stopped, or its lines do not add up
        grid, starts, rejected = read_exactly(source, delimiter, columns, cap)
        found = np.flatnonzero(starts == header_line)
        if found.size != 1:
            raise refuse(name, messages.READ_CSV_FAILED, detail="its header line is broken")
    return Parsed(grid, starts, rejected, int(found[0]), header_line, dirty)


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
            records.append((done + 1, [csv_clean.clean_text(cell) for cell in cells]))
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
