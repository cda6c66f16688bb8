"""The report: one table on the terminal, and the same in ``bench/RESULTS.md`` with the machine."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench.figures import Figure

COLUMNS = ("figure", "median", "min", "max", "target", "result")
PACKAGES = ("duckdb", "streamlit", "pandas", "pyarrow", "fastexcel", "openpyxl")
FORMATS = {"ms": "{:,.0f} ms", "s": "{:,.2f} s", "MB": "{:,.0f} MB", "×": "{:.2f}×"}


def show(value: float | None, unit: str) -> str:
    """A value with its unit, or "—" when there is none."""
    if value is None:
        return "—"
    return FORMATS.get(unit, "{:.3g} " + unit).format(value)


def rows(figures: list[Figure]) -> list[tuple[str, ...]]:
    """The table's cells, one tuple per figure."""
    return [
        (
            f.name,
            show(f.median, f.unit),
            show(f.low, f.unit),
            show(f.high, f.unit),
            "—" if f.target is None else "≤ " + show(f.target, f.unit),
            f.verdict(),
        )
        for f in figures
    ]


def notes(figures: list[Figure]) -> list[str]:
    """What a row needs said beside it: why it was not measured, or what it measured."""
    return [f"{f.name}: {f.error or f.note}" for f in figures if f.error or f.note]


def table(figures: list[Figure]) -> str:
    """The plain-text table for the terminal (numbers right-aligned)."""
    cells = [COLUMNS, *rows(figures)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(cells):
        first = row[0].ljust(widths[0])
        rest = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest]))
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown(
    figures: list[Figure], *, command: str, runs: int, started: datetime, data: str
) -> str:
    """RESULTS.md: when, on what, with what data, then the table and its notes."""
    lines = [
        "# Benchmark results",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC by `{command}` at {_revision()}.",
        "",
        f"Machine: {machine()}.",
        "",
        f"Software: {software()}.",
        "",
        f"Data: {data}.",
        "",
        f"Each figure is the median of {runs} run(s) unless its note says otherwise, with the"
        " fastest and slowest beside it. Ratios pair the two timings of the same run.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|---|" + "---:|" * 4 + "---|",
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in rows(figures)]  # fmt: skip
    if found := notes(figures):
        lines += ["", "Notes:", "", *(f"- {note}" for note in found)]
    return "\n".join(lines) + "\n"


def write(path: Path, text: str) -> None:
    """Write the report, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def now() -> datetime:
    """The time the run started, in UTC."""
    return datetime.now(UTC)


def machine() -> str:
    """Cores, memory, CPU model and OS: what the figures depend on."""
    cores = os.cpu_count() or 0
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    usable = f" ({available} usable)" if available != cores else ""
    return (
        f"{cores} cores{usable}, {_memory_gib():.1f} GiB memory, {_cpu_model()}, "
        f"{platform.system()} {platform.release()}"
    )


def software() -> str:
    """Python's version and the packages the figures depend on."""
    found = [f"Python {platform.python_version()}"]
    for name in PACKAGES:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _revision() -> str:
    """The commit measured, and whether the tree had uncommitted changes."""
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
            check=True, timeout=10,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "an unknown revision (no git)"
    return f"commit {commit}" + (" with uncommitted changes" if dirty else "")
