"""Funnel: the period's referrals through the pipeline, compared, timed, lost and by cohort,
and the contact ladder. Clicking a step or a bar lists the rows behind it."""

import streamlit as st

from referral_analytics import messages
from referral_analytics.charts import funnel as charts
from referral_analytics.funnel import STEP_NAMES
from referral_analytics.queries.funnel import COMPARE_DIMENSIONS, DRILL_LIMIT
from views import _common as common
from views import _loaders as loaders

st.title("Referral funnel")
filters = common.sidebar_filters()
if common.empty_store_start():
    st.stop()
version = loaders.data_version()
steps = loaders.funnel_table(filters, version)
st.caption(f"{filters.start:%d %b %Y} – {filters.end:%d %b %Y} · " + messages.FUNNEL_NOTE)
if steps["reached"].iloc[0] == 0:
    common.empty_state(messages.NO_REFERRALS_IN_PERIOD)
    st.stop()

left, right = st.columns([1, 1])
with left:
    common.clickable_chart(charts.pipeline(steps), key="funnel_chart")
number = st.column_config.NumberColumn
right.dataframe(
    steps.drop(columns="step"), hide_index=True, key="funnel_table",
    column_config={
        "name": "Step", "reached": number("Referrals", format="%,d", width="small"),
        "share_of_received": number("Of received", format="%.1f%%", width="small"),
        "conversion": number("Conversion", format="%.1f%%", width="small"),
        "drop_off": number("Drop-off", format="%.1f%%", width="small"),
        "median_days": number("Days at step", format="%.1f", width="small",
                              help="Median days from this step to the next"),
    },
)  # fmt: skip
common.drilldown(filters, kind="step")


@st.fragment
def compare() -> None:
    """The compare selector and its chart: changing it reruns only this part."""
    st.subheader("Compare")
    dimension = st.selectbox(
        "Compare the funnel by", list(COMPARE_DIMENSIONS), format_func=COMPARE_DIMENSIONS.get,
        key="compare", bind="query-params", width=320,
    )  # fmt: skip
    label = COMPARE_DIMENSIONS[dimension]
    st.caption(messages.COMPARE_NOTE.format(dimension=label.lower()))
    conversion = loaders.funnel_compare(filters, version, dimension)
    st.plotly_chart(charts.compare(conversion, dimension=label), key="compare_chart")


compare()

st.subheader("Speed to lead")
st.caption(messages.SPEED_NOTE)
bins, by_agent = loaders.speed_to_lead(filters, version)
left, right = st.columns([3, 2])
left.plotly_chart(
    charts.speed_histogram(bins, bin_hours=loaders.BIN_HOURS, max_hours=loaders.MAX_HOURS),
    key="speed_chart",
)
right.plotly_chart(charts.rule_by_agent(by_agent), key="rule_chart")
uncontacted = int(steps["reached"].iloc[0] - steps["reached"].iloc[1])
if uncontacted:
    st.caption(messages.NOT_CONTACTED.format(n=uncontacted))
missed = int(by_agent["missed"].sum())
if missed:
    with st.expander(messages.RULE_BREACHES.format(n=missed)):
        breaches = loaders.rule_breaches(filters, version).head(DRILL_LIMIT)
        st.dataframe(breaches, hide_index=True, key="breaches_table")
        common.download_buttons(breaches, name="referral-analytics-24h-breaches", key="breaches")
else:
    st.caption(messages.NO_BREACHES)

st.subheader("Lost referrals")
lost, by_step, by_reason = loaders.lost_referrals(filters, version)
if lost.empty:
    st.info(messages.NO_LOST)
else:
    st.caption(messages.LOST_NOTE)
    left, right = st.columns([3, 2])
    with left:
        names = dict(enumerate(STEP_NAMES, start=1))
        figure = charts.lost(lost, step_names=names, no_reason=messages.NO_REASON)
        common.clickable_chart(figure, key="lost_chart")
    right.dataframe(by_step[["name", "referrals"]], hide_index=True, key="lost_steps",
                    column_config={"name": "Lost after", "referrals": "Referrals"})  # fmt: skip
    right.dataframe(by_reason[["label", "referrals"]], hide_index=True, key="lost_reasons",
                    column_config={"label": "Reason", "referrals": "Referrals"})  # fmt: skip
    common.drilldown(filters, kind="lost")

st.subheader("Cohorts: closed within 30 / 60 / 90 / 180 days")
st.caption(messages.COHORT_NOTE)
common.clickable_chart(charts.cohorts(loaders.cohort_shares(filters, version)), key="cohort_chart")
common.drilldown(filters, kind="month")

st.subheader("The contact ladder")
ladder = loaders.contact_ladder(filters, version)
if ladder["contacts"].sum() == 0:
    common.empty_state(messages.NO_CONTACTS)
else:
    st.caption(messages.LADDER_NOTE)
    common.clickable_chart(charts.ladder(ladder), key="ladder_chart")
    common.drilldown(filters, kind="category")
common.data_as_of()
