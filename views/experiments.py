"""Experiments: A/B/n results of referral-ask e-mails (001 §3.3), and a sample-size calculator."""

import pandas as pd
import streamlit as st

from referral_analytics import experiments as ab
from referral_analytics import messages
from referral_analytics.charts import experiments as charts
from referral_analytics.safe_text import markdown_literal as literal
from views import _common as common
from views import _loaders as loaders

st.title("Referral-ask experiments")
filters = common.sidebar_filters()
if common.empty_store_start():
    st.stop()
version = loaders.data_version()
MODES = {"store": "From the store", "counts": "From counts"}
METRIC_LABELS = {metric: said.capitalize() for metric, (_, said) in ab.METRICS.items()}
mode = st.segmented_control(
    "Results from", list(MODES), format_func=MODES.get, default="store", key="exp_mode",
    required=True, bind="query-params",
)  # fmt: skip


def from_store() -> tuple[list[ab.Arm], list[float] | None, int | None, pd.DataFrame, str, str]:
    """The chosen experiment's arms for the chosen metric, its plan, and its rows."""
    listing = loaders.experiment_list(filters, version)
    if listing.empty:
        common.empty_state(messages.NO_EXPERIMENTS)
        st.stop()
    left, right = st.columns([3, 2])
    name = left.selectbox(
        "Experiment", listing["experiment"].tolist(), key="experiment", bind="query-params"
    )
    metric = right.segmented_control(
        "Metric", list(ab.METRICS), format_func=METRIC_LABELS.get,
        default="replied", key="metric", required=True, bind="query-params",
    )  # fmt: skip
    st.caption(messages.EXPERIMENT_NOTE)
    rows = loaders.experiment_arms(filters, version, name)
    st.dataframe(ab.arms_overview(rows), hide_index=True, key="arms_table")
    planned = rows["planned_share"].tolist() if rows["planned_share"].notna().all() else None
    planned_n = int(rows["planned_sends"].min()) if rows["planned_sends"].notna().all() else None
    return ab.arms_from_counts(rows, metric), planned, planned_n, rows, name, metric


def from_counts() -> list[ab.Arm]:
    """Counts typed in from any e-mail tool; the first row is the control."""
    typed = st.data_editor(
        pd.DataFrame({"variant": ["A", "B"], "sends": [1000, 1000], "events": [50, 65]}),
        num_rows="dynamic", hide_index=True, key="exp_counts",
    )  # fmt: skip
    try:
        return [
            ab.Arm(str(r.variant), int(r.sends), int(r.events)) for r in typed.dropna().itertuples()
        ]
    except ValueError as error:
        st.error(literal(error))
        st.stop()


if mode == "counts":
    arms, planned, planned_n, rows, name, metric = (
        from_counts(),
        None,
        None,
        None,
        "counts",
        "events",
    )
else:
    arms, planned, planned_n, rows, name, metric = from_store()
try:
    result = loaders.experiment_analysis(
        tuple(arms), tuple(planned) if planned else None, planned_n
    )
except ValueError as error:
    st.error(literal(error))
    st.stop()
# Variant names come from the data (or the counts typed in): every line is shown literally.
for line in result.messages:
    (st.error if "mismatch" in line else st.warning if "inflates" in line else st.info)(
        literal(line)
    )
BOX = {"winner": st.success, "loser": st.error, "invalid": st.error, "no difference": st.info}
BOX.get(result.outcome, st.warning)(f"**{literal(result.verdict)}**")
table = pd.DataFrame(ab.results_table(result))
decimals = {c: st.column_config.NumberColumn(format="%.2f") for c in table.columns[3:]}
st.dataframe(table, hide_index=True, key="ab_table", column_config=decimals)
common.download_buttons(table, name=f"referral-ask-{name}", key="ab_download")
uplifts = table.iloc[1:].rename(columns={"uplift (points)": "uplift"})
diffs = [v.diff_ci for v in result.variants[1:]]
uplifts["low"] = [d[0] * 100 if d else None for d in diffs]
uplifts["high"] = [d[1] * 100 if d else None for d in diffs]
if uplifts[["uplift", "low", "high"]].notna().all().all():
    st.plotly_chart(charts.forest(uplifts, control=arms[0].name), key="forest_chart")
if rows is not None:
    st.subheader("How the rates moved while the test ran")
    daily = loaders.experiment_daily(filters, version, name)
    st.plotly_chart(
        charts.cumulative_rates(daily, metric=metric, label=ab.METRICS[metric][1]),
        key="cumulative_chart",
    )
    counts = ab.analyse_counts(ab.count_arms(rows))
    st.caption(messages.REFERRALS_PER_RECIPIENT)
    st.dataframe(pd.DataFrame([vars(c) for c in counts]), hide_index=True, key="count_table")


@st.fragment
def calculator() -> None:
    """Sample size: sliders rerun only this part."""
    st.subheader("How many sends does a test need?")
    st.caption(messages.POWER_NOTE)
    cols = st.columns(5)
    base = cols[0].slider("Baseline rate %", 0.5, 50.0, 5.0, 0.5, key="power_base")
    lift = cols[1].slider("Uplift to detect (points)", 0.25, 10.0, 1.0, 0.25, key="power_lift")
    alpha = cols[2].select_slider("Significance", [0.01, 0.05, 0.1], value=0.05, key="power_alpha")
    power = cols[3].select_slider("Power", [0.7, 0.8, 0.9, 0.95], value=0.8, key="power_power")
    ratio = cols[4].select_slider(
        "Variant : control", [0.5, 1.0, 2.0, 3.0], value=1.0, key="power_ratio"
    )
    try:
        control, variant = ab.sends_needed(
            base / 100, uplift=lift / 100, alpha=alpha, power=power, ratio=ratio
        )
    except ValueError as error:
        st.error(str(error))
        return
    left, right = st.columns(2)
    left.metric("Sends needed: control", f"{control:,}")
    right.metric("Sends needed: each variant", f"{variant:,}")
    if arms and arms[0].n:
        more = max(0, control - min(a.n for a in arms))
        st.caption(messages.POWER_MORE.format(more=more, lift=lift))


calculator()
