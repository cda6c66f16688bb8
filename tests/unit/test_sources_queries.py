"""The Sources page's statements on the tiny hand-made store (tests/unit/referral_store.py)."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from referral_analytics import sources
from referral_analytics.queries import sources as queries
from tests.unit.referral_store import OMAR, PAST, PERIOD, fill


@pytest.fixture
def store(con):
    return fill(con)


def test_referrals_by_source_group_count_closed_and_revenue(store):
    frame = queries.referrals_by_source(store, PERIOD, dimension="source_group")
    rows = {r.segment: (r.referrals, r.closed, r.revenue) for r in frame.itertuples()}
    assert rows == {
        "Friends & family": (4, 2, 50_000.0),
        "Colleagues": (3, 0, 0.0),
        "Past clients": (3, 1, 10_000.0),
    }
    table = sources.source_table(frame, missing="?").set_index("segment")
    assert table.loc["Friends & family", "conversion"] == 50.0


def test_referrals_by_channel(store):
    frame = queries.referrals_by_source(store, PERIOD, dimension="channel")
    rows = {r.segment: (r.referrals, r.closed, r.revenue) for r in frame.itertuples()}
    assert rows == {
        "Phone call": (4, 2, 50_000.0),
        "Email": (3, 0, 0.0),
        "Text message": (2, 0, 0.0),
        "In person": (1, 1, 10_000.0),
    }


def test_referrals_by_source_refuses_other_dimensions(store):
    with pytest.raises(ValueError, match="cannot break"):
        queries.referrals_by_source(store, PERIOD, dimension="lost_reason")


def test_top_referrers_rank_by_referrals_and_sum_rewards_paid_for_them(store):
    board = queries.top_referrers(store, PERIOD)
    assert board["referrer_id"].tolist() == ["CA", "CB", "CC", "C01", "C03", "C08"]
    first = board.iloc[0]
    assert (first["referrer"], first["referrals"], first["closed"]) == ("Amal Referrer", 3, 2)
    assert first["revenue"] == 50_000.0
    # 500 + 300 paid for R01 and R02; the unpaid 200 and R11's reward (December) do not count.
    assert first["rewards_paid"] == 800.0
    assert first["last_referral_at"].isoformat() == "2026-02-03T08:00:00"
    assert board.set_index("referrer_id").loc["C01", "rewards_paid"] == 100.0
    assert len(queries.top_referrers(store, PERIOD, limit=2)) == 2


def test_referrals_per_referrer_is_a_frequency_table(store):
    frequency = queries.referrals_per_referrer(store, PERIOD)
    assert dict(zip(frequency["referrals_each"], frequency["referrers"], strict=True)) == {
        3: 1,
        2: 2,
        1: 3,
    }
    pareto = sources.pareto(frequency)
    # Ranked 3, 2, 2, 1, 1, 1: the top 20% of six referrers is two of them, 5 of 10 referrals.
    assert (pareto.referrers, pareto.referrals, pareto.top_referrers) == (6, 10, 2)
    assert pareto.top_share == 50.0
    assert pareto.mean_per_referrer == pytest.approx(10 / 6)


def test_lead_conversion_counts_decided_leads_per_source(store):
    leads = queries.lead_conversion(store, PERIOD).set_index("source")
    assert leads.loc["Referral", ["leads", "won", "lost", "open"]].tolist() == [10, 3, 4, 3]
    assert leads.loc["Portal", ["leads", "won", "lost", "open"]].tolist() == [3, 1, 1, 1]
    # W2 was created in December and won in January: a customer of the period, not a lead.
    assert leads.loc["Website", ["leads", "won", "lost", "customers"]].tolist() == [1, 0, 1, 1]
    assert leads["customers"].to_dict() == {
        "Portal": 1, "Referral": 3, "Sign call": 1, "Website": 1,
    }  # fmt: skip
    comparison = sources.lead_comparison(leads.reset_index())
    assert comparison.referral_rate == pytest.approx(300 / 7)
    assert comparison.other_rate == 50.0  # P1, S1 won; P2, W1 lost
    assert comparison.lift == pytest.approx((300 / 7 - 50) / 50 * 100)


def test_lead_conversion_follows_the_source_group_of_the_referral_or_the_contact(store):
    leads = queries.lead_conversion(store, replace(PERIOD, source_groups=(PAST,))).set_index(
        "source"
    )
    assert leads.loc["Referral", ["leads", "won", "lost", "customers"]].tolist() == [3, 1, 2, 1]
    assert leads.loc["Portal", ["leads", "won", "customers"]].tolist() == [1, 1, 1]
    assert set(leads.index) == {"Referral", "Portal", "Website"}


def test_acquisition_costs_sum_the_period_and_give_cpa_and_cac(store):
    costs = queries.acquisition_costs(store, PERIOD).set_index("channel")["amount"].to_dict()
    assert costs == {
        "Direct mail": 280.0, "Online ads": 310.0, "Property portal": 1_800.0,
        "Referral program": 900.0,
    }  # fmt: skip
    customers = {"Referral": 3, "Portal": 1, "Website": 1, "Sign call": 1}
    table = sources.acquisition_costs(queries.acquisition_costs(store, PERIOD), customers)
    per_customer = dict(zip(table["channel"], table["cost_per_customer"], strict=True))
    assert per_customer["Referral program"] == 300.0  # CAC: 900 ÷ 3 referral customers
    assert per_customer["Property portal"] == 1_800.0
    assert per_customer["Online ads"] == 310.0  # matched to "Website"
    assert pd.isna(per_customer["Direct mail"])  # no deal source records direct mail
    assert per_customer["All marketing"] == pytest.approx(2_390 / 3)
    assert sources.unmatched_sources(customers) == ["Sign call"]


def test_acquisition_costs_charge_a_partial_month_pro_rata(store):
    second_half = replace(PERIOD, start=date(2026, 1, 16), end=date(2026, 1, 31))
    costs = queries.acquisition_costs(store, second_half).set_index("channel")["amount"]
    assert costs["Property portal"] == pytest.approx(600 * 16 / 31)
    assert costs["Online ads"] == pytest.approx(310 * 16 / 31)


def test_costs_follow_the_agent_filter(store):
    costs = queries.acquisition_costs(store, replace(PERIOD, agents=(OMAR,)))
    assert costs["channel"].tolist() == ["Property portal"]


def test_ask_timing_buckets_asks_to_clients_by_time_since_their_latest_closing(store):
    asks = queries.ask_timing(store, PERIOD)
    rows = {r.bucket: (r.asks, r.replied, r.referrals) for r in asks.itertuples()}
    # E5 went out before C25's closing and E6 to someone never a client: not asks to clients.
    assert rows == {1: (2, 1, 1), 2: (1, 1, 2), 3: (1, 0, 0), 4: (1, 1, 1)}
    table = sources.ask_yield(asks)
    assert table["label"].tolist() == list(sources.ASK_BUCKETS)
    assert table["referrals_per_ask"].tolist() == [0.5, 2.0, 0.0, 1.0]
    assert table["reply_share"].tolist() == [50.0, 100.0, 0.0, 100.0]


def test_ask_timing_follows_the_source_group_of_the_asked(store):
    asks = queries.ask_timing(store, replace(PERIOD, source_groups=(PAST,)))
    assert dict(zip(asks["bucket"], asks["asks"], strict=True)) == {2: 1, 3: 1}


def test_chain_depth_counts_the_periods_referrals_by_depth(store):
    depths = queries.referral_chain_depth(store, PERIOD)
    # R08 (from C01, brought by R01) and R09 (from C03) are depth 2; R10 (from C08) depth 3.
    assert dict(zip(depths["depth"], depths["referrals"], strict=True)) == {1: 7, 2: 2, 3: 1}


def test_chain_starters_list_referrers_whose_referred_refer_in_turn(store):
    starters = queries.referral_chain_starters(store, PERIOD)
    rows = [
        (r.referrer_id, r.referrals, r.referred_who_referred, r.further_referrals, r.generations)
        for r in starters.itertuples()
    ]
    # CA: R08 and R10 further down, three generations; R12 (April) is outside the period.
    assert rows == [("CA", 3, 1, 2, 3), ("CB", 2, 1, 1, 2), ("C01", 1, 1, 1, 2)]
    assert starters["referrer"].tolist()[0] == "Amal Referrer"


def test_a_referral_cycle_in_imported_data_does_not_loop_forever(store):
    store.execute(
        "insert into referrals (referral_id, referrer_id, referred_id, agent, received_at, status)"
        " values ('X1', 'CX', 'CY', 'A', timestamp '2026-01-02', 'open'),"
        " ('X2', 'CY', 'CX', 'A', timestamp '2026-01-03', 'open')"
    )
    depths = queries.referral_chain_depth(store, PERIOD)
    assert depths["referrals"].sum() == 12


def test_an_empty_store_gives_empty_frames_and_no_rates(con):
    assert queries.referrals_by_source(con, PERIOD, dimension="channel").empty
    assert queries.top_referrers(con, PERIOD).empty
    pareto = sources.pareto(queries.referrals_per_referrer(con, PERIOD))
    assert (pareto.referrers, pareto.top_share, pareto.mean_per_referrer) == (0, None, None)
    comparison = sources.lead_comparison(queries.lead_conversion(con, PERIOD))
    assert (comparison.referral_rate, comparison.other_rate, comparison.lift) == (None, None, None)
    assert queries.acquisition_costs(con, PERIOD).empty
    assert sources.ask_yield(queries.ask_timing(con, PERIOD))["asks"].tolist() == [0, 0, 0, 0]
    assert queries.referral_chain_depth(con, PERIOD).empty
    assert queries.referral_chain_starters(con, PERIOD).empty
