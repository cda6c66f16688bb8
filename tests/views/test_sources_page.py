"""The Sources page in AppTest against the shared demo database: each tab's figures are checked
against the test's own plain SQL and pandas on the same file."""

import json
import math
from datetime import date

import pandas as pd
import pytest

from referral_analytics import db, messages

TABS = ("By source", "Top referrers", "Referred vs other leads", "When to ask", "Referral chains")


def _open(app_at, path, tab: str = TABS[0], *, query=None):
    at = app_at(path, query=query).run()
    at.switch_page("views/sources.py").run()
    at.selectbox(key="period").set_value("all").run()
    if tab != TABS[0]:
        at.session_state["sources_tab"] = tab  # what clicking the tab does
        at.run()
    assert not at.exception
    return at


def _chart(at, key: str) -> dict:
    element = next(c for c in at.get("plotly_chart") if c.key == key)
    return json.loads(element.proto.spec)


def _table(at, column: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _frame(path, query: str) -> pd.DataFrame:
    con = db.connect(path)
    try:
        return con.execute(query).df()
    finally:
        con.close()


def test_by_source_tables_match_plain_sql(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    for dimension in ("source_group", "channel"):
        expected = _frame(
            demo_db_path,
            f"""select {dimension} as segment, count(*) as referrals,
                       count(*) filter (where status = 'closed') as closed,
                       coalesce(sum(commission) filter (where status = 'closed'), 0) as revenue
                from referrals group by all""",
        ).set_index("segment")
        shown = next(
            d.value for d in at.dataframe if set(d.value["segment"]) == set(expected.index)
        ).set_index("segment")
        for segment, row in expected.iterrows():
            assert shown.loc[segment, "referrals"] == row["referrals"]
            assert shown.loc[segment, "closed"] == row["closed"]
            assert shown.loc[segment, "revenue"] == pytest.approx(row["revenue"])
            assert shown.loc[segment, "conversion"] == pytest.approx(
                row["closed"] / row["referrals"] * 100
            )


def test_top_referrers_and_the_pareto_share_match_pandas(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, "Top referrers")
    refs = _frame(
        demo_db_path, "select referral_id, referrer_id, status, commission from referrals"
    )
    refs = refs[refs["referrer_id"].notna()]
    per = refs.groupby("referrer_id").agg(
        referrals=("referral_id", "size"),
        closed=("status", lambda s: int((s == "closed").sum())),
        revenue=("commission", lambda c: float(c.fillna(0).sum())),
    )
    per = per.reset_index().sort_values(
        ["referrals", "closed", "revenue", "referrer_id"], ascending=[False, False, False, True]
    )
    board = _table(at, "rewards_paid")
    assert board["referrer_id"].tolist() == per["referrer_id"].head(25).tolist()
    assert board["referrals"].tolist() == per["referrals"].head(25).tolist()
    rewards = _frame(
        demo_db_path, "select referral_id, amount from rewards where paid_at is not null"
    )
    top = board.iloc[0]["referrer_id"]
    mine = rewards[rewards["referral_id"].isin(refs.loc[refs["referrer_id"] == top, "referral_id"])]
    assert board.iloc[0]["rewards_paid"] == pytest.approx(mine["amount"].sum())

    counts = per["referrals"].sort_values(ascending=False).to_numpy()
    top_n = math.ceil(0.2 * len(counts))
    share = counts[:top_n].sum() / counts.sum() * 100
    caption = next(c.value for c in at.caption if "top 20% of referrers" in c.value)
    assert f"({top_n:,} of {len(counts):,})" in caption
    assert f"{share:,.1f}%" in caption
    mean_line = [s["x0"] for s in _chart(at, "per_referrer")["layout"]["shapes"]]
    assert mean_line == pytest.approx([2.68, counts.sum() / len(counts)])


def test_referred_against_other_leads_match_plain_sql(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, "Referred vs other leads")
    rates = _frame(
        demo_db_path,
        """select source = 'Referral' as referral,
                  count(*) filter (where status = 'won') / count(*) filter (where status in ('won', 'lost')) * 100 as rate
           from deals group by all""",
    ).set_index("referral")["rate"]
    tiles = {m.label: m.value for m in at.metric}
    assert float(tiles["Referred leads convert"].rstrip("%")) == pytest.approx(
        rates[True], abs=0.05
    )
    assert float(tiles["Other leads convert"].rstrip("%")) == pytest.approx(rates[False], abs=0.05)
    line = _chart(at, "lead_conversion")["layout"]["shapes"][0]
    assert line["y0"] == pytest.approx(rates[False] * 1.3)


def test_cost_per_customer_matches_plain_sql_over_whole_months(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, "Referred vs other leads")
    at.selectbox(key="period").set_value("custom").run()
    at.date_input(key="range").set_value((date(2025, 1, 1), date(2025, 12, 31))).run()
    assert not at.exception
    spend = _frame(
        demo_db_path,
        "select channel, sum(amount) as spend from costs where year(period) = 2025 group by all",
    ).set_index("channel")["spend"]
    customers = _frame(
        demo_db_path,
        """select source, count(distinct contact_id) as n from deals
           where status = 'won' and year(closed_at) = 2025 group by all""",
    ).set_index("source")["n"]
    table = _table(at, "cost_per_customer").set_index("channel")
    assert table.loc["Property portal", "cost_per_customer"] == pytest.approx(
        spend["Property portal"] / customers["Portal"]
    )
    assert table.loc["Referral program", "cost_per_customer"] == pytest.approx(
        spend["Referral program"] / customers["Referral"]
    )
    assert pd.isna(table.loc["Direct mail", "cost_per_customer"])


def test_ask_timing_buckets_match_an_asof_merge_in_pandas(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, "When to ask")
    sends = _frame(demo_db_path, "select contact_id, sent_at, referrals_generated from email_sends")
    wins = _frame(
        demo_db_path,
        "select contact_id, closed_at from deals where status = 'won' and closed_at is not null",
    )
    asks = pd.merge_asof(
        sends.sort_values("sent_at"), wins.sort_values("closed_at"), left_on="sent_at",
        right_on="closed_at", by="contact_id", allow_exact_matches=False,
    ).dropna(subset=["closed_at"])  # fmt: skip
    since = asks["sent_at"] - asks["closed_at"]
    six_months = (asks["closed_at"] + pd.DateOffset(months=6)) <= asks["sent_at"]
    bucket = pd.Series(3, index=asks.index)
    bucket[since < pd.Timedelta(days=42)] = 2
    bucket[since < pd.Timedelta(days=14)] = 1
    bucket[six_months] = 4
    expected = bucket.value_counts().reindex([1, 2, 3, 4], fill_value=0).tolist()
    assert _table(at, "referrals_per_ask")["asks"].tolist() == expected
    assert [s["x0"] for s in _chart(at, "ask_timing")["layout"]["shapes"]] == [2.5]


def test_chain_depths_match_a_walk_up_the_referrers(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, "Referral chains")
    refs = _frame(demo_db_path, "select referral_id, referrer_id, referred_id from referrals")
    brought_by = dict(zip(refs["referred_id"], refs["referrer_id"], strict=True))

    def depth(referrer) -> int:
        steps = 1
        while referrer in brought_by:
            referrer, steps = brought_by[referrer], steps + 1
        return steps

    expected = refs["referrer_id"].map(depth).value_counts().sort_index()
    bars = _chart(at, "chain_depth")["data"][0]
    assert dict(zip(bars["x"], bars["y"], strict=True)) == {str(d): n for d, n in expected.items()}
    starters = _table(at, "further_referrals")
    assert (starters["generations"] >= 2).all() and len(starters) > 0


def test_the_open_tab_comes_from_the_link_and_only_it_runs(app_at, demo_db_path):
    at = app_at(demo_db_path, query={"sources_tab": "Referral chains"}).run()
    at.switch_page("views/sources.py").run()
    assert not at.exception
    keys = {c.key for c in at.get("plotly_chart")}
    assert keys == {"chain_depth"}


@pytest.mark.parametrize("tab", TABS)
def test_every_tab_renders_for_one_agent_without_errors(app_at, demo_db_path, tab):
    at = _open(app_at, demo_db_path, tab)
    at.multiselect(key="agent").set_value(["Khalid Al-Otaibi"]).run()
    assert not at.exception


@pytest.mark.parametrize(
    ("tab", "message"),
    [
        ("By source", messages.NO_REFERRALS_IN_PERIOD),
        ("Top referrers", messages.NO_REFERRERS),
        ("Referred vs other leads", messages.NO_LEADS),
        ("When to ask", messages.NO_ASKS),
        ("Referral chains", messages.NO_CHAINS),
    ],
)
def test_a_period_without_data_says_what_is_missing_in_every_tab(
    app_at, demo_db_path, tab, message
):
    at = _open(app_at, demo_db_path, tab)
    at.selectbox(key="period").set_value("custom").run()
    at.date_input(key="range").set_value((date(2019, 1, 1), date(2019, 1, 31))).run()
    assert not at.exception
    assert message in [i.value for i in at.info]
