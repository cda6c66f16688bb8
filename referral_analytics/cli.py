"""``python -m referral_analytics``: the library's commands for scripts, without Streamlit.

Each subcommand lives in ``referral_analytics/commands/<name>.py`` with ``register`` (adds its
parser) and ``run`` (returns the exit code). A problem a user can cause is a plain message on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from referral_analytics import __version__
from referral_analytics.db import StoreBusy

COMMANDS = ("demo", "kpis", "ab", "import_files")


def parser() -> argparse.ArgumentParser:
    """The top-level parser with every available subcommand."""
    top = argparse.ArgumentParser(
        prog="python -m referral_analytics",
        description="Referral Analytics: measure a real-estate team's referral system.",
    )
    top.add_argument("--version", action="version", version=__version__)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"referral_analytics.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"referral_analytics.commands.{name}":
                raise
            continue  # a command still being built is simply not offered
        module.register(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns its exit code."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreBusy as error:
        print(str(error), file=sys.stderr)
        return 3
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
