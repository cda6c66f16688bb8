"""The Funnel page's statements on a tiny hand-made store (tests/unit/referral_store.py),
every expected figure counted on paper from the table in that module's docstring."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from referral_analytics import funnel
from referral_analytics.queries import funnel as queries
from tests.unit.referral_store import COLLEAGUES, KHALID, LINA, OMAR, PAST, PERIOD, SARA, fill


@pytest.fixture
def store(con):
    return fill(con)


def test_funnel_counts_each_step_of_the_referrals_received_in_the_period(store):
    steps = queries.funnel_steps(store, PERIOD)
    assert steps["step"].tolist() == [1, 2, 3, 4, 5]
    # R11 (December) and R12 (April) are outside; R06 and R10 were never contacted.
    assert steps["reached"].tolist() == [10, 8, 6, 4, 3]


def test_funnel_medians_are_days_from_a_step_to_the_next_among_those_that_got_there(store):
    days = queries.funnel_steps(store, PERIOD)["median_days"].tolist()
    # hours to contact 1, 2, 3, 5, 10, 20, 30, 48 → 7.5 h; then 1..6 d → 3.5; 8, 10, 12, 20 → 11;
    # contract to close 10, 15, 40 → 15; nothing follows "Closed".
    assert days[:4] == pytest.approx([7.5 / 24, 3.5, 11.0, 15.0])
    assert pd.isna(days[4])


def test_funnel_table_gives_step_conversion_and_drop_off(store):
    table = funnel.funnel_table(queries.funnel_steps(store, PERIOD))
    assert table["name"].tolist() == [
        "Received",
        "First contact",
        "Appointment",
        "Under contract",
        "Closed",
    ]
    assert pd.isna(table["conversion"][0])
    assert table["conversion"][1:].tolist() == pytest.approx([80.0, 75.0, 200 / 3, 75.0])
    assert table["drop_off"][1:].tolist() == pytest.approx([20.0, 25.0, 100 / 3, 25.0])
    assert table["share_of_received"].tolist() == pytest.approx([100.0, 80.0, 60.0, 40.0, 30.0])


@pytest.mark.parametrize(
    ("agents", "groups", "received"),
    [((OMAR,), (), 3), ((), (PAST,), 3), ((SARA, LINA), (), 5), ((KHALID,), (COLLEAGUES,), 1)],
)
def test_funnel_follows_the_agent_and_source_group_filters(store, agents, groups, received):
    filters = replace(PERIOD, agents=agents, source_groups=groups)
    assert queries.funnel_steps(store, filters)["reached"][0] == received


def test_funnel_excludes_referrals_outside_the_period(store):
    january = replace(PERIOD, end=date(2026, 1, 31))
    assert queries.funnel_steps(store, january)["reached"].tolist() == [3, 3, 3, 3, 2]


def test_an_empty_store_gives_zero_steps_and_no_rates(con):
    steps = queries.funnel_steps(con, PERIOD)
    assert steps["reached"].tolist() == [0, 0, 0, 0, 0]
    table = funnel.funnel_table(steps)
    assert table["conversion"].isna().all() and table["share_of_received"].isna().all()
    assert queries.funnel_compare(con, PERIOD, dimension="agent").empty
    assert queries.lost_referrals(con, PERIOD).empty
    assert queries.referral_cohorts(con, PERIOD).empty
    assert queries.speed_to_lead_hours(con, PERIOD).empty


def test_compare_counts_each_segments_funnel(store):
    frame = queries.funnel_compare(store, PERIOD, dimension="agent")
    reached = {a: g["reached"].tolist() for a, g in frame.groupby("segment")}
    assert reached == {
        SARA: [3, 3, 3, 3, 3],
        OMAR: [3, 3, 2, 1, 0],
        LINA: [2, 1, 1, 0, 0],
        KHALID: [2, 1, 0, 0, 0],
    }


def test_compare_by_channel_and_conversion_per_step(store):
    frame = queries.funnel_compare(store, PERIOD, dimension="channel")
    conversion = funnel.compare_conversion(frame, missing="?")
    email = conversion[conversion["segment"] == "Email"].set_index("label")["conversion"]
    # Email: R03, R04, R10 → reached 3, 2, 2, 1, 0
    assert email["First contact"] == pytest.approx(200 / 3)
    assert email["Appointment"] == 100.0
    assert email["Under contract"] == 50.0
    assert email["Closed"] == 0.0
    assert email["Overall"] == 0.0


def test_compare_refuses_a_dimension_outside_the_whitelist(store):
    with pytest.raises(ValueError, match="cannot compare"):
        queries.funnel_compare(store, PERIOD, dimension="agent; drop table referrals")


def test_speed_to_lead_bins_hours_to_first_contact(store):
    bins = queries.speed_to_lead_hours(store, PERIOD, bin_hours=2, max_hours=24)
    counted = dict(zip(bins["bin_start"], bins["referrals"], strict=True))
    # hours 1 → 0; 2, 3 → 2; 5 → 4; 10 → 10; 20 → 20; 30 and 48 → the open 24+ bin
    assert counted == {0: 1, 2: 2, 4: 1, 10: 1, 20: 1, 24: 2}


def test_the_24_hour_rule_per_agent_leaves_referrals_inside_their_24_hours_undecided(store):
    frame = queries.speed_to_lead_by_agent(store, PERIOD).set_index("agent")
    counts = frame[["referrals", "within_24h", "missed", "waiting"]].to_dict("index")
    assert counts[SARA] == {"referrals": 3, "within_24h": 2, "missed": 1, "waiting": 0}
    assert counts[OMAR] == {"referrals": 3, "within_24h": 2, "missed": 1, "waiting": 0}
    # R06 was never contacted and its 24 hours are long over: missed.
    assert counts[LINA] == {"referrals": 2, "within_24h": 1, "missed": 1, "waiting": 0}
    # R10 arrived 10 hours before the data's end: waiting, not missed.
    assert counts[KHALID] == {"referrals": 2, "within_24h": 1, "missed": 0, "waiting": 1}
    shares = funnel.rule_by_agent(frame.reset_index(), missing="?").set_index("agent")
    assert shares.loc[KHALID, "share_within_24h"] == 100.0
    assert shares.loc[SARA, "share_within_24h"] == pytest.approx(200 / 3)


def test_breaches_list_late_and_uncontacted_referrals_newest_first(store):
    rows = queries.speed_to_lead_breaches(store, PERIOD)
    assert rows["referral_id"].tolist() == ["R06", "R05", "R02"]
    # R06: waited from 10 Feb 08:00 to the data's end, 1 Apr 06:00 = 50 days less 2 hours.
    assert rows["hours"].tolist() == pytest.approx([50 * 24 - 2, 48, 30])
    assert rows["not_contacted"].tolist() == [True, False, False]


def test_breaches_stop_one_past_the_limit_so_the_page_can_say_it_cut(store):
    assert len(queries.speed_to_lead_breaches(store, PERIOD, limit=2)) == 3
    assert len(queries.speed_to_lead_breaches(store, PERIOD, limit=5)) == 3


def test_lost_referrals_by_last_step_reached_and_reason(store):
    lost = queries.lost_referrals(store, PERIOD)
    assert list(lost.itertuples(index=False, name=None)) == [
        (1, "Unreachable", 1),
        (2, "Unresponsive", 1),
        (3, "", 1),
        (4, "Financing fell through", 1),
    ]
    by_step = funnel.lost_by_step(lost)
    assert by_step["referrals"].tolist() == [1, 1, 1, 1]
    by_reason = funnel.lost_by_reason(lost, no_reason="No reason given")
    assert "No reason given" in by_reason["label"].tolist()


def test_cohorts_count_a_window_only_once_it_has_elapsed(store):
    cohorts = queries.referral_cohorts(store, PERIOD)
    assert cohorts["month"].dt.month.tolist() == [1, 2, 3]
    assert cohorts["referrals"].tolist() == [3, 4, 3]
    # The data ends 1 Apr 06:00. January's 30 days ended 3 Mar (R01 closed in 23 days), its
    # 60 days end 2 Apr: not yet. February's 30 days ended 31 Mar; March has had none.
    assert cohorts["closed_30"].tolist()[:2] == [1, 0]
    assert pd.isna(cohorts["closed_30"][2])
    assert cohorts[["closed_60", "closed_90", "closed_180"]].isna().all().all()
    shares = funnel.cohort_shares(cohorts)
    assert shares["share_30"][0] == pytest.approx(100 / 3)
    assert pd.isna(shares["share_60"][0])


def test_ladder_counts_contacts_in_ladder_order_with_a_zero_step(store):
    table = funnel.ladder_table(queries.contact_ladder(store, PERIOD))
    assert table["category"].tolist() == [
        "General Public", "Target Group", "Network", "Allied Resource", "Advocate",
        "Core Advocate", funnel.NOT_ON_LADDER,
    ]  # fmt: skip
    assert table["contacts"].tolist() == [4, 3, 5, 0, 8, 2, 2]
    assert table["share"].tolist() == pytest.approx([n / 24 * 100 for n in (4, 3, 5, 0, 8, 2, 2)])


def test_ladder_follows_the_agent_filter(store):
    table = funnel.ladder_table(queries.contact_ladder(store, replace(PERIOD, agents=(OMAR,))))
    assert table["contacts"].tolist() == [0, 1, 2, 0, 0, 1]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ({"step": 3}, ["R08", "R07", "R04", "R03", "R02", "R01"]),
        ({"step": 5}, ["R08", "R02", "R01"]),
        ({"lost_step": 3, "lost_reason": ""}, ["R07"]),
        ({"lost_step": 1, "lost_reason": "Unreachable"}, ["R06"]),
        ({"month": date(2026, 2, 1)}, ["R07", "R06", "R05", "R04"]),
    ],
)
def test_drill_down_lists_the_referrals_behind_a_click(store, target, expected):
    assert queries.referral_rows(store, PERIOD, **target)["referral_id"].tolist() == expected


def test_drill_down_names_people_and_stops_one_past_the_limit(store):
    rows = queries.referral_rows(store, PERIOD, step=1, limit=2)
    assert rows["referral_id"].tolist() == ["R10", "R09", "R08"]
    assert rows["referrer"].tolist() == ["Client Eight", "Contact Three", "Client One"]


def test_ladder_drill_down_lists_the_contacts_in_a_category(store):
    rows = queries.ladder_contacts(store, PERIOD, category="Core Advocate")
    assert sorted(rows["contact_id"]) == ["C08", "CB"]
    assert len(queries.ladder_contacts(store, PERIOD, category="Advocate", limit=3)) == 4
