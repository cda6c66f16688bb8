"""Every page in Chromium on a store whose imported text is payloads (``tests/payloads.py``).

No request leaves for the host named in the data, no link to it exists, nothing from the data
is bold, coloured, a formula or an expanded template: the payloads read as their characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from referral_analytics.safe_text import WORD_JOINER
from tests.e2e.conftest import ARTIFACTS, Server, serving
from tests.e2e.test_funnel_drilldown import _click_centre
from tests.payloads import AGENT, FILE_NAME, HOST, build_payload_db, payload

PAGES = {
    "": "Referral overview",
    "funnel": "Referral funnel",
    "sources": "Referral sources",
    "experiments": "Referral-ask experiments",
    "partners": "Allied partners",
    "data_import": "Import CRM exports",
}
SOURCE_TABS = ("By source", "Top referrers", "Referred vs other leads", "When to ask",
               "Referral chains")  # fmt: skip


@pytest.fixture(scope="module")
def payload_server(tmp_path_factory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("payload-e2e")
    with serving(build_payload_db(folder / "payloads.duckdb"), folder / "streamlit.log") as running:
        yield running


@pytest.fixture
def watched(browser) -> Iterator[tuple[object, list[str]]]:
    """A page and every URL it requested of the payloads' host."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: urlsplit(request.url).hostname == HOST
            and asked.append(request.url))  # fmt: skip
    yield page, asked
    context.close()


def idle(page) -> None:
    """The run is over, every chart is drawn and every image the page asked for was fetched."""
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]"
        ".every(chart => chart.querySelector('.main-svg'))"
    )
    page.wait_for_load_state("networkidle")


def assert_inert(page, asked: list[str], name: str) -> None:
    """No fetch of, and no link to, the data's host; no markup from the data took effect."""
    idle(page)
    main = page.get_by_test_id("stMain")
    assert asked == [], asked
    expect(page.locator(f"a[href*='{HOST}']")).to_have_count(0)
    expect(page.locator(f"img[src*='{HOST}']")).to_have_count(0)
    expect(main.locator(".js-plotly-plot a")).to_have_count(0)  # plotly links (xlink:href)
    expect(main.locator(".katex")).to_have_count(0)  # no "$x^2$" typeset
    # "**bold**" and ":red[red]" from the data would become elements holding just that word.
    expect(main.locator("strong:text-is('bold'), em:text-is('bold')")).to_have_count(0)
    expect(main.locator("span:text-is('red')")).to_have_count(0)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"payloads-{name}.png"), full_page=True)


def shown(locator) -> str:
    """What a reader sees: the text without the invisible word joiners that keep it literal."""
    return locator.inner_text().replace(WORD_JOINER, "")


def url(server: Server, path: str, **query: str) -> str:
    return f"{server.url}/{path}" + (f"?{urlencode(query)}" if query else "")


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_shows_payloads_as_text(watched, payload_server, path):
    page, asked = watched
    page.goto(url(payload_server, path, period="all", agent=AGENT))
    expect(page.get_by_role("heading", name=PAGES[path])).to_be_visible()
    assert_inert(page, asked, path or "overview")


def test_the_data_as_of_caption_reads_the_file_name_as_written(watched, payload_server):
    page, asked = watched
    page.goto(url(payload_server, ""))
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Data as of")
    expect(caption).to_be_visible()
    assert FILE_NAME in shown(caption)
    assert_inert(page, asked, "overview-caption")


@pytest.mark.parametrize("tab", SOURCE_TABS)
def test_every_sources_tab(watched, payload_server, tab):
    page, asked = watched
    page.goto(url(payload_server, "sources", period="all", sources_tab=tab))
    expect(page.get_by_role("heading", name="Referral sources")).to_be_visible()
    assert_inert(page, asked, f"sources-{tab.replace(' ', '-').lower()}")


def test_the_experiment_verdict_names_a_payload_variant_as_written(watched, payload_server):
    page, asked = watched
    page.goto(url(payload_server, "experiments", experiment=payload("Experiment")))
    verdict = page.get_by_test_id("stAlertContainer").filter(has_text="Variant1")
    expect(verdict).to_be_visible()
    assert payload("Variant1") in shown(verdict)
    assert_inert(page, asked, "experiments-verdict")


def test_a_drilldown_on_a_payload_lost_reason(watched, payload_server):
    page, asked = watched
    page.goto(url(payload_server, "funnel", period="all", agent=AGENT))
    bar = page.locator(".st-key-lost_chart .barlayer .point path").first
    expect(bar).to_be_visible(timeout=30_000)
    _click_centre(page, bar)
    drill = page.locator(".st-key-drill_lost")
    expect(drill).to_be_visible(timeout=15_000)
    expect(drill).to_contain_text("Reason")
    assert "![x](http://evil.example/beacon.png)" in shown(drill)  # as written
    assert_inert(page, asked, "funnel-drill")
