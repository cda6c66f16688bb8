"""The Overview's figures for a period and the one before it: queries plus formulas.

Shared by the Overview page and ``python -m referral_analytics kpis``, so both say the same.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import duckdb

from referral_analytics import metrics, queries
from referral_analytics.filters import Filters
from referral_analytics.metrics import OverviewKpis


@dataclass(frozen=True)
class OverviewReport:
    """Figures for ``filters``' period and for the equally long period before it."""

    filters: Filters
    current: OverviewKpis
    previous: OverviewKpis

    def change(self) -> dict[str, float | None]:
        """Each figure's change against the previous period, in % of the previous value."""
        return {
            f.name: metrics.relative_change(
                getattr(self.current, f.name), getattr(self.previous, f.name)
            )
            for f in fields(OverviewKpis)
        }

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready document (the ``kpis --json`` output)."""
        previous = self.filters.previous()
        return {
            "period": {"from": self.filters.start.isoformat(), "to": self.filters.end.isoformat()},
            "previous_period": {"from": previous.start.isoformat(), "to": previous.end.isoformat()},
            "agents": list(self.filters.agents),
            "source_groups": list(self.filters.source_groups),
            "kpis": asdict(self.current),
            "previous": asdict(self.previous),
            "change_percent": self.change(),
        }


def kpis_for(con: duckdb.DuckDBPyConnection, filters: Filters) -> OverviewKpis:
    """The Overview's figures for one period."""
    return metrics.overview_kpis(queries.overview_kpis(con, filters).iloc[0].to_dict())


def overview_report(con: duckdb.DuckDBPyConnection, filters: Filters) -> OverviewReport:
    """Figures for the period and the previous one of equal length."""
    return OverviewReport(filters, kpis_for(con, filters), kpis_for(con, filters.previous()))
