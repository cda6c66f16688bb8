"""The Funnel page in AppTest against the shared demo database: every figure shown is checked
against the test's own plain SQL on the same file."""

import json
from datetime import date

import pytest

from referral_analytics import db, funnel, messages
from referral_analytics.safe_text import chart_label
from referral_analytics.vocabulary import LADDER

STEPS = ("received_at", "first_contact_at", "appointment_at", "contract_at", "closed_at")


def _open(app_at, path, *, query=None):
    at = app_at(path, query=query).run()
    at.switch_page("views/funnel.py").run()
    at.selectbox(key="period").set_value("all").run()
    assert not at.exception
    return at


def _chart(at, key: str) -> dict:
    element = next(c for c in at.get("plotly_chart") if c.key == key)
    return json.loads(element.proto.spec)


def _table(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _sql(path, query: str, params: dict | None = None) -> list[tuple]:
    con = db.connect(path)
    try:
        return con.execute(query, params or {}).fetchall()
    finally:
        con.close()


def _reached(path, where: str = "true", params: dict | None = None) -> list[int]:
    counts = ", ".join(f"count({c})" for c in STEPS)
    return list(_sql(path, f"select {counts} from referrals where {where}", params)[0])


def test_funnel_shows_each_steps_count_as_plain_sql_counts_it(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    expected = _reached(demo_db_path)
    table = _table(at, "reached")
    assert table["reached"].tolist() == expected
    conversions = [expected[i] / expected[i - 1] * 100 for i in range(1, 5)]
    assert table["conversion"].tolist()[1:] == pytest.approx(conversions)
    assert table["drop_off"].tolist()[1:] == pytest.approx([100 - c for c in conversions])
    spec = _chart(at, "funnel_chart")
    assert spec["data"][0]["type"] == "funnel"
    assert spec["data"][0]["x"] == expected


def test_median_days_at_a_step_match_plain_sql(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    pairs = ", ".join(
        f"median(date_diff('second', {a}, {b}) / 86400)"
        for a, b in zip(STEPS, STEPS[1:], strict=False)
    )
    expected = _sql(demo_db_path, f"select {pairs} from referrals")[0]
    assert _table(at, "reached")["median_days"].tolist()[:4] == pytest.approx(list(expected))


def test_agent_filter_narrows_the_funnel(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.multiselect(key="agent").set_value(["Lina Mansour"]).run()
    expected = _reached(demo_db_path, "agent = $a", {"a": "Lina Mansour"})
    assert _table(at, "reached")["reached"].tolist() == expected


def test_changing_the_compare_selector_redraws_the_comparison_by_that_dimension(
    app_at, demo_db_path
):
    at = _open(app_at, demo_db_path)
    agents = {t["name"] for t in _chart(at, "compare_chart")["data"]}
    assert agents == {r[0] for r in _sql(demo_db_path, "select distinct agent from referrals")}
    at.selectbox(key="compare").set_value("channel").run()
    assert not at.exception
    spec = _chart(at, "compare_chart")
    channels = {t["name"]: t for t in spec["data"]}
    assert set(channels) == {
        r[0] for r in _sql(demo_db_path, "select distinct channel from referrals")
    }
    email = _reached(demo_db_path, "channel = 'Email'")
    bars = dict(zip(channels["Email"]["x"], channels["Email"]["y"], strict=True))
    assert bars["First contact"] == pytest.approx(email[1] / email[0] * 100)
    assert bars["Overall"] == pytest.approx(email[4] / email[0] * 100)


def test_the_compare_dimension_opens_from_the_link(app_at, demo_db_path):
    at = _open(app_at, demo_db_path, query={"compare": "Source group"})
    assert at.selectbox(key="compare").value == "source_group"
    groups = {t["name"] for t in _chart(at, "compare_chart")["data"]}
    # Trace names are escaped labels ("Friends &amp; family"): plotly shows them as stored.
    assert groups == {
        chart_label(r[0]) for r in _sql(demo_db_path, "select distinct source_group from referrals")
    }


def test_speed_to_lead_draws_the_24_hour_rule_and_each_agents_share(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    histogram = _chart(at, "speed_chart")
    assert [s["x0"] for s in histogram["layout"]["shapes"]] == [24]
    contacted = _sql(demo_db_path, "select count(first_contact_at) from referrals")[0][0]
    assert sum(histogram["data"][0]["y"]) == contacted
    rows = _sql(
        demo_db_path,
        """with end_ as (select max(greatest(received_at, first_contact_at, appointment_at,
                         contract_at, closed_at, lost_at)) as t from referrals)
           select agent,
                  count(*) filter (where first_contact_at - received_at <= interval 24 hour),
                  count(*) filter (where first_contact_at - received_at > interval 24 hour
                                   or (first_contact_at is null and t - received_at >= interval 24 hour))
           from referrals, end_ group by agent""",
    )
    expected = {agent: within / (within + missed) * 100 for agent, within, missed in rows}
    bars = _chart(at, "rule_chart")["data"][0]
    assert dict(zip(bars["y"], bars["x"], strict=True)) == pytest.approx(expected)


def test_lost_referrals_and_the_ladder_match_plain_sql(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    lost = _chart(at, "lost_chart")["data"]
    by_reason = {t["name"]: sum(t["y"]) for t in lost}
    rows = _sql(
        demo_db_path,
        "select lost_reason, count(*) from referrals where status = 'lost' group by all",
    )
    assert by_reason == {reason or messages.NO_REASON: n for reason, n in rows}
    last_step = """case when contract_at is not null then 'Under contract'
                       when appointment_at is not null then 'Appointment'
                       when first_contact_at is not null then 'First contact' else 'Received' end"""
    steps = dict(
        _sql(
            demo_db_path,
            f"select {last_step}, count(*) from referrals where status = 'lost' group by all",
        )
    )
    by_step = next(d.value for d in at.dataframe if list(d.value.columns) == ["name", "referrals"])
    assert dict(zip(by_step["name"], by_step["referrals"], strict=True)) == {
        name: steps.get(name, 0)
        for name in ("Received", "First contact", "Appointment", "Under contract")
    }
    ladder = _chart(at, "ladder_chart")["data"][0]
    counts = dict(_sql(demo_db_path, "select category, count(*) from contacts group by all"))
    assert ladder["y"] == list(LADDER)  # ladder order, outside in
    assert dict(zip(ladder["y"], ladder["x"], strict=True)) == {
        c: counts.get(c, 0) for c in ladder["y"]
    }


def test_cohorts_hide_windows_that_have_not_elapsed(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    lines = {t["name"]: t for t in _chart(at, "cohort_chart")["data"] if t["type"] == "scatter"}
    last_month = lines["Closed in 180 days"]["y"][-1]
    assert last_month is None  # the demo's last month has not had 180 days yet
    assert lines["Closed in 30 days"]["y"][0] is not None


def test_a_click_on_a_step_lists_its_referrals_with_downloads(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.session_state["funnel_drill"] = funnel.DrillTarget("step", step=3)  # what a click stores
    at.run()
    assert not at.exception
    rows = _table(at, "referred")  # the drill-down's columns (the breaches table has no names)
    appointments = _reached(demo_db_path)[2]
    assert len(rows) == appointments
    expected = {
        r[0]
        for r in _sql(
            demo_db_path, "select referral_id from referrals where appointment_at is not null"
        )
    }
    assert set(rows["referral_id"]) == expected
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[-2:] == ["Download CSV", "Download XLSX"]


def test_a_click_on_a_ladder_bar_lists_those_contacts(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.session_state["funnel_drill"] = funnel.DrillTarget("category", category="Core Advocate")
    at.run()
    rows = _table(at, "contact_id")
    expected = _sql(demo_db_path, "select count(*) from contacts where category = 'Core Advocate'")[
        0
    ][0]
    assert len(rows) == expected and set(rows["category"]) == {"Core Advocate"}


def test_a_period_without_referrals_explains_what_is_missing(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.selectbox(key="period").set_value("custom").run()
    at.date_input(key="range").set_value((date(2019, 1, 1), date(2019, 1, 31))).run()
    assert not at.exception
    assert at.info[0].value == messages.NO_REFERRALS_IN_PERIOD
    assert not at.get("plotly_chart")
