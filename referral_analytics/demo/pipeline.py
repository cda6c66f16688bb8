"""Demo referrals through their pipeline, the deals they and other leads make, and rewards."""

from __future__ import annotations

import numpy as np
import pandas as pd

from referral_analytics.demo.clock import Clock
from referral_analytics.demo.people import AGENTS, pick
from referral_analytics.scoring import referral_reward
from referral_analytics.vocabulary import REFERRAL_SOURCE

_CHANNELS = ("Phone call", "Text message", "In person", "Email", "Social media", "Website form")
# Median hours to first contact per agent: some agents honour the 24-hour rule better (000 §5.3.3).
_AGENT_MEDIAN_HOURS = dict(zip(AGENTS, (2.5, 4.0, 6.0, 9.0), strict=True))
# (probability of reaching the step, mean days from the previous step, reasons lost before it)
_STEPS = (
    ("first_contact_at", 0.97, None, ("Unreachable", "Wrong contact details")),
    ("appointment_at", 0.66, 6.0, ("Not ready to move", "Chose another agent", "Unresponsive")),
    ("contract_at", 0.56, 24.0, ("Price expectations", "Financing fell through", "Other agent")),
    ("closed_at", 0.90, 35.0, ("Inspection issues", "Financing fell through")),
)  # fmt: skip
# How likely each circle is to refer (Core Advocates send a steady stream: 003).
_REFERRER_WEIGHT = np.array([0.0, 0.0, 0.5, 5.0, 4.0, 14.0])
_OTHER_SOURCES = ("Portal", "Website", "Open house", "Social media", "Sign call")  # LEAD_SOURCES
_OTHER_WIN_RATE = (0.18, 0.21, 0.24, 0.16, 0.27)


def referrals(rng: np.random.Generator, people: pd.DataFrame, clock: Clock) -> pd.DataFrame:
    """One referral per referred contact, with stage timestamps, outcome and value."""
    referred = people[people["_referred"]].reset_index(drop=True)
    n = len(referred)
    received = referred["created_at"].to_numpy()
    refs = pd.DataFrame(
        {
            "referral_id": "R" + pd.Series(np.arange(1, n + 1)).astype("string").str.zfill(7),
            "referred_id": referred["contact_id"],
            "agent": referred["agent"],
            "channel": pick(rng, _CHANNELS, (0.34, 0.22, 0.16, 0.1, 0.1, 0.08), n),
            "received_at": received,
        }
    )
    refs = _walk_pipeline(rng, refs, clock)
    value = np.round(np.exp(rng.normal(np.log(1_300_000), 0.45, n)), -3)
    won = refs["status"] == "closed"
    refs["transaction_value"] = np.where(won, value, np.nan)
    refs["commission"] = np.where(won, np.round(value * rng.uniform(0.02, 0.03, n), 2), np.nan)
    refs["referrer_id"], refs["source_group"] = _referrers(rng, people, refs, clock)
    return refs


def _walk_pipeline(rng: np.random.Generator, refs: pd.DataFrame, clock: Clock) -> pd.DataFrame:
    n = len(refs)
    at = refs["received_at"].to_numpy()
    alive = np.ones(n, dtype=bool)
    lost_at = np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
    reason = np.full(n, None, dtype=object)
    for column, p_reach, mean_days, reasons in _STEPS:
        if mean_days is None:
            median = refs["agent"].map(_AGENT_MEDIAN_HOURS).to_numpy()
            delay = clock.hours(np.exp(rng.normal(np.log(median), 1.3)))
        else:
            delay = clock.days(rng.exponential(mean_days, n) + 0.5)
        fails = alive & (rng.random(n) > p_reach)
        lost_at[fails] = at[fails] + clock.days(rng.exponential(12, fails.sum()) + 1)
        reason[fails] = pick(rng, reasons, np.ones(len(reasons)), fails.sum())
        alive &= ~fails
        at = np.where(alive, at + delay, np.datetime64("NaT"))
        refs[column] = clock.before_end(at)
        alive &= ~np.isnat(refs[column].to_numpy())
    lost = ~np.isnat(clock.before_end(lost_at))
    refs["lost_at"] = clock.before_end(lost_at)
    refs["lost_reason"] = np.where(lost, reason, None)
    closed = ~np.isnat(refs["closed_at"].to_numpy())
    refs["status"] = np.select([closed, lost], ["closed", "lost"], "open")
    return refs


def _referrers(
    rng: np.random.Generator, people: pd.DataFrame, refs: pd.DataFrame, clock: Clock
) -> tuple[pd.Series, pd.Series]:
    """Who sent each referral: someone already in the circle when it arrived.

    Clients a referral brought in can refer once their deal closed, which makes chains.
    A heavy-tailed propensity gives a realistic Pareto of referrers (~2.7 each: 004).
    """
    pool = people[~people["_referred"]][["contact_id", "source_group", "_category", "created_at"]]
    closed = refs[refs["status"] == "closed"]
    grown = people.set_index("contact_id").loc[closed["referred_id"], ["source_group"]]
    grown = grown.assign(_category=4, created_at=closed["closed_at"].to_numpy()).reset_index()
    pool = pd.concat([pool, grown], ignore_index=True).sort_values("created_at", ignore_index=True)
    weight = _REFERRER_WEIGHT[pool["_category"].to_numpy()] * rng.pareto(2.5, len(pool))
    weight[rng.random(len(pool)) > 0.7] = 0  # most people in a circle never refer (83% vs 29%: 004)
    cumulative = np.cumsum(weight)
    bound = np.searchsorted(pool["created_at"].to_numpy(), refs["received_at"].to_numpy())
    top = cumulative[np.maximum(bound - 1, 0)]
    chosen = np.searchsorted(cumulative, rng.random(len(refs)) * top, side="right")
    chosen = np.minimum(chosen, len(pool) - 1)
    return (
        pool["contact_id"].to_numpy()[chosen],
        pool["source_group"].to_numpy()[chosen],
    )


def deals(
    rng: np.random.Generator, people: pd.DataFrame, refs: pd.DataFrame, clock: Clock
) -> pd.DataFrame:
    """Every lead's deal: one per referral, and leads from other sources for comparison."""
    stage = np.select(
        [
            refs[c].notna()
            for c in ("closed_at", "contract_at", "appointment_at", "first_contact_at")
        ],
        ["Closed", "Under contract", "Appointment", "Contacted"],
        "New",
    )
    referred = pd.DataFrame(
        {
            "contact_id": refs["referred_id"],
            "referral_id": refs["referral_id"],
            "agent": refs["agent"],
            "source": REFERRAL_SOURCE,
            "stage": stage,
            "status": refs["status"].map({"closed": "won", "lost": "lost", "open": "open"}),
            "value": refs["transaction_value"],
            "commission": refs["commission"],
            "created_at": refs["received_at"],
            "closed_at": refs["closed_at"].fillna(refs["lost_at"]),
        }
    )
    others = _other_leads(rng, people, clock, n=int(len(refs) * 1.4))
    frame = pd.concat([referred, others], ignore_index=True)
    frame.insert(
        0, "deal_id", "D" + pd.Series(np.arange(1, len(frame) + 1)).astype("string").str.zfill(7)
    )
    return frame


def _other_leads(
    rng: np.random.Generator, people: pd.DataFrame, clock: Clock, n: int
) -> pd.DataFrame:
    candidates = people[~people["_referred"] & (people["created_at"] >= clock.start)]
    leads = candidates.sample(n=min(n, len(candidates)), random_state=rng)
    n = len(leads)
    source_index = rng.choice(len(_OTHER_SOURCES), size=n, p=(0.34, 0.2, 0.16, 0.2, 0.1))
    won = rng.random(n) < np.asarray(_OTHER_WIN_RATE)[source_index]
    created = leads["created_at"].to_numpy()
    decided = clock.before_end(created + clock.days(rng.exponential(70, n) + 10))
    won &= ~np.isnat(decided)
    value = np.round(np.exp(rng.normal(np.log(1_100_000), 0.45, n)), -3)
    status = np.where(won, "won", np.where(np.isnat(decided), "open", "lost"))
    return pd.DataFrame(
        {
            "contact_id": leads["contact_id"].to_numpy(),
            "agent": leads["agent"].to_numpy(),
            "source": np.asarray(_OTHER_SOURCES, dtype=object)[source_index],
            "stage": np.where(won, "Closed", np.where(status == "open", "Appointment", "Lost")),
            "status": status,
            "value": np.where(won, value, np.nan),
            "commission": np.where(won, np.round(value * 0.025, 2), np.nan),
            "created_at": created,
            "closed_at": decided,
        }
    )


def rewards(rng: np.random.Generator, refs: pd.DataFrame, clock: Clock) -> pd.DataFrame:
    """Thank-you gifts at the appointment and rewards at closing (002 §2.3: paid per stage)."""
    booked = refs[refs["appointment_at"].notna() & (rng.random(len(refs)) < 0.4)]
    gifts = booked.assign(
        reward_type="Thank-you gift",
        amount=np.round(rng.uniform(150, 300, len(booked)), 0),
        stage="Appointment",
        paid_at=booked["appointment_at"] + pd.Timedelta(days=1),
    )
    closed = refs[refs["status"] == "closed"]
    kind = pick(rng, ("Cash reward", "Gift card", "Dinner for two", "Handwritten note and gift"),
                (0.5, 0.25, 0.15, 0.1), len(closed))  # fmt: skip
    cash = referral_reward(closed["transaction_value"].to_numpy(), percentage=0.0025, bonus=500.0)
    fixed = pd.Series(kind).map(
        {"Gift card": 1000.0, "Dinner for two": 600.0, "Handwritten note and gift": 250.0}
    )
    paid = closed.assign(
        reward_type=kind,
        amount=np.where(kind == "Cash reward", np.round(cash, 2), fixed.to_numpy()),
        stage="Closed",
        paid_at=closed["closed_at"] + pd.to_timedelta(rng.integers(1, 15, len(closed)), unit="D"),
    )
    frame = pd.concat([gifts, paid], ignore_index=True)
    frame["paid_at"] = clock.before_end(frame["paid_at"].to_numpy())
    frame = frame[frame["paid_at"].notna()].reset_index(drop=True)
    frame.insert(
        0, "reward_id", "W" + pd.Series(np.arange(1, len(frame) + 1)).astype("string").str.zfill(7)
    )
    return frame[
        [
            "reward_id",
            "referral_id",
            "referrer_id",
            "agent",
            "reward_type",
            "amount",
            "stage",
            "paid_at",
        ]
    ]
