"""The VALUES stage of an import: one column of text cells read into one typed column.

Every non-empty cell is either read or reported with a reason a broker can act on; an empty
cell (after trimming spaces, no-break spaces and invisible marks) is null and no error. A
column whose date order cannot be told from its cells comes back with a ``decision`` to put
to the user, who answers with ``date_order``.

The readers work on whole columns with Arrow and numpy, understanding each distinct shape or
word once, so a column of a million cells takes a fraction of a second (see ``shapes``).

Types and their Arrow results:

=======================  ===========================  =====================================
type                     result                       reader
=======================  ===========================  =====================================
id, text, email, phone   string                       ``texts``, ``phones``
date                     timestamp[us], naive UTC     ``dates``
day                      date32                       ``dates`` (months: their first day)
money                    decimal128(18, 2)            ``numbers``
number, percent          float64 (percent: 0–100)     ``numbers``
integer                  int64                        ``numbers``
rating                   int8 (0–10)                  ``ratings``
yes_no                   bool                         ``texts``
vocab                    string (our word)            ``vocabularies``
=======================  ===========================  =====================================
"""

from __future__ import annotations

from collections.abc import Mapping

import pyarrow as pa

from referral_analytics.ingest.values.date_order import ORDERS
from referral_analytics.ingest.values.dates import read_dates
from referral_analytics.ingest.values.numbers import read_numbers
from referral_analytics.ingest.values.parsed import Parsed
from referral_analytics.ingest.values.phones import read_phone
from referral_analytics.ingest.values.ratings import read_rating
from referral_analytics.ingest.values.texts import read_email, read_id, read_text, read_yes_no
from referral_analytics.ingest.values.vocabularies import read_vocab

__all__ = ["TYPES", "Parsed", "parse"]

TYPES = ("id", "text", "email", "phone", "date", "day", "money", "number", "integer",
         "percent", "rating", "yes_no", "vocab")  # fmt: skip
_READERS = {
    "id": read_id,
    "text": read_text,
    "email": read_email,
    "phone": read_phone,
    "rating": read_rating,
    "yes_no": read_yes_no,
}


def parse(
    values: pa.Array | pa.ChunkedArray,
    type: str,  # noqa: A002 (the pipeline's name for it)
    *,
    vocabulary: str | None = None,
    date_order: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Parsed:
    """One column of text cells (None = empty) read as ``type``.

    Args:
        values: The column, as the READ stage gives it (strings).
        type: One of ``TYPES``.
        vocabulary: For "vocab": which vocabulary (``vocabularies.VOCABULARIES``).
        date_order: For "date" and "day": "DMY", "MDY" or "YMD", once the user has chosen.
        overrides: For "vocab": {written word (any case) → our word, or "" to leave empty}.

    Returns:
        The typed column, the refused cells with reasons, a note on how it was read, and a
        decision to put to the user when the column cannot be read without one.

    Raises:
        ValueError: An unknown type, vocabulary or date order, or an override to a word that
            is not in the vocabulary.
    """
    if type not in TYPES:
        raise ValueError(f"unknown type {type!r}; known: {', '.join(TYPES)}")
    if type == "vocab":
        if vocabulary is None:
            raise ValueError('type "vocab" needs a vocabulary')
        return read_vocab(values, vocabulary, overrides)
    if type in ("date", "day"):
        order = date_order.upper() if date_order else None
        if order is not None and order not in ORDERS:
            raise ValueError(f"unknown date order {date_order!r}; known: {', '.join(ORDERS)}")
        return read_dates(values, day=type == "day", date_order=order)
    if type in ("money", "number", "integer", "percent"):
        return read_numbers(values, type)
    return _READERS[type](values)
