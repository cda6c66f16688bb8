"""A shared link opened first on a freshly started server shows that page in the app's frame.

Streamlit runs the files of a folder named ``pages/`` next to the entry point as pages of their
own until ``st.navigation`` has run once; a meeting opening a link right after a restart would
see a bare page with a wrong menu. Our page modules live in ``views/`` for that reason.
"""

from playwright.sync_api import expect

from tests.conftest import build_demo_db
from tests.e2e.conftest import Server


def test_a_deep_link_on_a_fresh_server_opens_the_page_with_the_apps_navigation(browser, tmp_path):
    server = Server(build_demo_db(tmp_path / "fresh.duckdb", contacts=300), tmp_path / "fresh.log")
    try:
        server.wait_healthy()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{server.url}/partners")
        expect(page.get_by_role("heading", name="Allied partners")).to_be_visible(timeout=30_000)
        navigation = page.get_by_test_id("stSidebarNav")
        expect(navigation.get_by_text("Overview")).to_be_visible()
        expect(navigation.get_by_text("common")).to_have_count(0)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        context.close()
    finally:
        server.stop()
