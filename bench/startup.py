"""From ``streamlit run`` to the first page: a fresh server process for every sample.

Three marks per start: the health endpoint answers; ``/`` (the app's HTML) is served; and the
first visitor's Overview has run on the server (a websocket client asks for the run the way
a browser's first tab does and waits for ``script_finished``). The last is what a user waits
for after a restart: Python's imports, the DuckDB connection and every cold query. The issue
sets no target for startup; these are reference rows.
"""

from __future__ import annotations

from collections.abc import Iterator

from bench.context import Context
from bench.figures import Figure
from bench.server import Server, ServerError, Session


def figures(context: Context) -> Iterator[Figure]:
    """Health, ``/`` served and the first page computed, each from the process start."""
    health = Figure("startup: streamlit run → /_stcore/health answers", "s", None)
    index = Figure("startup: streamlit run → / served (app HTML)", "s", None)
    first = Figure(
        "startup: streamlit run → first visitor's Overview computed", "s", None,
        note="websocket client, default filters; includes imports, connection, cold queries",
    )  # fmt: skip
    log = context.scratch / "startup-streamlit.log"
    try:
        for _ in range(context.runs):
            with Server(context.root / "app.py", context.db, log) as server:
                health.samples.append(server.wait_healthy())
                index.samples.append(server.fetch_index())
                session = Session(server)
                try:
                    session.run()
                finally:
                    session.close()
                first.samples.append(server.seconds_since_start())
    except (ServerError, OSError) as error:
        for figure in (health, index, first):
            figure.error = str(error).splitlines()[0]
    yield from (health, index, first)
