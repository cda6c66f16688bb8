"""Demo activity: contact-plan touches, referral-ask e-mail experiments, partners, costs, NPS."""

from __future__ import annotations

import numpy as np
import pandas as pd

from referral_analytics.demo.clock import Clock
from referral_analytics.demo.people import AGENTS, pick

_TOUCH_CHANNELS = ("Call", "Handwritten note", "Email", "Text message", "Visit", "Gift", "Event")
_TOUCH_SHARE = (0.3, 0.15, 0.2, 0.15, 0.08, 0.05, 0.07)
# (experiment, sends as a share of contacts, days before the end, ((variant, wording, reply rate)))
_EXPERIMENTS = (
    ("Ask e-mail: subject line", 0.24, 200,
     (("A", "Quick favour?", 0.075), ("B", "Know someone moving?", 0.11))),
    ("Ask e-mail: reward mention", 0.30, 60,
     (("A", "No reward", 0.075), ("B", "Gift card", 0.09), ("C", "Charity gift", 0.08))),
)  # fmt: skip
_TRADES = (
    "Mortgage broker", "Insurance agent", "Home inspector", "Contractor", "Interior designer",
    "Real-estate lawyer", "Moving company", "Property manager",
)  # fmt: skip
_COST_CHANNELS = {  # monthly spend per 5,000 contacts: (channel, category, mean amount)
    "Referral program": ("referral_program", 3_000.0),
    "Property portal": ("marketing", 6_000.0),
    "Online ads": ("marketing", 4_000.0),
    "Open houses": ("marketing", 1_500.0),
    "Direct mail": ("marketing", 1_200.0),
    "Social media": ("marketing", 2_500.0),
}


def _ids(prefix: str, n: int) -> pd.Series:
    return prefix + pd.Series(np.arange(1, n + 1)).astype("string").str.zfill(8)


def touches(rng: np.random.Generator, people: pd.DataFrame, clock: Clock) -> pd.DataFrame:
    """8x8 for new contacts met in the window; 33 Touch for advocates over the last year (003).

    Built on row positions and codes, not strings: a million contacts make ~8 million touches.
    """
    category = people["_category"].to_numpy()
    created = people["created_at"].to_numpy()
    new = np.flatnonzero((category >= 2) & (created >= clock.start))
    week = np.tile(np.arange(8), len(new))
    eight_who = np.repeat(new, 8)
    eight_at = created[eight_who] + clock.days(week * 7 + rng.uniform(0, 6, len(week)))
    inner = np.flatnonzero(category >= 4)
    count = rng.binomial(33, rng.uniform(0.45, 0.95, len(inner)))
    year_ago = clock.end - clock.days(365)
    who = np.concatenate([eight_who, np.repeat(inner, count)])
    at = np.concatenate([eight_at, clock.uniform(rng, int(count.sum()), lo=year_ago, hi=clock.end)])
    plan = np.concatenate([np.zeros(len(eight_who), np.int8), np.ones(int(count.sum()), np.int8)])
    # Plans slip: not every 8x8 touch happens; and nothing is logged after the window.
    keep = ~np.isnat(clock.before_end(at)) & ((plan == 1) | (rng.random(len(plan)) < 0.85))
    who, at, plan = who[keep], at[keep], plan[keep]
    return pd.DataFrame(
        {
            "touch_id": _ids("T", len(who)),
            "contact_id": people["contact_id"].array.take(who),
            "agent": people["agent"].array.take(who),
            "touched_at": at,
            "channel": pick(rng, _TOUCH_CHANNELS, _TOUCH_SHARE, len(who)),
            "plan": pd.Categorical.from_codes(plan, categories=["8x8", "33 Touch"]),
        }
    )


def email_experiments(
    rng: np.random.Generator, people: pd.DataFrame, leads: pd.DataFrame, clock: Clock
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two referral-ask e-mail tests (001 §3.3): one A/B, one A/B/C, as send logs and arms."""
    sends, arms = [], []
    asked = people[people["_category"].to_numpy() >= 2]
    for name, share, days_before, variants in _EXPERIMENTS:
        n = min(int(len(people) * share), len(asked))
        who = asked.sample(n=n, random_state=rng)
        arm = rng.integers(0, len(variants), n)  # planned: an equal split
        names = np.asarray([v[0] for v in variants], dtype=object)[arm]
        reply_rate = np.asarray([v[2] for v in variants])[arm]
        start = clock.end - clock.days(days_before)
        sent = clock.uniform(rng, n, lo=start, hi=start + clock.days(min(42, days_before - 1)))
        reply_rate = reply_rate * _ask_timing_effect(who["contact_id"].to_numpy(), sent, leads)
        sends.append(_responses(rng, clock, name, who, names, reply_rate, sent))
        arms.append(
            pd.DataFrame(
                {
                    "experiment": name,
                    "variant": [v[0] for v in variants],
                    "description": [v[1] for v in variants],
                    "planned_share": 1 / len(variants),
                    # The older test reached its plan; the recent one is still short of it.
                    "planned_sends": max(
                        100, int(n / len(variants) * (0.9 if days_before > 90 else 1.4))
                    ),
                }
            )
        )
    frame = pd.concat(sends, ignore_index=True)
    frame.insert(0, "send_id", _ids("E", len(frame)))
    return frame, pd.concat(arms, ignore_index=True)


def _ask_timing_effect(contacts: np.ndarray, sent: np.ndarray, leads: pd.DataFrame) -> np.ndarray:
    """How the time since a client's closing changes the chance of a referral (004 §2).

    Asked right after the purchase, clients answer best; after six months the ask is mostly
    wasted; people who never bought from us answer less than clients.
    """
    wins = leads.loc[leads["status"] == "won", ["contact_id", "closed_at"]].dropna()
    wins = wins.astype({"contact_id": "string", "closed_at": "datetime64[s]"})
    asks = pd.DataFrame({"contact_id": contacts, "sent_at": sent, "order": np.arange(len(sent))})
    asks["contact_id"] = asks["contact_id"].astype("string")
    matched = pd.merge_asof(
        asks.sort_values("sent_at"), wins.sort_values("closed_at"), left_on="sent_at",
        right_on="closed_at", by="contact_id", direction="backward",
    ).sort_values("order")  # fmt: skip
    days = (matched["sent_at"] - matched["closed_at"]).dt.days.to_numpy()
    return np.select(
        [np.isnan(days), days < 14, days < 42, days < 183], [0.8, 1.6, 1.35, 1.0], default=0.45
    )


def _responses(rng, clock, name, who, variant, reply_rate, sent) -> pd.DataFrame:
    n = len(who)
    opened = rng.random(n) < np.clip(reply_rate * 7.5, 0, 0.9)
    clicked = opened & (rng.random(n) < 0.3)
    replied = opened & (rng.random(n) < reply_rate / np.clip(reply_rate * 7.5, 1e-9, 0.9))
    later = sent + clock.hours(rng.exponential(20, n) + 0.1)
    referred = np.where(replied & (rng.random(n) < 0.55), 1 + rng.poisson(0.5, n), 0)
    return pd.DataFrame(
        {
            "experiment": name,
            "variant": variant,
            "contact_id": who["contact_id"].to_numpy(),
            "agent": who["agent"].to_numpy(),
            "sent_at": sent,
            "opened_at": clock.before_end(np.where(opened, later, np.datetime64("NaT"))),
            "clicked_at": clock.before_end(
                np.where(clicked, later + clock.hours(0.2), np.datetime64("NaT"))
            ),
            "replied_at": clock.before_end(
                np.where(replied, later + clock.hours(rng.exponential(30, n)), np.datetime64("NaT"))
            ),
            "referrals_generated": referred.astype(np.int32),
        }
    )


def partners(rng: np.random.Generator, contacts: int, clock: Clock) -> pd.DataFrame:
    """About 30 allied resources, each scored per quarter over the window (002 §3.4)."""
    n = max(30, contacts // 33_000)
    quarters = pd.date_range(
        pd.Timestamp(clock.start).to_period("Q").start_time, periods=8, freq="QS"
    )
    quality, speed = rng.uniform(2.5, 4.8, n), np.exp(rng.normal(np.log(8), 0.8, n))
    satisfaction, volume = rng.uniform(2.8, 4.9, n), rng.gamma(2.0, 1.5, n)
    rows = len(quarters) * n
    p = np.tile(np.arange(n), len(quarters))
    agent_of = pick(rng, AGENTS, np.ones(len(AGENTS)), n)
    return pd.DataFrame(
        {
            "partner_id": "P" + pd.Series(p + 1).astype("string").str.zfill(3),
            "name": [f"{_TRADES[i % len(_TRADES)]} {i // len(_TRADES) + 1}" for i in p],
            "trade": [_TRADES[i % len(_TRADES)] for i in p],
            "agent": agent_of[p],
            "period": np.repeat(quarters.date, n),
            "service_quality": np.round(np.clip(quality[p] + rng.normal(0, 0.3, rows), 1, 5), 1),
            "response_time_hours": np.round(speed[p] * np.exp(rng.normal(0, 0.3, rows)), 1),
            "satisfaction": np.round(np.clip(satisfaction[p] + rng.normal(0, 0.3, rows), 1, 5), 1),
            "referrals_from": rng.poisson(volume[p]).astype(np.int32),
            "referrals_to": rng.poisson(volume[p] * rng.uniform(0.3, 1.6, n)[p]).astype(np.int32),
        }
    )


def costs(rng: np.random.Generator, contacts: int, clock: Clock) -> pd.DataFrame:
    """Monthly spend per channel and agent: marketing and the referral program (for CPA, CAC)."""
    months = pd.date_range(
        pd.Timestamp(clock.start).to_period("M").start_time, periods=24, freq="MS"
    )
    scale = contacts / 5_000 / len(AGENTS)
    rows = [
        (month.date(), channel, category, agent, round(mean * scale * rng.uniform(0.7, 1.3), 2))
        for month in months
        for channel, (category, mean) in _COST_CHANNELS.items()
        for agent in AGENTS
    ]
    return pd.DataFrame(rows, columns=["period", "channel", "category", "agent", "amount"])


def nps(rng: np.random.Generator, people: pd.DataFrame, clock: Clock) -> pd.DataFrame:
    """NPS answers (0–10) from the circle: inner circles answer more, and more warmly."""
    category = people["_category"].to_numpy()
    answers = rng.random(len(people)) < np.array([0, 0, 0.12, 0.2, 0.45, 0.6])[category]
    who = people[answers]
    mean = np.array([0, 0, 6.8, 7.6, 8.4, 9.3])[category[answers]]
    score = np.clip(np.round(rng.normal(mean, 1.6)), 0, 10).astype(np.int8)
    start = np.maximum(who["created_at"].to_numpy(), clock.start)
    frame = pd.DataFrame(
        {
            "contact_id": who["contact_id"].to_numpy(),
            "agent": who["agent"].to_numpy(),
            "answered_at": clock.uniform(rng, len(who), lo=start, hi=clock.end),
            "score": score,
        }
    )
    frame.insert(0, "response_id", _ids("N", len(frame)))
    return frame
