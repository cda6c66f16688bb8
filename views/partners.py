"""Partners: allied-resource scorecards with live weights (002 §3.4), and reciprocity."""

import streamlit as st

from referral_analytics import messages, scoring
from referral_analytics.charts import partners as charts
from referral_analytics.config import PartnerWeights
from views import _common as common
from views import _loaders as loaders

st.title("Allied partners")
filters = common.sidebar_filters()
if common.empty_store_start():
    st.stop()

cards = loaders.partner_scorecards(filters, loaders.data_version())
if cards.empty:
    st.info(messages.NO_PARTNERS)
    common.import_link()
    st.stop()
trades = st.multiselect(
    "Trades", sorted(cards["trade"].unique()), key="trade", placeholder="All trades",
    bind="query-params",
)  # fmt: skip
if trades:
    cards = cards[cards["trade"].isin(trades)]


@st.fragment
def scorecards(cards) -> None:
    """Sliders and everything they change; moving one reruns only this part."""
    st.subheader("Performance score")
    st.caption(messages.PARTNER_SCORE_HELP)
    scored = scoring.partner_scores(
        cards, weights=common.weight_sliders(PartnerWeights, prefix="w_")
    )
    left, right = st.columns([3, 2])
    left.plotly_chart(charts.score_bars(scored), key="partner_scores")
    chosen = right.multiselect(
        "Compare profiles", scored["name"].tolist(), default=scored["name"].head(3).tolist(),
        key="compare_partners", max_selections=5,
    )  # fmt: skip
    right.plotly_chart(charts.radar(scored, names=chosen), key="partner_radar")
    columns = [
        "rank",
        "name",
        "trade",
        "score",
        *charts.COMPONENTS,
        "referrals_from",
        "referrals_to",
    ]
    points = {
        c: st.column_config.NumberColumn(n, format="%.0f") for c, n in charts.COMPONENTS.items()
    }
    score = st.column_config.ProgressColumn("Score", min_value=0, max_value=100, format="%.1f")
    counts = {"referrals_from": "Sent us", "referrals_to": "We sent"}
    st.dataframe(
        scored[columns], hide_index=True, key="partner_table",
        column_config={"score": score, **points, **counts},
    )  # fmt: skip


scorecards(cards)
st.subheader("Reciprocity")
st.caption(messages.RECIPROCITY_HELP)
st.plotly_chart(charts.reciprocity(cards), key="partner_reciprocity")
