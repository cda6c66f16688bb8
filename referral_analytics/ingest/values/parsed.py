"""What the VALUES stage returns for a column, and the per-row reasons that build its errors.

Every type's parser marks the rows it refuses in one ``Reasons`` ledger (a small integer per
row, 0 = fine), so a million bad cells cost one numpy array, not a million Python objects,
until the caller asks for ``errors``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Errors = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Parsed:
    """One column read into its type.

    Attributes:
        values: Typed, as long as the input; null where the cell was empty or invalid.
        errors: (0-based position, reason) for each invalid non-empty cell, in order. A
            reason says what was expected and never repeats the cell.
        note: How the column was read, for the preview (date order, decimal comma, …).
        decision: Set when the column cannot be read without the user choosing (the date
            order of 03/04/2026); then ``values`` are all null and ``errors`` empty.
    """

    values: pa.Array
    errors: Errors
    note: str | None = None
    decision: str | None = None


class Invalid(NamedTuple):
    """A cell that cannot be read, and why (for parsers that work one distinct value at a time)."""

    reason: str


class Reasons:
    """The reason each row of a column was refused; the first reason given to a row stands."""

    def __init__(self, size: int) -> None:
        self.codes = np.zeros(size, dtype=np.int32)
        self._texts: list[str] = [""]
        self._index: dict[str, int] = {}

    def code(self, reason: str) -> int:
        """The small integer that stands for ``reason`` in ``codes``."""
        if reason not in self._index:
            self._index[reason] = len(self._texts)
            self._texts.append(reason)
        return self._index[reason]

    def mark(self, rows: np.ndarray, reason: str) -> None:
        """Refuse ``rows`` (positions or a boolean mask) for ``reason``, unless already refused."""
        self.mark_codes(rows, self.code(reason))

    def mark_codes(self, rows: np.ndarray, codes: np.ndarray | int) -> None:
        """Refuse ``rows`` with ready-made codes (0 leaves a row alone)."""
        current = self.codes[rows]
        self.codes[rows] = np.where(current == 0, codes, current)

    @property
    def refused(self) -> np.ndarray:
        """A boolean mask of the refused rows."""
        return self.codes != 0

    def errors(self) -> Errors:
        """(position, reason) for every refused row, in row order."""
        positions = np.flatnonzero(self.codes)
        texts = self._texts
        return tuple(
            zip(positions.tolist(), [texts[c] for c in self.codes[positions].tolist()], strict=True)
        )


def nulled(values: pa.Array, refused: np.ndarray) -> pa.Array:
    """``values`` with the refused rows set to null."""
    if not refused.any():
        return values
    return pc.if_else(pa.array(refused), pa.scalar(None, values.type), values)
