"""Every kind's row may name its contact by e-mail or by name: e-mail first, then the exact
name; a name several contacts share is a warning, never a guess."""

from __future__ import annotations

import pytest

from referral_analytics import db, messages
from referral_analytics.ingest.pipeline import import_file
from tests.files import write

PEOPLE = (
    "Contact ID,Full Name,Email",
    "C1,Huda Saleh,huda@example.com",
    "C2,Huda Saleh,huda.s@example.com",
    "C3,Omar Haddad,omar@example.com",
    "C4,Mohammed Al-Harbi,mo@example.com",
    "C5,Sara Nasser,",
)
# Each kind's file: its header, then a row per case, its key column, and the table's id column.
# Cases: an e-mail alone; a name alone (the e-mail cell empty); an e-mail that wins over the
# name beside it; a name two contacts share.
KINDS = {
    "deals": ("Deal ID,Person - Email,Person - Name,Value", "{n},{email},{name},100",
              "deals", "deal_id", "contact_id"),
    "touches": ("Touch ID,Contact Email,Contact Name,Touch Date", "{n},{email},{name},2026-03-01",
                "touches", "touch_id", "contact_id"),
    "email_sends": ("Send ID,Experiment,Variant,Recipient Email,Recipient Name,Sent At",
                    "{n},ask,A,{email},{name},2026-03-01", "email_sends", "send_id",
                    "contact_id"),
    "nps_responses": ("Response ID,Respondent Email,Respondent Name,Score,Response Date",
                      "{n},{email},{name},9,2026-03-01", "nps_responses", "response_id",
                      "contact_id"),
    "referrals": ("Referral ID,Referred Email,Referred Name,Received Date",
                  "{n},{email},{name},2026-03-01", "referrals", "referral_id", "referred_id"),
    "rewards": ("Reward ID,Referrer Email,Referrer Name,Amount,Paid Date",
                "{n},{email},{name},250,2026-03-01", "rewards", "reward_id", "referrer_id"),
}  # fmt: skip
CASES = [  # (email, name, the contact expected)
    ("omar@example.com", "", "C3"),
    ("", "Sara Nasser", "C5"),
    ("mo@example.com", "Omar Haddad", "C4"),
    ("", "Huda Saleh", None),
]


@pytest.fixture
def con(tmp_path):
    connection = db.connect(tmp_path / "x.duckdb")
    assert import_file(connection, write(tmp_path / "people.csv", *PEOPLE)).status == "loaded"
    yield connection
    connection.close()


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_finds_its_contact_by_email_then_by_exact_name(con, tmp_path, kind):
    header, row, table, key, id_column = KINDS[kind]
    lines = [row.format(n=f"X{i}", email=e, name=n) for i, (e, n, _) in enumerate(CASES)]
    report = import_file(con, write(tmp_path / f"{kind}.csv", header, *lines))
    assert (report.status, report.kind) == ("loaded", kind), report
    stored = dict(con.execute(f"select {key}, {id_column} from {table}").fetchall())
    assert [stored[f"X{i}"] for i in range(len(CASES))] == [c for _, _, c in CASES]
    label = "referrer" if kind == "rewards" else "referred" if kind == "referrals" else "contact"
    assert messages.IMPORT_AMBIGUOUS.format(n=1, label=label, names="“Huda Saleh”") in (
        report.warnings
    )
    assert not any("matched no contact" in w for w in report.warnings), report.warnings


def test_a_rows_own_contact_is_never_a_close_name_but_a_referrer_may_be(con, tmp_path):
    deals = write(tmp_path / "deals.csv", "Deal ID,Contact,Value", "D1,Mohamed Al Harbi,100")
    report = import_file(con, deals)
    assert report.status == "loaded"
    assert con.execute("select contact_id from deals").fetchall() == [(None,)]
    assert (
        messages.IMPORT_UNRESOLVED.format(n=1, label="contact", names="“Mohamed Al Harbi”")
        in report.warnings
    )
    referrals = write(
        tmp_path / "referrals.csv", "Referrer,Referred,Received Date",
        "Mohamed Al Harbi,omar@example.com,2026-03-01",
    )  # fmt: skip
    assert import_file(con, referrals).status == "loaded"
    assert con.execute("select referrer_id, referred_id from referrals").fetchall() == [
        ("C4", "C3")
    ]
