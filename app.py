"""Referral Analytics: the entry point. Page config, navigation and the global filters only."""

import streamlit as st

from pages._common import sidebar_filters

st.set_page_config(page_title="Referral Analytics", page_icon="🏡", layout="wide")

navigation = st.navigation(
    {
        "Measure": [
            st.Page("pages/overview.py", title="Overview", icon="📈", default=True),
        ],
    }
)
sidebar_filters()
navigation.run()
