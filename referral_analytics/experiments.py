"""A/B/n results of referral-ask e-mails (001 §3.3, 000 §5.5.3): the answer a statistician signs.

Public API:
    ``Arm(name, n, events)`` → ``analyse_binary(arms, planned=…, alpha=…, planned_n=…)`` →
    ``BinaryResult`` (per variant: rate with Wilson interval, uplift with Newcombe interval,
    pooled z-test, Fisher's exact test, Holm-adjusted p, exact Bayesian chance to beat control
    and expected loss; overall chi-square; sample-ratio mismatch against the plan; a verdict).
    ``CountArm`` → ``analyse_counts`` for referrals per recipient (Welch).
    ``to_json_dict`` gives the CLI's document. The first arm is the control.

Rules learned from the best engines: no winner before every arm has 100 sends and 25 events;
SRM is judged against the planned split; a chance to beat control is not 1 − p; peeking
inflates false positives, so the verdict says whether the planned sample size was reached.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from referral_analytics import messages, stats
from referral_analytics.experiment_verdict import verdict

MIN_SENDS, MIN_EVENTS, SRM_ALPHA = 100, 25, 0.001


@dataclass(frozen=True)
class Arm:
    """One variant's sends and the events of the chosen metric."""

    name: str
    n: int
    events: int

    def __post_init__(self) -> None:
        if self.n < 0 or self.events < 0:
            raise ValueError(messages.AB_NEGATIVE.format(name=self.name))
        if self.events > self.n:
            raise ValueError(messages.AB_EVENTS_OVER_SENDS.format(name=self.name))

    @property
    def rate(self) -> float | None:
        """Events ÷ sends, undefined without sends."""
        return self.events / self.n if self.n else None


@dataclass(frozen=True)
class VariantResult:
    """One variant against control (the control's comparison fields are None)."""

    name: str
    n: int
    events: int
    rate: float | None
    rate_ci: tuple[float, float] | None
    abs_uplift: float | None = None
    rel_uplift: float | None = None
    diff_ci: tuple[float, float] | None = None
    z: float | None = None
    p_value: float | None = None
    p_value_adjusted: float | None = None
    fisher_p_value: float | None = None
    prob_beat_control: float | None = None
    expected_loss: float | None = None  # of choosing this variant; the control's: of keeping it


@dataclass(frozen=True)
class BinaryResult:
    """Every variant's comparison, the overall tests, the verdict and messages (SRM first)."""

    variants: tuple[VariantResult, ...]
    srm_p_value: float | None
    overall_p_value: float | None
    verdict: str
    messages: tuple[str, ...]
    alpha: float
    outcome: str  # one of experiment_verdict.OUTCOMES


def _validate(arms: Sequence[Arm], planned: Sequence[float] | None) -> list[float]:
    if len(arms) < 2:
        raise ValueError(messages.AB_TOO_FEW)
    if len({a.name for a in arms}) != len(arms):
        raise ValueError(messages.AB_DUPLICATE)
    shares = list(planned) if planned is not None else [1.0] * len(arms)
    if len(shares) != len(arms) or any(s <= 0 for s in shares):
        raise ValueError(messages.AB_PLAN.format(arms=len(arms)))
    return shares


def _compare(arm: Arm, control: Arm, confidence: float) -> VariantResult:
    tested = stats.two_proportion_z(arm.events, arm.n, control.events, control.n)
    a, b = arm.events + 1, arm.n - arm.events + 1  # Beta(1, 1) prior
    c, d = control.events + 1, control.n - control.events + 1
    beat = stats.beta_greater(a, b, c, d) if arm.n and control.n else None
    loss = None
    if beat is not None:  # E[max(p_control − p_arm, 0)], Stucchio's identity via P(X > Y)
        loss = c / (c + d) * stats.beta_greater(c + 1, d, a, b) - a / (a + b) * stats.beta_greater(
            c, d, a + 1, b
        )
    return VariantResult(
        name=arm.name, n=arm.n, events=arm.events, rate=arm.rate,
        rate_ci=stats.wilson(arm.events, arm.n, confidence=confidence),
        abs_uplift=None if arm.rate is None or control.rate is None else arm.rate - control.rate,
        rel_uplift=(arm.rate / control.rate - 1) if arm.rate is not None and control.rate else None,
        diff_ci=stats.newcombe(arm.events, arm.n, control.events, control.n, confidence=confidence),
        z=tested[0] if tested else None, p_value=tested[1] if tested else None,
        fisher_p_value=stats.fisher(arm.events, arm.n, control.events, control.n),
        prob_beat_control=beat, expected_loss=None if loss is None else max(0.0, loss),
    )  # fmt: skip


def analyse_binary(
    arms: Sequence[Arm],
    *,
    planned: Sequence[float] | None = None,
    alpha: float = 0.05,
    planned_n: int | None = None,
) -> BinaryResult:
    """Compare every arm with the first (the control) on a yes/no metric."""
    if not 0 < alpha < 1:
        raise ValueError(messages.AB_ALPHA)
    shares = _validate(arms, planned)
    control, confidence = arms[0], 1 - alpha
    compared = [_compare(arm, control, confidence) for arm in arms[1:]]
    adjusted = stats.holm([v.p_value for v in compared])
    compared = [_with(v, p_value_adjusted=p) for v, p in zip(compared, adjusted, strict=True)]
    head = VariantResult(
        name=control.name, n=control.n, events=control.events, rate=control.rate,
        rate_ci=stats.wilson(control.events, control.n, confidence=confidence),
        expected_loss=_control_loss(arms),
    )  # fmt: skip
    srm = stats.sample_ratio_mismatch([a.n for a in arms], shares)
    overall = stats.chi_square_independence([a.events for a in arms], [a.n for a in arms])
    said, text, outcome = verdict(arms, compared, srm=srm, alpha=alpha, planned_n=planned_n)
    return BinaryResult((head, *compared), srm, overall, text, tuple(said), alpha, outcome)


def _with(result: VariantResult, **changes: object) -> VariantResult:
    return VariantResult(**{**asdict(result), **changes})


def _control_loss(arms: Sequence[Arm]) -> float | None:
    """Expected loss of keeping the control: the largest E[max(p_rival − p_control, 0)]."""
    control = arms[0]
    if not control.n:
        return None
    c, d = control.events + 1, control.n - control.events + 1
    losses = []
    for arm in arms[1:]:
        if not arm.n:
            continue
        a, b = arm.events + 1, arm.n - arm.events + 1
        loss = a / (a + b) * stats.beta_greater(a + 1, b, c, d) - c / (c + d) * stats.beta_greater(
            a, b, c + 1, d
        )
        losses.append(max(0.0, loss))
    return max(losses) if losses else None


def to_json_dict(result: BinaryResult) -> dict[str, object]:
    """The ``ab --json`` document: lists for intervals, null for anything undefined."""
    variants = []
    for v in result.variants:
        row = asdict(v)
        row["rate_ci"] = list(v.rate_ci) if v.rate_ci else None
        row["diff_ci"] = list(v.diff_ci) if v.diff_ci else None
        variants.append(row)
    return {
        "variants": variants,
        "srm_p_value": result.srm_p_value,
        "overall_p_value": result.overall_p_value,
        "verdict": result.verdict,
        "messages": list(result.messages),
    }


@dataclass(frozen=True)
class CountArm:
    """Referrals generated per recipient in one arm, as sufficient statistics."""

    name: str
    n: int
    mean: float
    variance: float


@dataclass(frozen=True)
class CountResult:
    """Referrals per recipient: each arm's mean, and each variant against control by Welch."""

    name: str
    n: int
    mean: float
    difference: float | None = None
    diff_ci: tuple[float, float] | None = None
    t: float | None = None
    p_value: float | None = None


def analyse_counts(arms: Sequence[CountArm], *, alpha: float = 0.05) -> list[CountResult]:
    """Welch's t-test of each variant's mean referrals per recipient against the control's."""
    control = arms[0]
    out = [CountResult(control.name, control.n, control.mean)]
    for arm in arms[1:]:
        tested = stats.welch(
            arm.n, arm.mean, arm.variance, control.n, control.mean, control.variance,
            confidence=1 - alpha,
        )  # fmt: skip
        out.append(
            CountResult(
                arm.name, arm.n, arm.mean, arm.mean - control.mean,
                tested[2] if tested else None, tested[0] if tested else None,
                tested[1] if tested else None,
            )
        )  # fmt: skip
    return out


METRICS = {  # metric → (column in experiment_arms.sql, how a person says it)
    "replied": ("replied", "replied"),
    "referred": ("referred", "sent a referral"),
    "clicked": ("clicked", "clicked"),
    "opened": ("opened", "opened"),
}


def arms_from_counts(frame, metric: str) -> list[Arm]:
    """Arms from ``experiment_arms`` rows (one per variant, the control first)."""
    column = METRICS[metric][0]
    return [Arm(str(r["variant"]), int(r["sends"]), int(r[column])) for _, r in frame.iterrows()]


def arms_overview(frame):
    """Per variant: sends and every metric's count and rate (%), for the table above results."""
    table = frame[["variant", "description", "sends"]].copy()
    for metric, (column, _) in METRICS.items():
        table[column] = frame[column]
        table[f"{metric} %"] = (frame[column] / frame["sends"] * 100).round(2)
    table["referrals"] = frame["referrals"]
    return table


def count_arms(frame) -> list[CountArm]:
    """Referrals per recipient per variant, from their sums and sums of squares."""
    arms = []
    for _, r in frame.iterrows():
        n, total, squares = int(r["sends"]), float(r["referrals"]), float(r["referrals_squared"])
        mean = total / n if n else 0.0
        variance = (squares - n * mean * mean) / (n - 1) if n > 1 else 0.0
        arms.append(CountArm(str(r["variant"]), n, mean, max(0.0, variance)))
    return arms


def results_table(result: BinaryResult) -> list[dict[str, object]]:
    """One row per variant for people: percentages and points, None where undefined."""

    def pct(x: float | None) -> float | None:
        return None if x is None else x * 100

    return [
        {
            "variant": v.name, "sends": v.n, "events": v.events, "rate %": pct(v.rate),
            "rate low %": pct(v.rate_ci[0]) if v.rate_ci else None,
            "rate high %": pct(v.rate_ci[1]) if v.rate_ci else None,
            "uplift (points)": pct(v.abs_uplift), "relative uplift %": pct(v.rel_uplift),
            "p (Holm)": v.p_value_adjusted, "p (Fisher)": v.fisher_p_value,
            "chance to beat control %": pct(v.prob_beat_control),
            "expected loss (points)": pct(v.expected_loss),
        }
        for v in result.variants
    ]  # fmt: skip


def sends_needed(
    baseline: float, *, uplift: float, alpha: float = 0.05, power: float = 0.8, ratio: float = 1.0
) -> tuple[int, int]:
    """Sends needed (control, variant) to detect an absolute ``uplift`` over ``baseline``.

    The variant gets ``ratio`` times the control's sends; two-sided z-test, Cohen's h.
    """
    if not 0 < baseline < 1 or not 0 < baseline + uplift < 1:
        raise ValueError(messages.AB_RATES)
    n = stats.sends_for(
        stats.cohen_h(baseline + uplift, baseline), power=power, ratio=ratio, alpha=alpha
    )
    return math.ceil(n), math.ceil(n * ratio)
