"""How a lead came is its own field (contacts.lead_source), not the inner-circle source group:
CRMs' "Source" columns read into it, deals without a source take their contact's, and the
Sources page's referred-against-other comparison counts them so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from referral_analytics import demo, sources, vocabulary
from referral_analytics.filters import Filters
from referral_analytics.ingest.pipeline import import_file
from referral_analytics.queries import sources as source_queries
from tests.files import write

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "demo"

CRM_SOURCES = [  # as Follow Up Boss, kvCORE, HubSpot, Zoho and Arabic sheets write them
    ("Referral", "Referral"), ("Sphere", "Sphere"), ("Past Client", "Past client"),
    ("Zillow", "Portal"), ("Realtor.com", "Portal"), ("Trulia", "Portal"),
    ("Redfin", "Portal"), ("Homes.com", "Portal"), ("Website", "Website"),
    ("Open House", "Open house"), ("Sign Call", "Sign call"), ("Facebook", "Social media"),
    ("Instagram", "Social media"), ("LinkedIn", "Social media"), ("Google Ads", "Paid ads"),
    ("PPC", "Paid ads"), ("Facebook Ads", "Paid ads"), ("Paid Search", "Paid ads"),
    ("Seminar", "Event"), ("Cold Call", "Other"), ("إحالة", "Referral"), ("موقع", "Website"),
    ("الموقع الإلكتروني", "Website"), ("معرض", "Event"), ("بوابة عقارية", "Portal"),
    ("بيت مفتوح", "Open house"), ("لوحة", "Sign call"), ("سناب شات", "Social media"),
    ("إعلانات مدفوعة", "Paid ads"), ("معارف", "Sphere"), ("عميل سابق", "Past client"),
]  # fmt: skip


def test_the_lead_source_vocabulary_is_exactly_ours():
    assert vocabulary.LEAD_SOURCES == (
        "Referral", "Sphere", "Past client", "Portal", "Website", "Open house", "Sign call",
        "Social media", "Paid ads", "Event", "Other",
    )  # fmt: skip


@pytest.mark.parametrize("header", ["Source", "Lead Source", "Original Source", "المصدر"])
def test_a_crms_source_column_fills_the_lead_source_not_the_source_group(
    disk_con, tmp_path, header
):
    lines = [f"Email,{header}"] + [
        f"p{i}@example.com,{written}" for i, (written, _) in enumerate(CRM_SOURCES)
    ]
    report = import_file(disk_con, write(tmp_path / "people.csv", *lines))
    assert report.status == "loaded", report
    assert not any("Values table" in w for w in report.warnings), report.warnings
    stored = dict(disk_con.execute("select email, lead_source from contacts").fetchall())
    assert [stored[f"p{i}@example.com"] for i in range(len(CRM_SOURCES))] == [
        meant for _, meant in CRM_SOURCES
    ]
    assert disk_con.execute("select count(source_group) from contacts").fetchall() == [(0,)]


def test_a_source_group_column_beside_it_keeps_the_group(disk_con, tmp_path):
    people = write(
        tmp_path / "people.csv", "Email,Lead Source,Relationship",
        "huda@example.com,Referral,Past clients", "omar@example.com,Zillow,",
        "sara@example.com,Sphere,Friends & family",
    )  # fmt: skip
    assert import_file(disk_con, people).status == "loaded"
    assert disk_con.execute(
        "select email, lead_source, source_group from contacts order by email"
    ).fetchall() == [
        ("huda@example.com", "Referral", "Past clients"),
        ("omar@example.com", "Portal", None),
        ("sara@example.com", "Sphere", "Friends & family"),
    ]


def test_deals_without_a_source_take_their_contacts_lead_source_on_the_sources_page(
    disk_con, tmp_path
):
    people = write(
        tmp_path / "people.csv", "Contact ID,Email,Lead Source",
        "C1,huda@example.com,Referral", "C2,omar@example.com,Zillow",
        "C3,sara@example.com,Facebook", "C4,ali@example.com,",
    )  # fmt: skip
    deals = write(
        tmp_path / "deals.csv", "Deal ID,Contact ID,Source,Status,Created Date,Close Date",
        "D1,C1,,won,2026-01-05,2026-02-01",  # the contact's: a referral
        "D2,C1,,lost,2026-01-06,2026-02-02",
        "D3,C2,,won,2026-01-07,2026-02-03",  # the contact's: Zillow, a portal
        "D4,C2,Realtor.com,lost,2026-01-08,2026-02-04",  # its own, read as ours
        "D5,C3,Open House,won,2026-01-09,2026-02-05",  # its own wins over the contact's
        "D6,C4,,lost,2026-01-10,2026-02-06",  # no source anywhere
        "D7,C4,,won,2026-01-11,2026-02-07",
        "D8,C4,Billboard,open,2026-01-12,",  # a team's own source: kept as written
    )  # fmt: skip
    assert import_file(disk_con, people).status == "loaded"
    assert import_file(disk_con, deals).status == "loaded"
    assert disk_con.execute("select deal_id, source from deals order by deal_id").fetchall() == [
        ("D1", None), ("D2", None), ("D3", None), ("D4", "Portal"), ("D5", "Open house"),
        ("D6", None), ("D7", None), ("D8", "Billboard"),
    ]  # fmt: skip
    leads = source_queries.lead_conversion(disk_con, Filters(date(2026, 1, 1), date(2026, 3, 1)))
    by_source = {
        (s if isinstance(s, str) else None): (int(w), int(x), int(c))
        for s, w, x, c in leads[["source", "won", "lost", "customers"]].itertuples(index=False)
    }
    assert by_source == {
        "Referral": (1, 1, 1), "Portal": (1, 1, 1), "Open house": (1, 0, 1), None: (1, 1, 1),
        "Billboard": (0, 0, 0),
    }  # fmt: skip
    comparison = sources.lead_comparison(leads)
    assert comparison.referral_rate == pytest.approx(50.0)
    assert comparison.other_rate == pytest.approx(60.0)  # 3 won of 5 decided
    customers = dict(zip(leads["source"], leads["customers"], strict=True))
    assert sources.unmatched_sources(customers) == []  # no source names no cost channel


def test_the_demo_fills_lead_source_plausibly():
    tables = demo.generate(600, seed=3, end=date(2026, 11, 22))
    people, deals = tables["contacts"], tables["deals"]
    source = people.set_index("contact_id")["lead_source"].astype(object)
    assert set(source.dropna()) <= set(vocabulary.LEAD_SOURCES)
    assert source.notna().mean() > 0.9
    referred = tables["referrals"]["referred_id"]
    assert (source[referred] == vocabulary.REFERRAL_SOURCE).all()
    others = deals[deals["referral_id"].isna()].drop_duplicates("contact_id")
    assert (source[others["contact_id"]].to_numpy() == others["source"].to_numpy()).all()
    assert set(deals["source"]) <= set(vocabulary.LEAD_SOURCES)


def test_the_sample_exports_load_their_lead_sources(disk_con):
    for name in ("follow_up_boss_people.csv", "zoho_contacts.csv", "arabic_crm_contacts.csv"):
        report = import_file(disk_con, SAMPLES / name)
        assert report.status == "loaded", report
        assert not any("Values table" in w for w in report.warnings), report.warnings
    found = disk_con.execute(
        "select count(*), count(lead_source), count(distinct lead_source) from contacts"
    ).fetchall()[0]
    assert found[1] >= 0.9 * found[0] and found[2] >= 6
