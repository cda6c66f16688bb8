"""``ab``: the A/B/n calculator for counts from any e-mail tool, for scripts.

``ab --variant A=SENDS/EVENTS --variant B=SENDS/EVENTS [--planned 50/50] [--alpha 0.05] --json``;
the first variant is the control. Bad input exits 2 with a plain message.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from referral_analytics.commands.common import dumps

if TYPE_CHECKING:
    from referral_analytics.experiments import Arm

VARIANT = re.compile(r"^(?P<name>[^=]+)=(?P<n>\d+)/(?P<events>\d+)$")


def _variant(text: str) -> Arm:
    from referral_analytics.experiments import Arm  # scipy: imported by this command alone

    match = VARIANT.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(
            f"expected NAME=SENDS/EVENTS, e.g. B=1000/62, not {text!r}"
        )
    try:
        return Arm(match["name"].strip(), int(match["n"]), int(match["events"]))
    except ValueError as error:  # events > sends: argparse shows our words, not its own
        raise argparse.ArgumentTypeError(str(error)) from None


def _split(text: str) -> list[float]:
    try:
        shares = [float(part) for part in text.split("/")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected shares like 50/50 or 1/1/2, not {text!r}"
        ) from None
    return shares


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ab`` command."""
    p = subparsers.add_parser("ab", help="A/B/n test results from sends and events")
    p.add_argument(
        "--variant", action="append", type=_variant, required=True, metavar="NAME=SENDS/EVENTS",
        help="one per variant; the first is the control",
    )  # fmt: skip
    p.add_argument(
        "--planned", type=_split, metavar="50/50", help="the planned split (default: equal)"
    )
    p.add_argument("--alpha", type=float, default=0.05, help="significance level (default 0.05)")
    p.add_argument("--planned-sends", type=int, metavar="N", help="planned sends per variant")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Analyse and print; ValueError (bad counts, one variant) becomes exit 2 in the CLI."""
    from referral_analytics import formatting
    from referral_analytics.experiments import analyse_binary, to_json_dict

    result = analyse_binary(
        args.variant, planned=args.planned, alpha=args.alpha, planned_n=args.planned_sends
    )
    if args.json:
        print(dumps(to_json_dict(result)))
        return 0
    for line in result.messages:
        print(f"! {line}")
    print(
        f"{'variant':12} {'sends':>9} {'events':>7} {'rate':>8} {'uplift':>9} {'p':>8} {'beat':>6}"
    )
    for v in result.variants:
        uplift = "" if v.abs_uplift is None else f"{v.abs_uplift * 100:+.2f} pt"
        p = "" if v.p_value_adjusted is None else f"{v.p_value_adjusted:.3g}"
        beat = "" if v.prob_beat_control is None else f"{v.prob_beat_control:.0%}"
        rate = formatting.percent(None if v.rate is None else v.rate * 100, decimals=2)
        print(f"{v.name:12} {v.n:>9,} {v.events:>7,} {rate:>8} {uplift:>9} {p:>8} {beat:>6}")
    print(result.verdict)
    return 0
