"""The referral pipeline's formulas (000 §5.3): step conversion and drop-off, the 24-hour rule,
close rates of monthly cohorts, the contact ladder, and what a click on a chart asks to list.

Pure functions over the small frames ``queries.funnel`` returns; no I/O. A rate whose
denominator is zero is ``None`` (shown as "—"), as in ``metrics``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from referral_analytics import messages, metrics
from referral_analytics.vocabulary import FUNNEL_STEPS, LADDER

STEP_NAMES: tuple[str, ...] = tuple(name for name, _ in FUNNEL_STEPS)
RULE_HOURS = 24  # contact a referred person within 24 hours (000 §5.3.3)
CLOSE_WINDOWS: tuple[int, ...] = (30, 60, 90, 180)
NOT_ON_LADDER = "Not on the ladder"


def step_name(step: int) -> str:
    """The name of funnel step ``step`` (1 = Received … 5 = Closed)."""
    return STEP_NAMES[step - 1]


def step_conversion(reached: int, previous: int) -> float | None:
    """Step conversion: "Conversion rate (referrals)" (001 §3.1) taken one step at a time.

    Referrals that reached a step ÷ referrals that reached the step before × 100.
    """
    return metrics.percent(reached, previous)


def drop_off(reached: int, previous: int) -> float | None:
    """Drop-off at a step: the share of the step before that went no further (100 − conversion)."""
    conversion = step_conversion(reached, previous)
    return None if conversion is None else 100 - conversion


def funnel_table(steps: pd.DataFrame) -> pd.DataFrame:
    """Each step with its name, share of all received, conversion from the step before,
    drop-off, and median days spent at it (from ``sql/funnel_steps.sql``)."""
    reached = [int(n) for n in steps["reached"]]
    received = reached[0] if reached else 0
    previous = [None, *reached[:-1]]
    return pd.DataFrame(
        {
            "step": steps["step"].astype(int),
            "name": [step_name(int(s)) for s in steps["step"]],
            "reached": reached,
            "share_of_received": _floats(metrics.percent(n, received) for n in reached),
            "conversion": _floats(
                None if p is None else step_conversion(n, p)
                for n, p in zip(reached, previous, strict=True)
            ),
            "drop_off": _floats(
                None if p is None else drop_off(n, p)
                for n, p in zip(reached, previous, strict=True)
            ),
            "median_days": steps["median_days"].astype("Float64"),
        }
    )


def compare_conversion(compare: pd.DataFrame, *, missing: str) -> pd.DataFrame:
    """Per segment: conversion into each step from the one before, and overall (closed ÷
    received). Long form: segment, step (2–5, then 6 = overall), label, conversion, reached.

    ``missing`` labels referrals whose segment was not recorded.
    """
    rows = []
    for segment, group in compare.groupby(compare["segment"].fillna(missing), sort=True):
        reached = dict(zip(group["step"].astype(int), group["reached"].astype(int), strict=True))
        for step in range(2, len(STEP_NAMES) + 1):
            rows.append(
                (segment, step, step_name(step),
                 step_conversion(reached.get(step, 0), reached.get(step - 1, 0)),
                 reached.get(step, 0))
            )  # fmt: skip
        overall = step_conversion(reached.get(len(STEP_NAMES), 0), reached.get(1, 0))
        rows.append((segment, len(STEP_NAMES) + 1, "Overall", overall, reached.get(5, 0)))
    frame = pd.DataFrame(rows, columns=["segment", "step", "label", "conversion", "reached"])
    frame["conversion"] = frame["conversion"].astype("Float64")
    return frame


def rule_share(within: int, missed: int) -> float | None:
    """Share contacted within 24 hours (000 §5.3.3) of the referrals whose 24 hours are over:
    within ÷ (within + missed) × 100. Those still inside their 24 hours are not judged yet."""
    return metrics.percent(within, within + missed)


def rule_by_agent(by_agent: pd.DataFrame, *, missing: str) -> pd.DataFrame:
    """The 24-hour rule per agent, with their share within 24 hours; worst share first."""
    frame = by_agent.assign(agent=by_agent["agent"].fillna(missing))
    frame["share_within_24h"] = _floats(
        rule_share(int(w), int(m))
        for w, m in zip(frame["within_24h"], frame["missed"], strict=True)
    )
    return frame.sort_values(["share_within_24h", "agent"], na_position="last", ignore_index=True)


def lost_by_step(lost: pd.DataFrame) -> pd.DataFrame:
    """Lost referrals per last step reached (every step before Closed, zeros included)."""
    counts = lost.groupby("last_step")["referrals"].sum()
    steps = range(1, len(STEP_NAMES))
    return pd.DataFrame(
        {
            "last_step": list(steps),
            "name": [step_name(s) for s in steps],
            "referrals": [int(counts.get(s, 0)) for s in steps],
        }
    )


def lost_by_reason(lost: pd.DataFrame, *, no_reason: str) -> pd.DataFrame:
    """Lost referrals per reason, most first; ``no_reason`` labels those without one."""
    counts = lost.groupby("lost_reason", as_index=False)["referrals"].sum()
    counts["label"] = counts["lost_reason"].replace("", no_reason)
    return counts.sort_values(["referrals", "label"], ascending=[False, True], ignore_index=True)


def cohort_shares(cohorts: pd.DataFrame) -> pd.DataFrame:
    """Each month's share closed within 30/60/90/180 days (``share_30`` …), × 100.

    A window not yet elapsed for the month stays missing (null from the query): a share of a
    cohort that has not had the time would make recent months look bad.
    """
    frame = cohorts[["month", "referrals"]].copy()
    for days in CLOSE_WINDOWS:
        closed = cohorts[f"closed_{days}"]
        frame[f"closed_{days}"] = closed.astype("Int64")
        frame[f"share_{days}"] = _floats(
            None if pd.isna(c) else metrics.percent(int(c), int(n))
            for c, n in zip(closed, cohorts["referrals"], strict=True)
        )
    return frame


def ladder_table(ladder: pd.DataFrame) -> pd.DataFrame:
    """Contacts per category in ladder order (003), zeros included, with each one's share × 100.

    Categories outside the six (or none) come last, together, as "Not on the ladder".
    """
    counts = dict(zip(ladder["category"].fillna(NOT_ON_LADDER), ladder["contacts"], strict=True))
    others = sum(int(n) for c, n in counts.items() if c not in LADDER)
    rows = [(c, int(counts.get(c, 0))) for c in LADDER] + (
        [(NOT_ON_LADDER, others)] if others else []
    )
    total = sum(n for _, n in rows)
    frame = pd.DataFrame(rows, columns=["category", "contacts"])
    frame["share"] = _floats(metrics.percent(n, total) for _, n in rows)
    return frame


@dataclass(frozen=True)
class DrillTarget:
    """What a click on a chart asks to list: referrals (by step, loss or month) or contacts."""

    kind: str  # "step" | "lost" | "month" | "category"
    step: int | None = None
    lost_step: int | None = None
    lost_reason: str | None = None
    month: date | None = None
    category: str | None = None

    def describe(self) -> str:
        """What the table lists, in words (messages.DRILL)."""
        if self.kind == "step":
            return messages.DRILL["step"].format(step=step_name(self.step))
        if self.kind == "lost":
            return messages.DRILL["lost"].format(
                step=step_name(self.lost_step), reason=self.lost_reason or messages.NO_REASON
            )
        if self.kind == "month":
            return messages.DRILL["month"].format(month=self.month)
        return messages.DRILL["category"].format(category=self.category)


def drill_target(points: Iterable[Mapping]) -> DrillTarget | None:
    """The target of a chart click, from the plotly selection's points.

    Each clickable trace carries ``customdata`` ``[kind, value, …]``: ``["step", 3]``,
    ``["lost", 2, "Unreachable"]``, ``["month", "2026-01-01"]``, ``["category", "Advocate"]``.
    The first point with such data wins; anything else (a legend, a line) selects nothing.
    """
    for point in points:
        data = point.get("customdata")
        if not isinstance(data, list | tuple) or not data:
            continue
        kind, *values = data
        if kind == "step" and values:
            return DrillTarget("step", step=int(values[0]))
        if kind == "lost" and len(values) >= 2:
            return DrillTarget("lost", lost_step=int(values[0]), lost_reason=str(values[1]))
        if kind == "month" and values:
            return DrillTarget("month", month=pd.Timestamp(values[0]).date())
        if kind == "category" and values and values[0] in LADDER:
            return DrillTarget("category", category=str(values[0]))
    return None


def _floats(values: Iterable[float | None]) -> pd.array:
    """Rates as a nullable float column: ``None`` stays missing, never a misleading 0."""
    return pd.array(list(values), dtype="Float64")
