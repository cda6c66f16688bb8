"""How figures read on screen: one place, so tiles, tables and the CLI agree."""

from __future__ import annotations

MISSING = "—"


def number(value: float | None, *, decimals: int = 0) -> str:
    """``12,345`` or ``12,345.6``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.{decimals}f}"


def percent(value: float | None, *, decimals: int = 1) -> str:
    """``12.3%``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.{decimals}f}%"


def money(value: float | None, *, currency: str = "") -> str:
    """``1.25M``, ``48.2K``, ``950`` (three significant digits): tiles are narrow.

    The currency, when given, goes in front (``SAR 1.25M``); tiles put it in their label.
    """
    if value is None:
        return MISSING
    sign, size = ("-" if value < 0 else ""), abs(value)
    prefix = f"{currency} " if currency else ""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if size >= limit:
            scaled = size / limit
            digits = 2 if scaled < 10 else 1 if scaled < 100 else 0
            return f"{sign}{prefix}{scaled:,.{digits}f}{suffix}"
    return f"{sign}{prefix}{size:,.0f}"


def hours(value: float | None) -> str:
    """``3.5 h``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.1f} h"


def change(value: float | None) -> str | None:
    """A tile's delta: ``+12.3%`` against the previous period, or None when undefined."""
    return None if value is None else f"{value:+,.1f}%"
