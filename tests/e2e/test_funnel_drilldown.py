"""The Funnel in Chromium against ``streamlit run``: a click on a funnel step lists its referrals."""

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS


def _click_centre(page, locator) -> None:
    """Click where the shape is drawn: plotly listens on the drag layer above the SVG paths,
    so a click on the path element itself is intercepted; a click at its position is not."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_clicking_a_funnel_step_lists_its_referrals_for_download(page, server):
    page.goto(f"{server.url}/funnel")
    expect(page.get_by_role("heading", name="Referral funnel")).to_be_visible()
    appointment = page.locator(".st-key-funnel_chart .funnellayer .point path").nth(2)
    expect(appointment).to_be_visible(timeout=30_000)  # the first plotly draw loads plotly.js

    _click_centre(page, appointment)

    drill = page.locator(".st-key-drill_step")
    expect(drill).to_be_visible(timeout=15_000)
    expect(drill).to_contain_text("Referrals that reached “Appointment”")
    expect(drill.get_by_test_id("stDataFrame")).to_be_visible()
    expect(drill.get_by_role("button", name="Download CSV")).to_be_visible()
    expect(drill.get_by_role("button", name="Download XLSX")).to_be_visible()
    drill.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "funnel.png"))
