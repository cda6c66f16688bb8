"""Weighted scores and rewards (domain.md "Formulas"), against hand-worked values."""

import numpy as np
import pandas as pd
import pytest

from referral_analytics import scoring
from referral_analytics.config import PartnerWeights, RelationshipWeights


def test_referral_reward_is_value_times_percentage_plus_bonus():
    # 1,200,000 × 0.25 % + 500 = 3,500
    assert scoring.referral_reward(1_200_000, percentage=0.0025, bonus=500) == pytest.approx(3_500)
    np.testing.assert_allclose(
        scoring.referral_reward(np.array([100_000, 0]), percentage=0.01), [1_000, 0]
    )


def test_referral_reward_refuses_negative_terms():
    with pytest.raises(ValueError, match="cannot be negative"):
        scoring.referral_reward(100, percentage=-0.01)


def test_partner_score_weights_each_component_on_a_0_to_100_scale():
    partners = pd.DataFrame(
        {
            "name": ["Lender", "Inspector"],
            "service_quality": [5.0, 3.0],  # 100 and 50 points
            "response_time_hours": [1.0, 72.0],  # 100 and 0 points
            "satisfaction": [4.0, 5.0],  # 75 and 100 points
            "referrals_from": [10, 5],  # 100 and 50 points (share of the best)
        }
    )
    weights = PartnerWeights(
        service_quality=0.4, response_time=0.2, satisfaction=0.2, referral_quantity=0.2
    )
    scored = scoring.partner_scores(partners, weights=weights)
    # Lender: 0.4·100 + 0.2·100 + 0.2·75 + 0.2·100 = 95; Inspector: 0.4·50 + 0 + 0.2·100 + 0.2·50 = 50
    assert scored["name"].tolist() == ["Lender", "Inspector"]
    assert scored["score"].tolist() == pytest.approx([95.0, 50.0])
    assert scored["rank"].tolist() == [1, 2]


def test_partner_weights_are_normalised_so_scaling_them_changes_nothing():
    partners = pd.DataFrame(
        {"name": ["A"], "service_quality": [4.0], "response_time_hours": [6.0],
         "satisfaction": [3.0], "referrals_from": [2]}
    )  # fmt: skip
    small = PartnerWeights(0.1, 0.1, 0.1, 0.1)
    large = PartnerWeights(0.5, 0.5, 0.5, 0.5)
    assert scoring.partner_scores(partners, weights=small)["score"].iloc[0] == pytest.approx(
        scoring.partner_scores(partners, weights=large)["score"].iloc[0]
    )


@pytest.mark.parametrize(("hours", "points"), [(0.5, 100.0), (1, 100.0), (72, 0.0), (200, 0.0)])
def test_response_time_points_cap_at_the_best_and_worst(hours, points):
    assert scoring.speed_scale(pd.Series([hours])).iloc[0] == pytest.approx(points)


def test_response_time_points_are_linear_in_log_hours():
    # sqrt(1 · 72) ≈ 8.49 h is half-way between 1 h and 72 h on a log scale
    assert scoring.speed_scale(pd.Series([72**0.5])).iloc[0] == pytest.approx(50.0)


def test_share_of_best_is_zero_when_nobody_referred():
    assert scoring.share_of_best(pd.Series([0, 0])).tolist() == [0.0, 0.0]


def test_relationship_strength_is_the_weighted_mean_of_its_four_parts():
    weights = RelationshipWeights(frequency=0.5, depth=0.5, reciprocity=0.0, commitment=0.0)
    assert scoring.relationship_strength(80, 40, 0, 100, weights=weights) == pytest.approx(60.0)


@pytest.mark.parametrize("bad", [{"service_quality": -0.1}, {"satisfaction": 1.5}])
def test_weights_outside_zero_to_one_are_refused(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        PartnerWeights(**bad)


def test_all_zero_weights_are_refused():
    with pytest.raises(ValueError, match="at least one weight"):
        PartnerWeights(0, 0, 0, 0)
