"""Peak memory (RSS) of one call, measured in a fresh child process.

The bench process itself has held a million-row database and Streamlit's caches by the time
this runs, so its own peak says nothing. A spawned child starts from a bare interpreter, imports
what the call needs, runs it, and reports its own high-water mark (``ru_maxrss``, the kernel's
VmHWM), so the figure is what a command-line import would need on its own, imports included.

Usage (the callable must be importable: a module-level function, picklable arguments)::

    peak_rss_mb(pipeline_import, csv_path, db_path)
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection

START_METHOD = "spawn"  # not fork: a forked child would start with the bench's memory mapped
KIB_PER_UNIT = 1 / 1024 if sys.platform == "darwin" else 1  # ru_maxrss: bytes on macOS, KiB here


def _peak_kib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB_PER_UNIT


def _child(reply: Connection, function: Callable[..., object], args: tuple) -> None:
    """In the child: the baseline after imports, the call, then the high-water mark."""
    try:
        before = _peak_kib()
        function(*args)
        reply.send(("ok", before, _peak_kib()))
    except BaseException as error:  # the parent reports it; a child must not hang it
        reply.send(("error", f"{type(error).__name__}: {error}", 0))
    finally:
        reply.close()


def peak_rss(
    function: Callable[..., object], *args: object, timeout: float = 900
) -> tuple[float, float]:
    """(peak RSS, RSS high-water before the call), in MB, of ``function(*args)`` in a new process.

    Raises RuntimeError with the child's error when the call failed or the child died.
    """
    context = multiprocessing.get_context(START_METHOD)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, function, args), daemon=True)
    child.start()
    send.close()  # so a child that dies without replying shows up as EOF, not a hang
    try:
        if not receive.poll(timeout):
            raise RuntimeError(f"no answer from the child within {timeout:.0f} s")
        status, first, second = receive.recv()
    except EOFError as error:
        raise RuntimeError(f"the child died (exit code {child.exitcode})") from error
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
            child.join()
        receive.close()
    if status != "ok":
        raise RuntimeError(first)
    return second / 1024, first / 1024


def peak_rss_mb(function: Callable[..., object], *args: object) -> float:
    """Just the peak RSS in MB of ``function(*args)`` run in a fresh process."""
    return peak_rss(function, *args)[0]
