"""The benchmark's smoke run: 10,000 contacts, one run of every figure, so the bench cannot rot.

It checks that every figure was measured and the report written, never that a target was met:
timings on a shared machine are not a test's business (``make bench`` is where they are read).
"""

import subprocess
import sys
from pathlib import Path

from bench import SUITES
from bench.pages import PAGES, WEIGHT_SLIDERS

ROOT = Path(__file__).resolve().parents[1]
MEASURED = {"pass", "FAIL", "reference"}


def _table(report: str) -> dict[str, str]:
    """The report's rows as figure name → result (the last cell)."""
    rows = [line for line in report.splitlines() if line.startswith("| ") and "---" not in line]
    cells = [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]
    return {row[0]: row[-1] for row in cells}


def test_quick_bench_measures_every_figure_and_writes_the_report(tmp_path):
    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--cache", str(tmp_path / "cache"),
         "--results", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = results.read_text(encoding="utf-8")
    assert "10,000 demo contacts" in report
    assert "cores" in report and "GiB memory" in report and "Measured 20" in report
    table = _table(report)
    unmeasured = {name: result for name, result in table.items() if result not in MEASURED}
    assert not unmeasured
    names = list(table)
    for page in PAGES:
        assert any(name.startswith(f"{page}: cold") for name in names), page
        assert any(name.startswith(f"{page}: warm") for name in names), page
    for page in WEIGHT_SLIDERS:
        assert sum(name.startswith(f"{page}: weight slider") for name in names) == 2, page
    assert sum(name.startswith("startup:") for name in names) == 3
    assert "browser: first load ÷ floor" in names
    assert all(f"browser: {page} {visit} ÷ floor" in names for page in ("Funnel", "Overview")
               for visit in ("first", "later"))  # fmt: skip
    assert {"cli: --help ÷ bare import", "cli: 40-row import ÷ bare import"} <= set(names)
    assert {"baselines", "pages", "fragments", "startup"} <= set(SUITES)
    assert any("bare DuckDB read_csv" in name for name in names)
    assert any("fastexcel" in name for name in names)
    assert any("openpyxl" in name for name in names)
    assert any("peak RSS" in name for name in names)
    assert not (tmp_path / "cache" / "scratch").exists(), "scratch files left behind"
