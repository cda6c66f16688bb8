"""Partner scorecard figures."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from referral_analytics.charts import PALETTE, base_layout, labels
from referral_analytics.safe_text import chart_label

COMPONENTS = {
    "service_quality_points": "Service quality",
    "response_time_points": "Response time",
    "satisfaction_points": "Satisfaction",
    "referral_quantity_points": "Referrals sent",
}


def score_bars(scored: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """The best ``top`` partners' scores as horizontal bars, best on top."""
    best = scored.nsmallest(top, "rank").iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=best["score"], y=labels(best["name"]), orientation="h", marker_color=PALETTE[0],
            text=best["score"].round(1), textposition="outside",
            hovertemplate="%{y}: %{x:.1f} points<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(range=[0, 105], title="Score (0–100)")
    return base_layout(fig, height=max(300, 28 * len(best) + 80)).update_layout(hovermode="closest")


def radar(scored: pd.DataFrame, *, names: list[str]) -> go.Figure:
    """The four components of the chosen partners on one radar, to compare their profiles."""
    axes = list(COMPONENTS.values())
    fig = go.Figure()
    for colour, (_, row) in zip(
        PALETTE, scored[scored["name"].isin(names)].iterrows(), strict=False
    ):
        values = [row[c] for c in COMPONENTS]
        fig.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]], theta=[*axes, axes[0]], name=chart_label(row["name"]),
                line_color=colour, fill="toself", opacity=0.6,
            )
        )  # fmt: skip
    fig.update_layout(polar={"radialaxis": {"range": [0, 100]}})
    return base_layout(fig, height=380).update_layout(hovermode="closest")


def reciprocity(cards: pd.DataFrame, *, top: int = 15) -> go.Figure:
    """Referrals each partner sent us against those we sent them (domain: reciprocity balance)."""
    busiest = cards.assign(total=cards["referrals_from"] + cards["referrals_to"]).nlargest(
        top, "total"
    )
    busiest = busiest.iloc[::-1]
    names = labels(busiest["name"])
    fig = go.Figure(
        [
            go.Bar(y=names, x=busiest["referrals_from"], name="They sent us", orientation="h",
                   marker_color=PALETTE[0]),
            go.Bar(y=names, x=-busiest["referrals_to"], name="We sent them", orientation="h",
                   marker_color=PALETTE[1], customdata=busiest["referrals_to"],
                   hovertemplate="%{y}: %{customdata}<extra>We sent them</extra>"),
        ]
    )  # fmt: skip
    fig.update_xaxes(title="Referrals (we sent ← → they sent)")
    return base_layout(fig, height=max(300, 28 * len(busiest) + 80)).update_layout(
        barmode="relative", hovermode="closest"
    )
