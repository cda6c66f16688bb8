"""The demo dataset: deterministic from its seed, and shaped like a real team's data."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from referral_analytics import db, demo
from referral_analytics.vocabulary import LADDER

END = date(2026, 11, 22)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return demo.generate(5_000, seed=11, end=END)


def test_same_seed_gives_identical_tables(tables):
    again = demo.generate(5_000, seed=11, end=END)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, again[name], obj=name)


def test_another_seed_gives_other_data(tables):
    other = demo.generate(5_000, seed=12, end=END)
    assert not tables["referrals"]["received_at"].equals(other["referrals"]["received_at"])


def test_size_follows_the_contacts_parameter(tables):
    assert len(tables["contacts"]) == 5_000
    assert tables["contacts"]["contact_id"].is_unique
    assert len(demo.generate(300, seed=1, end=END)["contacts"]) == 300


def test_every_rung_of_the_ladder_and_four_agents_are_present(tables):
    contacts = tables["contacts"]
    assert set(contacts["category"].astype(str)) == set(LADDER)
    assert contacts["agent"].nunique() == 4


def test_nothing_happens_after_the_end_day(tables):
    limit = pd.Timestamp(END) + pd.Timedelta(days=1)
    for name, column in [
        ("contacts", "created_at"), ("referrals", "received_at"), ("referrals", "closed_at"),
        ("rewards", "paid_at"), ("touches", "touched_at"), ("email_sends", "replied_at"),
        ("nps_responses", "answered_at"), ("category_history", "valid_from"),
    ]:  # fmt: skip
        assert (tables[name][column].dropna() < limit).all(), f"{name}.{column}"


def test_referrals_look_like_a_real_team(tables):
    refs = tables["referrals"]
    per_referrer = len(refs) / refs["referrer_id"].nunique()
    assert 2.3 <= per_referrer <= 3.2  # 004: 2.68 referrals per referring customer
    hours = (refs["first_contact_at"] - refs["received_at"]).dt.total_seconds() / 3600
    assert 0.7 <= (hours <= 24).mean() <= 0.95  # most contacted within 24 h (000 §5.3.3)
    shares = refs["status"].value_counts(normalize=True)
    assert 0.2 <= shares["closed"] <= 0.45
    assert 0.3 <= shares["lost"] <= 0.8
    assert refs.loc[refs["status"] == "lost", "lost_reason"].notna().all()


def test_stage_timestamps_follow_the_pipeline_order(tables):
    refs = tables["referrals"]
    steps = ["received_at", "first_contact_at", "appointment_at", "contract_at", "closed_at"]
    for earlier, later in zip(steps, steps[1:], strict=False):
        both = refs[[earlier, later]].dropna()
        assert (both[later] >= both[earlier]).all(), f"{later} before {earlier}"
        assert refs[later].isna()[refs[earlier].isna()].all(), f"{later} without {earlier}"


def test_referrers_were_in_the_circle_before_they_referred(tables):
    refs = tables["referrals"]
    created = tables["contacts"].set_index("contact_id")["created_at"]
    assert (created.reindex(refs["referrer_id"]).to_numpy() < refs["received_at"].to_numpy()).all()
    assert (refs["referrer_id"] != refs["referred_id"]).all()


def test_some_referred_clients_refer_in_turn(tables):
    refs = tables["referrals"]
    assert refs["referrer_id"].isin(refs["referred_id"]).sum() > 0


def test_category_history_only_moves_inward_and_ends_at_the_current_category(tables):
    history = tables["category_history"].copy()
    history["rung"] = history["category"].astype(str).map(LADDER.index)
    history = history.sort_values(["contact_id", "valid_from"])
    assert (history.groupby("contact_id")["rung"].diff().dropna() > 0).all()
    last = history.groupby("contact_id")["category"].last().astype(str)
    current = tables["contacts"].set_index("contact_id")["category"].astype(str)
    pd.testing.assert_series_equal(last.sort_index(), current.sort_index(), check_names=False)


def test_deals_compare_referred_with_other_sources(tables):
    deals = tables["deals"]
    assert deals["referral_id"].notna().sum() == len(tables["referrals"])
    assert deals["source"].nunique() >= 5
    won = deals.assign(referred=deals["referral_id"].notna()).groupby("referred")["status"]
    rates = won.apply(lambda s: (s == "won").mean())
    assert rates[True] > rates[False]  # 004: referred leads convert better


def test_rewards_touches_experiments_partners_costs_and_nps(tables):
    assert tables["rewards"]["reward_type"].nunique() >= 4
    assert set(tables["touches"]["plan"].astype(str)) == {"8x8", "33 Touch"}
    arms = tables["experiments"].groupby("experiment")["variant"].count().sort_values()
    assert arms.tolist() == [2, 3]
    assert tables["partners"]["partner_id"].nunique() == 30
    assert tables["costs"]["period"].nunique() == 24
    assert tables["nps_responses"]["score"].between(0, 10).all()
    sends = tables["email_sends"].groupby(["experiment", "variant"]).size()
    assert (sends > 100).all()


def test_load_demo_writes_every_table_in_one_recorded_import(con):
    counts = demo.load_demo(con, 500, seed=3, end=END)
    for table, rows in counts.items():
        assert con.execute(f'select count(*) from "{table}"').fetchall()[0][0] == rows
    ledger = con.execute("select kind, rows_loaded, import_id from imports").fetchall()
    assert ledger == [("demo", sum(counts.values()), 1)]
    assert con.execute("select count(*) from contacts where import_id <> 1").fetchall()[0][0] == 0
    assert db.data_version(con) == 1


def test_too_small_a_demo_is_refused():
    with pytest.raises(ValueError, match="at least 100"):
        demo.generate(10)


def test_generated_money_columns_have_no_negative_values(tables):
    assert (tables["referrals"]["transaction_value"].dropna() > 0).all()
    assert (tables["rewards"]["amount"] >= 0).all()
    assert np.isfinite(tables["costs"]["amount"]).all()
