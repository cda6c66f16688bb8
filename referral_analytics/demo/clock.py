"""The demo's calendar: everything happens in the 24 months up to ``end``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np

DAY = np.timedelta64(86_400, "s")
HOUR = np.timedelta64(3_600, "s")


@dataclass(frozen=True)
class Clock:
    """``start`` and ``end`` of the demo window as numpy datetimes (``end`` exclusive)."""

    start: np.datetime64
    end: np.datetime64

    @classmethod
    def ending(cls, last_day: date) -> Clock:
        """A window of 730 days that ends with ``last_day`` (included)."""
        end = datetime.combine(last_day + timedelta(days=1), time.min)
        return cls(start=np.datetime64(end - timedelta(days=730), "s"), end=np.datetime64(end, "s"))

    def uniform(self, rng: np.random.Generator, n: int, lo=None, hi=None) -> np.ndarray:
        """``n`` random instants between ``lo`` and ``hi`` (default: the whole window)."""
        lo = self.start if lo is None else lo
        hi = self.end if hi is None else hi
        span = (np.asarray(hi) - np.asarray(lo)).astype("timedelta64[s]").astype(np.int64)
        offsets = (rng.random(n) * np.maximum(span, 0)).astype(np.int64)
        return np.asarray(lo) + offsets.astype("timedelta64[s]")

    def days(self, values) -> np.ndarray:
        """Durations given in days (floats) as numpy timedeltas."""
        return (np.asarray(values) * 86_400).astype(np.int64).astype("timedelta64[s]")

    def hours(self, values) -> np.ndarray:
        """Durations given in hours (floats) as numpy timedeltas."""
        return (np.asarray(values) * 3_600).astype(np.int64).astype("timedelta64[s]")

    def before_end(self, instants: np.ndarray) -> np.ndarray:
        """Instants that have happened by the end of the window; the rest become NaT."""
        instants = np.asarray(instants, dtype="datetime64[s]").copy()
        instants[~(instants < self.end)] = np.datetime64("NaT")
        return instants
