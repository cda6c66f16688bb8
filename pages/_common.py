"""Every cached loader and the shared widgets. Pages import from here; no SQL, no formulas.

Cached functions take plain hashable values: a frozen ``Filters`` and the store's data version,
so an import (which bumps the version) invalidates exactly the figures that could change.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

from referral_analytics import db, demo, messages, queries, store
from referral_analytics.config import Settings, Weights
from referral_analytics.filters import PRESETS, Filters, period_for
from referral_analytics.overview import OverviewReport, overview_report
from referral_analytics.queries import partners as queries_partners

W = TypeVar("W", bound=Weights)
IMPORT_PAGE = Path("pages/data_import.py")
PERIOD_KEY, RANGE_KEY, AGENTS_KEY, SOURCES_KEY = "period", "range", "agent", "source"


def settings() -> Settings:
    """The app's settings, from the environment."""
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return db.connect(path)


def connection() -> duckdb.DuckDBPyConnection:
    """One connection per process and database file; callers take a cursor per use."""
    return _connection(str(settings().db_path))


def data_version() -> int:
    """The store's data version: cheap, read on every run, the key of every cache."""
    return db.data_version(connection())


@st.cache_data(show_spinner=False)
def data_status(version: int) -> dict:
    """Counts, first day with data and last import."""
    return queries.data_status(connection()).iloc[0].to_dict()


@st.cache_data(show_spinner=False)
def filter_choices(version: int) -> dict[str, list[str]]:
    """The agents and source groups the sidebar offers."""
    frame = queries.filter_choices(connection())
    return {f: frame.loc[frame["field"] == f, "value"].tolist() for f in ("agent", "source_group")}


def sidebar_filters() -> Filters:
    """The global filters: drawn in the sidebar, bound to the URL, returned as ``Filters``.

    Every page calls this first. The widgets are bound to the query string, so they keep their
    values across pages and a view can be shared as a link. (They are drawn by each page, not
    by app.py, because AppTest loses entrypoint widgets after the first rerun.)
    """
    choices = filter_choices(data_version())
    st.sidebar.selectbox(
        "Period", list(PRESETS), format_func=PRESETS.get, index=3, key=PERIOD_KEY,
        bind="query-params",
    )  # fmt: skip
    if st.session_state.get(PERIOD_KEY) == "custom":
        today = date.today()
        st.sidebar.date_input(
            "From – to", value=(today.replace(day=1), today), key=RANGE_KEY, bind="query-params"
        )
    st.sidebar.multiselect(
        "Agents", choices["agent"], key=AGENTS_KEY, placeholder="All agents", bind="query-params"
    )
    st.sidebar.multiselect(
        "Source groups", choices["source_group"], key=SOURCES_KEY,
        placeholder="All source groups", bind="query-params",
    )  # fmt: skip
    return current_filters()


def current_filters() -> Filters:
    """The Filters the sidebar widgets describe (defaults where a widget is not drawn)."""
    state = st.session_state
    today = date.today()
    custom = state.get(RANGE_KEY)
    if not isinstance(custom, tuple | list) or len(custom) != 2:
        custom = None  # a half-picked range keeps the preset's period until both ends exist
    first = data_status(data_version())["first_day"]
    start, end = period_for(
        state.get(PERIOD_KEY) or "last_12_months",
        today=today,
        first_day=None if pd.isna(first) else first.date(),
        custom=tuple(custom) if custom else (today.replace(day=1), today),
    )
    return Filters(
        start, end, tuple(state.get(AGENTS_KEY) or ()), tuple(state.get(SOURCES_KEY) or ())
    )


@st.cache_data(show_spinner="Computing the figures…")
def overview(filters: Filters, version: int) -> OverviewReport:
    """The Overview's figures for the period and the previous one."""
    return overview_report(connection(), filters)


@st.cache_data(show_spinner=False)
def referrals_monthly(filters: Filters, version: int) -> pd.DataFrame:
    """Referrals received and closed per month."""
    return queries.referrals_monthly(connection(), filters)


def data_as_of() -> None:
    """The "data as of" caption: the last import, or the demo."""
    status = data_status(data_version())
    if status["last_import_name"]:
        when = pd.Timestamp(status["last_import_at"]).strftime("%d %b %Y, %H:%M")
        st.caption(messages.DATA_AS_OF.format(when=when, name=status["last_import_name"]))


def empty_store_start() -> bool:
    """A friendly start when the store is empty; True when it was shown (the page stops)."""
    if store.has_data(connection()):
        return False
    st.info(messages.EMPTY_DATABASE, icon="👋")
    left, right = st.columns(2)
    if left.button(
        "Load the demo data", type="primary", key="load_demo", help=messages.DEMO_BUTTON_HELP
    ):
        with st.spinner("Generating two years of a team's referrals…"):
            demo.load_demo(connection())
        st.cache_data.clear()
        st.rerun()
    with right:
        import_link()
    return True


def weight_sliders(weights_class: type[W], *, prefix: str) -> W:
    """One slider per field of a weights dataclass (label, help and default come from it).

    Bound to the URL like the filters, so a meeting can reopen the exact weighting.
    """
    values = {}
    columns = st.columns(len(fields(weights_class)))
    for column, field in zip(columns, fields(weights_class), strict=True):
        values[field.name] = column.slider(
            field.metadata["label"], 0.0, 1.0, field.default, 0.05,
            key=f"{prefix}{field.name}", help=field.metadata["help"], bind="query-params",
        )  # fmt: skip
    try:
        return weights_class(**values)
    except ValueError as error:
        st.warning(f"{error}: using the default weights.")
        return weights_class()


def import_link() -> None:
    """A link to the Import page, where it exists."""
    if IMPORT_PAGE.exists():
        st.page_link(str(IMPORT_PAGE), label="Import your CRM exports", icon="📥")


@st.cache_data(show_spinner=False)
def partner_scorecards(filters: Filters, version: int) -> pd.DataFrame:
    """Allied partners' averaged ratings and referral counts over the period."""
    return queries_partners.partner_scorecards(connection(), filters)


# --- funnel ----------------------------------------------------------------------------------

# --- sources ---------------------------------------------------------------------------------

# --- experiments -----------------------------------------------------------------------------

# --- import ----------------------------------------------------------------------------------
