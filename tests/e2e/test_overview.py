"""The Overview in Chromium against ``streamlit run``: tiles, chart, and the period filter."""

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS


def _tile_value(page, label: str):
    tile = page.get_by_test_id("stMetric").filter(has_text=label)
    return tile.get_by_test_id("stMetricValue")


def test_overview_loads_tiles_and_chart_and_the_period_filter_changes_a_tile(page, server):
    page.goto(server.url)
    expect(page.get_by_role("heading", name="Referral overview")).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(10)
    expect(page.locator(".js-plotly-plot")).to_be_visible()
    received = _tile_value(page, "Referrals received")
    before = received.inner_text()

    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Period").click()
    page.get_by_role("option", name="All time").click()

    expect(received).not_to_have_text(before)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
