"""Overview: the period's key figures against the previous period, and referrals per month."""

from functools import partial

import streamlit as st

from referral_analytics import charts, formatting, messages
from views import _common as common
from views import _loaders as loaders

st.title("Referral overview")
filters = common.sidebar_filters()
if common.empty_store_start():
    st.stop()

version = loaders.data_version()
report = loaders.overview(filters, version)
now, change, previous = report.current, report.change(), filters.previous()
currency = loaders.settings().currency

st.caption(
    f"{filters.start:%d %b %Y} – {filters.end:%d %b %Y} · "
    + messages.DELTA_NOTE.format(
        days=filters.days, start=f"{previous.start:%d %b %Y}", end=f"{previous.end:%d %b %Y}"
    )
)
tiles = (  # (label, figure, how it reads, which way is good)
    ("Contacts", "contacts", formatting.number, "normal"),
    ("Referrals received", "referrals_received", formatting.number, "normal"),
    ("Referral rate", "referral_rate", partial(formatting.percent, decimals=2), "normal"),
    ("Referral conversion", "referral_conversion_rate", formatting.percent, "normal"),
    (f"Revenue ({currency})", "referral_revenue", formatting.money, "normal"),
    (f"Reward cost ({currency})", "reward_cost", formatting.money, "off"),
    ("Reward ROI", "reward_roi", partial(formatting.percent, decimals=0), "normal"),
    ("NPS", "nps", partial(formatting.number, decimals=1), "normal"),
    ("Time to first contact", "median_hours_to_first_contact", formatting.hours, "inverse"),
    ("Contacted within 24 h", "share_contacted_within_24h", formatting.percent, "normal"),
)
for row in (tiles[:5], tiles[5:]):
    for column, (label, name, show, good) in zip(st.columns(5), row, strict=True):
        column.metric(
            label,
            show(getattr(now, name)),
            formatting.change(change[name]),
            delta_color=good,
            help=messages.TILE_HELP[name],
            border=True,
        )

monthly = loaders.referrals_monthly(filters, version)
if monthly[["received", "closed"]].to_numpy().sum() == 0:
    st.info(messages.NO_DATA_IN_PERIOD)
else:
    st.subheader("Referrals received and closed per month")
    st.plotly_chart(charts.monthly_referrals(monthly), key="monthly_chart")
common.data_as_of()
