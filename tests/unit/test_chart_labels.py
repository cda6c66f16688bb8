"""Text from the data reaches a chart as inert labels: no markup, no template placeholders.

Plotly renders ``<a href>``, ``<b>``, ``<br>`` and entities in labels, legends and hover text,
and expands ``%{…}`` in hover templates. Every builder that takes text from the data is built
here from small frames whose every text value is such a payload; the figure's JSON must hold
each one only escaped, its templates must be the same as with harmless names, and a clickable
chart's ``customdata`` must still carry the raw value a drill-down filters on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pandas as pd
import plotly.graph_objects as go
import pytest

from referral_analytics import funnel
from referral_analytics.charts import experiments, partners, sources
from referral_analytics.charts import funnel as funnel_charts
from referral_analytics.safe_text import chart_label

PAYLOADS = ('<a href="http://evil.example/">x</a>', "%{y}", "<b>b</b>", "&amp;", "two<br>lines")
PLAIN = ("Alpha", "Bravo", "Charlie", "Delta", "Echo")  # same shape, nothing to interpret
NO_REASON = "No reason given"


# --- one figure per builder, from the five texts ----------------------------------------------
def pipeline(texts) -> go.Figure:
    table = pd.DataFrame({"step": range(1, 6), "name": texts, "reached": [50, 40, 30, 20, 10]})
    return funnel_charts.pipeline(table)


def compare(texts) -> go.Figure:
    rows = [(segment, label, 50.0, 10) for segment in texts for label in texts[:3]]
    conversion = pd.DataFrame(rows, columns=["segment", "label", "conversion", "reached"])
    return funnel_charts.compare(conversion, dimension="Agent")


def rule_by_agent(texts) -> go.Figure:
    frame = pd.DataFrame(
        {
            "agent": texts,
            "share_within_24h": pd.array([90.0, 75.5, 50.0, None, 10.0], dtype="Float64"),
            "within_24h": [9, 6, 5, 0, 1],
            "missed": [1, 2, 5, 0, 9],
            "waiting": [0, 1, 0, 3, 0],
        }
    )
    return funnel_charts.rule_by_agent(frame)


def lost(texts) -> go.Figure:
    reasons = [*texts, ""]  # "" is a loss without a reason
    lost_frame = pd.DataFrame(
        {"last_step": [1, 2, 3, 4, 1, 2], "lost_reason": reasons, "referrals": [3, 2, 4, 1, 5, 2]}
    )
    step_names = dict(enumerate(texts, start=1))
    return funnel_charts.lost(lost_frame, step_names=step_names, no_reason=NO_REASON)


def ladder(texts) -> go.Figure:
    table = pd.DataFrame(
        {"category": texts, "contacts": [5, 4, 3, 2, 1], "share": [33.3, 26.7, 20.0, 13.3, 6.7]}
    )
    return funnel_charts.ladder(table)


def cumulative_rates(texts) -> go.Figure:
    days = pd.to_datetime(["2026-01-01", "2026-01-02"])
    daily = pd.DataFrame(
        [(variant, day, 10 * (i + 1), i + 1) for variant in texts for i, day in enumerate(days)],
        columns=["variant", "day", "sends", "replied"],
    )
    return experiments.cumulative_rates(daily, metric="replied", label="replied")


def forest(texts) -> go.Figure:
    uplifts = pd.DataFrame(
        {
            "variant": texts[1:],
            "uplift": [1.0, -0.5, 2.0, 0.0],
            "low": [-1.0, -2.0, 0.5, -1.0],
            "high": [3.0, 1.0, 3.5, 1.0],
        }
    )
    return experiments.forest(uplifts, control=texts[0])


def _partners(texts) -> pd.DataFrame:
    """Scored partner cards: every column the three partner figures read."""
    frame = pd.DataFrame(
        {
            "name": texts,
            "rank": range(1, 6),
            "score": [90.0, 80.0, 70.0, 60.0, 50.0],
            "referrals_from": [5, 4, 3, 2, 1],
            "referrals_to": [1, 2, 3, 4, 5],
        }
    )
    for i, component in enumerate(partners.COMPONENTS):
        frame[component] = [10.0 * (i + 1)] * 5
    return frame


def score_bars(texts) -> go.Figure:
    return partners.score_bars(_partners(texts))


def radar(texts) -> go.Figure:
    return partners.radar(_partners(texts), names=list(texts))


def reciprocity(texts) -> go.Figure:
    return partners.reciprocity(_partners(texts))


def by_source(texts) -> go.Figure:
    table = pd.DataFrame(
        {
            "segment": texts,
            "referrals": [10, 8, 6, 4, 2],
            "closed": [5, 4, 3, 2, 1],
            "conversion": [50.0, 50.0, 50.0, 50.0, 50.0],
        }
    )
    return sources.by_source(table, dimension="Channel")


def lead_conversion(texts) -> go.Figure:
    table = pd.DataFrame(
        {
            "source": texts,
            "conversion": [60.0, 40.0, 30.0, 20.0, None],
            "referral": [True, False, False, False, False],
            "won": [6, 4, 3, 2, 0],
            "lost": [4, 6, 7, 8, 0],
            "open": [1, 1, 1, 1, 1],
        }
    )
    return sources.lead_conversion(table, reference_rate=40.0)


def cost_per_customer(texts) -> go.Figure:
    costs = pd.DataFrame(
        {
            "channel": texts,
            "category": ["referral_program", "ads", "ads", "events", "ads"],
            "cost_per_customer": [100.0, 250.0, 400.0, None, 900.0],
            "spend": [1000.0, 2500.0, 4000.0, 0.0, 9000.0],
            "customers": [10, 10, 10, 0, 10],
        }
    )
    return sources.cost_per_customer(costs, currency=texts[0])  # configured, not ours either


def ask_timing(texts) -> go.Figure:
    yields = pd.DataFrame(
        {
            "label": texts,
            "referrals_per_ask": [0.2, 0.15, 0.1, 0.05, 0.02],
            "asks": [10, 20, 30, 40, 50],
            "reply_share": [30.0, 25.0, 20.0, 15.0, 10.0],
        }
    )
    return sources.ask_timing(yields)


# Builders that take no text from the data (monthly_referrals, speed_histogram, cohorts,
# per_referrer, pareto, chain_depth: dates and numbers only) have nothing to escape.
BUILDERS: dict[str, Callable[[tuple[str, ...]], go.Figure]] = {
    f.__name__: f
    for f in (
        pipeline, compare, rule_by_agent, lost, ladder, cumulative_rates, forest, score_bars,
        radar, reciprocity, by_source, lead_conversion, cost_per_customer, ask_timing,
    )
}  # fmt: skip


# --- reading the figure back ------------------------------------------------------------------
def _spec(fig: go.Figure) -> dict:
    """The figure as the browser receives it."""
    return json.loads(fig.to_json())


def _strings(node, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in the figure's JSON with its path, except click payloads (``customdata``
    is never rendered as a label: it is what a click returns, and must stay raw)."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "customdata":
                yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))


def _raw_payloads(text: str) -> list[str]:
    """The payloads that ``text`` holds unescaped: what is left once their escaped forms go."""
    for payload in PAYLOADS:
        text = text.replace(chart_label(payload), "")
    return [p for p in PAYLOADS if p in text]


def _templates(fig: go.Figure) -> dict[tuple, str]:
    """Every hovertemplate and texttemplate in the figure, by path."""
    return {path: text for path, text in _strings(_spec(fig)) if str(path[-1]).endswith("template")}


# --- the tests ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", BUILDERS)
def test_text_from_the_data_is_inert_in_every_label_and_template(name):
    figure = BUILDERS[name](PAYLOADS)
    leaks = [
        (path, text)
        for path, text in _strings(_spec(figure))
        if "<a" in text or "<b>" in text or _raw_payloads(text)
    ]
    assert leaks == []
    # The data only fills placeholders (%{x}, %{y}, %{fullData.name}, %{meta}): a template
    # built from payloads is exactly the one built from plain names, and holds none of them.
    plain = _templates(BUILDERS[name](PLAIN))
    assert _templates(figure) == plain
    assert [t for t in plain.values() if any(word in t for word in PLAIN)] == []


def test_a_click_on_a_lost_bar_carries_the_raw_reason_under_an_escaped_name():
    for trace in _spec(lost(PAYLOADS))["data"]:
        reason = trace["customdata"][0][2]
        assert trace["name"] == chart_label(reason or NO_REASON)
        for point in trace["customdata"]:
            target = funnel.drill_target([{"customdata": point}])
            assert target.lost_reason == reason  # the rows listed are this reason's, as stored
    reasons = {t["customdata"][0][2] for t in _spec(lost(PAYLOADS))["data"]}
    assert reasons == {*PAYLOADS, ""}


def test_a_click_on_a_ladder_bar_carries_the_raw_category_under_an_escaped_label():
    bars = _spec(ladder(PAYLOADS))["data"][0]
    assert bars["customdata"] == [["category", p] for p in PAYLOADS]
    assert bars["y"] == [chart_label(p) for p in PAYLOADS]
