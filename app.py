"""Referral Analytics: the entry point. Page config and navigation only.

Each page draws the global filters itself (``views._common.sidebar_filters``); they are bound
to the URL, so they follow the user from page to page.
"""

import streamlit as st

from referral_analytics import messages
from referral_analytics.db import StoreBusy

st.set_page_config(page_title="Referral Analytics", page_icon="🏡", layout="wide")

navigation = st.navigation(
    {
        "Measure": [
            st.Page(
                "views/overview.py", title="Overview", icon=":material/insights:", default=True
            ),
            st.Page("views/funnel.py", title="Funnel", icon=":material/filter_alt:"),
            st.Page("views/sources.py", title="Sources", icon=":material/hub:"),
            st.Page("views/experiments.py", title="Experiments", icon=":material/science:"),
            st.Page("views/partners.py", title="Partners", icon=":material/handshake:"),
        ],
        "Data": [
            st.Page("views/data_import.py", title="Import", icon=":material/upload_file:"),
        ],
    }
)
try:
    navigation.run()
except StoreBusy:  # a scheduled import or a script holds the file for longer than we wait
    st.warning(messages.DB_BUSY_APP, icon=":material/hourglass_top:")
    st.button("Try again", key="store_busy_retry", icon=":material/refresh:")
