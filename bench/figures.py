"""A measured figure: its samples, its target, and how it reads in the report."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One row of the report. ``target`` is in the figure's unit; None = a reference row.

    A figure whose measurement failed keeps no samples and says why in ``error``: the report
    shows it as "not measured" instead of the whole run ending in a traceback.
    """

    name: str
    unit: str  # "s", "ms", "MB" or "×" (a ratio to a baseline measured in the same run)
    target: float | None
    samples: list[float] = field(default_factory=list)
    note: str = ""
    error: str = ""

    @property
    def median(self) -> float | None:
        """The median sample (machines here are noisy: medians, not means)."""
        return statistics.median(self.samples) if self.samples else None

    @property
    def low(self) -> float | None:
        """The smallest sample."""
        return min(self.samples) if self.samples else None

    @property
    def high(self) -> float | None:
        """The largest sample."""
        return max(self.samples) if self.samples else None

    def verdict(self) -> str:
        """pass / FAIL / reference / not measured."""
        if self.median is None:
            return "not measured"
        if self.target is None:
            return "reference"
        return "pass" if self.median <= self.target else "FAIL"


def timed(
    action: Callable[[], object],
    *,
    runs: int,
    scale: float = 1.0,
    after: Callable[[], object] | None = None,
) -> list[float]:
    """``runs`` wall-clock timings of ``action``, in seconds × ``scale``.

    ``after`` runs after each timing, off the clock (e.g. deleting the file an action wrote,
    so the next run starts from the same state).
    """
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * scale)
        if after is not None:
            after()
    return samples


def ratio(name: str, target: float | None, numerator: Figure, denominator: Figure) -> Figure:
    """``numerator`` over ``denominator``, paired run by run (both measured in the same run).

    Pairing keeps a noisy moment from landing on one side only when the two are timed back
    to back; the median of the paired ratios is the figure.
    """
    figure = Figure(name, "×", target, note=f"{numerator.name} ÷ {denominator.name}")
    if numerator.error or denominator.error or not denominator.samples:
        figure.error = numerator.error or denominator.error or "no baseline samples"
        return figure
    pairs = zip(numerator.samples, denominator.samples, strict=False)
    figure.samples = [top / bottom for top, bottom in pairs if bottom > 0]
    return figure
