"""A/B/n statistics against golden numbers computed here by scipy and statsmodels (to 1e-6)."""

import math
from dataclasses import asdict

import numpy as np
import pytest
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportion_effectsize,
    proportions_ztest,
)

from referral_analytics import stats
from referral_analytics.experiments import Arm, CountArm, analyse_binary, analyse_counts

TOL = 1e-6
TWO_ARMS = [  # (control sends, events), (variant sends, events)
    ((1000, 50), (1000, 75)),  # a typical referral-ask test
    ((20, 2), (25, 7)),  # tiny samples
    ((30, 0), (30, 4)),  # zero events in the control
    ((40, 40), (40, 37)),  # 100% in the control
    ((1_000_000, 52_000), (1_000_000, 52_600)),  # a million sends each
    ((1200, 66), (600, 45)),  # unequal split
    ((500, 25), (480, 24)),  # no difference at all
    ((150, 12), (160, 3)),  # the variant is worse
]


@pytest.mark.parametrize(("control", "variant"), TWO_ARMS)
def test_two_arm_results_match_statsmodels_and_scipy(control, variant):
    (n0, e0), (n1, e1) = control, variant
    result = analyse_binary([Arm("A", n0, e0), Arm("B", n1, e1)])
    head, b = result.variants
    for arm, (n, e) in ((head, control), (b, variant)):
        assert arm.rate_ci == pytest.approx(proportion_confint(e, n, method="wilson"), abs=TOL)
    assert b.diff_ci == pytest.approx(
        confint_proportions_2indep(e1, n1, e0, n0, method="newcomb", compare="diff"), abs=TOL
    )
    assert b.fisher_p_value == pytest.approx(
        sps.fisher_exact([[e1, n1 - e1], [e0, n0 - e0]]).pvalue, abs=TOL
    )
    if 0 < e0 + e1 < n0 + n1:
        z, p = proportions_ztest([e1, e0], [n1, n0])
        assert (b.z, b.p_value) == pytest.approx((z, p), abs=TOL)
        assert b.p_value_adjusted == b.p_value  # one comparison: Holm changes nothing
    assert b.abs_uplift == pytest.approx(e1 / n1 - e0 / n0, abs=TOL)


@pytest.mark.parametrize(
    "arms",
    [
        [(1000, 50), (1000, 70), (1000, 58)],
        [(800, 40), (820, 61), (790, 45), (805, 39)],
        [(3000, 90), (2950, 120), (3020, 95)],
    ],
)
def test_three_and_four_arms_use_holm_and_an_overall_chi_square(arms):
    result = analyse_binary([Arm(chr(65 + i), n, e) for i, (n, e) in enumerate(arms)])
    raw = [proportions_ztest([e, arms[0][1]], [n, arms[0][0]])[1] for n, e in arms[1:]]
    expected = multipletests(raw, method="holm")[1]
    assert [v.p_value_adjusted for v in result.variants[1:]] == pytest.approx(
        list(expected), abs=TOL
    )
    table = [[e, n - e] for n, e in arms]
    assert result.overall_p_value == pytest.approx(
        sps.chi2_contingency(table, correction=False).pvalue, abs=TOL
    )


def test_sample_ratio_mismatch_is_judged_against_the_planned_split_and_said_first():
    arms = [Arm("A", 1000, 50), Arm("B", 1300, 80)]
    equal = analyse_binary(arms)
    assert equal.srm_p_value == pytest.approx(
        sps.chisquare([1000, 1300], [1150, 1150]).pvalue, abs=TOL
    )
    assert equal.messages[0].startswith("Sample ratio mismatch")
    assert "Do not read" in equal.verdict
    planned = analyse_binary(arms, planned=[10, 13])  # 1000:1300 was the plan
    assert planned.srm_p_value == pytest.approx(1.0)
    assert not any("mismatch" in m for m in planned.messages)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(51, 951, 41, 961), (8, 13, 3, 18), (121, 380, 140, 361)]
)
def test_chance_to_beat_control_matches_a_large_seeded_monte_carlo(a, b, c, d):
    draws = 2_000_000
    rng = np.random.default_rng(20261122)
    share = float((rng.beta(a, b, draws) > rng.beta(c, d, draws)).mean())
    standard_error = math.sqrt(share * (1 - share) / draws)
    assert stats.beta_greater(a, b, c, d) == pytest.approx(share, abs=4 * standard_error + 1e-9)


def test_closed_form_and_numerical_integration_agree():
    for params in [(51, 951, 41, 961), (8, 13, 3, 18), (401, 9601, 380, 9622)]:
        assert stats._beta_greater_sum(*params) == pytest.approx(
            stats._beta_greater_quad(*params), abs=1e-9
        )


def test_chance_to_beat_uses_beta_1_1_priors_and_is_not_one_minus_p():
    result = analyse_binary([Arm("A", 1000, 50), Arm("B", 1000, 75)])
    b = result.variants[1]
    assert b.prob_beat_control == pytest.approx(stats.beta_greater(76, 926, 51, 951), abs=1e-12)
    assert b.prob_beat_control != pytest.approx(1 - b.p_value, abs=1e-3)


def test_expected_loss_matches_a_monte_carlo():
    result = analyse_binary([Arm("A", 400, 30), Arm("B", 400, 36)])
    rng = np.random.default_rng(7)
    pa, pb = rng.beta(31, 371, 2_000_000), rng.beta(37, 365, 2_000_000)
    assert result.variants[1].expected_loss == pytest.approx(
        np.maximum(pa - pb, 0).mean(), abs=2e-5
    )
    assert result.variants[0].expected_loss == pytest.approx(
        np.maximum(pb - pa, 0).mean(), abs=2e-5
    )


@pytest.mark.parametrize(
    ("baseline", "rate", "ratio"), [(0.05, 0.06, 1.0), (0.1, 0.13, 2.0), (0.3, 0.25, 0.5)]
)
def test_sends_needed_match_statsmodels_normal_ind_power(baseline, rate, ratio):
    h = stats.cohen_h(rate, baseline)
    assert h == pytest.approx(proportion_effectsize(rate, baseline), abs=1e-12)
    expected = NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8, ratio=ratio)
    assert stats.sends_for(h, ratio=ratio) == pytest.approx(expected, rel=1e-6)
    found = stats.detectable_h(expected, ratio=ratio)
    assert found == pytest.approx(abs(h), rel=1e-6)


def test_welch_matches_scipy_from_summary_statistics():
    control, variant = CountArm("A", 500, 0.12, 0.15), CountArm("B", 520, 0.19, 0.26)
    result = analyse_counts([control, variant])[1]
    t, p = sps.ttest_ind_from_stats(
        0.19, math.sqrt(0.26), 520, 0.12, math.sqrt(0.15), 500, equal_var=False
    )
    assert (result.t, result.p_value) == pytest.approx((t, p), abs=TOL)
    assert result.diff_ci[0] < 0.07 < result.diff_ci[1]


@pytest.mark.parametrize(
    ("arms", "said"),
    [
        ([Arm("A", 0, 0), Arm("B", 100, 5)], "No sends yet in A"),
        ([Arm("A", 300, 0), Arm("B", 300, 0)], "No variant has any event yet"),
        ([Arm("A", 120, 120), Arm("B", 130, 130)], "Every send in every variant had the event"),
    ],
)
def test_degenerate_input_returns_a_message_and_no_nan(arms, said):
    result = analyse_binary(arms)
    assert any(said in m for m in result.messages)
    values = [v for row in (asdict(x) for x in result.variants) for v in row.values()]
    flat = [x for v in values for x in (v if isinstance(v, tuple) else (v,))]
    assert not any(isinstance(x, float) and math.isnan(x) for x in flat)


def test_relative_uplift_and_z_are_undefined_when_they_must_be():
    zero_control = analyse_binary([Arm("A", 200, 0), Arm("B", 200, 6)]).variants[1]
    assert zero_control.rel_uplift is None
    none_at_all = analyse_binary([Arm("A", 200, 0), Arm("B", 200, 0)]).variants[1]
    assert none_at_all.z is None and none_at_all.p_value is None


@pytest.mark.parametrize(
    ("arms", "starts"),
    [
        ([Arm("A", 1000, 50), Arm("B", 1000, 75)], "B is better: 99% chance to beat A"),
        ([Arm("A", 1000, 75), Arm("B", 1000, 50)], "B is worse"),
        ([Arm("A", 80, 4), Arm("B", 90, 9)], "Too early: about 420 more sends"),
        ([Arm("A", 5000, 250), Arm("B", 5000, 258)], "Not significant yet"),
    ],
)
def test_verdict_in_plain_language(arms, starts):
    planned = 6000 if starts == "Not significant yet" else None
    assert analyse_binary(arms, planned_n=planned).verdict.startswith(starts)


def test_a_test_that_reached_its_plan_without_a_difference_names_what_it_could_have_found():
    result = analyse_binary([Arm("A", 5000, 250), Arm("B", 5000, 260)], planned_n=5000)
    assert result.verdict.startswith("No detectable difference")
    h = stats.detectable_h(5000)
    smallest = math.sin(math.asin(math.sqrt(0.05)) + h / 2) ** 2 - 0.05
    assert f"{smallest * 100:.1f} percentage points" in result.verdict


def test_a_significant_result_before_the_planned_size_warns_about_peeking():
    result = analyse_binary([Arm("A", 1000, 50), Arm("B", 1000, 80)], planned_n=4000)
    assert any("inflates false positives" in m for m in result.messages)


@pytest.mark.parametrize(
    ("arms", "match"),
    [
        ([Arm("A", 10, 1)], "at least two variants"),
        ([Arm("A", 10, 1), Arm("A", 10, 2)], "its own name"),
    ],
)
def test_invalid_experiments_are_refused_plainly(arms, match):
    with pytest.raises(ValueError, match=match):
        analyse_binary(arms)


def test_events_above_sends_or_negative_counts_are_refused():
    with pytest.raises(ValueError, match="more events than sends"):
        Arm("A", 10, 11)
    with pytest.raises(ValueError, match="cannot be negative"):
        Arm("A", -1, 0)
