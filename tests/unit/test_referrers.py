"""Free-text referrers resolved to contacts: e-mail, exact name, close name, or unresolved."""

import pytest

from referral_analytics import db
from referral_analytics.ingest.load.referrers import resolve


@pytest.fixture
def people(con):
    with db.transaction(con) as cur:
        cur.execute("""insert into contacts (contact_id, full_name, email) values
            ('C1', 'Mohammed Al-Harbi', 'mo@example.com'), ('C2', 'Huda Saleh', 'huda@example.com'),
            ('C3', 'Huda Saleh', 'huda.s@example.com'), ('C4', 'محمد الحربي', null),
            ('C5', 'Éva Núñez', null), ('C6', 'Mona Nasser', null)""")
    return con


@pytest.mark.parametrize(
    ("wanted", "contact", "how"),
    [
        ("MO@Example.com ", "C1", "e-mail"),  # case and spaces do not matter
        ("Mohammed Al-Harbi", "C1", "name"),
        ("mohammed al harbi", "C1", "name"),  # punctuation and case folded
        ("Mohamed Al Harbi", "C1", "similar name"),  # a common spelling variant
        ("محمد الحربي", "C4", "name"),  # Arabic names match as written
        ("Eva Nunez", "C5", "name"),  # accents folded
        ("Huda Saleh", None, None),  # two contacts share the name: no guess
        ("Mona", None, None),  # too short to match by similarity
        ("Someone Else", None, None),
    ],
)
def test_referrer_is_resolved_by_email_then_name_then_similarity(people, wanted, contact, how):
    row = resolve(people.cursor(), [wanted]).iloc[0]
    assert (row["contact_id"] if isinstance(row["contact_id"], str) else None) == contact
    assert (row["matched_by"] if isinstance(row["matched_by"], str) else None) == how


def test_empty_values_are_not_referrers(people):
    assert resolve(people.cursor(), [None, "", "  "]).empty


def test_resolution_keeps_each_values_position(people):
    found = resolve(people.cursor(), ["nobody", None, "mo@example.com"])
    assert found["position"].tolist() == [0, 2]
    assert found.set_index("position").loc[2, "contact_id"] == "C1"
