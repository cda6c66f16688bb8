"""The Partners page: scorecards from the store, and weight sliders that re-rank live."""

import math

from referral_analytics import db


def _expected_scores(path, weights: dict[str, float]) -> dict[str, float]:
    """Scores computed here from plain SQL and the formula as domain.md/messages state it."""
    con = db.connect(path)
    rows = con.execute(
        "select name, avg(service_quality), avg(response_time_hours), avg(satisfaction),"
        " sum(referrals_from) from partners group by partner_id, name"
    ).fetchall()
    busiest = max(r[4] for r in rows)
    total = sum(weights.values())
    scores = {}
    for name, quality, hours, satisfaction, sent in rows:
        speed = (math.log(72) - math.log(min(max(hours, 1), 72))) / math.log(72) * 100
        parts = {
            "service_quality": (quality - 1) / 4 * 100,
            "response_time": speed,
            "satisfaction": (satisfaction - 1) / 4 * 100,
            "referral_quantity": sent / busiest * 100,
        }
        scores[name] = sum(parts[k] * w / total for k, w in weights.items())
    return scores


def _open(app_at, path):
    at = app_at(path).run()
    at.switch_page("views/partners.py").run()
    at.selectbox(key="period").set_value("all").run()
    assert not at.exception
    return at


DEFAULTS = {
    "service_quality": 0.3,
    "response_time": 0.2,
    "satisfaction": 0.3,
    "referral_quantity": 0.2,
}


def test_ranking_and_scores_match_the_formula_on_plain_sql(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    table = at.dataframe[0].value
    expected = _expected_scores(demo_db_path, DEFAULTS)
    assert len(table) == len(expected) == 30
    for name, score in zip(table["name"], table["score"], strict=True):
        assert score == round(expected[name], 6) or abs(score - expected[name]) < 1e-6
    assert table["score"].is_monotonic_decreasing


def test_moving_a_weight_slider_reranks_the_partners(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    before = at.dataframe[0].value["name"].tolist()
    at.slider(key="w_referral_quantity").set_value(1.0).run()
    at.slider(key="w_service_quality").set_value(0.0).run()
    after = at.dataframe[0].value
    assert after["name"].tolist() != before
    weights = {**DEFAULTS, "referral_quantity": 1.0, "service_quality": 0.0}
    expected = _expected_scores(demo_db_path, weights)
    top = after.iloc[0]
    assert abs(top["score"] - max(expected.values())) < 1e-6


def test_all_weights_at_zero_falls_back_to_the_defaults_with_a_warning(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    for key in DEFAULTS:
        at.slider(key=f"w_{key}").set_value(0.0).run()
    assert "default weights" in at.warning[0].value
    assert not at.exception


def test_trade_filter_keeps_only_that_trade(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.multiselect(key="trade").set_value(["Mortgage broker"]).run()
    assert set(at.dataframe[0].value["trade"]) == {"Mortgage broker"}
