"""Funnel page figures: the pipeline, its comparison, speed to lead, losses, cohorts, ladder.

Clickable traces carry ``customdata`` ``[kind, value, …]`` per point, which
``funnel.drill_target`` reads back from a selection to list the rows behind a bar. Labels are
escaped (``charts.labels``), but ``customdata`` keeps the raw value: a click on a reason
``<b>x</b>`` must list the rows whose reason is exactly that.
Layouts are given whole to the constructor, reference lines as plain shapes: plotly's
``update_*`` and ``add_vline`` calls cost ~10 ms each, and a page draws seven figures.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from referral_analytics.charts import CLOSED, LOST, PALETTE, RECEIVED, base_layout, labels
from referral_analytics.funnel import CLOSE_WINDOWS, RULE_HOURS
from referral_analytics.safe_text import chart_label

PERCENT_AXIS = {"ticksuffix": "%", "rangemode": "tozero"}
# A percent axis on the right of a count axis: its own round ticks, not the left one's grid.
RIGHT_PERCENT = {"overlaying": "y", "side": "right", "showgrid": False, "tickmode": "auto",
                 **PERCENT_AXIS}  # fmt: skip
# Lost reasons can be a dozen: the palette without black, then Tol's muted colours.
MANY = (*PALETTE[:7], "#882255", "#44AA99", "#999933", "#AA4499", "#332288", "#888888", "#117733")


def values(column) -> list:
    """A column as a plain list, missing values as None: plotly takes lists ~3× faster than
    pandas Series (no narwhals round trip), and None draws a gap, never a NaN."""
    return [None if pd.isna(v) else v for v in column.tolist()]


def vertical_line(x: float, text: str, *, colour: str = "#000000", dash: str = "dash") -> dict:
    """A reference line across the plot at ``x``, with its label at the top: (shape, note)."""
    return {
        "shape": {"type": "line", "x0": x, "x1": x, "y0": 0, "y1": 1, "yref": "paper",
                  "line": {"dash": dash, "color": colour, "width": 1.5}},
        "note": {"x": x, "y": 1, "yref": "paper", "text": f" {text}", "showarrow": False,
                 "xanchor": "left", "yanchor": "top", "font": {"size": 12}},
    }  # fmt: skip


def pipeline(table: pd.DataFrame) -> go.Figure:
    """The funnel: bars as wide as the referrals that reached each step (``funnel_table``)."""
    fig = go.Figure(
        go.Funnel(
            y=labels(table["name"]), x=values(table["reached"]),
            customdata=[["step", int(s)] for s in table["step"]],
            textinfo="value+percent initial", marker={"color": RECEIVED},
            connector={"fillcolor": "rgba(0,114,178,0.12)"},
            hovertemplate="%{y}: %{x:,} referrals<br>%{percentPrevious:.1%} of the step before"
            "<extra></extra>",
        ),
        layout={"hovermode": "closest", "clickmode": "event+select"},
    )  # fmt: skip
    return base_layout(fig, height=340).update_layout(hovermode="closest")


def compare(conversion: pd.DataFrame, *, dimension: str) -> go.Figure:
    """Conversion per step, one bar per segment (``funnel.compare_conversion``), side by side."""
    traces = [
        go.Bar(
            x=labels(group["label"]), y=values(group["conversion"]), name=chart_label(segment),
            marker_color=colour, customdata=values(group["reached"]),
            hovertemplate="%{fullData.name}<br>%{x}: %{y:.1f}% (%{customdata:,} referrals)"
            "<extra></extra>",
        )
        for colour, (segment, group) in zip(
            PALETTE * 4, conversion.groupby("segment", sort=True), strict=False
        )
    ]  # fmt: skip
    layout = {
        "barmode": "group", "legend_title_text": dimension,
        "yaxis": {"title": "Conversion from the step before (%)", **PERCENT_AXIS},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=380).update_layout(hovermode="closest")


def speed_histogram(bins: pd.DataFrame, *, bin_hours: int, max_hours: int) -> go.Figure:
    """Hours from arrival to first contact (binned in SQL), with the 24-hour rule as a line."""
    starts = values(bins["bin_start"])
    labels = [f"{b:.0f}+ h" if b >= max_hours else f"{b:.0f}–{b + bin_hours:.0f} h" for b in starts]
    rule = vertical_line(RULE_HOURS, "24-hour rule (000 §5.3.3)")
    fig = go.Figure(
        go.Bar(
            x=[b + bin_hours / 2 for b in starts], y=values(bins["referrals"]),
            width=bin_hours * 0.9, customdata=labels,
            marker_color=[LOST if b >= RULE_HOURS else RECEIVED for b in starts],
            hovertemplate="%{customdata}: %{y:,} referrals<extra></extra>",
        ),
        layout={
            "shapes": [rule["shape"]], "annotations": [rule["note"]], "showlegend": False,
            "xaxis": {"title": "Hours to first contact", "range": [0, max_hours + bin_hours]},
            "yaxis": {"title": "Referrals"},
        },
    )  # fmt: skip
    return base_layout(fig, height=320).update_layout(hovermode="closest")


def rule_by_agent(frame: pd.DataFrame) -> go.Figure:
    """Each agent's share contacted within 24 hours (``funnel.rule_by_agent``)."""
    fig = go.Figure(
        go.Bar(
            y=labels(frame["agent"]), x=values(frame["share_within_24h"]), orientation="h",
            marker_color=CLOSED, text=values(frame["share_within_24h"].round(1)),
            texttemplate="%{text}%", textposition="outside", cliponaxis=False,
            customdata=frame[["within_24h", "missed", "waiting"]].to_numpy().tolist(),
            hovertemplate="%{y}: %{x:.1f}% within 24 h<br>%{customdata[0]:,} within, "
            "%{customdata[1]:,} missed, %{customdata[2]:,} waiting<extra></extra>",
        ),
        layout={"xaxis": {"title": "Contacted within 24 hours (%)", "range": [0, 118],
                          "ticksuffix": "%"}},
    )  # fmt: skip
    height = max(220, 44 * len(frame) + 90)
    return base_layout(fig, height=height).update_layout(hovermode="closest")


def lost(lost_frame: pd.DataFrame, *, step_names: dict[int, str], no_reason: str) -> go.Figure:
    """Lost referrals by the last step reached, stacked by reason; each piece is clickable."""
    traces = [
        go.Bar(
            x=labels(step_names[int(s)] for s in group["last_step"]), y=values(group["referrals"]),
            name=chart_label(reason or no_reason), marker_color=colour,
            customdata=[["lost", int(s), reason] for s in group["last_step"]],  # raw: the click
            hovertemplate="%{fullData.name}<br>after %{x}: %{y:,}<extra></extra>",
        )
        for colour, (reason, group) in zip(
            MANY * 2, lost_frame.groupby("lost_reason", sort=True), strict=False
        )
    ]  # fmt: skip
    order = labels(step_names[s] for s in sorted(step_names) if s < max(step_names))
    layout = {
        "barmode": "stack", "clickmode": "event+select",
        "xaxis": {"title": "Last step reached before it was lost", "categoryorder": "array",
                  "categoryarray": order},
        "yaxis": {"title": "Lost referrals"},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=380).update_layout(hovermode="closest")


def cohorts(shares: pd.DataFrame) -> go.Figure:
    """Referrals per month received (bars) and the share closed within each window (lines)."""
    months = pd.to_datetime(shares["month"]).tolist()
    clicks = [["month", f"{m:%Y-%m-%d}"] for m in months]  # a bar or a line point: that month
    traces = [
        go.Bar(
            x=months, y=values(shares["referrals"]), name="Referrals received",
            marker_color=RECEIVED, opacity=0.35,
            customdata=clicks,
            hovertemplate="%{x|%b %Y}: %{y:,} referrals<extra></extra>",
        )
    ] + [
        go.Scatter(
            x=months, y=values(shares[f"share_{days}"]), name=f"Closed in {days} days",
            yaxis="y2", mode="lines+markers", line_color=colour, customdata=clicks,
            hovertemplate=f"%{{x|%b %Y}}: %{{y:.1f}}% closed within {days} days<extra></extra>",
        )
        for colour, days in zip(PALETTE[1:], CLOSE_WINDOWS, strict=False)
    ]  # fmt: skip
    layout = {
        "clickmode": "event+select",
        "xaxis": {"dtick": "M1", "tickformat": "%b %Y"},
        "yaxis": {"title": "Referrals received"},
        "yaxis2": {"title": "Closed (%)", **RIGHT_PERCENT},
    }  # fmt: skip
    return base_layout(go.Figure(traces, layout), height=380).update_layout(hovermode="closest")


def ladder(table: pd.DataFrame) -> go.Figure:
    """Contacts per relationship category, outside (top) to inner circle (bottom), with shares."""
    counts, shares = values(table["contacts"]), values(table["share"])
    fig = go.Figure(
        go.Bar(
            y=labels(table["category"]), x=counts, orientation="h", marker_color=PALETTE[5],
            text=[f"{n:,} · {s or 0:.1f}%" for n, s in zip(counts, shares, strict=True)],
            textposition="outside", customdata=[["category", c] for c in table["category"]],  # raw
            hovertemplate="%{y}: %{x:,} contacts<extra></extra>",
        ),
        layout={
            "clickmode": "event+select", "yaxis": {"autorange": "reversed"},
            "xaxis": {"title": "Contacts", "range": [0, max([1, *counts]) * 1.25]},
        },
    )  # fmt: skip
    return base_layout(fig, height=320).update_layout(hovermode="closest")
