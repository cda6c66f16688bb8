"""Pages as a broker waits for them: Chromium against ``streamlit run``, ours beside a floor.

For each app (ours on the bench database, and ``floor_pages.py``: the same navigation with a
title and one plotly chart per page), every run is a new browser session: the first load of
``/`` (the Overview), then a click on each page in the sidebar — first visits — and the same
round again — later visits. A page is ready when its own title is shown, its script run has
finished (the app root's ``data-test-script-state`` is ``notRunning``) and every plotly chart
on it is drawn. One unmeasured session warms each server's caches first, as
another user of the team would have. Ratios pair each of our samples with the floor's sample
of the same page, visit and run. Debian's Chromium (/usr/bin/chromium) under Playwright.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from bench.context import Context
from bench.figures import Figure, ratio
from bench.server import Server, ServerError

FLOOR = Path(__file__).resolve().with_name("floor_pages.py")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip
ROUND = ("Funnel", "Sources", "Experiments", "Partners", "Import", "Overview")
NAVIGATION_TARGET, FIRST_LOAD_TARGET = 2.0, 1.3  # × the floor, per page and visit
TIMEOUT_MS = 120_000
TITLES = {"Overview": "Referral overview", "Funnel": "Referral funnel",
          "Sources": "Referral sources", "Experiments": "Referral-ask experiments",
          "Partners": "Allied partners", "Import": "Import CRM exports"}  # fmt: skip
# Ready: the page's own title is shown (so its run has started: the title comes from it), the
# run is over, and every plotly chart on it is drawn.
READY = """title => {
  const app = document.querySelector('[data-testid=stApp]');
  const heading = [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === title);
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  return heading && app && app.dataset.testScriptState === 'notRunning'
         && charts.every(chart => chart.querySelector('.main-svg'));
}"""


def _ready(page, name: str) -> None:
    page.wait_for_function(READY, arg=TITLES[name], timeout=TIMEOUT_MS)


def _session(browser, url: str) -> dict[str, float]:
    """One new session's seconds: "first load", then "<page> first" and "<page> later"."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    seconds = {}
    try:
        started = time.perf_counter()
        page.goto(url)
        _ready(page, "Overview")
        seconds["first load"] = time.perf_counter() - started
        for visit in ("first", "later"):
            for name in ROUND:
                link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=name)
                started = time.perf_counter()
                link.click()
                try:
                    _ready(page, name)
                except Exception as error:
                    raise RuntimeError(f"{name} ({visit} visit) never became ready") from error
                seconds[f"{name} {visit}"] = time.perf_counter() - started
    finally:
        context.close()
    return seconds


def _measure(browser, script: Path, db: Path, log: Path, runs: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {}
    with Server(script, db, log) as server:
        server.wait_healthy()
        _session(browser, server.url)  # warm: the team's caches, not this session's
        for _ in range(runs):
            for key, value in _session(browser, server.url).items():
                samples.setdefault(key, []).append(value)
    return samples


def figures(context: Context) -> Iterator[Figure]:
    """First load and every page change, ours and the floor's, and their ratios."""
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                ours = _measure(browser, context.root / "app.py", context.db,
                                context.scratch / "browser-app.log", context.runs)  # fmt: skip
                floor = _measure(browser, FLOOR, context.db,
                                 context.scratch / "browser-floor.log", context.runs)  # fmt: skip
            finally:
                browser.close()
    except (ServerError, OSError, RuntimeError) as error:
        yield Figure("browser: suite", "s", None, error=str(error).splitlines()[0])
        return
    for key in ["first load", *(f"{n} {v}" for v in ("first", "later") for n in ROUND)]:
        mine = Figure(f"browser: {key} (ours)", "s", None, samples=ours.get(key, []))
        base = Figure(f"browser: {key} (floor)", "s", None, samples=floor.get(key, []))
        yield mine
        yield base
        target = FIRST_LOAD_TARGET if key == "first load" else NAVIGATION_TARGET
        yield ratio(f"browser: {key} ÷ floor", target, mine, base)
