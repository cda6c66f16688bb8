"""The sources formulas (referral_analytics/sources.py), with values worked out by hand."""

import pandas as pd
import pytest

from referral_analytics import sources


@pytest.mark.parametrize(
    ("won", "lost", "rate"), [(3, 7, 30.0), (0, 4, 0.0), (2, 0, 100.0), (0, 0, None)]
)
def test_decided_conversion_is_won_over_won_and_lost(won, lost, rate):
    assert sources.decided_conversion(won, lost) == rate


def test_lift_of_referred_over_other_leads():
    assert sources.conversion_lift(39.0, 30.0) == pytest.approx(30.0)
    assert sources.conversion_lift(None, 30.0) is None
    assert sources.conversion_lift(10.0, 0.0) is None


def test_reference_rate_is_thirty_percent_above_the_other_leads():
    leads = pd.DataFrame(
        {"source": ["Referral", "Website", "Open house"], "leads": [10, 10, 10],
         "won": [4, 2, 3], "lost": [4, 8, 2], "open": [2, 0, 5], "customers": [4, 2, 3]}
    )  # fmt: skip
    comparison = sources.lead_comparison(leads)
    assert comparison.referral_rate == 50.0
    assert comparison.other_rate == pytest.approx(5 / 15 * 100)
    assert comparison.reference_rate == pytest.approx(5 / 15 * 100 * 1.3)
    assert comparison.lift == pytest.approx(50.0)


def test_pareto_share_of_the_top_fifth_rounds_the_referrer_count_up():
    # 11 referrers: the top 20% is ⌈2.2⌉ = 3 of them, with 10 + 5 + 1 of 24 referrals.
    frequency = pd.DataFrame({"referrals_each": [10, 5, 1], "referrers": [1, 1, 9]})
    pareto = sources.pareto(frequency)
    assert (pareto.referrers, pareto.referrals, pareto.top_referrers) == (11, 24, 3)
    assert pareto.top_share == pytest.approx(16 / 24 * 100)
    assert pareto.mean_per_referrer == pytest.approx(24 / 11)
    assert pareto.bars["cumulative_share"].iloc[-1] == pytest.approx(100.0)
    assert pareto.bars["per_referrer"].iloc[0] == 10.0


def test_pareto_of_many_referrers_groups_them_into_equal_slices():
    frequency = pd.DataFrame({"referrals_each": [2, 1], "referrers": [500, 1500]})
    pareto = sources.pareto(frequency, bars=100)
    assert len(pareto.bars) == 100
    assert pareto.bars["rank_share"].iloc[0] == pytest.approx(1.0)
    assert pareto.bars["per_referrer"].iloc[0] == 2.0
    # 2,000 referrers: the top 400 all sent 2, of 500 × 2 + 1,500 × 1 = 2,500 referrals.
    assert pareto.top_share == pytest.approx(400 * 2 / 2500 * 100)


def test_acquisition_costs_leave_unmatched_channels_without_a_cpa():
    costs = pd.DataFrame(
        {"channel": ["Direct mail", "Property portal", "Referral program"],
         "category": ["marketing", "marketing", "referral_program"], "amount": [100.0, 900.0, 600.0]}
    )  # fmt: skip
    table = sources.acquisition_costs(costs, {"Portal": 3, "Referral": 2, "Sign call": 1})
    rows = table.set_index("channel")
    assert rows.loc["Property portal", "cost_per_customer"] == 300.0
    assert rows.loc["Referral program", "cost_per_customer"] == 300.0
    assert pd.isna(rows.loc["Direct mail", "cost_per_customer"])
    assert rows.loc["All marketing", "cost_per_customer"] == pytest.approx(1000 / 4)
    zero = sources.acquisition_costs(costs, {})
    assert zero.set_index("channel")["cost_per_customer"].isna().all()


def test_every_cost_channel_is_mapped_and_unmatched_sources_are_named():
    assert set(sources.COST_CHANNEL_SOURCES) == {
        "Referral program", "Property portal", "Online ads", "Open houses", "Direct mail",
        "Social media",
    }  # fmt: skip
    assert sources.unmatched_sources({"Sign call": 2, "Website": 1, "Mystery": 0}) == ["Sign call"]


def test_ask_yield_fills_every_bucket_and_divides_per_ask():
    asks = pd.DataFrame({"bucket": [1, 4], "asks": [4, 10], "replied": [2, 1], "referrals": [3, 0]})
    table = sources.ask_yield(asks)
    assert table["asks"].tolist() == [4, 0, 0, 10]
    assert table["referrals_per_ask"][0] == 0.75
    assert pd.isna(table["referrals_per_ask"][1])
    assert table["reply_share"].tolist()[3] == 10.0
