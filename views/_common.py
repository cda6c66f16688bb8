"""The connection, the global filters and the widgets every page shares. No SQL, no formulas.

The cached loaders behind each page's figures live in ``_loaders``.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from referral_analytics import demo, exports, funnel, messages, store
from referral_analytics.config import Weights
from referral_analytics.filters import PRESETS, Filters, period_for
from referral_analytics.queries import funnel as queries_funnel
from referral_analytics.safe_text import markdown_literal as literal
from views._loaders import (
    connection,
    data_status,
    data_version,
    drill_rows,
    filter_choices,
)

W = TypeVar("W", bound=Weights)
IMPORT_PAGE = Path("views/data_import.py")
PERIOD_KEY, RANGE_KEY, AGENTS_KEY, SOURCES_KEY = "period", "range", "agent", "source"
# The referrals (or contacts) behind the last chart click: a UI choice, kept in session state.
DRILL_KEY = "funnel_drill"


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


def data_as_of() -> None:
    """The "data as of" caption: the last import, or the demo."""
    status = data_status(data_version())
    if status["last_import_name"]:
        when = pd.Timestamp(status["last_import_at"]).strftime("%d %b %Y, %H:%M")
        st.caption(literal(messages.DATA_AS_OF.format(when=when, name=status["last_import_name"])))


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
        st.markdown(f"**{literal(target.describe())}**")  # a lost reason is data
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
