"""Every page in AppTest on a store whose imported text is payloads: no element that renders
markdown receives a payload unescaped (its source must be the escaped text)."""

from __future__ import annotations

import pytest

from referral_analytics import funnel
from tests.payloads import PIECES, build_payload_db, payload

TABS = ("By source", "Top referrers", "Referred vs other leads", "When to ask", "Referral chains")
# Elements whose text Streamlit renders as markdown, and the attributes that hold it.
MARKDOWN_VALUES = {"markdown", "caption", "title", "header", "subheader", "error", "warning",
                   "info", "success", "toast", "exception"}  # fmt: skip


@pytest.fixture(scope="module")
def payload_db(tmp_path_factory):
    return build_payload_db(tmp_path_factory.mktemp("payloads") / "payloads.duckdb")


def rendered_texts(node) -> list[str]:
    """Every markdown source in the tree below ``node``: bodies, labels and help texts."""
    texts = []
    kind = getattr(node, "type", None)
    if kind in MARKDOWN_VALUES and isinstance(getattr(node, "value", None), str):
        texts.append(node.value)
    for attribute in ("label", "help"):
        value = getattr(node, attribute, None)
        if isinstance(value, str):
            texts.append(value)
    for child in getattr(node, "children", {}).values():
        texts.extend(rendered_texts(child))
    return texts


def assert_literal(at) -> list[str]:
    assert not at.exception, at.exception
    texts = rendered_texts(at.main) + rendered_texts(at.sidebar)
    raw = [t for t in texts for piece in PIECES if piece in t]
    assert raw == [], raw
    return texts


def open_page(app_at, path, page: str):
    at = app_at(path).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_overview_shows_a_payload_file_name_literally(app_at, payload_db):
    texts = assert_literal(open_page(app_at, payload_db, "views/overview.py"))
    assert any("export \\!\\[f\\]" in t for t in texts)  # the Data as of caption, escaped


def test_funnel_and_its_drilldown_on_a_payload_reason(app_at, payload_db):
    at = open_page(app_at, payload_db, "views/funnel.py")
    assert_literal(at)
    at.session_state["funnel_drill"] = funnel.DrillTarget(
        "lost", lost_step=2, lost_reason=payload("Reason1")
    )  # what a click on that bar stores
    at.run()
    texts = assert_literal(at)
    assert any("Reason1" in t for t in texts)


@pytest.mark.parametrize("tab", TABS)
def test_sources_every_tab(app_at, payload_db, tab):
    at = open_page(app_at, payload_db, "views/sources.py")
    at.session_state["sources_tab"] = tab
    at.run()
    texts = assert_literal(at)
    if tab == "Referred vs other leads":
        assert any("Source0" in t for t in texts)  # the costs note names unmatched sources


def test_experiments_verdict_and_notes_on_payload_variants(app_at, payload_db):
    at = open_page(app_at, payload_db, "views/experiments.py")
    at.selectbox(key="experiment").set_value(payload("Experiment")).run()
    texts = assert_literal(at)
    assert any("Variant1" in t and "**" in t for t in texts)  # the verdict names the winner


def test_experiments_from_counts_with_payload_names(app_at, payload_db):
    at = open_page(app_at, payload_db, "views/experiments.py")
    at.segmented_control(key="exp_mode").set_value("counts").run()
    assert_literal(at)


def test_partners_and_import_history(app_at, payload_db):
    assert_literal(open_page(app_at, payload_db, "views/partners.py"))
    assert_literal(open_page(app_at, payload_db, "views/data_import.py"))


def test_import_page_shows_payload_file_names_and_headers_literally(app_at, payload_db):
    at = open_page(app_at, payload_db, "views/data_import.py")
    header = payload("Joined")  # an ambiguous date column: its name reaches a radio label
    content = (
        f'Full Name,Email,"{header.replace(chr(34), chr(34) * 2)}"\n'
        "Huda Saleh,huda@example.com,03/04/2026\nOmar Ali,omar@example.com,05/06/2026\n"
    ).encode()
    name = payload("upload") + ".csv"
    at.file_uploader(key="uploads").set_value((name, content, "text/csv")).run()
    texts = assert_literal(at)
    assert any("upload" in t and "\\!\\[x\\]" in t for t in texts)  # the panel's heading
    bad = payload("binary") + ".csv"
    at.file_uploader(key="uploads").set_value((bad, b"\x00\x01\x02" * 500, "text/csv")).run()
    texts = assert_literal(at)
    assert any("binary" in t for t in texts)  # the refusal names the file, escaped
