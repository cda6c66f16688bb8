"""Sources page figures: referrals by source, referrers' Pareto, referred against other leads,
cost per customer by channel, ask timing and referral chains.

Built like ``charts.funnel``: whole layouts in the constructor, plain lists, lines as shapes.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from referral_analytics.charts import CLOSED, PALETTE, RECEIVED, base_layout, labels
from referral_analytics.charts.funnel import PERCENT_AXIS, RIGHT_PERCENT, values, vertical_line
from referral_analytics.safe_text import chart_label
from referral_analytics.sources import PARETO_TOP_SHARE, REFERRALS_PER_REFERRER_REFERENCE

OTHER = "#7F7F7F"


def by_source(table: pd.DataFrame, *, dimension: str) -> go.Figure:
    """Referrals and closed per source (bars) with the conversion rate (dots, right axis)."""
    segments = labels(table["segment"])
    traces = [
        go.Bar(x=segments, y=values(table["referrals"]), name="Referrals", marker_color=RECEIVED),
        go.Bar(x=segments, y=values(table["closed"]), name="Closed", marker_color=CLOSED),
        go.Scatter(
            x=segments, y=values(table["conversion"]), name="Conversion", yaxis="y2",
            mode="markers", marker={"color": PALETTE[1], "size": 12},
            hovertemplate="%{x}: %{y:.1f}% converted<extra></extra>",
        ),
    ]  # fmt: skip
    layout = {
        "barmode": "group", "xaxis": {"title": dimension}, "yaxis": {"title": "Referrals"},
        "yaxis2": {"title": "Conversion (%)", **RIGHT_PERCENT},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=340).update_layout(hovermode="closest")


def per_referrer(frequency: pd.DataFrame, *, mean: float | None) -> go.Figure:
    """Referrers by referrals each sent, with 004's 2.68 and this period's mean as lines."""
    lines = [vertical_line(REFERRALS_PER_REFERRER_REFERENCE, "2.68 (004)")]
    if mean is not None:
        lines.append(vertical_line(mean, f"mean {mean:.2f}", colour=PALETTE[3], dash="dot"))
        lines[-1]["note"].update(y=0.9)
    fig = go.Figure(
        go.Bar(
            x=values(frequency["referrals_each"]), y=values(frequency["referrers"]),
            marker_color=RECEIVED, hovertemplate="%{y:,} referrers sent %{x} each<extra></extra>",
        ),
        layout={
            "shapes": [line["shape"] for line in lines],
            "annotations": [line["note"] for line in lines], "showlegend": False,
            "xaxis": {"title": "Referrals sent by a referrer", "rangemode": "tozero"},
            "yaxis": {"title": "Referrers (log scale)", "type": "log", "dtick": 1},
        },
    )  # fmt: skip
    return base_layout(fig, height=320).update_layout(hovermode="closest")


def pareto(bars: pd.DataFrame, *, top_share: float | None) -> go.Figure:
    """Bars of referrals per referrer in rank order and the cumulative share of referrals, with
    the top-20% (vertical) and 80% (horizontal) markers."""
    ends = values(bars["rank_share"])
    width = 100 / max(len(ends), 1)
    top = vertical_line(PARETO_TOP_SHARE * 100, f"top 20% → {top_share or 0:.0f}% of referrals")
    eighty = {
        "type": "line",
        "x0": 0,
        "x1": 1,
        "xref": "paper",
        "y0": 80,
        "y1": 80,
        "yref": "y2",
        "line": {"dash": "dot", "color": PALETTE[3], "width": 1.5},
    }
    eighty_note = {"x": 1, "xref": "paper", "y": 80, "yref": "y2", "text": "80% of referrals",
                   "showarrow": False, "xanchor": "right", "yanchor": "bottom"}  # fmt: skip
    traces = [
        go.Bar(
            x=[e - width / 2 for e in ends], y=values(bars["per_referrer"]), width=width * 0.9,
            name="Referrals per referrer", marker_color=RECEIVED, customdata=ends,
            hovertemplate="top %{customdata:.0f}% of referrers: %{y:.2f} referrals each"
            "<extra></extra>",
        ),
        go.Scatter(
            x=[0, *ends], y=[0, *values(bars["cumulative_share"])], yaxis="y2",
            name="Cumulative share of referrals", mode="lines", line_color=PALETTE[1],
            hovertemplate="top %{x:.0f}% of referrers: %{y:.1f}% of referrals<extra></extra>",
        ),
    ]  # fmt: skip
    layout = {
        "bargap": 0, "shapes": [top["shape"], eighty], "annotations": [top["note"], eighty_note],
        "xaxis": {"title": "Referrers, ranked (% of all)", "range": [0, 100], "ticksuffix": "%"},
        "yaxis": {"title": "Referrals per referrer"},
        "yaxis2": {"title": "Cumulative referrals (%)", "overlaying": "y", "side": "right",
                   "range": [0, 101], "ticksuffix": "%", "showgrid": False, "tickmode": "linear",
                   "tick0": 0, "dtick": 20},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=360).update_layout(hovermode="closest")


def lead_conversion(table: pd.DataFrame, *, reference_rate: float | None) -> go.Figure:
    """Each lead source's conversion (referrals highlighted), with the "30% better" line."""
    ordered = table.sort_values("conversion", ascending=False, na_position="last")
    shapes, notes = [], []
    if reference_rate is not None:
        shapes.append(
            {
                "type": "line",
                "x0": 0,
                "x1": 1,
                "xref": "paper",
                "y0": reference_rate,
                "y1": reference_rate,
                "line": {"dash": "dash", "color": PALETTE[3]},
            }
        )
        notes.append({"x": 1, "xref": "paper", "y": reference_rate, "xanchor": "right",
                      "yanchor": "bottom", "showarrow": False,
                      "text": "30% better than other leads (004)"})  # fmt: skip
    fig = go.Figure(
        go.Bar(
            x=labels(ordered["source"]), y=values(ordered["conversion"]),
            marker_color=[RECEIVED if r else OTHER for r in ordered["referral"]],
            customdata=ordered[["won", "lost", "open"]].to_numpy().tolist(),
            hovertemplate="%{x}: %{y:.1f}% (%{customdata[0]:,} won, %{customdata[1]:,} lost, "
            "%{customdata[2]:,} open)<extra></extra>",
        ),
        layout={"shapes": shapes, "annotations": notes, "showlegend": False,
                "yaxis": {"title": "Won ÷ decided leads (%)", **PERCENT_AXIS}},
    )  # fmt: skip
    return base_layout(fig, height=340).update_layout(hovermode="closest")


def cost_per_customer(costs: pd.DataFrame, *, currency: str) -> go.Figure:
    """Cost per customer acquired for each cost channel that has one (CPA; CAC for referrals).

    ``currency`` is configured text: it reaches the hover as the trace's ``meta``, not by
    interpolation, so nothing in it can expand as a placeholder.
    """
    known = costs[costs["cost_per_customer"].notna()].sort_values("cost_per_customer")
    currency = chart_label(currency)
    colours = [RECEIVED if c == "referral_program" else OTHER for c in known["category"]]
    fig = go.Figure(
        go.Bar(
            y=labels(known["channel"]), x=values(known["cost_per_customer"]), orientation="h",
            marker_color=colours, meta=currency,
            customdata=known[["spend", "customers"]].astype(float).to_numpy().tolist(),
            hovertemplate="%{y}: %{meta} %{x:,.0f} per customer<br>%{meta} "
            "%{customdata[0]:,.0f} spent, %{customdata[1]:,.0f} customers<extra></extra>",
        ),
        layout={"xaxis": {"title": f"Cost per customer acquired ({currency})"}},
    )  # fmt: skip
    height = max(240, 40 * len(known) + 90)
    return base_layout(fig, height=height).update_layout(hovermode="closest")


def ask_timing(yields: pd.DataFrame) -> go.Figure:
    """Referrals per ask by time since the client's closing, reply share on the right, and the
    6-month rule (004 §2) between the last two buckets."""
    buckets = labels(yields["label"])
    rule = vertical_line(len(buckets) - 1.5, "6 months (004 §2)")
    traces = [
        go.Bar(
            x=buckets, y=values(yields["referrals_per_ask"]), name="Referrals per ask",
            marker_color=RECEIVED, customdata=values(yields["asks"]),
            hovertemplate="%{x}: %{y:.3f} referrals per ask (%{customdata:,} asks)"
            "<extra></extra>",
        ),
        go.Scatter(
            x=buckets, y=values(yields["reply_share"]), yaxis="y2", name="Replied (%)",
            mode="lines+markers", line_color=PALETTE[1],
            hovertemplate="%{x}: %{y:.1f}% replied<extra></extra>",
        ),
    ]  # fmt: skip
    layout = {
        "shapes": [rule["shape"]], "annotations": [rule["note"]],
        "xaxis": {"title": "Time since the client's closing"},
        "yaxis": {"title": "Referrals per ask", "rangemode": "tozero"},
        "yaxis2": {"title": "Replied (%)", **RIGHT_PERCENT},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=340).update_layout(hovermode="closest")


def chain_depth(depths: pd.DataFrame) -> go.Figure:
    """The period's referrals by their depth in a referral chain (log scale: depth 1 dominates)."""
    counts = values(depths["referrals"])
    fig = go.Figure(
        go.Bar(
            x=[str(d) for d in depths["depth"]], y=counts, text=counts, texttemplate="%{text:,}",
            textposition="outside", marker_color=RECEIVED,
            hovertemplate="depth %{x}: %{y:,} referrals<extra></extra>",
        ),
        layout={
            "showlegend": False,
            "xaxis": {"title": "Depth (1 = from someone not referred)", "type": "category"},
            "yaxis": {"title": "Referrals (log scale)", "type": "log", "dtick": 1},
        },
    )  # fmt: skip
    return base_layout(fig, height=300).update_layout(hovermode="closest")
