"""Every page in AppTest on the bench database: cold, warm, and after each weight slider moves.

What the figures mean:

- cold: ``st.cache_data`` and ``st.cache_resource`` cleared (so the DuckDB connection reopens
  too), then a new AppTest opens the page. Python's modules are already imported and the file
  is in the OS page cache: the fresh process's extra cost is in the startup figures.
- warm: a new AppTest opens the page on warm caches: another user opening it, or a reload.
  The same session's plain rerun is in the note.
- slider: each weight slider moved by one step, then ``AppTest.run()``. AppTest cannot rerun a
  fragment alone, so this is the whole script on warm caches (the other filters unchanged),
  an upper bound of what the user waits for; ``bench/fragments.py`` measures the fragment
  rerun on a real server.

Times are server side: the script run and AppTest's own bookkeeping of the elements, not the
browser's drawing. AppTest also compiles the scripts on every run, which a server caches: a few
tens of milliseconds of every figure here are the harness's.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
import streamlit.logger
from streamlit import config
from streamlit.testing.v1 import AppTest

from bench.context import Context
from bench.figures import Figure

# The pages behind the navigation (views/<name>.py). The Import page needs an upload; the
# import figures measure the pipeline behind it.
PAGES = ("overview", "funnel", "sources", "experiments", "partners")
# page → the key prefix it passes to views._common.weight_sliders
WEIGHT_SLIDERS = {"partners": "w_"}
COLD_MS, WARM_MS, SLIDER_MS = 1500.0, 300.0, 150.0
TIMEOUT = 300  # seconds: a page that takes this long is broken, not slow


class PageError(RuntimeError):
    """A page raised, or lacks what the bench drives."""


@contextmanager
def app_environment(db: Path) -> Iterator[None]:
    """Pages read ``REFERRAL_DB``; Streamlit's bare-mode warnings are noise here.

    On the way out the caches are cleared and collected, so this process lets go of the
    database file before a server (another process) needs it.
    """
    before = os.environ.get("REFERRAL_DB")
    os.environ["REFERRAL_DB"] = str(db)
    # Clearing caches outside a script run warns on every call ("missing ScriptRunContext");
    # the config option, not only the level, because parsing the config resets the level.
    level = config.get_option("logger.level")
    config.set_option("logger.level", "error")
    streamlit.logger.set_log_level("error")
    try:
        yield
    finally:
        clear_caches()
        gc.collect()
        config.set_option("logger.level", level)
        streamlit.logger.set_log_level(level)
        if before is None:
            os.environ.pop("REFERRAL_DB", None)
        else:
            os.environ["REFERRAL_DB"] = before


def clear_caches() -> None:
    """Empty every Streamlit cache, the connection's included."""
    st.cache_data.clear()
    st.cache_resource.clear()


class Browser:
    """Opens pages as new sessions (AppTests) of the app.

    Each new AppTest scans every installed package for components (~0.3 s of parsing package
    metadata here); a server does that once at start. Sessions share the first scan, so the
    figures hold the page's time, not the harness's.
    """

    def __init__(self, app: Path) -> None:
        self.app = app
        self._components = None

    def open(self, page: str) -> tuple[AppTest, float]:
        """A new session on ``page``, and the seconds its first run took."""
        at = AppTest.from_file(str(self.app), default_timeout=TIMEOUT)
        if self._components is not None and hasattr(at, "_bidi_component_manager"):
            at._bidi_component_manager = self._components
        if page != PAGES[0]:
            at.switch_page(f"views/{page}.py")  # as a deep link: only that page runs
        seconds = rerun(at, page)
        self._components = getattr(at, "_bidi_component_manager", None)
        return at, seconds


def rerun(at: AppTest, page: str) -> float:
    """Seconds of one ``at.run()``; PageError when the page raised."""
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise PageError(f"{page} raised: {at.exception[0].message}")
    return seconds


def figures(context: Context) -> Iterator[Figure]:
    """Cold and warm per page, then the weight sliders."""
    with app_environment(context.db):
        browser = Browser(context.root / "app.py")
        yield from _page_figures(browser, context.runs)
        for page, prefix in WEIGHT_SLIDERS.items():
            yield _slider_figure(browser, page, prefix, context.runs)


def _page_figures(browser: Browser, runs: int) -> Iterator[Figure]:
    cold = {p: Figure(f"{p}: cold, empty caches (AppTest)", "ms", COLD_MS) for p in PAGES}
    warm = {p: Figure(f"{p}: warm, another session (AppTest)", "ms", WARM_MS) for p in PAGES}
    same = {p: Figure("", "ms", None) for p in PAGES}
    for page in PAGES:  # untimed: imports the page's modules (plotly, scipy …) once
        try:
            browser.open(page)
        except PageError as error:
            cold[page].error = warm[page].error = str(error)
    for _ in range(runs):  # pages interleaved, so a noisy moment spreads over all of them
        for page in (p for p in PAGES if not cold[p].error):
            try:
                clear_caches()
                at, seconds = browser.open(page)
                cold[page].samples.append(seconds * 1000)
                same[page].samples.append(rerun(at, page) * 1000)
                warm[page].samples.append(browser.open(page)[1] * 1000)
            except PageError as error:
                cold[page].error = warm[page].error = str(error)
    for page in PAGES:
        if same[page].median is not None:
            warm[page].note = f"same session's rerun: median {same[page].median:.0f} ms"
        yield cold[page]
        yield warm[page]


def _slider_figure(browser: Browser, page: str, prefix: str, runs: int) -> Figure:
    figure = Figure(f"{page}: weight slider → whole-script rerun (AppTest)", "ms", SLIDER_MS)
    try:
        at, _ = browser.open(page)  # warms the caches the reruns read
        keys = [s.key for s in at.slider if s.key and s.key.startswith(prefix)]
        if not keys:
            raise PageError(f"{page} has no slider keyed {prefix}…")
        by_key: dict[str, list[float]] = {key: [] for key in keys}
        for _ in range(runs):
            for key in keys:
                slider = at.slider(key=key)
                slider.set_value(one_step(slider.value, slider.max, slider.step))
                by_key[key].append(rerun(at, page) * 1000)
    except PageError as error:
        figure.error = str(error)
        return figure
    return with_moves(figure, by_key)


def with_moves(figure: Figure, by_key: dict[str, list[float]]) -> Figure:
    """``figure`` holding every move of every slider; its note names the slowest slider."""
    figure.samples = [sample for samples in by_key.values() for sample in samples]
    medians = {key: statistics.median(samples) for key, samples in by_key.items() if samples}
    worst = max(medians, key=medians.__getitem__)
    moves = len(figure.samples) // len(by_key)
    said = (
        f"{len(by_key)} slider(s) × {moves} moves; slowest {worst}: median {medians[worst]:.0f} ms"
    )
    figure.note = f"{figure.note}; {said}" if figure.note else said
    return figure


def one_step(value: float, high: float, step: float) -> float:
    """The value one step away (up, or down at the top): every move is a real change."""
    up = round(value + step, 10)
    return up if up <= high else round(value - step, 10)
