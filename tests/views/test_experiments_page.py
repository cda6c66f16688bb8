"""The Experiments page on the demo database: numbers and verdict as the test computes them."""

import pytest
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

from referral_analytics import db

EXPERIMENT = "Ask e-mail: subject line"


def _open(app_at, path):
    at = app_at(path).run()
    at.switch_page("views/experiments.py").run()
    at.selectbox(key="experiment").set_value(EXPERIMENT).run()
    assert not at.exception
    return at


def _verdict(at) -> str:
    boxes = [*at.success, *at.error, *at.info, *at.warning]
    return next(b.value.strip("*") for b in boxes if b.value.startswith("**"))


def _counts(path) -> dict[str, tuple[int, int]]:
    con = db.connect(path)
    rows = con.execute(
        "select variant, count(*), count(replied_at) from email_sends where experiment = $e"
        " group by variant order by variant",
        {"e": EXPERIMENT},
    ).fetchall()
    return {variant: (n, replied) for variant, n, replied in rows}


def test_table_shows_each_variants_rate_interval_and_p_value_as_computed_here(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    table = at.dataframe[1].value.set_index("variant")
    counts = _counts(demo_db_path)
    for variant, (n, replied) in counts.items():
        assert table.loc[variant, "sends"] == n
        assert table.loc[variant, "events"] == replied
        low, high = proportion_confint(replied, n, method="wilson")
        assert table.loc[variant, "rate low %"] == pytest.approx(low * 100, abs=1e-6)
        assert table.loc[variant, "rate high %"] == pytest.approx(high * 100, abs=1e-6)
    (na, ea), (nb, eb) = counts["A"], counts["B"]
    p = proportions_ztest([eb, ea], [nb, na])[1]
    assert table.loc["B", "p (Holm)"] == pytest.approx(p, abs=1e-9)


def test_the_verdict_names_the_better_variant_when_the_difference_is_significant(
    app_at, demo_db_path
):
    at = _open(app_at, demo_db_path)
    counts = _counts(demo_db_path)
    (na, ea), (nb, eb) = counts["A"], counts["B"]
    verdict = _verdict(at)
    if min(ea, eb) < 25:
        assert verdict.startswith("Too early")
    elif proportions_ztest([eb, ea], [nb, na])[1] < 0.05:
        assert verdict.startswith("B is better" if eb / nb > ea / na else "B is worse")
    else:
        assert verdict.startswith(("Not significant yet", "No detectable difference"))


def test_counts_mode_analyses_the_numbers_typed_in(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    at.segmented_control(key="exp_mode").set_value("counts").run()
    assert _verdict(at).startswith("No detectable difference")
    assert not at.error


def test_the_sample_size_calculator_matches_the_power_formula(app_at, demo_db_path):
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    at = _open(app_at, demo_db_path)
    at.slider(key="power_base").set_value(10.0).run()
    at.slider(key="power_lift").set_value(2.0).run()
    expected = NormalIndPower().solve_power(
        proportion_effectsize(0.12, 0.10), alpha=0.05, power=0.8
    )
    shown = int(at.metric[0].value.replace(",", ""))
    assert shown == -(-expected // 1)  # rounded up to whole sends
    at.select_slider(key="power_ratio").set_value(2.0).run()
    doubled = NormalIndPower().solve_power(
        proportion_effectsize(0.12, 0.10), alpha=0.05, power=0.8, ratio=2.0
    )
    assert int(at.metric[1].value.replace(",", "")) == -(-(doubled * 2) // 1)


def test_arms_table_lists_every_metric_for_each_variant(app_at, demo_db_path):
    at = _open(app_at, demo_db_path)
    arms = at.dataframe[0].value
    counts = _counts(demo_db_path)
    assert arms.set_index("variant")["replied"].to_dict() == {v: r for v, (_, r) in counts.items()}
    assert {"opened %", "clicked %", "replied %", "referred %", "referrals"} <= set(arms.columns)
