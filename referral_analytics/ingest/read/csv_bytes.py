"""A CSV file's bytes, judged in bulk before anything splits them into cells.

``first_look`` says in a few milliseconds whether the file can be read as it is (UTF-8, one
kind of line end); only when it cannot is the rest looked at before reading. One numpy pass
per chunk (``scan``) finds every byte below 0x20: the line feeds (where lines end), the
carriage returns (how they end) and the control bytes a text does not hold (NUL, vertical
tab, escape…). Then, only for a file that is not plain ASCII, Arrow checks that it is UTF-8
(a few milliseconds per 100 MB) and a numpy check of its bytes names the lines that are not
(``utf8_lines``), and the bidi controls and zero-width spaces are counted. Nothing here
loops over lines in Python, so a clean file costs one pass over memory.
"""

from __future__ import annotations

import mmap
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from referral_analytics.ingest.read.csv_lines import FileLines

CHUNK = 8 * 1024 * 1024
FEW_UNSURE = 1_000  # lines of a chunk checked one by one rather than all at once
SMALL_RANGE = 64 * 1024  # a failing range this small is checked byte by byte
NEWLINE, CARRIAGE_RETURN, TAB, QUOTE, DELETE = 10, 13, 9, 34, 127
# UTF-8 of U+200B, U+200E, U+200F, U+202A–U+202E (third byte after E2 80), U+2066–U+2069
# (after E2 81) and U+FEFF (EF BB BF): the marks csv_clean removes.
E2_80_MARKS = np.array([0x8B, 0x8E, 0x8F, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE], np.uint8)
E2_81_MARKS = np.array([0xA6, 0xA7, 0xA8, 0xA9], np.uint8)
# Length of the UTF-8 sequence each byte starts: 1 ASCII, 0 a continuation byte, -1 never valid.
SEQUENCE = np.array(
    [1] * 0x80 + [0] * 0x40 + [-1, -1] + [2] * 30 + [3] * 16 + [4] * 5 + [-1] * 11, dtype=np.int8
)
# The second byte's range where the first byte narrows it (no overlong forms, no surrogates).
SECOND_BYTE = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


@dataclass(frozen=True)
class ByteFacts:
    """What one pass over a file's bytes found.

    Attributes:
        lines: Its line breaks (see csv_lines).
        crlf: Per line break, whether a carriage return comes right before it.
        lone_cr: Offsets of carriage returns not followed by a line feed.
        controls: Control bytes other than tab, CR and LF (NUL, vertical tab, DEL…).
        first_control: Offset of the first of them (-1 if none).
        non_ascii: Whether any byte is 0x80 or above.
        marks: Bidi controls and zero-width spaces written in UTF-8 (counted if non_ascii).
        size: The file's length in bytes.
    """

    lines: FileLines
    crlf: np.ndarray
    lone_cr: np.ndarray
    controls: int
    first_control: int
    non_ascii: bool
    marks: int
    size: int


@dataclass(frozen=True)
class FirstLook:
    """What a few cheap passes over a file's bytes say, before anything costlier.

    Attributes:
        utf8: Every byte after the byte-order mark is valid UTF-8 (plain ASCII is).
        one_line_end: Its lines all end in LF, or all in CRLF (no lone CR).
    """

    utf8: bool
    one_line_end: bool


def first_look(path: Path, *, bom: int = 0) -> FirstLook:
    """Whether the file can be read as it is: UTF-8, one kind of line end.

    A maximum per chunk (is it ASCII?), one Arrow UTF-8 check of the whole file if it is
    not, and a memchr for a carriage return: a few milliseconds per 100 MB, so a clean file
    has its lines found while DuckDB reads it, not before.
    """
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        if size <= bom:
            return FirstLook(True, True)
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            view = np.frombuffer(data, dtype=np.uint8)
            high = any(int(view[s : s + CHUNK].max()) >= 0x80 for s in range(bom, size, CHUNK))
            utf8 = True
            if high:
                buffer = pa.py_buffer(data)
                utf8 = _valid(buffer.slice(bom, size - bom))
                del buffer
            one_line_end = data.find(b"\r") < 0 or _all_crlf(view, size)
            del view  # the mmap cannot close while a numpy view of it lives
    return FirstLook(utf8, one_line_end)


def _all_crlf(view: np.ndarray, size: int) -> bool:
    returns = feeds = paired = 0
    for start in range(0, size, CHUNK):
        chunk = view[start : start + CHUNK]
        at = np.flatnonzero(chunk == CARRIAGE_RETURN) + start
        returns += at.size
        paired += int(np.count_nonzero(view[np.minimum(at + 1, size - 1)] == NEWLINE))
        feeds += int(np.count_nonzero(chunk == NEWLINE))
    return returns == paired == feeds


def scan(path: Path, *, bom: int = 0) -> ByteFacts:
    """The facts of the file at ``path`` (``bom``: bytes of byte-order mark it starts with)."""
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            empty = np.zeros(0, np.int64)
            return ByteFacts(FileLines(empty, 0, empty), np.zeros(0, bool), empty, 0, -1, False,
                             0, 0)  # fmt: skip
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            view = np.frombuffer(data, dtype=np.uint8)
            breaks, returns, controls, first, high = [], [], 0, -1, False
            for start in range(0, size, CHUNK):
                chunk = view[start : start + CHUNK]
                low = np.flatnonzero(chunk < 0x20)
                kinds = chunk[low]
                breaks.append(low[kinds == NEWLINE] + start)
                returns.append(low[kinds == CARRIAGE_RETURN] + start)
                odd = low[(kinds != NEWLINE) & (kinds != CARRIAGE_RETURN) & (kinds != TAB)]
                if odd.size and first < 0:
                    first = int(odd[0]) + start
                controls += int(odd.size)
                high = high or int(chunk.max()) >= 0x80
            if data.find(b"\x7f") >= 0:
                deletes = np.flatnonzero(view == DELETE)
                controls += int(deletes.size)
                first = int(deletes[0]) if first < 0 else min(first, int(deletes[0]))
            line_breaks = np.concatenate(breaks).astype(np.int64)
            cr = np.concatenate(returns).astype(np.int64)
            crlf, lone_cr = np.zeros(line_breaks.size, bool), cr
            if cr.size:  # most files have none: no look behind every line break
                inside = line_breaks > 0
                crlf[inside] = view[line_breaks[inside] - 1] == CARRIAGE_RETURN
                after = np.minimum(cr + 1, size - 1)
                lone_cr = cr[(cr + 1 >= size) | (view[after] != NEWLINE)]
            marks = _marks(data, view, bom) if high else 0
            last_open = int(view[size - 1] != NEWLINE)
            del view, chunk  # the mmap cannot close while a numpy view of it lives
    starts = np.concatenate(([0], line_breaks[:-1] + 1))
    lengths = line_breaks - starts
    blank = np.flatnonzero((lengths == 0) | ((lengths == 1) & crlf)) + 1
    lines = FileLines(line_breaks, len(line_breaks) + last_open, blank.astype(np.int64))
    return ByteFacts(lines, crlf, lone_cr, controls, first, high, marks, size)


def _marks(data: mmap.mmap, view: np.ndarray, bom: int) -> int:
    """How many bidi controls and zero-width spaces the UTF-8 bytes hold."""
    if data.find(b"\xe2") < 0 and data.find(b"\xef\xbb\xbf", bom) < 0:
        return 0
    size, found = view.size, 0
    for start in range(0, size, CHUNK):
        chunk = view[start : start + CHUNK]
        for lead in (0xE2, 0xEF):
            at = np.flatnonzero(chunk == lead) + start
            at = at[(at + 2 < size) & (at >= bom)]
            second, third = view[at + 1], view[at + 2]
            if lead == 0xEF:
                found += int(np.count_nonzero((second == 0xBB) & (third == 0xBF)))
                continue
            found += int(np.count_nonzero((second == 0x80) & np.isin(third, E2_80_MARKS)))
            found += int(np.count_nonzero((second == 0x81) & np.isin(third, E2_81_MARKS)))
    return found


def needs_lf(path: Path, facts: ByteFacts) -> bool:
    """Whether the records end in more than one way (LF, CRLF, lone CR), so DuckDB would stop.

    A line break inside a quoted cell is the cell's text, not a record's end: in a CRLF file
    cells often hold a bare LF, and that file reads as it is. Breaks are told apart by the
    number of quotes before them (even: outside a cell); only then is the file rewritten.
    """
    breaks, lone = facts.lines.breaks, facts.lone_cr
    crlf = int(np.count_nonzero(facts.crlf))
    if lone.size == 0 and crlf in (0, breaks.size):
        return False
    quotes = _quote_offsets(path, facts.size)
    outside = np.searchsorted(quotes, breaks) % 2 == 0
    ends_crlf = np.count_nonzero(facts.crlf[outside])
    ends_lf = np.count_nonzero(outside) - ends_crlf
    lone_outside = np.count_nonzero(np.searchsorted(quotes, lone) % 2 == 0)
    return bool(lone_outside or (ends_crlf and ends_lf))


def _quote_offsets(path: Path, size: int) -> np.ndarray:
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        view = np.frombuffer(data, dtype=np.uint8)
        found = [np.flatnonzero(view[s : s + CHUNK] == QUOTE) + s for s in range(0, size, CHUNK)]
        del view
    return np.concatenate(found).astype(np.int64)


@dataclass(frozen=True)
class Utf8Lines:
    """Which lines of a file are UTF-8.

    Attributes:
        bad: Numbers of the lines that are not valid UTF-8, ascending.
        good_non_ascii: Whether some line holds valid UTF-8 beyond ASCII (Arabic, "é"…).
    """

    bad: np.ndarray
    good_non_ascii: bool


def utf8_lines(path: Path, facts: ByteFacts, *, bom: int = 0) -> Utf8Lines:
    """The lines that are not UTF-8; for a file that is, one fast Arrow check per chunk."""
    if not facts.non_ascii:
        return Utf8Lines(np.zeros(0, np.int64), False)
    breaks = facts.lines.breaks
    bad, good_non_ascii = [], False
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        view = np.frombuffer(data, dtype=np.uint8)
        buffer = pa.py_buffer(data)
        chunk = view[:0]
        for start, end in _line_chunks(breaks, facts.size, bom):
            chunk = view[start:end]
            if _valid(buffer.slice(start, end - start)):
                good_non_ascii = good_non_ascii or int(chunk.max(initial=0)) >= 0x80
                continue
            first = int(np.searchsorted(breaks, start)) + 1  # the chunk's first line
            inside = breaks[(breaks >= start) & (breaks < end - 1)]
            starts = np.concatenate(([0], inside + 1 - start))
            high = chunk >= 0x80
            has_high = np.logical_or.reduceat(high, starts)
            wrong = np.logical_or.reduceat(_surely_bad(chunk, high), starts)
            unsure = np.flatnonzero(has_high & ~wrong)
            if unsure.size > FEW_UNSURE:  # a UTF-8 chunk with a bad line or more: halved
                wrong[_bisect(buffer.slice(start, end - start), chunk, starts)] = True
            else:  # a code page's chunk: the odd line that may be UTF-8, one by one
                ends = np.append(starts[1:], chunk.size)
                for line in unsure.tolist():
                    piece = chunk[starts[line] : ends[line]].tobytes()
                    wrong[line] = not _decodes(piece)
            bad.append(np.flatnonzero(wrong) + first)
            good_non_ascii = good_non_ascii or bool(np.any(has_high & ~wrong))
        del view, chunk, buffer  # the mmap cannot close while these views of it live
    found = np.concatenate(bad).astype(np.int64) if bad else np.zeros(0, np.int64)
    return Utf8Lines(found, good_non_ascii)


def _bisect(piece: pa.Buffer, chunk: np.ndarray, starts: np.ndarray) -> list[int]:
    """The lines of ``chunk`` (starting at ``starts``) that are not UTF-8, by halving it.

    A half that Arrow finds valid holds no bad line; so a few bad lines among many good
    ones cost a few dozen checks of shrinking halves. A small range that still fails is
    checked byte by byte (``_bad_offsets``).
    """
    ends = np.append(starts[1:], chunk.size)
    bad, ranges = [], [(0, starts.size)]
    while ranges:
        low, high = ranges.pop()
        first, last = int(starts[low]), int(ends[high - 1])
        if _valid(piece.slice(first, last - first)):
            continue
        if high - low == 1:
            bad.append(low)
        elif last - first <= SMALL_RANGE:
            offsets = _bad_offsets(chunk[first:last])[0] + first
            bad += np.unique(np.searchsorted(starts, offsets, side="right") - 1).tolist()
        else:
            middle = (low + high) // 2
            ranges += [(low, middle), (middle, high)]
    return bad


def _surely_bad(chunk: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Bytes that break UTF-8 at sight: a lead byte not followed by a continuation byte, a
    continuation byte after an ASCII one. Code-page text is full of them; UTF-8 has none."""
    continuation = (chunk & 0xC0) == 0x80
    lead = high & ~continuation
    wrong = np.zeros(chunk.size, bool)
    wrong[:-1] = lead[:-1] & ~continuation[1:]
    wrong[1:] |= continuation[1:] & ~high[:-1]
    wrong[-1] |= lead[-1]
    wrong[0] |= continuation[0]
    return wrong


def _decodes(piece: bytes) -> bool:
    try:
        piece.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_chunks(breaks: np.ndarray, size: int, bom: int) -> list[tuple[int, int]]:
    """(start, end) byte ranges of about CHUNK bytes, each ending just after a line break.

    A UTF-8 sequence never holds a line feed, so no character is cut between two ranges.
    """
    ranges, start = [], bom
    while start < size:
        end = start + CHUNK
        if end >= size:
            ranges.append((start, size))
            break
        at = int(np.searchsorted(breaks, end)) - 1
        if at < 0 or breaks[at] < start:  # one line longer than a chunk: up to its end
            at = int(np.searchsorted(breaks, start))
            if at >= breaks.size:
                ranges.append((start, size))
                break
        end = int(breaks[at]) + 1
        ranges.append((start, end))
        start = end
    return ranges


def _valid(piece: pa.Buffer) -> bool:
    offsets = pa.py_buffer(np.array([0, piece.size], np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, piece]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _bad_offsets(chunk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offsets in ``chunk`` where UTF-8 breaks, and the offsets of all its non-ASCII bytes.

    Works on the non-ASCII bytes only: a valid sequence is a lead byte followed, at the next
    offsets, by as many continuation bytes as the lead announces; anything else is an error
    (at the lead, or at a continuation byte no lead claims).
    """
    high = np.flatnonzero(chunk >= 0x80)
    values = chunk[high]
    length = SEQUENCE[values]
    wrong = length < 0
    claimed = np.zeros(high.size, bool)
    alive = length >= 2
    for step in (1, 2, 3):
        leads = np.flatnonzero(alive & (length > step))
        follow = leads + step
        fits = follow < high.size
        ok = np.zeros(leads.size, bool)
        ok[fits] = (high[follow[fits]] == high[leads[fits]] + step) & (
            SEQUENCE[values[follow[fits]]] == 0
        )
        if step == 1:
            for lead, (low, top) in SECOND_BYTE.items():
                narrowed = ok & (values[leads] == lead)
                second = values[np.minimum(follow, high.size - 1)]
                ok &= ~narrowed | ((second >= low) & (second <= top))
        wrong[leads[~ok]] = True
        alive[leads[~ok]] = False
        claimed[follow[ok]] = True
    wrong |= (length == 0) & ~claimed
    return high[wrong], high


def bad_line_bytes(path: Path, facts: ByteFacts, lines: np.ndarray, limit: int) -> bytes:
    """The bytes of the given lines, up to about ``limit`` of them (to judge their code page)."""
    breaks, sample, taken = facts.lines.breaks, [], 0
    with path.open("rb") as handle:
        for line in lines.tolist():
            start = int(breaks[line - 2]) + 1 if line > 1 else 0
            end = int(breaks[line - 1]) + 1 if line <= breaks.size else facts.size
            handle.seek(start)
            sample.append(handle.read(end - start))
            taken += end - start
            if taken >= limit:
                break
    return b"".join(sample)
