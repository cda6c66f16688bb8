"""Sources: where referrals come from, who sends them, how they compare with other leads and
what they cost, when asking works, and how far referral chains reach.

One tab per question; only the open tab runs (its queries are the page's whole cost), and the
open tab is in the URL like the filters, so a view can be shared.
"""

import streamlit as st

from referral_analytics import formatting, messages
from referral_analytics.charts import sources as charts
from referral_analytics.queries.sources import SOURCE_DIMENSIONS
from referral_analytics.safe_text import markdown_literal as literal
from views import _common as common
from views import _loaders as loaders

st.title("Referral sources")
filters = common.sidebar_filters()
if common.empty_store_start():
    st.stop()
version, currency = loaders.data_version(), loaders.settings().currency
number, when = st.column_config.NumberColumn, st.column_config.DatetimeColumn
columns = {
    "referrer_id": None, "revenue": number(f"Revenue ({currency})", format="%,.0f"),
    "conversion": number("Conversion", format="%.1f%%"),
    "rewards_paid": number(f"Rewards paid ({currency})", format="%,.0f"),
    "last_referral_at": when("Last referral", format="D MMM YYYY"),
    "spend": number(f"Spend ({currency})", format="%,.0f"),
    "cost_per_customer": number(f"Per customer ({currency})", format="%,.0f"),
    "referred_who_referred": "Who referred on", "further_referrals": "Referrals further down",
    "category": None, "bucket": None, "label": "Since closing",
    "reply_share": number("Replied", format="%.1f%%"),
    "referrals_per_ask": number("Referrals per ask", format="%.3f"),
}  # fmt: skip
st.caption(f"{filters.start:%d %b %Y} – {filters.end:%d %b %Y}")
by_source, referrers, leads_tab, asks_tab, chains_tab = st.tabs(
    ["By source", "Top referrers", "Referred vs other leads", "When to ask", "Referral chains"],
    key="sources_tab", on_change="rerun", bind="query-params",
)  # fmt: skip

if by_source.open:
    with by_source:
        st.caption(messages.SOURCES_NOTE)
        tables = {d: loaders.referrals_by_source(filters, version, d) for d in SOURCE_DIMENSIONS}
        if tables["channel"].empty:
            common.empty_state(messages.NO_REFERRALS_IN_PERIOD)
        for column, (name, label) in zip(st.columns(2), SOURCE_DIMENSIONS.items(), strict=True):
            if not tables[name].empty:
                column.plotly_chart(
                    charts.by_source(tables[name], dimension=label), key=f"by_{name}"
                )
                column.dataframe(tables[name], hide_index=True, key=f"table_{name}",
                                 column_config={**columns, "segment": label})  # fmt: skip

if referrers.open:
    with referrers:
        st.caption(messages.TOP_REFERRERS_NOTE)
        board = loaders.top_referrers(filters, version)
        st.dataframe(board, hide_index=True, key="top_referrers", column_config=columns)
        frequency, pareto = loaders.referrer_pareto(filters, version)
        if not pareto.referrers:
            st.info(messages.NO_REFERRERS)
        else:
            left, right = st.columns(2)
            mean = pareto.mean_per_referrer
            left.caption(
                messages.PER_REFERRER_NOTE.format(mean=formatting.number(mean, decimals=2))
            )
            left.plotly_chart(charts.per_referrer(frequency, mean=mean), key="per_referrer")
            right.caption(messages.PARETO_NOTE.format(
                top=pareto.top_referrers, referrers=pareto.referrers, referrals=pareto.referrals,
                share=formatting.percent(pareto.top_share)))  # fmt: skip
            right.plotly_chart(charts.pareto(pareto.bars, top_share=pareto.top_share), key="pareto")

if leads_tab.open:
    with leads_tab:
        leads = loaders.lead_comparison(filters, version)
        lift = formatting.change(leads.lift) or formatting.MISSING
        if leads.table["leads"].sum() == 0:
            common.empty_state(messages.NO_LEADS)
        else:
            left, middle, right = st.columns(3)
            left.metric(
                "Referred leads convert", formatting.percent(leads.referral_rate), border=True
            )
            middle.metric("Other leads convert", formatting.percent(leads.other_rate), border=True)
            right.metric("Referred against other", lift, border=True)
            st.caption(
                messages.LEADS_NOTE.format(others=formatting.percent(leads.other_rate), lift=lift)
            )
            chart = charts.lead_conversion(leads.table, reference_rate=leads.reference_rate)
            st.plotly_chart(chart, key="lead_conversion")
        st.subheader("Cost per customer by channel")
        costs, note = loaders.acquisition_costs(filters, version)
        if costs.empty:
            common.empty_state(messages.NO_COSTS)
        else:
            st.caption(literal(note))  # names the deal sources found in the data
            st.plotly_chart(charts.cost_per_customer(costs, currency=currency), key="cost_chart")
            st.dataframe(costs, hide_index=True, key="costs_table", column_config=columns)

if asks_tab.open:
    with asks_tab:
        asks = loaders.ask_yield(filters, version)
        st.caption(messages.ASK_NOTE)
        if asks["asks"].sum() == 0:
            common.empty_state(messages.NO_ASKS)
        else:
            st.plotly_chart(charts.ask_timing(asks), key="ask_timing")
            st.dataframe(asks, hide_index=True, key="ask_table", column_config=columns)

if chains_tab.open:
    with chains_tab:
        depths, starters = loaders.referral_chains(filters, version)
        st.caption(messages.CHAINS_NOTE)
        left, right = st.columns([1, 2])
        if not depths.empty:
            left.plotly_chart(charts.chain_depth(depths), key="chain_depth")
        if starters.empty:
            right.info(messages.NO_CHAINS)
        else:
            right.dataframe(starters, hide_index=True, key="chain_starters", column_config=columns)
common.data_as_of()
