"""Every cached loader: the library's queries and formulas behind ``st.cache_data``.

Cached functions take plain hashable values: a frozen ``Filters``, the store's data version and
a whitelisted choice or two, so an import (which bumps the version) invalidates exactly the
figures that could change, and nothing here draws. Pages call these; ``_common`` holds the
connection and the shared widgets.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from referral_analytics import db, funnel, messages, queries, sources
from referral_analytics import experiments as ab
from referral_analytics.config import Settings
from referral_analytics.filters import Filters
from referral_analytics.ingest import pipeline
from referral_analytics.ingest.map import mapping
from referral_analytics.ingest.map.mapping import SavedMapping
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import Prepared, Source
from referral_analytics.ingest.read import list_sheets
from referral_analytics.ingest.read.uploads import UploadSpool
from referral_analytics.overview import OverviewReport, overview_report
from referral_analytics.queries import experiments as queries_experiments
from referral_analytics.queries import funnel as queries_funnel
from referral_analytics.queries import imports as queries_imports
from referral_analytics.queries import partners as queries_partners
from referral_analytics.queries import sources as queries_sources

BIN_HOURS, MAX_HOURS = 2, 72  # speed-to-lead histogram: 2-hour bins up to three days


# --- the store ------------------------------------------------------------------------------
def settings() -> Settings:
    """The app's settings, from the environment."""
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def _store(path: str) -> db.Store:
    return db.Store(path)


def connection() -> duckdb.DuckDBPyConnection:
    """A connection of its own for this use; drop it after (see ``db.Store``).

    The app holds the file only while it reads or writes, so a scheduled import or a script can
    open it while the dashboard is being used.
    """
    return _store(str(settings().db_path)).connection()


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


# --- overview and partners -------------------------------------------------------------------
@st.cache_data(show_spinner="Computing the figures…")
def overview(filters: Filters, version: int) -> OverviewReport:
    """The Overview's figures for the period and the previous one."""
    return overview_report(connection(), filters)


@st.cache_data(show_spinner=False)
def referrals_monthly(filters: Filters, version: int) -> pd.DataFrame:
    """Referrals received and closed per month."""
    return queries.referrals_monthly(connection(), filters)


@st.cache_data(show_spinner=False)
def partner_scorecards(filters: Filters, version: int) -> pd.DataFrame:
    """Allied partners' averaged ratings and referral counts over the period."""
    return queries_partners.partner_scorecards(connection(), filters)


# --- funnel ----------------------------------------------------------------------------------
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
@st.cache_data(show_spinner=False)
def experiment_list(filters: Filters, version: int) -> pd.DataFrame:
    """Every referral-ask experiment, newest first."""
    return queries_experiments.experiment_list(connection(), filters)


@st.cache_data(show_spinner="Counting each variant's sends…")
def experiment_arms(filters: Filters, version: int, experiment: str) -> pd.DataFrame:
    """Per variant: sends, events of every metric, referral sums, the planned split."""
    return queries_experiments.experiment_arms(connection(), filters, experiment)


@st.cache_data(show_spinner=False)
def experiment_daily(filters: Filters, version: int, experiment: str) -> pd.DataFrame:
    """Cumulative sends and events per variant and day."""
    return queries_experiments.experiment_daily(connection(), filters, experiment)


# --- import ----------------------------------------------------------------------------------
# A file read and a file checked are kept as resources (shared, not copied): a million-row
# table pickled on every rerun would cost more than reading it. Both are immutable.
# A file read and a file checked are kept as resources (shared, not copied): a million-row
# table pickled on every rerun would cost more than reading it. Both are immutable. They are
# keyed by the upload's content hash: only a session that holds the same bytes gets the entry.
@st.cache_resource(show_spinner=False)
def upload_spool() -> UploadSpool:
    """Where uploads are written while they are read (private, deleted right after)."""
    return UploadSpool(settings().max_spool_mb * 1024**2)


@st.cache_resource(show_spinner="Reading the file…", max_entries=8, ttl=3600)
def import_source(
    digest: str, file_name: str, sheet: str | None, version: int, _data: memoryview
) -> Source:
    """The upload ``_data`` (SHA-256 ``digest``) hashed and read, or found already imported."""
    options = ImportOptions(sheet=sheet, limits=settings().limits())
    with upload_spool().spooled(_data, file_name) as path:
        return pipeline.read_source(connection(), path, options, file_name=file_name)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=3600)
def import_sheets(digest: str, file_name: str, _data: memoryview) -> tuple[tuple[str, int], ...]:
    """A workbook's sheets with their row counts; () for CSV."""
    with upload_spool().spooled(_data, file_name) as path:
        return list_sheets(path, file_name=file_name, limits=settings().limits())


@st.cache_resource(show_spinner="Checking every row…", max_entries=8, ttl=3600)
def import_prepared(
    digest: str, file_name: str, options_key: str, version: int, _options: ImportOptions,
    _data: memoryview,
) -> Prepared:  # fmt: skip
    """The file recognised, mapped and checked under ``_options`` (keyed by ``options_key``)."""
    source = import_source(digest, file_name, _options.sheet, version, _data)
    return pipeline.prepare(connection(), source, _options)


@st.cache_data(show_spinner=False)
def import_history(version: int) -> pd.DataFrame:
    """Every import with its counts, newest first."""
    return queries_imports.import_history(connection())


@st.cache_data(show_spinner=False)
def saved_mappings(version: int) -> list[SavedMapping]:
    """Column mappings users saved, newest first."""
    return mapping.saved_mappings(connection())


# --- experiments -----------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def experiment_analysis(
    arms: tuple[ab.Arm, ...], planned: tuple[float, ...] | None, planned_n: int | None
) -> ab.BinaryResult:
    """The A/B/n analysis of these counts: exact Bayesian sums are worth computing once."""
    return ab.analyse_binary(list(arms), planned=list(planned) if planned else None,
                             planned_n=planned_n)  # fmt: skip
