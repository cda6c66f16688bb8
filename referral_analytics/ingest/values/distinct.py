"""Reading a column one distinct value at a time, for values too irregular for Arrow kernels.

Words (categories, yes/no, ratings) and the odd cells the vectorised readers leave over
repeat a lot: a million-row category column has a dozen distinct spellings. Each distinct
value is read once in Python and the results are spread back over the rows with ``take``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from referral_analytics.ingest.values.parsed import Invalid, Reasons


def read_distinct(
    strings: pa.Array,
    read_one: Callable[[str], object],
    type_: pa.DataType,
    reasons: Reasons,
    positions: np.ndarray | None = None,
) -> pa.Array:
    """Every cell read by ``read_one``, each distinct value once.

    Args:
        strings: The cells to read (nulls stay null).
        read_one: A value's reading: the typed value, None for "empty, not an error", or
            ``Invalid(reason)``.
        type_: The Arrow type of the readings.
        reasons: Where refused cells are marked.
        positions: Each cell's row in the column ``reasons`` covers (default: its own index).

    Returns:
        The readings, one per cell; null where a cell is null, empty or refused.
    """
    encoded = pc.dictionary_encode(strings)
    readings = [read_one(text) for text in encoded.dictionary.to_pylist()]
    return spread(encoded, readings, type_, reasons, positions)


def spread(
    encoded: pa.DictionaryArray,
    readings: list[object],
    type_: pa.DataType,
    reasons: Reasons,
    positions: np.ndarray | None = None,
) -> pa.Array:
    """The readings of the dictionary entries, spread over the cells; refusals marked."""
    typed = pa.array([None if isinstance(r, Invalid) else r for r in readings], type_)
    refused = [(entry, r.reason) for entry, r in enumerate(readings) if isinstance(r, Invalid)]
    if refused:
        codes = np.zeros(len(readings) + 1, dtype=np.int32)  # the last entry stands for null
        for entry, reason in refused:
            codes[entry] = reasons.code(reason)
        entries = np.asarray(pc.fill_null(encoded.indices, len(readings)), dtype=np.int64)
        rows = np.arange(len(encoded)) if positions is None else positions
        row_codes = codes[entries]
        hit = np.flatnonzero(row_codes)
        reasons.mark_codes(rows[hit], row_codes[hit])
    return typed.take(encoded.indices)


def counts(encoded: pa.DictionaryArray) -> np.ndarray:
    """How many cells hold each dictionary entry."""
    entries = np.asarray(pc.drop_null(encoded.indices), dtype=np.int64)
    return np.bincount(entries, minlength=len(encoded.dictionary))
