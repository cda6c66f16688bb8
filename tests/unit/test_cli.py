"""``python -m referral_analytics``: demo and kpis, as scripts call them."""

import json
import subprocess
import sys
from datetime import date

import pytest

from referral_analytics import db
from referral_analytics.cli import main
from referral_analytics.filters import Filters
from referral_analytics.overview import kpis_for


def test_demo_then_kpis_json_in_real_processes(tmp_path):
    path = tmp_path / "cli.duckdb"
    run = [sys.executable, "-m", "referral_analytics"]
    made = subprocess.run([*run, "demo", "--db", str(path), "--contacts", "800", "--end", "2026-11-22"],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "800 contacts" in made.stdout
    asked = subprocess.run(
        [*run, "kpis", "--db", str(path), "--from", "2026-01-01", "--to", "2026-06-30", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert asked.returncode == 0, asked.stderr
    document = json.loads(asked.stdout)
    assert document["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
    con = db.connect(path)
    expected = kpis_for(con, Filters(date(2026, 1, 1), date(2026, 6, 30)))
    assert document["kpis"]["referrals_received"] == expected.referrals_received
    assert document["kpis"]["nps"] == pytest.approx(expected.nps)
    assert set(document) >= {"kpis", "previous", "change_percent", "previous_period"}


def test_demo_refuses_to_mix_into_existing_data_unless_told(tmp_path, capsys):
    path = str(tmp_path / "twice.duckdb")
    assert main(["demo", "--db", path, "--contacts", "200", "--end", "2026-11-22"]) == 0
    assert main(["demo", "--db", path, "--contacts", "200"]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["demo", "--db", path, "--if-empty"]) == 0
    assert main(["demo", "--db", path, "--contacts", "300", "--replace"]) == 0
    con = db.connect(path)
    assert con.execute("select count(*) from contacts").fetchall()[0][0] == 300
    assert con.execute("select count(*) from imports").fetchall()[0][0] == 1


def test_db_defaults_to_the_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "from-env.duckdb"
    monkeypatch.setenv("REFERRAL_DB", str(path))
    assert main(["demo", "--contacts", "150", "--end", "2026-11-22"]) == 0
    assert path.exists()


def test_kpis_on_an_empty_database_prints_nulls_not_nan(tmp_path, capsys):
    assert main(["kpis", "--db", str(tmp_path / "empty.duckdb"), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["kpis"]["referral_rate"] is None
    assert document["kpis"]["median_hours_to_first_contact"] is None


def test_a_bad_date_is_a_plain_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["kpis", "--from", "31/12/2026"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err
