"""KPI formulas from domain.md ("Formulas"), as pure functions.

A rate whose denominator is zero is undefined and returned as ``None``: the pages show "—"
instead of a misleading 0 %, and the JSON output says ``null``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def percent(part: float, whole: float) -> float | None:
    """``part ÷ whole × 100``, or ``None`` when ``whole`` is zero."""
    return None if not whole else part / whole * 100


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator ÷ denominator``, or ``None`` when the denominator is zero."""
    return None if not denominator else numerator / denominator


def referral_rate(referrals_received: int, total_contacts: int) -> float | None:
    """Referral rate (001 §3.1): referrals received ÷ total contacts × 100, in a period."""
    return percent(referrals_received, total_contacts)


def referral_conversion_rate(clients_from_referrals: int, total_referrals: int) -> float | None:
    """Conversion rate, referrals (001 §3.1): clients acquired ÷ total referrals × 100."""
    return percent(clients_from_referrals, total_referrals)


def lead_conversion_rate(converted: int, leads: int) -> float | None:
    """Conversion rate, leads (000 §5.5.1, 003 §4.1): converted ÷ total leads × 100."""
    return percent(converted, leads)


def cost_per_acquisition(marketing_expenses: float, customers: int) -> float | None:
    """Cost per acquisition (000 §5.5.1): total marketing expenses ÷ customers acquired."""
    return ratio(marketing_expenses, customers)


def referral_acquisition_cost(program_cost: float, new_customers: int) -> float | None:
    """Customer acquisition cost of the referral program (001 §3.1): cost ÷ new customers."""
    return ratio(program_cost, new_customers)


def average_customer_value(revenues: Iterable[float]) -> float | None:
    """Average customer value (001 §3.1): mean revenue per new customer from referrals."""
    values = list(revenues)
    return ratio(sum(values), len(values))


def cltv_purchase(avg_purchase_value: float, purchase_frequency: float, lifespan: float) -> float:
    """CLTV, purchase form (000 §5.5.1): purchase value × frequency × customer lifespan."""
    return avg_purchase_value * purchase_frequency * lifespan


def clv_value_matrix(
    annual_revenue: float,
    lifespan_years: float,
    acquisition_cost: float,
    annual_service_cost: float,
) -> float:
    """CLV, value-matrix form (003 §1.1), as written in the seed.

    (annual revenue × lifespan) − (acquisition cost + annual service cost): the seed does not
    multiply the service cost by the lifespan, and domain.md keeps it so.
    """
    return annual_revenue * lifespan_years - (acquisition_cost + annual_service_cost)


def net_promoter_score(promoters: int, detractors: int, responses: int) -> float | None:
    """Net Promoter Score (001 §3.1, 003 §4.1): % promoters (9–10) − % detractors (0–6)."""
    if not responses:
        return None
    return (promoters - detractors) / responses * 100


def nps_from_scores(scores: Iterable[int]) -> float | None:
    """NPS from raw 0–10 answers, on the standard scale."""
    values = list(scores)
    if any(not 0 <= s <= 10 for s in values):
        raise ValueError("NPS answers lie between 0 and 10")
    return net_promoter_score(sum(s >= 9 for s in values), sum(s <= 6 for s in values), len(values))


def retention_rate(
    customers_at_start: int, customers_at_end: int, new_customers: int
) -> float | None:
    """Customer retention rate (003 §4.1), standard form: (end − new) ÷ start × 100."""
    return percent(customers_at_end - new_customers, customers_at_start)


def reward_roi(referral_revenue: float, reward_cost: float) -> float | None:
    """Reward ROI (domain.md, derived measures): (revenue − reward cost) ÷ reward cost × 100."""
    return percent(referral_revenue - reward_cost, reward_cost)


def relative_change(current: float | None, previous: float | None) -> float | None:
    """Change of a figure against the previous period, in % of the previous value."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous) * 100


@dataclass(frozen=True)
class OverviewKpis:
    """The Overview's figures for one period; ``None`` where a figure is undefined."""

    contacts: int
    referrals_received: int
    referral_rate: float | None
    referral_conversion_rate: float | None
    referral_revenue: float
    reward_cost: float
    reward_roi: float | None
    nps: float | None
    median_hours_to_first_contact: float | None
    share_contacted_within_24h: float | None


def overview_kpis(counts: Mapping[str, float]) -> OverviewKpis:
    """The Overview's figures from the raw counts of ``sql/overview_kpis.sql``."""
    received = int(counts["referrals_received"])
    median_hours = counts["median_hours_to_first_contact"]
    return OverviewKpis(
        contacts=int(counts["contacts"]),
        referrals_received=received,
        referral_rate=referral_rate(received, int(counts["contacts"])),
        referral_conversion_rate=referral_conversion_rate(
            int(counts["referrals_converted"]), received
        ),
        referral_revenue=float(counts["referral_revenue"]),
        reward_cost=float(counts["reward_cost"]),
        reward_roi=reward_roi(float(counts["referral_revenue"]), float(counts["reward_cost"])),
        nps=net_promoter_score(
            int(counts["promoters"]), int(counts["detractors"]), int(counts["nps_responses"])
        ),
        median_hours_to_first_contact=(
            None if median_hours is None or math.isnan(median_hours) else float(median_hours)
        ),
        share_contacted_within_24h=percent(int(counts["contacted_within_24h"]), received),
    )
