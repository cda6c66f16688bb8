"""``python -m referral_analytics ab``: the JSON contract scripts rely on, and plain refusals."""

import json
import subprocess
import sys

import pytest
from statsmodels.stats.proportion import proportions_ztest

from referral_analytics.cli import main

FIELDS = {"name", "n", "events", "rate", "rate_ci", "abs_uplift", "rel_uplift", "diff_ci", "z",
          "p_value", "p_value_adjusted", "fisher_p_value", "prob_beat_control", "expected_loss"}  # fmt: skip


def test_json_document_follows_the_contract_in_a_real_process():
    done = subprocess.run(
        [sys.executable, "-m", "referral_analytics", "ab", "--variant", "A=1000/50",
         "--variant", "B=1000/75", "--planned", "50/50", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert set(document) == {"variants", "srm_p_value", "overall_p_value", "verdict", "messages"}
    control, variant = document["variants"]
    assert set(control) == set(variant) == FIELDS
    assert control["z"] is None and control["prob_beat_control"] is None  # the control's own
    assert variant["p_value"] == pytest.approx(
        proportions_ztest([75, 50], [1000, 1000])[1], abs=1e-9
    )
    assert document["verdict"].startswith("B is better")


def test_undefined_figures_are_null_not_nan(capsys):
    assert main(["ab", "--variant", "A=200/0", "--variant", "B=200/0", "--json"]) == 0
    text = capsys.readouterr().out
    assert "NaN" not in text and "Infinity" not in text
    assert json.loads(text)["variants"][1]["z"] is None


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--variant", "A=10/50", "--variant", "B=10/1"], "more events than sends"),
        (["--variant", "A=10/5"], "at least two variants"),
        (["--variant", "A=10/x", "--variant", "B=10/1"], "NAME=SENDS/EVENTS"),
        (["--variant", "A=-5/1", "--variant", "B=10/1"], "NAME=SENDS/EVENTS"),
        (["--variant", "A=10/1", "--variant", "B=10/1", "--planned", "50/x"], "shares like 50/50"),
        (
            ["--variant", "A=10/1", "--variant", "B=10/1", "--planned", "1/1/1"],
            "one positive share",
        ),
    ],
)
def test_bad_input_exits_non_zero_with_a_plain_message(argv, said, capsys):
    try:
        code = main(["ab", *argv])
    except SystemExit as stop:  # argparse's own refusals
        code = stop.code
    assert code == 2
    err = capsys.readouterr().err
    assert said in err
    assert "Traceback" not in err
