"""Weight sliders on a real server: the fragment rerun a moved slider triggers.

The sliders live in an ``st.fragment``, so in a browser moving one reruns that fragment only.
AppTest cannot do that (``bench/pages.py`` times the whole script instead); here a websocket
client opens the page, warms it, then sends each slider's new value with the fragment's id,
as the browser does, and times until ``script_finished``: the server's work plus sending the
fragment's elements, without the browser's drawing.

The same client moving the one slider of ``floor_app.py`` (an otherwise empty app) gives
Streamlit's own cost of a fragment rerun on this machine: a reference row, so a reader can tell
what the page adds from what any page would pay.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bench.context import Context
from bench.figures import Figure
from bench.pages import SLIDER_MS, WEIGHT_SLIDERS, one_step, with_moves
from bench.server import Server, ServerError, Session, page_hash, sliders

FLOOR_APP = Path(__file__).resolve().with_name("floor_app.py")
FLOOR_ROUNDS_PER_RUN = 4  # as many moves per run as the partners' four weight sliders


def figures(context: Context) -> Iterator[Figure]:
    """One figure per page with weight sliders, then the empty app's floor."""
    app = context.root / "app.py"
    for page, prefix in WEIGHT_SLIDERS.items():
        name = f"{page}: weight slider → fragment rerun (streamlit server)"
        yield _figure(Figure(name, "ms", SLIDER_MS), context, app, page, prefix, context.runs)
    floor = Figure(
        "streamlit floor: one-slider fragment rerun of an empty app", "ms", None,
        note="the same client and server; what any fragment rerun costs here",
    )  # fmt: skip
    yield _figure(floor, context, FLOOR_APP, None, "w_", context.runs * FLOOR_ROUNDS_PER_RUN)


def _figure(
    figure: Figure, context: Context, script: Path, page: str | None, prefix: str, rounds: int
) -> Figure:
    """``figure`` filled with the slider moves' times, or with the error that stopped them."""
    log = context.scratch / f"{script.stem}-{page or 'main'}-streamlit.log"
    try:
        with Server(script, context.db, log) as server:
            by_key = _moves(server, page, prefix, rounds)
    except (ServerError, OSError) as error:
        figure.error = str(error).splitlines()[0]
        return figure
    return with_moves(figure, by_key)


def _moves(server: Server, page: str | None, prefix: str, rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each slider's fragment reruns over ``rounds`` rounds, by slider key."""
    server.wait_healthy()
    session = Session(server)
    try:
        opened = session.run()
        if page is not None:
            opened = session.run(page_hash=page_hash(opened, page))  # also fills the caches
        found = {key: s for key, s in sliders(opened).items() if key.startswith(prefix)}
        if not found:
            raise ServerError(f"{page or server.url} has no slider keyed {prefix}…")
        if any(not fragment for _, fragment in found.values()):
            raise ServerError(f"{page or server.url}'s sliders are not in a fragment")
        values = {key: slider.default[0] for key, (slider, _) in found.items()}
        by_key: dict[str, list[float]] = {key: [] for key in found}
        for _ in range(rounds):
            for key, (slider, fragment) in found.items():
                values[key] = one_step(values[key], slider.max, slider.step)
                session.set_slider(slider.id, values[key])
                by_key[key].append(session.run(fragment_id=fragment).seconds * 1000)
        return by_key
    finally:
        session.close()
