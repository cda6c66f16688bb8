"""The plain-language verdict of an A/B/n test, and the warnings that must come before it."""

from __future__ import annotations

import math
from collections.abc import Sequence

from referral_analytics import messages, stats

MIN_SENDS, MIN_EVENTS, SRM_ALPHA, POWER = 100, 25, 0.001, 0.8
OUTCOMES = ("no data", "invalid", "too early", "winner", "loser", "not yet", "no difference")


def verdict(
    arms, compared, *, srm: float | None, alpha: float, planned_n: int | None
) -> tuple[list[str], str, str]:
    """(messages, verdict, outcome): an empty arm or an SRM failure is said first and ends it.

    The outcome is one of OUTCOMES, so a page can colour the verdict without parsing it.
    """
    said: list[str] = []
    empty = [a.name for a in arms if a.n == 0]
    if empty:
        said.append(messages.AB_EMPTY_ARM.format(names=", ".join(empty)))
        return said, messages.AB_VERDICT_NO_DATA, "no data"
    if srm is not None and srm < SRM_ALPHA:
        sends = ", ".join(f"{a.name} {a.n:,}" for a in arms)
        said.append(messages.AB_SRM.format(p=srm, sends=sends))
        return said, messages.AB_VERDICT_SRM, "invalid"
    if all(a.events == 0 for a in arms):
        said.append(messages.AB_NO_EVENTS)
    elif all(a.events == a.n for a in arms):
        said.append(messages.AB_ALL_EVENTS)
    if any(a.events < MIN_EVENTS or a.n < MIN_SENDS for a in arms):
        more = _sends_still_needed(arms)
        if more is None:
            return (
                said,
                messages.AB_VERDICT_TOO_EARLY_NO_RATE.format(events=MIN_EVENTS),
                "too early",
            )
        early = messages.AB_VERDICT_TOO_EARLY
        return said, early.format(more=more, sends=MIN_SENDS, events=MIN_EVENTS), "too early"
    outcome, text = _reading(arms, compared, alpha=alpha, planned_n=planned_n, said=said)
    return said, text, outcome


def _sends_still_needed(arms: Sequence) -> int | None:
    """More sends per arm, at the current rates, until every arm has 100 sends and 25 events.

    None when an arm still has no event: its rate gives no estimate.
    """
    needed = 0
    for arm in arms:
        if arm.events >= MIN_EVENTS and arm.n >= MIN_SENDS:
            continue
        if arm.events == 0:
            return None
        target = max(MIN_SENDS, math.ceil(MIN_EVENTS / (arm.events / arm.n)))
        needed = max(needed, target - arm.n, 1)
    return needed


def _decisive_p(variant, arm, control) -> float | None:
    """Fisher's exact p when an expected cell is under 5 (the z-test's normal approximation
    fails there), else the Holm-adjusted z-test p."""
    total, events = arm.n + control.n, arm.events + control.events
    expected = [n * k / total for n in (arm.n, control.n) for k in (events, total - events)]
    small = min(expected) < 5
    return variant.fisher_p_value if small else (variant.p_value_adjusted or variant.p_value)


def _reading(
    arms, compared, *, alpha: float, planned_n: int | None, said: list[str]
) -> tuple[str, str]:
    control = arms[0]
    winners = []
    for variant, arm in zip(compared, arms[1:], strict=True):
        p = _decisive_p(variant, arm, control)
        if p is not None and p < alpha:
            winners.append((variant, p))
    reached = planned_n is None or all(a.n >= planned_n for a in arms)
    if planned_n is not None:
        said.append(messages.AB_PLANNED.format(planned=planned_n, least=min(a.n for a in arms)))
    if winners:
        best, p = max(winners, key=lambda w: w[0].abs_uplift or 0)
        if not reached:
            said.append(messages.AB_PEEKING)
        if (best.abs_uplift or 0) > 0:
            odds = chance(best.prob_beat_control or 0)
            return "winner", messages.AB_VERDICT_BETTER.format(
                name=best.name, chance=odds, control=control.name, p=p
            )
        odds = chance(1 - (best.prob_beat_control or 0))
        return "loser", messages.AB_VERDICT_WORSE.format(
            name=best.name, chance=odds, control=control.name, p=p
        )
    if not reached:
        return "not yet", messages.AB_VERDICT_NOT_YET
    smallest = _detectable_uplift(arms)
    return "no difference", messages.AB_VERDICT_NO_DIFFERENCE.format(points=smallest * 100)


def chance(probability: float) -> str:
    """A probability as people read it: never "100%" or "0%" for what is only nearly certain."""
    if probability > 0.999:
        return "more than 99.9%"
    if probability < 0.001:
        return "less than 0.1%"
    return f"{probability:.0%}" if 0.01 <= probability <= 0.99 else f"{probability:.1%}"


def _detectable_uplift(arms: Sequence) -> float:
    """The smallest absolute uplift over control this test had an 80% chance to detect."""
    control = arms[0]
    base = control.events / control.n
    rival = min(arms[1:], key=lambda a: a.n)
    h = stats.detectable_h(control.n, ratio=rival.n / control.n, power=POWER)
    top = math.sin(min(math.pi / 2, math.asin(math.sqrt(base)) + h / 2)) ** 2
    return top - base
