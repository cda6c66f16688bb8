"""Rewrite a text file as UTF-8, in chunks, so the fast CSV reader can take any encoding.

DuckDB reads UTF-8 only well (it has no Windows-1256), so UTF-16 and Windows code pages pass
through here first: about a second per 350 MB, against minutes for a per-row decode.
"""

from __future__ import annotations

import io
from pathlib import Path

from referral_analytics import messages
from referral_analytics.ingest.read.problems import refuse

CHUNK_CHARS = 1 << 20


def to_utf8(
    source: Path, target: Path, *, encoding: str, bom: int, name: str, newlines: bool
) -> None:
    """Write ``source`` decoded from ``encoding`` to ``target`` as UTF-8 without a BOM.

    Args:
        source: The uploaded file.
        target: Where the UTF-8 copy goes.
        encoding: The source's codec.
        bom: Bytes of byte-order mark to skip.
        name: The file's name, for the message if it does not decode.
        newlines: Turn CR and CRLF line ends into LF (CR-only or mixed files); otherwise
            every character is kept as it is.
    """
    with source.open("rb") as raw, target.open("w", encoding="utf-8", newline="") as sink:
        raw.seek(bom)
        text = io.TextIOWrapper(raw, encoding=encoding, newline=None if newlines else "")
        try:
            while chunk := text.read(CHUNK_CHARS):
                sink.write(chunk)
        except UnicodeDecodeError:
            label = encoding.upper().replace("CP", "Windows-")
            raise refuse(name, messages.READ_NOT_TEXT, encoding=label, offset=raw.tell()) from None
