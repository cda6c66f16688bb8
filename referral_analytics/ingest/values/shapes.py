"""Each cell's shape, its text with every ASCII digit written as 9, and the digits at fixed places.

A column writes its numbers, dates and phone numbers in a handful of ways, each many times:
a million prices are "9,999.99" or "99,999.99"; a million CRM timestamps are
"99/99/9999 99:99 PM" or "…AM". A reader decides once per shape, in Python, what it means
(where the digits are, which separator is the decimal one, where the day is), and the digits
of all the rows of that shape are then read with numpy at those byte positions. A column
costs a few passes over its bytes however irregular its writing, and the decisions live in
plain Python that reads like the format it accepts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

NINES = np.arange(256, dtype=np.uint8)
NINES[ord("0") : ord("9") + 1] = ord("9")
DIGIT_BYTES = np.zeros(256, dtype=bool)
DIGIT_BYTES[ord("0") : ord("9") + 1] = True
FEW_SHAPES = 8  # up to this many, a shape's rows are found by comparison; beyond, by one sort


class Shapes:
    """A column of cells grouped by shape, with its bytes at hand.

    Attributes:
        texts: The distinct shapes, e.g. "9,999.99".
        codes: Each row's index into ``texts``; -1 for a null cell.
        data: The column's bytes; row ``i`` is ``data[starts[i]:ends[i]]``.
    """

    def __init__(self, strings: pa.StringArray) -> None:
        size = len(strings)
        self.data, self.starts, self.ends, self.valid = byte_view(strings)
        offsets = np.concatenate([self.starts[:1], self.ends]) if size else np.zeros(1, np.int64)
        self.offsets = offsets
        shaped = pa.Array.from_buffers(
            pa.string(),
            size,
            [
                validity_bitmap(self.valid),
                pa.py_buffer(offsets.astype(np.int32)),
                pa.py_buffer(NINES[self.data]),
            ],
        )
        encoded = pc.dictionary_encode(shaped)
        self.texts: list[str] = encoded.dictionary.to_pylist()
        self.codes = np.asarray(pc.fill_null(encoded.indices, -1), dtype=np.int32)
        self._order: np.ndarray | None = None
        self._bounds: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.codes)

    def rows(self, code: int) -> np.ndarray:
        """The positions of the rows of shape ``code``, in order."""
        if len(self.texts) <= FEW_SHAPES:
            return np.flatnonzero(self.codes == code)
        if self._order is None:
            # int16 codes make numpy's stable sort a radix sort: linear in the rows
            narrow = self.codes.astype(np.int16) if len(self.texts) < 2**15 else self.codes
            self._order = np.argsort(narrow, kind="stable")
            tally = np.bincount(self.codes + 1, minlength=len(self.texts) + 1)
            self._bounds = np.concatenate([[0], np.cumsum(tally)])
        return self._order[self._bounds[code + 1] : self._bounds[code + 2]]

    def number(self, rows: np.ndarray, positions: Sequence[int]) -> np.ndarray:
        """The integer the digits at ``positions`` (bytes into each row) spell, per row."""
        base = self.starts[rows]
        value = np.zeros(len(rows), dtype=np.int64)
        for position in positions:  # in place: a million rows cost one gather per digit
            value *= 10
            value += self.data[base + position]
            value -= ord("0")
        return value

    def byte(self, rows: np.ndarray, position: int) -> np.ndarray:
        """The byte at ``position`` in each row."""
        return self.data[self.starts[rows] + position]

    def kept(self, keep: np.ndarray, valid: np.ndarray) -> pa.StringArray:
        """The column with only the bytes where ``keep`` is set; null where not ``valid``."""
        before = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
        offsets = before[self.offsets].astype(np.int32)
        return pa.Array.from_buffers(
            pa.string(),
            len(self),
            [validity_bitmap(valid), pa.py_buffer(offsets), pa.py_buffer(self.data[keep])],
        )


def byte_view(
    strings: pa.StringArray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The cells' bytes, uncopied: (data, starts, ends, valid); row i is data[starts[i]:ends[i]]."""
    size = len(strings)
    if size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint8), empty, empty, np.zeros(0, dtype=bool)
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int32)
    offsets = offsets[strings.offset : strings.offset + size + 1].astype(np.int64)
    buffer = strings.buffers()[2]
    data = np.frombuffer(buffer, dtype=np.uint8) if buffer is not None else np.zeros(0, "u1")
    data = data[offsets[0] : offsets[-1]]
    offsets -= offsets[0]
    valid = np.asarray(strings.is_valid(), dtype=bool)
    return data, offsets[:-1], offsets[1:], valid


def any_bytes(strings: pa.StringArray, alphabet: bytes) -> bool:
    """Whether any cell holds one of the bytes of ``alphabet`` (one pass over the data)."""
    table = np.zeros(256, dtype=bool)
    table[list(alphabet)] = True
    return bool(table[byte_view(strings)[0]].any())


def char_to_byte(text: str) -> list[int]:
    """The byte offset (UTF-8) of each character of ``text``, and of its end."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + len(char.encode()))
    return offsets


def to_array(values: np.ndarray, valid: np.ndarray, type_: pa.DataType) -> pa.Array:
    """A numpy column as an Arrow array of ``type_``, null where not ``valid``."""
    return pa.array(values, type=type_, mask=~valid)


def validity_bitmap(valid: np.ndarray) -> pa.Buffer | None:
    """An Arrow validity buffer for a boolean mask (None: every row valid)."""
    return None if valid.all() else pa.array(valid, pa.bool_()).buffers()[1]
