"""Where referrals come from and what they are worth: conversion by source, the Pareto of
referrers, referred against other leads, CPA / CAC by channel, and the timing of asks.

Pure functions over the small frames ``queries.sources`` returns; no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from referral_analytics import messages, metrics
from referral_analytics.vocabulary import REFERRAL_SOURCE

# Reference figures (004), for context lines only: never used to compute anything.
REFERRALS_PER_REFERRER_REFERENCE = 2.68
REFERRAL_CONVERSION_LIFT_REFERENCE = 30.0  # referred leads convert 30% better
PARETO_TOP_SHARE = 0.2

# The one place cost channels meet deal sources (for CPA by channel); deal sources are lead
# sources (vocabulary.LEAD_SOURCES). Where a channel has no deal source it maps to None: its
# CPA is undefined, not zero. "Online ads" → "Website" is an assumption (the ads land on the
# website's forms); a deal source with no cost channel ("Sign call") brings customers at no
# recorded cost.
COST_CHANNEL_SOURCES: dict[str, str | None] = {
    "Referral program": REFERRAL_SOURCE,
    "Property portal": "Portal",
    "Online ads": "Website",
    "Open houses": "Open house",
    "Social media": "Social media",
    "Direct mail": None,
}
ASK_BUCKETS: tuple[str, ...] = ("0–2 weeks", "2–6 weeks", "6 weeks–6 months", "Over 6 months")


def source_table(by_source: pd.DataFrame, *, missing: str) -> pd.DataFrame:
    """Referrals, closed, conversion (001 §3.1) and revenue per source group or channel."""
    frame = by_source.assign(segment=by_source["segment"].fillna(missing))
    frame["conversion"] = pd.array(
        [
            metrics.referral_conversion_rate(int(c), int(n))
            for c, n in zip(frame["closed"], frame["referrals"], strict=True)
        ],
        dtype="Float64",
    )
    return frame


def decided_conversion(won: int, lost: int) -> float | None:
    """Lead conversion (000 §5.5.1, 003 §4.1) over decided leads: won ÷ (won + lost) × 100.

    Leads still open are left out: they have not converted or failed yet, and counting them as
    failures would punish the sources whose leads take longest.
    """
    return metrics.lead_conversion_rate(won, won + lost)


def conversion_lift(referral_rate: float | None, other_rate: float | None) -> float | None:
    """How much better referred leads convert than other leads, in % of the other rate
    (004's "30% better" is a lift of 30)."""
    return metrics.relative_change(referral_rate, other_rate)


@dataclass(frozen=True)
class LeadComparison:
    """Referred leads against all other leads, and each source's own conversion."""

    table: pd.DataFrame  # source, leads, won, lost, open, conversion, referral (bool)
    referral_rate: float | None
    other_rate: float | None
    lift: float | None

    @property
    def reference_rate(self) -> float | None:
        """The referral conversion 004's "30% better" would give against these other leads."""
        if self.other_rate is None:
            return None
        return self.other_rate * (1 + REFERRAL_CONVERSION_LIFT_REFERENCE / 100)


def lead_comparison(leads: pd.DataFrame) -> LeadComparison:
    """Conversion of referred leads (source "Referral") against every other source combined.

    ``leads`` is ``queries.sources.lead_conversion``: a deal with no source of its own counts
    as referred when it came from a referral, else under its contact's lead source.
    """
    table = leads.assign(referral=leads["source"] == REFERRAL_SOURCE)
    table["conversion"] = pd.array(
        [
            decided_conversion(int(w), int(x))
            for w, x in zip(table["won"], table["lost"], strict=True)
        ],
        dtype="Float64",
    )
    referred, others = table[table["referral"]], table[~table["referral"]]
    referral_rate = decided_conversion(int(referred["won"].sum()), int(referred["lost"].sum()))
    other_rate = decided_conversion(int(others["won"].sum()), int(others["lost"].sum()))
    return LeadComparison(
        table, referral_rate, other_rate, conversion_lift(referral_rate, other_rate)
    )


def acquisition_costs(costs: pd.DataFrame, customers: Mapping[str, int]) -> pd.DataFrame:
    """Spend and cost per customer acquired for each cost channel, then the totals.

    Marketing channels: CPA = spend ÷ customers from the matching deal source (000 §5.5.1).
    The referral program: CAC = program cost ÷ new customers from referrals (001 §3.1).
    "All marketing" = all marketing spend ÷ customers from every non-referral source.
    ``customers`` maps a deal source to the customers it brought in the period.
    """
    spend = costs.groupby(["channel", "category"], as_index=False, dropna=False)["amount"].sum()
    rows = []
    for channel, category, amount in spend.itertuples(index=False):
        source = COST_CHANNEL_SOURCES.get(channel)
        won = None if source is None else int(customers.get(source, 0))
        rows.append((channel, category, source, float(amount), won, _per_customer(amount, won)))
    marketing = float(spend.loc[spend["category"] == "marketing", "amount"].sum())
    others = sum(int(n) for s, n in customers.items() if s != REFERRAL_SOURCE)
    rows.append(
        (
            "All marketing",
            "marketing",
            None,
            marketing,
            others,
            metrics.cost_per_acquisition(marketing, others),
        )
    )
    columns = ["channel", "category", "source", "spend", "customers", "cost_per_customer"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["customers"] = frame["customers"].astype("Int64")
    frame["cost_per_customer"] = frame["cost_per_customer"].astype("Float64")
    return frame


def unmatched_sources(customers: Mapping[str, int]) -> list[str]:
    """Deal sources that brought customers but have no cost channel (their cost is unknown)."""
    matched = {s for s in COST_CHANNEL_SOURCES.values() if s}
    # A deal with no source anywhere (its own, a referral's or its contact's) names none.
    return sorted(s for s, n in customers.items() if isinstance(s, str) and s not in matched and n)


def costs_note(unmatched: list[str]) -> str:
    """How CPA and CAC are measured here, where cost channels meet deal sources, and which
    sources brought customers at no recorded cost (messages.COSTS_NOTE)."""
    pairs = (f"{c} → {s or 'no deal source'}" for c, s in COST_CHANNEL_SOURCES.items())
    note = messages.COSTS_NOTE.format(mapping="; ".join(pairs))
    if unmatched:
        note += " " + messages.COSTS_UNMATCHED.format(sources=", ".join(unmatched))
    return note


def _per_customer(amount: float, customers: int | None) -> float | None:
    # CPA and the referral program's CAC are the same division (domain.md "Formulas").
    return None if customers is None else metrics.cost_per_acquisition(float(amount), customers)


@dataclass(frozen=True)
class Pareto:
    """How concentrated referrals are among referrers (the 80/20 view)."""

    bars: (
        pd.DataFrame
    )  # rank_share (% of referrers), per_referrer, cumulative_share (% of referrals)
    referrers: int
    referrals: int
    top_referrers: int  # the top 20% of referrers, rounded up
    top_share: float | None  # % of referrals the top 20% brought
    mean_per_referrer: float | None  # referrals per referrer (004: 2.68 on average)


def pareto(frequency: pd.DataFrame, *, bars: int = 100, top: float = PARETO_TOP_SHARE) -> Pareto:
    """Referrers ranked by referrals sent, from (referrals_each, referrers) frequency rows.

    The share of the top ``top`` of referrers (⌈top × referrers⌉ of them) is exact; ties do not
    matter, since tied referrers sent the same number. With more than ``bars`` referrers, the
    bars are equal slices of the ranking (each slice's referrals per referrer on average).
    """
    each = np.repeat(
        frequency["referrals_each"].to_numpy(dtype=np.int64),
        frequency["referrers"].to_numpy(dtype=np.int64),
    )
    each = np.sort(each)[::-1]
    referrers, referrals = len(each), int(each.sum())
    top_n = math.ceil(top * referrers)
    top_share = metrics.percent(int(each[:top_n].sum()), referrals)
    slices = [s for s in np.array_split(each, min(bars, referrers)) if len(s)] if referrers else []
    ends = np.cumsum([len(s) for s in slices])
    cumulative = np.cumsum([int(s.sum()) for s in slices])
    frame = pd.DataFrame(
        {
            "rank_share": ends / referrers * 100 if referrers else [],
            "per_referrer": [float(s.mean()) for s in slices],
            "cumulative_share": cumulative / referrals * 100 if referrals else [],
        }
    )
    return Pareto(
        frame, referrers, referrals, top_n, top_share, metrics.ratio(referrals, referrers)
    )


def ask_yield(asks: pd.DataFrame) -> pd.DataFrame:
    """Each time-since-closing bucket (004 §2) with asks, replies, reply share and referrals
    per ask (the yield); buckets without asks show zero asks and no rates."""
    by_bucket = asks.set_index("bucket")
    rows = []
    for bucket, label in enumerate(ASK_BUCKETS, start=1):
        n, replied, referrals = (
            (int(by_bucket.loc[bucket, c]) for c in ("asks", "replied", "referrals"))
            if bucket in by_bucket.index
            else (0, 0, 0)
        )
        rows.append(
            (
                bucket,
                label,
                n,
                replied,
                referrals,
                metrics.percent(replied, n),
                metrics.ratio(referrals, n),
            )
        )
    columns = [
        "bucket",
        "label",
        "asks",
        "replied",
        "referrals",
        "reply_share",
        "referrals_per_ask",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("reply_share", "referrals_per_ask"):
        frame[column] = frame[column].astype("Float64")
    return frame
