"""A real ``streamlit run`` on a free port, and Debian's Chromium driven by Playwright.

Playwright cannot download its own browser here, so it launches /usr/bin/chromium. Waits use
``expect(...)``, never sleep; on a failure the server's output is printed with the report.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import build_demo_db

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# A cold server's first page computes every figure; on a busy 2-core machine that can take
# longer than Playwright's 5 s default. Waits still end the moment the page is ready.
expect.set_options(timeout=30_000)
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running ``streamlit run app.py`` and where its output goes."""

    def __init__(self, db_path: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, "REFERRAL_DB": str(db_path), **(env or {})}
        command = [
            sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        self._output = log.open("w")
        self.process = subprocess.Popen(
            command, env=env, stdout=self._output, stderr=subprocess.STDOUT
        )

    def wait_healthy(self, timeout: float = 60) -> None:
        """Poll the health endpoint until it answers (bounded, on loopback only)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)  # polling a socket, not waiting on the UI
        raise RuntimeError(f"streamlit did not answer in {timeout}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._output.close()


@contextmanager
def serving(db_path: Path, log: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """``streamlit run`` on ``db_path``, healthy, for the ``with`` block; stopped after."""
    running = Server(db_path, log, env)
    try:
        running.wait_healthy()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on its own demo database, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("e2e")
    with serving(build_demo_db(folder / "e2e.duckdb"), folder / "streamlit.log") as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright; skipped only outside CI when it is not installed."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not installed at {CHROMIUM}: .ci/run must install it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: Server, request: pytest.FixtureRequest):
    """A fresh page; on failure, the server's log is attached to the report."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}-failure.png"), full_page=True)
        print(f"--- streamlit output ---\n{server.log.read_text()}")  # noqa: T201 (shown with the failure)
    context.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can see a failure."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
