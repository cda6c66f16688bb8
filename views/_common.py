"""Every cached loader and the shared widgets. Pages import from here; no SQL, no formulas.

Cached functions take plain hashable values: a frozen ``Filters`` and the store's data version,
so an import (which bumps the version) invalidates exactly the figures that could change.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd
import streamlit as st

from referral_analytics import db, demo, exports, funnel, messages, queries, sources, store
from referral_analytics.config import Settings, Weights
from referral_analytics.filters import PRESETS, Filters, period_for
from referral_analytics.overview import OverviewReport, overview_report
from referral_analytics.queries import funnel as queries_funnel
from referral_analytics.queries import partners as queries_partners
from referral_analytics.queries import sources as queries_sources

W = TypeVar("W", bound=Weights)
IMPORT_PAGE = Path("views/data_import.py")
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
# The referrals (or contacts) behind the last chart click: a UI choice, kept in session state.
DRILL_KEY = "funnel_drill"
BIN_HOURS, MAX_HOURS = 2, 72


@st.cache_data(show_spinner="Following the period's referrals…")
def funnel_table(filters: Filters, version: int) -> pd.DataFrame:
    """The pipeline: reached, share, conversion, drop-off and days at each step."""
    return funnel.funnel_table(queries_funnel.funnel_steps(connection(), filters))


@st.cache_data(show_spinner=False)
def funnel_compare(filters: Filters, version: int, dimension: str) -> pd.DataFrame:
    """Conversion per step for each agent, channel or source group."""
    frame = queries_funnel.funnel_compare(connection(), filters, dimension=dimension)
    return funnel.compare_conversion(frame, missing=messages.NOT_RECORDED)


@st.cache_data(show_spinner=False)
def speed_to_lead(filters: Filters, version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Hours to first contact (binned) and the 24-hour rule per agent."""
    con = connection()
    bins = queries_funnel.speed_to_lead_hours(
        con, filters, bin_hours=BIN_HOURS, max_hours=MAX_HOURS
    )
    by_agent = queries_funnel.speed_to_lead_by_agent(con, filters)
    return bins, funnel.rule_by_agent(by_agent, missing=messages.NOT_RECORDED)


@st.cache_data(show_spinner=False, max_entries=20)
def rule_breaches(filters: Filters, version: int) -> pd.DataFrame:
    """The referrals that broke the 24-hour rule (``DRILL_LIMIT`` + 1 rows at most)."""
    return queries_funnel.speed_to_lead_breaches(connection(), filters)


@st.cache_data(show_spinner=False)
def lost_referrals(filters: Filters, version: int) -> tuple[pd.DataFrame, ...]:
    """Lost referrals by last step reached and reason; the totals by step and by reason."""
    lost = queries_funnel.lost_referrals(connection(), filters)
    by_reason = funnel.lost_by_reason(lost, no_reason=messages.NO_REASON)
    return lost, funnel.lost_by_step(lost), by_reason


@st.cache_data(show_spinner=False)
def cohort_shares(filters: Filters, version: int) -> pd.DataFrame:
    """Referrals per month received and the share closed within each window."""
    return funnel.cohort_shares(queries_funnel.referral_cohorts(connection(), filters))


@st.cache_data(show_spinner=False)
def contact_ladder(filters: Filters, version: int) -> pd.DataFrame:
    """Contacts per relationship category now, in ladder order, with shares."""
    return funnel.ladder_table(queries_funnel.contact_ladder(connection(), filters))


@st.cache_data(show_spinner="Listing them…", max_entries=20)
def drill_rows(filters: Filters, version: int, target: funnel.DrillTarget) -> pd.DataFrame:
    """The rows behind a click (``DRILL_LIMIT`` + 1 at most: one more means "cut")."""
    con = connection()
    if target.kind == "category":
        return queries_funnel.ladder_contacts(con, filters, category=target.category)
    return queries_funnel.referral_rows(
        con, filters, step=target.step, lost_step=target.lost_step,
        lost_reason=target.lost_reason, month=target.month,
    )  # fmt: skip


def empty_state(message: str) -> None:
    """What data is missing, and where to import it (when the Import page exists)."""
    st.info(message, icon=":material/info:")
    import_link()


def _remember_click(chart_key: str) -> None:
    """on_select callback: the clicked point becomes the drill-down target (none clears it)."""
    selection = st.session_state[chart_key].selection
    st.session_state[DRILL_KEY] = funnel.drill_target(selection.get("points", []))


def clickable_chart(figure, *, key: str) -> None:
    """A chart whose clicks list the rows behind the clicked step or bar."""
    st.plotly_chart(
        figure, key=key, on_select=partial(_remember_click, key), selection_mode="points"
    )


def drilldown(filters: Filters, *, kind: str) -> None:
    """Under the chart of that ``kind``: the rows behind its last click, with downloads."""
    target = st.session_state.get(DRILL_KEY)
    if not isinstance(target, funnel.DrillTarget) or target.kind != kind:
        return
    rows = drill_rows(filters, data_version(), target)
    cut = len(rows) > queries_funnel.DRILL_LIMIT
    rows = rows.head(queries_funnel.DRILL_LIMIT)
    with st.container(border=True, key=f"drill_{kind}"):
        st.markdown(f"**{target.describe()}**")
        limit = queries_funnel.DRILL_LIMIT
        st.caption(messages.DRILL_TRUNCATED.format(limit=limit) if cut else
                   messages.DRILL_COUNT.format(n=len(rows)))  # fmt: skip
        st.dataframe(rows, hide_index=True, key=f"drill_table_{kind}")
        download_buttons(rows, name=f"referral-analytics-{kind}", key=f"drill_{kind}")


def download_buttons(frame: pd.DataFrame, *, name: str, key: str) -> None:
    """CSV and XLSX downloads of ``frame``, built only when clicked, formulas defused."""
    row = st.container(horizontal=True)
    row.download_button(
        "Download CSV", data=partial(exports.csv_bytes, frame), file_name=f"{name}.csv",
        mime=exports.CSV_MIME, key=f"{key}_csv", on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    row.download_button(
        "Download XLSX", data=partial(exports.xlsx_bytes, frame), file_name=f"{name}.xlsx",
        mime=exports.XLSX_MIME, key=f"{key}_xlsx", on_click="ignore", icon=":material/download:",
    )  # fmt: skip


# --- sources ---------------------------------------------------------------------------------
@st.cache_data(show_spinner="Tracing where referrals come from…")
def referrals_by_source(filters: Filters, version: int, dimension: str) -> pd.DataFrame:
    """Referrals, closed, conversion and revenue per source group or channel."""
    frame = queries_sources.referrals_by_source(connection(), filters, dimension=dimension)
    return sources.source_table(frame, missing=messages.NOT_RECORDED)


@st.cache_data(show_spinner=False)
def top_referrers(filters: Filters, version: int) -> pd.DataFrame:
    """The referrers' leaderboard."""
    return queries_sources.top_referrers(connection(), filters)


@st.cache_data(show_spinner=False)
def referrer_pareto(filters: Filters, version: int) -> tuple[pd.DataFrame, sources.Pareto]:
    """Referrers per number of referrals sent, and the Pareto view of it."""
    frequency = queries_sources.referrals_per_referrer(connection(), filters)
    return frequency, sources.pareto(frequency)


@st.cache_data(show_spinner=False)
def lead_comparison(filters: Filters, version: int) -> sources.LeadComparison:
    """Referred leads against the others, per source."""
    return sources.lead_comparison(queries_sources.lead_conversion(connection(), filters))


@st.cache_data(show_spinner=False)
def acquisition_costs(filters: Filters, version: int) -> tuple[pd.DataFrame, str]:
    """CPA / CAC per cost channel, and how they were measured (the channel mapping)."""
    leads = lead_comparison(filters, version).table
    customers = dict(zip(leads["source"], leads["customers"].astype(int), strict=True))
    costs = queries_sources.acquisition_costs(connection(), filters)
    if costs.empty:
        return costs, ""
    note = sources.costs_note(sources.unmatched_sources(customers))
    return sources.acquisition_costs(costs, customers), note


@st.cache_data(show_spinner=False)
def ask_yield(filters: Filters, version: int) -> pd.DataFrame:
    """Asks to clients by time since their closing: replies and referrals per ask."""
    return sources.ask_yield(queries_sources.ask_timing(connection(), filters))


@st.cache_data(show_spinner=False)
def referral_chains(filters: Filters, version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The period's referrals by chain depth, and the referrers whose referrals refer on."""
    con = connection()
    return (
        queries_sources.referral_chain_depth(con, filters),
        queries_sources.referral_chain_starters(con, filters),
    )


# --- experiments -----------------------------------------------------------------------------

# --- import ----------------------------------------------------------------------------------
