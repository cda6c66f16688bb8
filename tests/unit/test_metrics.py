"""Each KPI formula against values worked out by hand (domain.md "Formulas")."""

import math

import pytest

from referral_analytics import metrics


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        # 45 referrals from 1,500 contacts: 45 / 1500 * 100 = 3.0 %
        (metrics.referral_rate, (45, 1500), 3.0),
        (metrics.referral_rate, (0, 1500), 0.0),
        (metrics.referral_rate, (5, 0), None),
        # 12 of 40 referrals became clients: 30 %
        (metrics.referral_conversion_rate, (12, 40), 30.0),
        (metrics.referral_conversion_rate, (0, 0), None),
        # 9 of 120 leads converted: 7.5 %
        (metrics.lead_conversion_rate, (9, 120), 7.5),
        # 24,000 spent for 8 customers: 3,000 each
        (metrics.cost_per_acquisition, (24_000, 8), 3_000.0),
        (metrics.cost_per_acquisition, (24_000, 0), None),
        (metrics.referral_acquisition_cost, (5_000, 4), 1_250.0),
        # 30,000 × 0.5 a year × 10 years = 150,000
        (metrics.cltv_purchase, (30_000, 0.5, 10), 150_000.0),
        # (20,000 × 5) − (3,000 + 1,000) = 96,000: service cost is NOT multiplied by lifespan
        (metrics.clv_value_matrix, (20_000, 5, 3_000, 1_000), 96_000.0),
        # 50 promoters, 20 detractors of 100 answers: 50 % − 20 % = 30
        (metrics.net_promoter_score, (50, 20, 100), 30.0),
        (metrics.net_promoter_score, (0, 0, 0), None),
        # 200 at start, 230 at end of which 50 new: (230 − 50) / 200 = 90 %
        (metrics.retention_rate, (200, 230, 50), 90.0),
        (metrics.retention_rate, (0, 10, 10), None),
        # 60,000 revenue on 10,000 rewards: (60,000 − 10,000) / 10,000 = 500 %
        (metrics.reward_roi, (60_000, 10_000), 500.0),
        (metrics.reward_roi, (60_000, 0), None),
        (metrics.relative_change, (120, 100), 20.0),
        (metrics.relative_change, (-5, -10), 50.0),
        (metrics.relative_change, (5, 0), None),
        (metrics.relative_change, (None, 3), None),
    ],
)
def test_formula_matches_hand_worked_value(function, args, expected):
    result = function(*args)
    assert result == (None if expected is None else pytest.approx(expected))


def test_average_customer_value_is_mean_revenue_and_undefined_without_customers():
    assert metrics.average_customer_value([10_000, 20_000, 45_000]) == pytest.approx(25_000)
    assert metrics.average_customer_value([]) is None


def test_nps_from_scores_uses_the_standard_scale():
    # promoters 9, 10, 10; passives 7, 8; detractors 0, 6 → (3 − 2) / 7 × 100
    assert metrics.nps_from_scores([9, 10, 10, 7, 8, 0, 6]) == pytest.approx(100 / 7)


def test_nps_rejects_answers_outside_zero_to_ten():
    with pytest.raises(ValueError, match="between 0 and 10"):
        metrics.nps_from_scores([11])


def test_overview_kpis_from_counts_with_zero_contacts_and_referrals_are_undefined_not_zero():
    counts = {
        "contacts": 0, "referrals_received": 0, "referrals_converted": 0,
        "contacted_within_24h": 0, "median_hours_to_first_contact": math.nan,
        "referral_revenue": 0.0, "reward_cost": 0.0, "promoters": 0, "detractors": 0,
        "nps_responses": 0,
    }  # fmt: skip
    kpis = metrics.overview_kpis(counts)
    assert kpis.referral_rate is None
    assert kpis.referral_conversion_rate is None
    assert kpis.reward_roi is None
    assert kpis.nps is None
    assert kpis.median_hours_to_first_contact is None
    assert kpis.share_contacted_within_24h is None


def test_overview_kpis_from_counts_apply_each_formula():
    counts = {
        "contacts": 400, "referrals_received": 20, "referrals_converted": 5,
        "contacted_within_24h": 15, "median_hours_to_first_contact": 3.5,
        "referral_revenue": 33_000.0, "reward_cost": 3_000.0, "promoters": 6, "detractors": 2,
        "nps_responses": 10,
    }  # fmt: skip
    kpis = metrics.overview_kpis(counts)
    assert kpis.referral_rate == pytest.approx(5.0)  # 20 / 400
    assert kpis.referral_conversion_rate == pytest.approx(25.0)  # 5 / 20
    assert kpis.reward_roi == pytest.approx(1_000.0)  # (33,000 − 3,000) / 3,000
    assert kpis.nps == pytest.approx(40.0)  # 60 % − 20 %
    assert kpis.share_contacted_within_24h == pytest.approx(75.0)  # 15 / 20
    assert kpis.median_hours_to_first_contact == 3.5
