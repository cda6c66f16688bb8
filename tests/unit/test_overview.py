"""The Overview's query and report on a store small enough to count on paper."""

from datetime import date

import pytest

from referral_analytics import db
from referral_analytics.filters import Filters
from referral_analytics.overview import kpis_for, overview_report
from referral_analytics.queries import referrals_monthly

MARCH = Filters(date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def store(con):
    """Five contacts, five referrals, three rewards and four NPS answers (see each comment)."""
    with db.transaction(con) as cur:
        cur.execute("""
            insert into contacts (contact_id, agent, source_group, created_at) values
            ('C1', 'Sara', 'Colleagues', '2025-06-01'),
            ('C2', 'Sara', 'Past clients', '2026-01-10'),
            ('C3', 'Omar', 'Colleagues', '2026-03-05'),
            ('C4', 'Omar', 'Past clients', '2026-03-31 23:59'),
            ('C5', 'Omar', 'Colleagues', '2026-04-01')   -- after March: not counted
        """)
        cur.execute("""
            insert into referrals (referral_id, agent, source_group, received_at, first_contact_at,
                                   closed_at, status, commission) values
            -- received in March, contacted after 2 h, closed in March: 9,000 commission
            ('R1', 'Sara', 'Colleagues', '2026-03-02 10:00', '2026-03-02 12:00', '2026-03-20', 'closed', 9000),
            -- received in March, contacted after 30 h (misses the 24-hour rule), still open
            ('R2', 'Omar', 'Past clients', '2026-03-10 08:00', '2026-03-11 14:00', null, 'open', null),
            -- received in March, never contacted, lost
            ('R3', 'Omar', 'Colleagues', '2026-03-31 22:00', null, null, 'lost', null),
            -- received in February but closed in March: revenue counts, the cohort does not
            ('R4', 'Sara', 'Past clients', '2026-02-15', '2026-02-15 01:00', '2026-03-15', 'closed', 6000),
            -- received in April: outside
            ('R5', 'Sara', 'Colleagues', '2026-04-01 00:00', '2026-04-01 01:00', null, 'open', null)
        """)
        cur.execute("""
            insert into rewards (reward_id, referral_id, agent, amount, paid_at) values
            ('W1', 'R1', 'Sara', 1000, '2026-03-25'),
            ('W2', 'R4', 'Sara', 500, '2026-03-16'),
            ('W3', 'R4', 'Sara', 700, '2026-02-20')    -- paid in February
        """)
        cur.execute("""
            insert into nps_responses (response_id, contact_id, agent, answered_at, score) values
            ('N1', 'C1', 'Sara', '2026-03-03', 10), ('N2', 'C2', 'Sara', '2026-03-04', 9),
            ('N3', 'C3', 'Omar', '2026-03-05', 3),  ('N4', 'C4', 'Omar', '2026-03-06', 8)
        """)
    return con


def test_march_figures_count_what_belongs_to_march(store):
    kpis = kpis_for(store, MARCH)
    assert kpis.contacts == 4  # C1–C4 exist by 31 March
    assert kpis.referrals_received == 3  # R1, R2, R3
    assert kpis.referral_rate == pytest.approx(75.0)  # 3 / 4
    assert kpis.referral_conversion_rate == pytest.approx(100 / 3)  # R1 of R1–R3 closed
    assert kpis.referral_revenue == pytest.approx(15_000)  # R1 + R4 closed in March
    assert kpis.reward_cost == pytest.approx(1_500)  # W1 + W2
    assert kpis.reward_roi == pytest.approx(900.0)  # (15,000 − 1,500) / 1,500
    assert kpis.nps == pytest.approx(25.0)  # 2 promoters, 1 detractor of 4
    assert kpis.median_hours_to_first_contact == pytest.approx(16.0)  # median of 2 h and 30 h
    assert kpis.share_contacted_within_24h == pytest.approx(100 / 3)  # R1 only, of 3


def test_agent_filter_keeps_only_that_agents_rows(store):
    kpis = kpis_for(store, Filters(MARCH.start, MARCH.end, agents=("Omar",)))
    assert kpis.contacts == 2  # C3, C4
    assert kpis.referrals_received == 2  # R2, R3
    assert kpis.referral_revenue == 0
    assert kpis.reward_cost == 0
    assert kpis.reward_roi is None
    assert kpis.nps == pytest.approx(-50.0)  # one detractor, one passive


def test_source_group_filter_applies_to_contacts_referrals_rewards_and_nps(store):
    kpis = kpis_for(store, Filters(MARCH.start, MARCH.end, source_groups=("Past clients",)))
    assert kpis.contacts == 2  # C2, C4
    assert kpis.referrals_received == 1  # R2
    assert kpis.referral_revenue == pytest.approx(6_000)  # R4
    assert kpis.reward_cost == pytest.approx(500)  # W2 (for R4)
    assert kpis.nps == pytest.approx(50.0)  # N2 promoter, N4 passive


def test_previous_period_is_february_for_march(store):
    report = overview_report(store, MARCH)
    assert report.previous.referrals_received == 1  # R4, 15 February
    assert report.previous.reward_cost == pytest.approx(700)
    assert report.change()["referrals_received"] == pytest.approx(200.0)  # 1 → 3


def test_empty_store_gives_zeros_and_undefined_rates(con):
    kpis = kpis_for(con, MARCH)
    assert (kpis.contacts, kpis.referrals_received) == (0, 0)
    assert kpis.referral_rate is None
    assert kpis.nps is None


def test_monthly_series_has_every_month_of_the_period_even_without_referrals(store):
    months = referrals_monthly(store, Filters(date(2026, 2, 1), date(2026, 4, 30)))
    assert months["received"].tolist() == [1, 3, 1]
    assert months["closed"].tolist() == [0, 2, 0]
    assert [m.month for m in months["month"]] == [2, 3, 4]


def test_report_as_dict_is_json_ready(store):
    document = overview_report(store, MARCH).as_dict()
    assert document["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    assert document["previous_period"] == {"from": "2026-01-29", "to": "2026-02-28"}
    assert document["kpis"]["referrals_received"] == 3
