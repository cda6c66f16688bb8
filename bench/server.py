"""A real ``streamlit run`` of the app, and a minimal client of its websocket protocol.

The client does what the browser's first steps do, without a browser: it asks for a script
run (a ``BackMsg`` with ``rerun_script``) and reads ``ForwardMsg``s until ``script_finished``.
That times what a visitor waits for on the server, including sending the page's elements,
and it can rerun one fragment the way a moved slider does, which AppTest cannot.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect

POLL_SECONDS = 0.05  # between health probes: startup is measured to this resolution
TIMEOUT = 300.0  # seconds: a server or run that takes longer is broken, not slow


class ServerError(RuntimeError):
    """The server exited, did not answer, or a run did not finish."""


def free_port() -> int:
    """A TCP port nobody listens on right now (loopback)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``streamlit run SCRIPT`` on a free loopback port, in its own process group."""

    def __init__(self, script: Path, db: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [
            sys.executable, "-m", "streamlit", "run", script.name, "--server.headless", "true",
            "--server.port", str(self.port), "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        self._output = log.open("w")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=script.parent, env={**os.environ, "REFERRAL_DB": str(db)},
            stdout=self._output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def wait_healthy(self, timeout: float = TIMEOUT) -> float:
        """Seconds from the start until ``/_stcore/health`` answers 200."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"streamlit exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return self.seconds_since_start()
            except OSError:
                time.sleep(POLL_SECONDS)
        raise ServerError(f"streamlit did not answer in {timeout:.0f} s:\n{self.log.read_text()}")

    def fetch_index(self) -> float:
        """Seconds from the start until ``/`` (the app's HTML) has been read in full."""
        with urllib.request.urlopen(f"{self.url}/", timeout=TIMEOUT) as reply:
            reply.read()
        return self.seconds_since_start()

    def seconds_since_start(self) -> float:
        """Seconds since the process was started."""
        return time.perf_counter() - self.started

    def stop(self) -> None:
        """Stop the server's process group (it is ours: started in a new session)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._output.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    messages: list[ForwardMsg] = field(default_factory=list)


class Session:
    """One browser tab's conversation with the server, as protobufs over the websocket."""

    def __init__(self, server: Server) -> None:
        url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        self._ws: ClientConnection = connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=30
        )
        self.query_string = ""
        self.page_hash = ""
        self.widgets: dict[str, WidgetState] = {}  # the states this client has set

    def run(self, *, page_hash: str | None = None, fragment_id: str = "") -> Run:
        """Ask for a run (of one fragment, if given) and wait for its ``script_finished``."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash if page_hash is None else page_hash
        state.fragment_id = fragment_id
        state.widget_states.widgets.extend(self.widgets.values())
        started = time.perf_counter()
        self._ws.send(message.SerializeToString())
        run = Run(0.0)
        deadline = time.monotonic() + TIMEOUT
        while True:
            received = ForwardMsg()
            try:
                received.ParseFromString(self._ws.recv(timeout=deadline - time.monotonic()))
            except TimeoutError as error:
                raise ServerError(f"no script_finished within {TIMEOUT:.0f} s") from error
            run.messages.append(received)
            kind = received.WhichOneof("type")
            if kind == "page_info_changed":
                self.query_string = received.page_info_changed.query_string
            elif kind == "navigation":
                self.page_hash = received.navigation.page_script_hash
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - started
                if received.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise ServerError("the script did not compile")
                _raise_on_exception(run)
                return run

    def set_slider(self, widget_id: str, value: float) -> None:
        """The state a moved slider sends with the next run."""
        state = WidgetState(id=widget_id)
        state.double_array_value.data.append(value)
        self.widgets[widget_id] = state

    def close(self) -> None:
        """Close the websocket (the server ends the session)."""
        self._ws.close()


def _raise_on_exception(run: Run) -> None:
    for message in run.messages:
        if message.WhichOneof("type") != "delta":
            continue
        element = message.delta.new_element
        if element.WhichOneof("type") == "exception":
            raise ServerError(f"the page raised: {element.exception.message}")


def page_hash(run: Run, url_path: str) -> str:
    """The script hash of the page served at ``/url_path``, from a run's navigation."""
    for message in run.messages:
        if message.WhichOneof("type") == "navigation":
            for page in message.navigation.app_pages:
                if page.url_pathname == url_path:
                    return page.page_script_hash
    raise ServerError(f"no page at /{url_path} in the navigation")


def sliders(run: Run) -> dict[str, tuple[object, str]]:
    """The run's sliders: user key → (their Slider proto, the fragment holding them or "")."""
    found = {}
    for message in run.messages:
        if message.WhichOneof("type") != "delta":
            continue
        element = message.delta.new_element
        if element.WhichOneof("type") == "slider":
            key = element.slider.id.rsplit("-", 1)[-1]  # ids end with "-<user key>"
            found[key] = (element.slider, message.delta.fragment_id)
    return found
