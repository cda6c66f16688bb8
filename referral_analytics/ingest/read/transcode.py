"""Decide once how a CSV file's text is written, and rewrite it as UTF-8 once if it must be.

DuckDB reads UTF-8 only well (it has no Windows-1256), so a file in UTF-16 or a Windows code
page, a UTF-8 file with a few lines saved in a code page, and a file whose lines end in more
than one way are rewritten here as UTF-8 with one kind of line end: about a second per
350 MB, against minutes for a per-row decode. A clean UTF-8 file is read where it is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from referral_analytics import messages
from referral_analytics.ingest.read import csv_bytes, sniffing
from referral_analytics.ingest.read.problems import refuse

CHUNK_CHARS = 1 << 20
COPY_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Plan:
    """How a CSV file is written, decided before it is split into cells.

    Attributes:
        encoding: The codec of its text ("utf-8", "utf-16-le", "cp1256", …).
        bom: Bytes of byte-order mark it starts with.
        newlines: Its line ends are rewritten as LF (lone CR, or CRLF and LF mixed).
        legacy: For a UTF-8 file some of whose lines are not UTF-8: the code page they are
            read in; None otherwise.
        legacy_lines: Those lines' numbers, ascending.
    """

    encoding: str
    bom: int
    newlines: bool = False
    legacy: str | None = None
    legacy_lines: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    @property
    def in_place(self) -> bool:
        """Whether DuckDB can read the file as it is."""
        return self.encoding == "utf-8" and self.legacy is None and not self.newlines

    @property
    def reported(self) -> str:
        """The encoding as RawTable reports it (``utf-8-sig`` for UTF-8 with a BOM)."""
        return "utf-8-sig" if self.encoding == "utf-8" and self.bom else self.encoding


def decide(
    path: Path, text: sniffing.TextFormat, name: str
) -> tuple[Plan, csv_bytes.ByteFacts | None]:
    """How the file at ``path`` is written, from its first bytes (``text``) and all of them.

    UTF-16 is decided by its first bytes (they say nothing more until decoded). Otherwise a
    file that is UTF-8 with one kind of line end is read as it is (``first_look``; its lines
    are found while DuckDB reads it). Any other is scanned first (its facts are returned)
    and its lines decide: a file where no line holds valid UTF-8 beyond ASCII is in a code
    page as a whole; one with both keeps its UTF-8 lines exactly and reads the others in the
    code page their bytes point to (``legacy_encoding``); line ends of more than one kind
    are made LF.

    Raises:
        ReadError: The file's control bytes make it binary data, not text.
    """
    if text.encoding.startswith("utf-16"):
        return Plan(text.encoding, text.bom, newlines=text.cr_only), None
    bom = text.bom if text.encoding == "utf-8" else 0
    look = csv_bytes.first_look(path, bom=bom)
    if look.utf8 and look.one_line_end:
        return Plan("utf-8", bom), None
    facts = csv_bytes.scan(path, bom=bom)
    sniffing.refuse_binary(facts.controls, facts.size, name)
    newlines = not look.one_line_end and csv_bytes.needs_lf(path, facts)
    if look.utf8:
        return Plan("utf-8", bom, newlines=newlines), facts
    found = csv_bytes.utf8_lines(path, facts, bom=bom)
    sample = csv_bytes.bad_line_bytes(path, facts, found.bad, sniffing.SAMPLE_BYTES)
    legacy = sniffing.legacy_encoding(sample)
    if not found.good_non_ascii:
        return Plan(legacy, bom, newlines=newlines), facts
    return Plan("utf-8", bom, newlines=newlines, legacy=legacy, legacy_lines=found.bad), facts


def to_utf8(
    source: Path, target: Path, plan: Plan, *, name: str,
    facts: csv_bytes.ByteFacts | None = None,
) -> None:  # fmt: skip
    """Write ``source`` to ``target`` as UTF-8 without a BOM, as ``plan`` says.

    Args:
        source: The uploaded file.
        target: Where the UTF-8 copy goes.
        plan: How the source is written.
        name: The file's name, for the message if it does not decode.
        facts: The source's byte facts (needed for a plan with legacy lines).
    """
    if plan.encoding != "utf-8":
        _decode_whole(source, target, plan, name)
    else:
        _rewrite_lines(source, target, plan, facts)


def _decode_whole(source: Path, target: Path, plan: Plan, name: str) -> None:
    with source.open("rb") as raw, target.open("w", encoding="utf-8", newline="") as sink:
        raw.seek(plan.bom)
        text = io.TextIOWrapper(raw, encoding=plan.encoding, newline=None if plan.newlines else "")
        try:
            while chunk := text.read(CHUNK_CHARS):
                sink.write(chunk)
        except UnicodeDecodeError:
            label = plan.encoding.upper().replace("CP", "Windows-")
            raise refuse(name, messages.READ_NOT_TEXT, encoding=label, offset=raw.tell()) from None


def _rewrite_lines(
    source: Path, target: Path, plan: Plan, facts: csv_bytes.ByteFacts | None
) -> None:
    """A UTF-8 file copied in pieces that end at line breaks: its legacy lines decoded, its
    line ends made LF if asked. A Python step per run of legacy lines, none per line."""
    breaks = facts.lines.breaks if facts is not None else np.zeros(0, np.int64)
    size = source.stat().st_size
    pieces = [(start, end, False) for start, end in _copies(breaks, plan.bom, size)]
    if plan.legacy is not None:
        pieces = _with_legacy_runs(breaks, size, plan)
    with source.open("rb") as raw, target.open("wb") as sink:
        for start, end, legacy in pieces:
            raw.seek(start)
            data = raw.read(end - start)
            if legacy:
                data = data.decode(plan.legacy, errors="replace").encode("utf-8")
            if plan.newlines:
                data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            sink.write(data)


def _line_start(breaks: np.ndarray, line: int) -> int:
    return int(breaks[line - 2]) + 1 if line > 1 else 0


def _with_legacy_runs(breaks: np.ndarray, size: int, plan: Plan) -> list[tuple[int, int, bool]]:
    """(start, end, legacy) byte ranges covering the file: runs of legacy lines and the rest."""
    lines = plan.legacy_lines
    run_starts = np.flatnonzero(np.diff(lines, prepend=-1) != 1)
    run_ends = np.append(run_starts[1:], lines.size) - 1
    pieces, done = [], plan.bom
    for first, last in zip(lines[run_starts].tolist(), lines[run_ends].tolist(), strict=True):
        start = max(_line_start(breaks, first), plan.bom)
        end = int(breaks[last - 1]) + 1 if last <= breaks.size else size
        pieces += [(a, b, False) for a, b in _copies(breaks, done, start)]
        pieces.append((start, end, True))
        done = end
    pieces += [(a, b, False) for a, b in _copies(breaks, done, size)]
    return pieces


def _copies(breaks: np.ndarray, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in ranges of about COPY_BYTES, cut just after line breaks (no CRLF split)."""
    ranges = []
    while end - start > COPY_BYTES:
        at = int(np.searchsorted(breaks, start + COPY_BYTES)) - 1
        if at < 0 or breaks[at] < start:
            break
        ranges.append((start, int(breaks[at]) + 1))
        start = int(breaks[at]) + 1
    if end > start:
        ranges.append((start, end))
    return ranges
