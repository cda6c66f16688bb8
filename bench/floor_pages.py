"""The floor of a page change: the app's navigation, each page a title and one plotly chart.

``bench/browser.py`` times moving between these pages in Chromium beside the same moves in the
real app, so a ratio says what our pages add to what Streamlit, the browser and plotly cost.
The page titles and URLs are the app's own.
"""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
TITLES = {
    "overview": "Referral overview", "funnel": "Referral funnel", "sources": "Referral sources",
    "experiments": "Referral-ask experiments", "partners": "Allied partners",
    "data_import": "Import CRM exports",
}  # fmt: skip
NAV = {"overview": "Overview", "funnel": "Funnel", "sources": "Sources",
       "experiments": "Experiments", "partners": "Partners", "data_import": "Import"}  # fmt: skip


def page(name: str):
    def draw() -> None:
        st.title(TITLES[name])
        months = [f"2026-{m:02d}" for m in range(1, 13)]
        st.plotly_chart(go.Figure(go.Bar(x=months, y=list(range(12)))), key=f"chart_{name}")

    draw.__name__ = name  # st.Page names a callable's page by its function name
    return st.Page(draw, title=NAV[name], url_path="" if name == "overview" else name,
                   default=name == "overview")  # fmt: skip


st.navigation([page(name) for name in NAV]).run()
