"""The Overview page in AppTest, against a real demo database on disk."""

from datetime import date

import pytest

from referral_analytics import db
from tests.conftest import DEMO_END


def _number(text: str) -> float:
    """A tile's value as a number: '1,234' → 1234, '12.5%' → 12.5, 'SAR 1.25M' → 1250000."""
    scale = {"K": 1e3, "M": 1e6, "B": 1e9}
    cleaned = text.replace("SAR", "").replace(",", "").replace("%", "").replace("h", "").strip()
    if cleaned[-1] in scale:
        return float(cleaned[:-1]) * scale[cleaned[-1]]
    return float(cleaned)


def _tiles(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _expected(path, start: date, end: date) -> dict[str, float]:
    """The tiles computed independently with plain SQL on the same database."""
    con = db.connect(path)  # same settings as the app's connection in this process
    period = {"s": start, "e": end}
    contacts = con.execute(
        "select count(*) from contacts where created_at < $e::date + 1", {"e": end}
    ).fetchall()[0][0]
    received, closed, within = con.execute(
        """select count(*), count(*) filter (where status = 'closed'),
                  count(*) filter (where first_contact_at - received_at <= interval 24 hour)
           from referrals where received_at >= $s and received_at < $e::date + 1""",
        period,
    ).fetchall()[0]
    revenue = con.execute(
        "select coalesce(sum(commission), 0) from referrals where status = 'closed' and closed_at >= $s and closed_at < $e::date + 1",
        period,
    ).fetchall()[0][0]
    scores = [r[0] for r in con.execute(
        "select score from nps_responses where answered_at >= $s and answered_at < $e::date + 1", period
    ).fetchall()]  # fmt: skip
    con.close()
    return {
        "Contacts": contacts,
        "Referrals received": received,
        "Referral rate": received / contacts * 100,
        "Referral conversion": closed / received * 100,
        "Revenue (SAR)": float(revenue),
        "NPS": (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores) * 100,
        "Contacted within 24 h": within / received * 100,
    }


def _custom_period(at, start: date, end: date):
    at.selectbox(key="period").set_value("custom").run()
    at.date_input(key="range").set_value((start, end)).run()
    return at


def test_tiles_show_the_figures_plain_sql_gives(app_at, demo_db_path):
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    at = _custom_period(app_at(demo_db_path).run(), start, end)
    assert not at.exception
    shown = _tiles(at)
    for label, value in _expected(demo_db_path, start, end).items():
        tolerance = 0.006 * abs(value) + 0.06  # tiles round: 2 decimals, or 3 significant digits
        assert _number(shown[label]) == pytest.approx(value, abs=tolerance), label


def test_changing_the_period_changes_the_tiles(app_at, demo_db_path):
    at = _custom_period(app_at(demo_db_path).run(), date(2026, 1, 1), date(2026, 3, 31))
    first = _tiles(at)
    at.date_input(key="range").set_value((date(2026, 4, 1), DEMO_END)).run()
    second = _tiles(at)
    assert first["Referrals received"] != second["Referrals received"]
    expected = _expected(demo_db_path, date(2026, 4, 1), DEMO_END)
    assert _number(second["Referrals received"]) == expected["Referrals received"]


def test_agent_filter_narrows_the_tiles(app_at, demo_db_path):
    at = _custom_period(app_at(demo_db_path).run(), date(2025, 1, 1), DEMO_END)
    everyone = _number(_tiles(at)["Referrals received"])
    at.multiselect(key="agent").set_value(["Omar Haddad"]).run()
    one = _number(_tiles(at)["Referrals received"])
    assert 0 < one < everyone


def test_tiles_explain_their_definition_and_show_the_change(app_at, demo_db_path):
    at = _custom_period(app_at(demo_db_path).run(), date(2026, 4, 1), date(2026, 9, 30))
    rate = next(m for m in at.metric if m.label == "Referral conversion")
    assert "received in the period" in rate.proto.help
    assert rate.delta.endswith("%")
    assert at.get("plotly_chart"), "the monthly chart is shown"


def test_query_string_opens_the_shared_view(app_at, demo_db_path):
    at = app_at(demo_db_path, query={"period": "All time", "agent": "Lina Mansour"}).run()
    assert not at.exception
    assert at.selectbox(key="period").value == "all"
    assert at.multiselect(key="agent").value == ["Lina Mansour"]


def test_empty_database_offers_the_demo_and_loading_it_fills_the_tiles(app_at, tmp_path):
    at = app_at(tmp_path / "empty.duckdb").run()
    assert not at.exception
    assert "no data yet" in at.info[0].value
    assert not at.metric
    at.button(key="load_demo").click().run()
    assert not at.exception
    assert len(at.metric) == 10
