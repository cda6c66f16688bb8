"""Files the tests write: a text file from its lines."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, *lines: str) -> Path:
    """``lines`` into ``path`` as UTF-8, each ending in a newline; returns the path."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
