"""How figures read on screen: one place, so tiles, tables and the CLI agree."""

from __future__ import annotations

MISSING = "—"


def number(value: float | None, *, decimals: int = 0) -> str:
    """``12,345`` or ``12,345.6``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.{decimals}f}"


def percent(value: float | None, *, decimals: int = 1) -> str:
    """``12.3%``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.{decimals}f}%"


def money(value: float | None, *, currency: str = "SAR") -> str:
    """``SAR 1.25M``, ``SAR 48.2K``, ``SAR 950``: compact, because tiles are narrow."""
    if value is None:
        return MISSING
    sign, size = ("-" if value < 0 else ""), abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if size >= limit:
            return f"{sign}{currency} {size / limit:,.2f}{suffix}"
    return f"{sign}{currency} {size:,.0f}"


def hours(value: float | None) -> str:
    """``3.5 h``; ``—`` when undefined."""
    return MISSING if value is None else f"{value:,.1f} h"


def change(value: float | None) -> str | None:
    """A tile's delta: ``+12.3%`` against the previous period, or None when undefined."""
    return None if value is None else f"{value:+,.1f}%"
