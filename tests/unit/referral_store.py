"""A tiny store, written by hand, whose funnel and sources can be counted on paper.

The period under test is Q1 2026 (``PERIOD``). Ten referrals R01–R10 arrive in it; R11 arrived
before it and R12 after it. The latest event in the store is R12's arrival, 1 Apr 2026 06:00:
the data's end, against which "24 hours have passed" and "window elapsed" are judged.

    id   agent   channel   group        received      1st contact  appt  contract  outcome
    R01  Sara    Phone     Friends      5 Jan 10:00   +2 h         +3 d  +10 d     closed +10 d
    R02  Sara    Phone     Friends      10 Jan 09:00  +30 h        +5 d  +20 d     closed +40 d
    R03  Omar    Email     Colleagues   15 Jan 12:00  +1 h         +2 d  +8 d      lost (Financing)
    R04  Omar    Email     Colleagues   1 Feb 08:00   +5 h         +4 d  –         open
    R05  Omar    Phone     Past clients 3 Feb 08:00   +48 h        –     –         lost (Unresponsive)
    R06  Lina    Text      Past clients 10 Feb 08:00  –            –     –         lost (Unreachable)
    R07  Lina    Text      Friends      20 Feb 08:00  +10 h        +6 d  –         lost (no reason)
    R08  Sara    In person Past clients 1 Mar 08:00   +3 h         +1 d  +12 d     closed +15 d
    R09  Khalid  Phone     Friends      20 Mar 08:00  +20 h        –     –         open
    R10  Khalid  Email     Colleagues   31 Mar 20:00  –            –     –         open (10 h old)

Who referred whom: CA (not referred) sent R01, R02, R05 (and R11); CB sent R03, R04; CC sent
R06, R07. R01 brought in C01, who sent R08; R08 brought in C08, who sent R10; R03 brought in
C03, who sent R09; R02 brought in C02, who sent R12 (after the period).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb

from referral_analytics.filters import Filters

PERIOD = Filters(date(2026, 1, 1), date(2026, 3, 31))
SARA, OMAR, LINA, KHALID = "Sara Al-Qahtani", "Omar Haddad", "Lina Mansour", "Khalid Al-Otaibi"
FRIENDS, COLLEAGUES, PAST = "Friends & family", "Colleagues", "Past clients"
H, D = timedelta(hours=1), timedelta(days=1)


def at(text: str) -> datetime:
    """A timestamp written as 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text)


def _pipeline(received: datetime, *steps: timedelta | None) -> list[datetime | None]:
    """first contact, appointment, contract, closed: each step's delay after the one before."""
    out, current = [], received
    for delay in (*steps, *[None] * (4 - len(steps))):
        current = None if delay is None or current is None else current + delay
        out.append(current)
    return out


def referral_rows() -> list[tuple]:
    """(referral_id, referrer, referred, agent, channel, group, received, first contact,
    appointment, contract, closed, lost_at, status, lost_reason, commission)."""
    rows = [
        ("R01", "CA", "C01", SARA, "Phone call", FRIENDS, at("2026-01-05 10:00"), (2 * H, 3 * D, 10 * D, 10 * D), None, "closed", None, 30_000),
        ("R02", "CA", "C02", SARA, "Phone call", FRIENDS, at("2026-01-10 09:00"), (30 * H, 5 * D, 20 * D, 40 * D), None, "closed", None, 20_000),
        ("R03", "CB", "C03", OMAR, "Email", COLLEAGUES, at("2026-01-15 12:00"), (1 * H, 2 * D, 8 * D), 5 * D, "lost", "Financing fell through", None),
        ("R04", "CB", "C04", OMAR, "Email", COLLEAGUES, at("2026-02-01 08:00"), (5 * H, 4 * D), None, "open", None, None),
        ("R05", "CA", "C05", OMAR, "Phone call", PAST, at("2026-02-03 08:00"), (48 * H,), 5 * D, "lost", "Unresponsive", None),
        ("R06", "CC", "C06", LINA, "Text message", PAST, at("2026-02-10 08:00"), (), 10 * D, "lost", "Unreachable", None),
        ("R07", "CC", "C07", LINA, "Text message", FRIENDS, at("2026-02-20 08:00"), (10 * H, 6 * D), 2 * D, "lost", None, None),
        ("R08", "C01", "C08", SARA, "In person", PAST, at("2026-03-01 08:00"), (3 * H, 1 * D, 12 * D, 15 * D), None, "closed", None, 10_000),
        ("R09", "C03", "C09", KHALID, "Phone call", FRIENDS, at("2026-03-20 08:00"), (20 * H,), None, "open", None, None),
        ("R10", "C08", "C10", KHALID, "Email", COLLEAGUES, at("2026-03-31 20:00"), (), None, "open", None, None),
        ("R11", "CA", "C11", SARA, "Phone call", FRIENDS, at("2025-12-20 10:00"), (1 * H,), None, "open", None, None),
        ("R12", "C02", "C12", SARA, "Phone call", FRIENDS, at("2026-04-01 06:00"), (), None, "open", None, None),
    ]  # fmt: skip
    out = []
    for (
        rid,
        referrer,
        referred,
        agent,
        channel,
        group,
        received,
        steps,
        lost_after,
        status,
        reason,
        commission,
    ) in rows:
        stamps = _pipeline(received, *steps)
        last = max([received, *(s for s in stamps if s)])
        lost_at = last + lost_after if lost_after else None
        out.append(
            (
                rid,
                referrer,
                referred,
                agent,
                channel,
                group,
                received,
                *stamps,
                lost_at,
                status,
                reason,
                commission,
            )
        )
    return out


CONTACTS = [  # (contact_id, full_name, agent, category, source_group)
    ("CA", "Amal Referrer", SARA, "Advocate", FRIENDS),
    ("CB", "Badr Referrer", OMAR, "Core Advocate", COLLEAGUES),
    ("CC", "Chadi Referrer", SARA, "Advocate", PAST),
    ("C01", "Client One", SARA, "Advocate", FRIENDS),
    ("C02", "Client Two", SARA, "Advocate", FRIENDS),
    ("C03", "Contact Three", OMAR, "Network", FRIENDS),
    ("C04", "Contact Four", OMAR, "Network", FRIENDS),
    ("C05", "Contact Five", OMAR, "Target Group", FRIENDS),
    ("C06", "Contact Six", SARA, "Target Group", FRIENDS),
    ("C07", "Contact Seven", SARA, "Network", FRIENDS),
    ("C08", "Client Eight", SARA, "Core Advocate", FRIENDS),
    ("C09", "Contact Nine", SARA, "Network", FRIENDS),
    ("C10", '=HYPERLINK("x")', SARA, "General Public", FRIENDS),
    ("C11", "Contact Eleven", SARA, "Network", FRIENDS),
    ("C12", "Contact Twelve", SARA, "General Public", FRIENDS),
    ("C20", "Portal Client", SARA, "Advocate", PAST),
    ("C21", "Portal Lead", SARA, "General Public", FRIENDS),
    ("C22", "Portal Open", SARA, "Target Group", FRIENDS),
    ("C23", "Web Lead", SARA, "General Public", FRIENDS),
    ("C24", "Web Client", SARA, "Advocate", PAST),
    ("C25", "Sign Client", SARA, "Advocate", FRIENDS),
    ("C30", "Old Client", SARA, "Advocate", "Organisations"),
    ("C40", "Odd Category", SARA, "VIP", FRIENDS),
    ("C41", "No Category", SARA, None, FRIENDS),
]
OTHER_DEALS = [  # (deal_id, contact, source, status, created, closed)
    ("P1", "C20", "Portal", "won", at("2026-01-20 10:00"), at("2026-02-15 10:00")),
    ("P2", "C21", "Portal", "lost", at("2026-02-01 10:00"), at("2026-02-20 10:00")),
    ("P3", "C22", "Portal", "open", at("2026-03-01 10:00"), None),
    ("W1", "C23", "Website", "lost", at("2026-01-15 10:00"), at("2026-02-01 10:00")),
    ("W2", "C24", "Website", "won", at("2025-12-01 10:00"), at("2026-01-10 10:00")),
    ("S1", "C25", "Sign call", "won", at("2026-02-05 10:00"), at("2026-03-01 10:00")),
    ("OLD1", "C30", "Website", "won", at("2025-05-01 10:00"), at("2025-06-01 10:00")),
    ("OLD2", "C20", "Website", "won", at("2024-12-01 10:00"), at("2025-01-01 10:00")),
]
REWARDS = [  # (reward_id, referral_id, referrer_id, amount, paid_at)
    ("W01", "R01", "CA", 500, at("2026-02-01 10:00")),
    ("W02", "R02", "CA", 300, at("2026-03-20 10:00")),
    ("W03", "R02", "CA", 200, None),
    ("W04", "R11", "CA", 999, at("2026-01-05 10:00")),
    ("W05", "R08", "C01", 100, at("2026-03-30 10:00")),
]
COSTS = [  # (month, channel, category, agent, amount)
    *[(date(2026, m, 1), "Referral program", "referral_program", SARA, 300) for m in (1, 2, 3)],
    (date(2025, 12, 1), "Referral program", "referral_program", SARA, 300),
    *[(date(2026, m, 1), "Property portal", "marketing", OMAR, 600) for m in (1, 2, 3)],
    (date(2026, 4, 1), "Property portal", "marketing", OMAR, 600),
    (date(2026, 1, 1), "Online ads", "marketing", SARA, 310),
    (date(2026, 2, 1), "Direct mail", "marketing", SARA, 280),
]
SENDS = [  # (send_id, contact, agent, sent, replied, referrals generated)
    ("E1", "C01", SARA, at("2026-02-05 10:00"), at("2026-02-06 10:00"), 1),  # 8 days after closing
    ("E2", "C02", SARA, at("2026-03-20 10:00"), None, 0),  # 3 days
    ("E3", "C20", SARA, at("2026-03-10 10:00"), at("2026-03-11 10:00"), 2),  # 23 days (not OLD2)
    ("E4", "C24", SARA, at("2026-03-25 10:00"), None, 0),  # 74 days
    ("E5", "C25", SARA, at("2026-02-20 10:00"), at("2026-02-21 10:00"), 3),  # before closing
    ("E6", "CA", SARA, at("2026-02-20 10:00"), at("2026-02-21 10:00"), 4),  # never a client
    ("E7", "C30", SARA, at("2026-02-01 10:00"), at("2026-02-02 10:00"), 1),  # 245 days
    ("E8", "C01", SARA, at("2026-04-05 10:00"), None, 0),  # after the period
]


def fill(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Write the tiny store into an empty schema; returns the connection."""
    con.executemany(
        "insert into referrals (referral_id, referrer_id, referred_id, agent, channel, source_group,"
        " received_at, first_contact_at, appointment_at, contract_at, closed_at, lost_at, status,"
        " lost_reason, commission) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        referral_rows(),
    )
    con.executemany(
        "insert into contacts (contact_id, full_name, agent, category, source_group, created_at)"
        " values (?, ?, ?, ?, ?, timestamp '2025-01-01')",
        CONTACTS,
    )
    con.execute(
        "insert into deals (deal_id, contact_id, referral_id, agent, source, status, commission,"
        " created_at, closed_at) select 'D' || referral_id, referred_id, referral_id, agent,"
        " 'Referral', case status when 'closed' then 'won' else status end, commission,"
        " received_at, coalesce(closed_at, lost_at) from referrals"
    )
    con.executemany(
        "insert into deals (deal_id, contact_id, agent, source, status, created_at, closed_at)"
        f" values (?, ?, '{SARA}', ?, ?, ?, ?)",
        OTHER_DEALS,
    )
    con.executemany(
        f"insert into rewards (reward_id, referral_id, referrer_id, agent, amount, paid_at) values (?, ?, ?, '{SARA}', ?, ?)",
        REWARDS,
    )
    con.executemany(
        "insert into costs (period, channel, category, agent, amount) values (?, ?, ?, ?, ?)", COSTS
    )
    con.executemany(
        "insert into email_sends (send_id, experiment, variant, contact_id, agent, sent_at, replied_at,"
        " referrals_generated) values (?, 'ask', 'A', ?, ?, ?, ?, ?)",
        SENDS,
    )
    return con
