"""Import: CRM exports in, checked row by row, loaded all or nothing; the history, and undo.

Each uploaded file gets a panel: its sheet, what it holds, the column mapping (editable,
savable), words to map, every problem with its place, and a preview. Nothing is written until
the user presses Import; each file is its own transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import streamlit as st

from referral_analytics import messages
from referral_analytics.ingest import load, pipeline, preview
from referral_analytics.ingest.check.report import FileReport
from referral_analytics.ingest.map import mapping
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import Prepared
from referral_analytics.ingest.read import ReadError
from referral_analytics.ingest.read.problems import plural
from referral_analytics.ingest.values import vocabularies
from referral_analytics.safe_text import markdown_literal as literal
from views import _common as common
from views import _loaders as loaders

TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"]
TEMPLATE = Path("data/templates/import_templates.xlsx")
RESULTS_KEY = "import_results"
KIND_LABELS = {name: kind.label for name, kind in KINDS.items()}
ORDERS = {"DMY": "Day first (31/01/2026)", "MDY": "Month first (01/31/2026)",
          "YMD": "Year first (2026/01/31)"}  # fmt: skip


@dataclass(frozen=True)
class Upload:
    """An uploaded file as the loaders take it: its name, content hash and bytes.

    Nothing here becomes a path: the browser chooses an upload's ``file_id`` (and could make it
    ``..`` or a glob), so the loaders write the bytes to a private file of their own naming.
    """

    name: str
    digest: str
    data: memoryview

    @classmethod
    def of(cls, uploaded) -> Upload:
        data = uploaded.getbuffer()
        return cls(uploaded.name, hashlib.sha256(data).hexdigest(), data)


def options_key(options: ImportOptions) -> str:
    """A stable text for the choices, so a checked file is reused until a choice changes."""
    return json.dumps(asdict(options), sort_keys=True, default=str)


def sheet_choice(upload: Upload, fid: str) -> str | None:
    """The sheet to read: the biggest by default; offered only when there is a choice."""
    sheets = loaders.import_sheets(upload.digest, upload.name, upload.data)
    if len(sheets) < 2:
        return None
    labels = {sheet: f"{sheet} ({rows:,} rows)" for sheet, rows in sheets}
    names = list(labels)
    biggest = names.index(max(sheets, key=lambda s: s[1])[0])
    return st.selectbox("Sheet", names, index=biggest, key=f"sheet_{fid}", format_func=labels.get)


def kind_choice(prepared: Prepared, fid: str) -> str | None:
    """What the file holds: detected, shown, and overridable."""
    detected = pipeline.detected_kind(prepared.kind_scores)
    names = list(KINDS)
    chosen = st.selectbox(
        "This file holds", names, index=names.index(detected) if detected else None,
        key=f"kind_{fid}", format_func=KIND_LABELS.get, placeholder="Choose what it holds",
        help=messages.IMPORT_KIND_HELP,
    )  # fmt: skip
    if detected and chosen == detected:
        score = dict(prepared.kind_scores)[detected]
        st.caption(messages.IMPORT_KIND_DETECTED.format(kind=KIND_LABELS[detected], score=score))
    return chosen


def mapping_editor(source, kind: str, options: ImportOptions, fid: str) -> dict:
    """The column mapping as an editable table; returns the user's changes (header → field)."""
    base = pipeline.column_matches(loaders.connection(), source.raw, kind, options)
    table = preview.mapping_table_of(source.raw, kind, base)
    edited = st.data_editor(
        table, key=f"map_{fid}_{kind}", hide_index=True, width="stretch",
        disabled=["Column", "Examples", "Found by"],
        column_config={
            "Field": st.column_config.SelectboxColumn(
                "Field", options=preview.field_choices(kind), required=True,
                help=messages.IMPORT_MAPPING_HELP,
            ),
        },
    )  # fmt: skip
    chosen = preview.mapping_from_table(kind, edited)
    automatic = {m.header: m.field for m in base}
    return {h: f for h, f in chosen.items() if automatic.get(h) != f}


def save_mapping_form(source, kind: str, chosen: dict, fid: str) -> None:
    """Save the mapping under a name; the next file with these headers uses it."""
    with st.popover("Save this mapping", icon=":material/bookmark_add:"):
        name = st.text_input("Name", key=f"mapping_name_{fid}", placeholder="e.g. FUB people")
        if st.button("Save", key=f"save_mapping_{fid}", disabled=not name.strip()):
            mapping.save_mapping(loaders.connection(), name.strip(), source.raw.headers, kind,
                                 chosen)  # fmt: skip
            st.toast(literal(messages.IMPORT_MAPPING_SAVED.format(name=name.strip())), icon="🔖")


def words_editor(source, kind: str, matches, fid: str) -> dict:
    """Words of CRM vocabularies we do not know, to be mapped to ours."""
    table = preview.unknown_words(source.raw, kind, matches)
    if table.empty:
        return {}
    st.markdown("**Values to map**")
    st.caption(messages.IMPORT_WORDS_HELP)
    choices = sorted({w for v in table["Vocabulary"].unique() for w in
                      vocabularies.canonical(v)})  # fmt: skip
    edited = st.data_editor(
        table, key=f"words_{fid}_{kind}", hide_index=True, width="stretch",
        disabled=["Column", "Vocabulary", "Word", "Rows"],
        column_config={"Means": st.column_config.SelectboxColumn("Means", options=choices)},
    )  # fmt: skip
    return preview.words_from_table(edited)


def date_orders(prepared: Prepared, fid: str) -> dict[str, str]:
    """Ask, for each column whose dates could be read two ways, which way is right."""
    chosen = {}
    for column in prepared.columns:
        asked = st.session_state.get(f"order_{fid}_{column.header}")
        if column.parsed.decision or asked:
            chosen[column.header] = st.radio(
                f"Dates in “{literal(column.header)}”", list(ORDERS), format_func=ORDERS.get,
                key=f"order_{fid}_{column.header}", horizontal=True, index=None,
                help=literal(column.parsed.decision),
            ) or ""  # fmt: skip
    return {h: o for h, o in chosen.items() if o}


def status_line(prepared: Prepared) -> None:
    """One line: ready, needs a decision, or rejected, with the counts."""
    rows = f"{prepared.rows_read:,} rows"
    if prepared.status == "ready":
        mapped = sum(m.field is not None for m in prepared.matches)
        kept = plural(len(prepared.matches) - mapped, "column", "columns")
        st.success(messages.IMPORT_READY.format(n=prepared.rows.num_rows, rows=rows,
                                                fields=mapped, kept=kept), icon="✅")  # fmt: skip
    elif prepared.status == "needs input":
        for decision in prepared.decisions:
            st.warning(literal(decision), icon="✋")  # names headers
    elif prepared.status == "rejected":
        st.error(messages.IMPORT_REJECTED.format(n=len(prepared.rejected_positions), rows=rows),
                 icon="⛔")  # fmt: skip


def problems(prepared: Prepared, fid: str) -> None:
    """Every rejected row with its place, and the file's warnings."""
    if prepared.errors:
        st.markdown(f"**Problems ({len(prepared.errors):,})**")
        st.dataframe(preview.errors_table(prepared), hide_index=True, key=f"errors_{fid}")
        st.download_button(
            "Download the rejected rows (CSV)", key=f"rejected_{fid}", on_click="ignore",
            data=partial(preview.rejected_csv, prepared), mime="text/csv",
            file_name=f"rejected-{Path(prepared.file_name).stem}.csv",
            icon=":material/download:",
        )  # fmt: skip
    if prepared.warnings:
        with st.expander(f"Notes ({len(prepared.warnings)})"):
            for warning in prepared.warnings:
                st.text(warning)  # names from the file: shown as text, never as markdown


def prepared_with(upload: Upload, options: ImportOptions, version: int) -> Prepared:
    """The upload checked under ``options`` (cached until a choice or the data changes)."""
    return loaders.import_prepared(upload.digest, upload.name, options_key(options), version,
                                   options, upload.data)  # fmt: skip


def file_panel(uploaded, skip_invalid: bool) -> Prepared | None:
    """One uploaded file, from reading to ready; None when it cannot be read."""
    fid = uploaded.file_id  # widget keys only, within this session: never a path
    upload = Upload.of(uploaded)
    version = loaders.data_version()
    st.subheader(literal(uploaded.name), divider="gray")
    try:
        sheet = sheet_choice(upload, fid)
        source = loaders.import_source(upload.digest, upload.name, sheet, version, upload.data)
    except ReadError as error:
        st.error(literal(error), icon="⛔")  # names the file
        return None
    if source.raw is None:
        st.info(messages.IMPORT_ALREADY.format(id=source.previous_import), icon="♻️")
        return None
    options = ImportOptions(sheet=sheet, skip_invalid=skip_invalid,
                            limits=loaders.settings().limits())  # fmt: skip
    first = prepared_with(upload, options, version)
    left, right = st.columns([2, 1])
    with left:
        kind = kind_choice(first, fid)
    if kind is None:
        return None
    with right:
        saved = loaders.saved_mappings(version)
        names = [m.name for m in saved if m.kind == kind]
        mapping_name = st.selectbox(
            "Saved mapping", names, index=None, key=f"saved_{fid}",
            placeholder="Automatic" if names else "None saved yet", disabled=not names,
        )  # fmt: skip
    options = ImportOptions(sheet=sheet, kind=kind, mapping_name=mapping_name,
                            skip_invalid=skip_invalid, limits=options.limits)  # fmt: skip
    with st.expander("Columns", expanded=True, icon=":material/view_column:"):
        changes = mapping_editor(source, kind, options, fid)
        options = ImportOptions(**{**asdict(options), "columns": changes,
                                   "limits": options.limits})  # fmt: skip
        matches = pipeline.column_matches(loaders.connection(), source.raw, kind, options)
        save_mapping_form(source, kind, {m.header: m.field for m in matches}, fid)
        words = words_editor(source, kind, matches, fid)
    prepared = prepared_with(upload, options, version)
    orders = date_orders(prepared, fid)
    if orders or words:
        options = ImportOptions(**{**asdict(options), "date_orders": orders, "words": words,
                                   "limits": options.limits})  # fmt: skip
        prepared = prepared_with(upload, options, version)
    status_line(prepared)
    st.dataframe(preview.column_summary(prepared), hide_index=True, key=f"summary_{fid}")
    problems(prepared, fid)
    if prepared.rows is not None:
        with st.expander("Preview the rows as they will be stored"):
            st.dataframe(preview.rows_preview(prepared), hide_index=True, key=f"preview_{fid}")
    return prepared


def run_imports(ready: list[Prepared]) -> None:
    """Load each ready file in its own transaction, with progress; remember the reports."""
    reports = []
    for prepared in ready:
        label = literal(messages.IMPORT_RUNNING.format(file=prepared.file_name))
        with st.status(label, expanded=False) as status:
            bar = st.progress(0.0)

            def progress(stage, done, total, bar=bar):
                bar.progress(done / total if total else 1.0, text=f"{stage}: {done:,} rows")

            report = pipeline.commit(loaders.connection(), prepared, progress=progress)
            state = "complete" if report.status in ("loaded", "unchanged") else "error"
            status.update(label=literal(report.summary()), state=state)
        reports.append(report)
    st.session_state[RESULTS_KEY] = reports
    st.rerun()


def results(reports: list[FileReport]) -> None:
    """What the last import did, file by file."""
    for report in reports:
        if report.status == "loaded":
            st.success(literal(report.summary()), icon="✅")  # says new, changed and unchanged
        elif report.status == "unchanged":
            st.info(literal(report.summary()), icon="♻️")
        else:
            st.warning(literal(report.summary()), icon="⚠️")
        for line in report.warnings[:20]:
            st.text(line)
    if any(r.status == "loaded" for r in reports):
        st.page_link("views/overview.py", label="See the Overview", icon="📈")


def history() -> None:
    """Every import, and undo of one."""
    table = loaders.import_history(loaders.data_version())
    if table.empty:
        st.info(messages.IMPORT_NO_HISTORY)
        return
    st.dataframe(
        table, hide_index=True, key="history",
        column_config={
            "import_id": st.column_config.NumberColumn("#", format="%d"),
            "file_name": "File", "kind": "Kind",
            "imported_at": st.column_config.DatetimeColumn("Imported", format="D MMM YYYY, HH:mm"),
            "rows_read": "Rows read", "rows_loaded": "Loaded", "rows_rejected": "Rejected",
            "undone_at": st.column_config.DatetimeColumn("Undone", format="D MMM YYYY, HH:mm"),
            "sha256": None,
        },
    )  # fmt: skip
    active = table.loc[table["undone_at"].isna()]
    if active.empty:
        return
    labels = {int(i): f"#{i} {name}" for i, name in zip(active["import_id"], active["file_name"],
                                                         strict=True)}  # fmt: skip
    chosen = st.selectbox(
        "Undo an import", list(labels), index=None, key="undo_choice", format_func=labels.get,
        placeholder="Choose an import to undo",
    )  # fmt: skip
    if chosen is not None and st.button(
        f"Undo import #{chosen}", key="undo", type="primary", icon=":material/undo:"
    ):
        try:
            removed = load.undo(loaders.connection(), int(chosen))
        except load.UndoRefused as error:
            st.error(literal(error))
            return
        st.session_state[RESULTS_KEY] = []
        st.toast(messages.IMPORT_UNDONE.format(id=chosen, n=sum(removed.values())), icon="↩️")
        st.rerun()


st.title("Import CRM exports")
common.sidebar_filters()
st.caption(messages.IMPORT_INTRO)
if TEMPLATE.exists():
    st.download_button(
        "Download the import template (.xlsx)", data=TEMPLATE.read_bytes(),
        file_name=TEMPLATE.name, icon=":material/table_view:", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip
upload_tab, history_tab = st.tabs(["Upload", "History"])
with upload_tab:
    limits = loaders.settings()
    uploads = st.file_uploader(
        "CRM exports", type=TYPES, accept_multiple_files=True, key="uploads",
        help=messages.IMPORT_LIMITS.format(mb=limits.max_upload_mb, rows=limits.max_rows,
                                           columns=limits.max_columns),
    )  # fmt: skip
    results(st.session_state.get(RESULTS_KEY, []))
    if uploads:
        skip = st.toggle("Load the valid rows and skip the rejected ones", key="skip_invalid",
                         help=messages.IMPORT_SKIP_HELP)  # fmt: skip
        checked = [file_panel(u, skip) for u in uploads]
        ready = [p for p in checked if p is not None and p.status == "ready"]
        total = sum(p.rows.num_rows for p in ready)
        st.divider()
        if st.button(
            f"Import {len(ready)} file{'s' if len(ready) != 1 else ''} ({total:,} rows)",
            type="primary",
            disabled=not ready,
            key="import",
            icon=":material/upload:",
        ):
            run_imports(ready)
with history_tab:
    history()
