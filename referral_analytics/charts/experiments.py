"""Experiment figures: cumulative rates over time, and a forest plot of uplifts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from referral_analytics.charts import PALETTE, base_layout, labels
from referral_analytics.safe_text import chart_label


def cumulative_rates(daily: pd.DataFrame, *, metric: str, label: str) -> go.Figure:
    """Each variant's cumulative ``metric`` rate by day (``daily``: variant, day, sends, metric).

    Early days swing widely: a reader sees why stopping at the first "winner" misleads.
    ``label`` is our own word for the metric (``experiments.METRICS``); the variant's name is
    data, so the template refers to it only as the trace's name.
    """
    fig = go.Figure()
    hover = f"%{{fullData.name}}: %{{y:.2f}}% {label} after %{{customdata:,}} sends<extra></extra>"
    for colour, (variant, rows) in zip(PALETTE, daily.groupby("variant", sort=True), strict=False):
        rate = rows[metric] / rows["sends"] * 100
        fig.add_trace(
            go.Scatter(
                x=rows["day"], y=rate, name=chart_label(variant), mode="lines", line_color=colour,
                customdata=rows["sends"],
                hovertemplate=hover,
            )
        )  # fmt: skip
    fig.update_yaxes(title=f"Cumulative {label} rate (%)", rangemode="tozero")
    return base_layout(fig, height=340)


def forest(uplifts: pd.DataFrame, *, control: str) -> go.Figure:
    """Absolute uplift of each variant over control with its 95% interval, in points.

    ``uplifts``: variant, uplift, low, high (percentage points); zero is drawn: an interval
    that crosses it has not shown a difference.
    """
    fig = go.Figure(
        go.Scatter(
            x=uplifts["uplift"], y=labels(uplifts["variant"]), mode="markers",
            marker={"size": 12, "color": PALETTE[0]},
            error_x={"type": "data", "symmetric": False, "thickness": 2, "width": 8,
                     "array": uplifts["high"] - uplifts["uplift"],
                     "arrayminus": uplifts["uplift"] - uplifts["low"]},
            hovertemplate="%{y}: %{x:+.2f} points<extra></extra>", showlegend=False,
        )
    )  # fmt: skip
    name = chart_label(control)  # the control arm's name, from the data like the variants'
    fig.add_vline(x=0, line_dash="dash", line_color="grey", annotation_text=f"= {name}")
    fig.update_xaxes(title=f"Difference from {name} (percentage points, 95% interval)")
    fig.update_yaxes(autorange="reversed")
    return base_layout(fig, height=120 + 60 * len(uplifts)).update_layout(hovermode="closest")
