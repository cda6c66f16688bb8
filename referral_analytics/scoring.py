"""Weighted scores and rewards (domain.md "Formulas"), as pure functions.

Scores put every input on a 0–100 scale first, so a weight means the same whatever the unit
of its input, and the weights are normalised to sum to one: the score stays on 0–100.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from referral_analytics.config import PartnerWeights, RelationshipWeights


def referral_reward(transaction_value, *, percentage: float, bonus: float = 0.0):
    """Referral reward (002 §2.3): (transaction value × referral percentage) + fixed bonus.

    ``percentage`` is a fraction (0.0025 for 0.25 %). Works on a number or an array.
    """
    if percentage < 0 or bonus < 0:
        raise ValueError("a reward's percentage and bonus cannot be negative")
    return transaction_value * percentage + bonus


def rating_scale(values: pd.Series, *, low: float = 1, high: float = 5) -> pd.Series:
    """A rating on ``low``–``high`` as 0–100."""
    return ((values.clip(low, high) - low) / (high - low) * 100).astype(float)


def speed_scale(hours: pd.Series, *, best: float = 1, worst: float = 72) -> pd.Series:
    """Response time as 0–100: within ``best`` hours is 100, ``worst`` or slower is 0.

    Linear in log-hours, because going from 1 h to 4 h matters as much to a client as 12 h to 48 h.
    """
    logged = np.log(hours.clip(best, worst))
    return ((np.log(worst) - logged) / (np.log(worst) - np.log(best)) * 100).astype(float)


def share_of_best(values: pd.Series) -> pd.Series:
    """Counts as 0–100 relative to the largest among them (all zero: all 0)."""
    top = values.max()
    return (values / top * 100).astype(float) if top and top > 0 else values * 0.0


def partner_scores(partners: pd.DataFrame, *, weights: PartnerWeights) -> pd.DataFrame:
    """Allied-resource performance (002 §3.4): W1·quality + W2·speed + W3·satisfaction + W4·count.

    ``partners`` has one row per partner with ``service_quality`` and ``satisfaction`` (1–5),
    ``response_time_hours`` and ``referrals_from``. Returns it with each component on 0–100,
    ``score`` and ``rank`` (1 = best), best first.
    """
    w = weights.normalised()
    parts = pd.DataFrame(
        {
            "service_quality_points": rating_scale(partners["service_quality"]),
            "response_time_points": speed_scale(partners["response_time_hours"]),
            "satisfaction_points": rating_scale(partners["satisfaction"]),
            "referral_quantity_points": share_of_best(partners["referrals_from"]),
        },
        index=partners.index,
    )
    score = (
        parts["service_quality_points"] * w["service_quality"]
        + parts["response_time_points"] * w["response_time"]
        + parts["satisfaction_points"] * w["satisfaction"]
        + parts["referral_quantity_points"] * w["referral_quantity"]
    )
    out = partners.join(parts).assign(score=score.round(6))
    out["rank"] = out["score"].rank(ascending=False, method="min").astype(int)
    return out.sort_values(["rank", "name"] if "name" in out else "rank", ignore_index=True)


def relationship_strength(
    frequency: float,
    depth: float,
    reciprocity: float,
    commitment: float,
    *,
    weights: RelationshipWeights,
) -> float:
    """Relationship strength (002 §1.3): weighted mean of four 0–100 components."""
    w = weights.normalised()
    return (
        frequency * w["frequency"]
        + depth * w["depth"]
        + reciprocity * w["reciprocity"]
        + commitment * w["commitment"]
    )
