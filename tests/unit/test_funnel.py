"""The funnel formulas (referral_analytics/funnel.py), with values worked out by hand."""

from datetime import date

import pandas as pd
import pytest

from referral_analytics import funnel


@pytest.mark.parametrize(
    ("reached", "previous", "conversion", "drop_off"),
    [(80, 100, 80.0, 20.0), (0, 40, 0.0, 100.0), (3, 4, 75.0, 25.0), (0, 0, None, None)],
)
def test_step_conversion_and_drop_off(reached, previous, conversion, drop_off):
    assert funnel.step_conversion(reached, previous) == conversion
    assert funnel.drop_off(reached, previous) == drop_off


def test_a_step_after_an_empty_step_has_no_rate_rather_than_zero():
    steps = pd.DataFrame({"step": [1, 2, 3, 4, 5], "reached": [4, 0, 0, 0, 0],
                          "median_days": [None] * 5})  # fmt: skip
    table = funnel.funnel_table(steps)
    assert table["conversion"][1] == 0.0
    assert table["conversion"][2:].isna().all()


@pytest.mark.parametrize(("within", "missed", "share"), [(9, 1, 90.0), (0, 3, 0.0), (0, 0, None)])
def test_share_within_24_hours_of_the_referrals_already_judged(within, missed, share):
    assert funnel.rule_share(within, missed) == share


def test_compare_conversion_labels_missing_segments_and_adds_overall():
    frame = pd.DataFrame(
        {"segment": [None] * 5, "step": [1, 2, 3, 4, 5], "reached": [10, 5, 5, 2, 1]}
    )
    table = funnel.compare_conversion(frame, missing="(not recorded)")
    assert set(table["segment"]) == {"(not recorded)"}
    assert table["label"].tolist() == [
        "First contact",
        "Appointment",
        "Under contract",
        "Closed",
        "Overall",
    ]
    assert table["conversion"].tolist() == [50.0, 100.0, 40.0, 50.0, 10.0]


def test_cohort_shares_keep_unelapsed_windows_missing():
    cohorts = pd.DataFrame(
        {"month": [date(2026, 1, 1)], "referrals": [4], "closed_30": [1], "closed_60": [None],
         "closed_90": [None], "closed_180": [None]}
    )  # fmt: skip
    shares = funnel.cohort_shares(cohorts)
    assert shares["share_30"][0] == 25.0
    assert shares[["share_60", "share_90", "share_180"]].isna().all().all()


def test_ladder_table_orders_the_six_categories_and_fills_zeros():
    ladder = pd.DataFrame({"category": ["Advocate", "General Public"], "contacts": [1, 3]})
    table = funnel.ladder_table(ladder)
    assert table["contacts"].tolist() == [3, 0, 0, 0, 1, 0]
    assert table["share"].tolist() == [75.0, 0.0, 0.0, 0.0, 25.0, 0.0]


def test_ladder_table_of_nobody_has_no_shares():
    table = funnel.ladder_table(pd.DataFrame({"category": [], "contacts": []}))
    assert table["contacts"].sum() == 0 and table["share"].isna().all()


@pytest.mark.parametrize(
    ("points", "target"),
    [
        ([{"customdata": ["step", 3]}], funnel.DrillTarget("step", step=3)),
        (
            [{"customdata": ["lost", 2, ""]}],
            funnel.DrillTarget("lost", lost_step=2, lost_reason=""),
        ),
        (
            [{"customdata": ["month", "2026-02-01"]}],
            funnel.DrillTarget("month", month=date(2026, 2, 1)),
        ),
        (
            [{"customdata": ["category", "Advocate"]}],
            funnel.DrillTarget("category", category="Advocate"),
        ),
        ([{"x": 1}, {"customdata": ["step", 1]}], funnel.DrillTarget("step", step=1)),
        ([{"customdata": ["category", "Not on the ladder"]}], None),
        ([{"customdata": 7}], None),
        ([], None),
    ],
)
def test_drill_target_reads_the_clicked_points_customdata(points, target):
    assert funnel.drill_target(points) == target


def test_drill_targets_describe_what_they_list():
    assert (
        funnel.DrillTarget("step", step=4).describe() == "Referrals that reached “Under contract”"
    )
    lost = funnel.DrillTarget("lost", lost_step=1, lost_reason="")
    assert lost.describe() == "Referrals lost after “Received”: No reason given"
    month = funnel.DrillTarget("month", month=date(2026, 2, 1))
    assert month.describe() == "Referrals received in February 2026"
