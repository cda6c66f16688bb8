"""CRM words read as our vocabularies' words, the user's overrides, and the words left to map."""

from __future__ import annotations

import pyarrow as pa
import pytest

from referral_analytics import messages, vocabulary
from referral_analytics.demo.arabic import ARABIC_SOURCE, ARABIC_STAGE
from referral_analytics.demo.exports import FUB_STAGE, LIFECYCLE
from referral_analytics.ingest.values import parse, vocabularies
from referral_analytics.ingest.values.cleaning import word_key


def read(cells: list[str | None], name: str, overrides: dict[str, str] | None = None):
    return parse(pa.array(cells, pa.string()), "vocab", vocabulary=name, overrides=overrides)


def words(cells: list[str | None], name: str, overrides: dict[str, str] | None = None) -> list:
    parsed = read(cells, name, overrides)
    assert parsed.errors == ()
    return parsed.values.to_pylist()


def test_canonical_words_come_from_the_vocabulary_module():
    assert vocabularies.canonical("category") is vocabulary.LADDER
    assert vocabularies.canonical("plan") is vocabulary.CONTACT_PLANS
    assert set(vocabularies.DEFAULTS) == set(vocabularies.VOCABULARIES)


@pytest.mark.parametrize("name", vocabularies.VOCABULARIES)
def test_defaults_are_lower_case_and_mean_our_words(name):
    ours = set(vocabularies.canonical(name))
    for written, meant in vocabularies.DEFAULTS[name].items():
        assert written == written.lower().strip()
        assert meant in ours


@pytest.mark.parametrize("name", vocabularies.VOCABULARIES)
def test_no_two_defaults_share_a_key_with_different_meanings(name):
    meaning: dict[str, str] = {}
    for written, meant in vocabularies.DEFAULTS[name].items():
        assert meaning.setdefault(word_key(written), meant) == meant, written


@pytest.mark.parametrize("name", vocabularies.VOCABULARIES)
def test_our_words_mean_themselves_in_any_case(name):
    ours = list(vocabularies.canonical(name))
    assert words(ours + [w.upper() for w in ours], name) == ours + ours


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Past Client", "Advocate"), ("Closed", "Advocate"), ("Client", "Advocate"),
        ("Customer", "Advocate"), ("Active Client", "Advocate"), ("Sphere", "Network"),
        ("SOI", "Network"), ("Sphere of Influence", "Network"), ("Friend", "Network"),
        ("Family", "Network"), ("Met", "Network"), ("opportunity", "Network"),
        ("Lender", "Allied Resource"), ("Mortgage", "Allied Resource"),
        ("Inspector", "Allied Resource"), ("Attorney", "Allied Resource"),
        ("Vendor", "Allied Resource"), ("Partner", "Allied Resource"),
        ("Allied", "Allied Resource"), ("Raving Fan", "Core Advocate"),
        ("Top Referrer", "Core Advocate"), ("VIP", "Core Advocate"), ("Core", "Core Advocate"),
        ("evangelist", "Core Advocate"), ("Lead", "General Public"), ("New", "General Public"),
        ("Subscriber", "General Public"), ("Cold Lead", "General Public"),
        ("Haven't Met", "General Public"), ("Unknown", "General Public"),
        ("Other", "General Public"), ("Trash", "General Public"),
        ("Unresponsive", "General Public"), ("Prospect", "Target Group"),
        ("marketingqualifiedlead", "Target Group"), ("salesqualifiedlead", "Target Group"),
        ("Target", "Target Group"), ("Farm", "Target Group"), ("Geographic Farm", "Target Group"),
        ("عميل سابق", "Advocate"), ("معارف", "Network"), ("دائرة المعارف", "Network"),
        ("شبكة", "Network"), ("شريك", "Allied Resource"), ("مناصر", "Advocate"),
        ("مناصر أساسي", "Core Advocate"), ("عام", "General Public"),
        ("جمهور عام", "General Public"), ("فئة مستهدفة", "Target Group"),
    ],
)  # fmt: skip
def test_category_words_of_crms(written, meant):
    assert words([written], "category") == [meant]


def test_lookups_ignore_case_spacing_punctuation_and_arabic_spelling():
    cells = ["  PAST-CLIENT ", "past_client", "Past  Client", "Haven’t met", "مناصر اساسي", "عامه"]
    assert words(cells, "category") == ["Advocate"] * 3 + [
        "General Public",
        "Core Advocate",
        "General Public",
    ]


@pytest.mark.parametrize(
    ("name", "written", "meant"),
    [
        ("lead_temperature", "A", "Hot"), ("lead_temperature", "A+", "Hot"),
        ("lead_temperature", "0-3 months", "Hot"), ("lead_temperature", "0–3 Months", "Hot"),
        ("lead_temperature", "Immediately", "Hot"), ("lead_temperature", "ASAP", "Hot"),
        ("lead_temperature", "5 stars", "Hot"), ("lead_temperature", "B", "Warm"),
        ("lead_temperature", "3-6 months", "Warm"), ("lead_temperature", "C", "Cold"),
        ("lead_temperature", "D", "Cold"), ("lead_temperature", "6-12 months", "Cold"),
        ("lead_temperature", "12+ months", "Cold"), ("lead_temperature", "Just looking", "Cold"),
        ("lead_temperature", "ساخن", "Hot"), ("lead_temperature", "دافئ", "Warm"),
        ("lead_temperature", "بارد", "Cold"),
        ("plan", "8 x 8", "8x8"), ("plan", "8×8", "8x8"), ("plan", "33-touch", "33 Touch"),
        ("plan", "33 touch", "33 Touch"), ("plan", "—", "none"), ("plan", "None", "none"),
        ("referral_status", "won", "closed"), ("referral_status", "Closed Won", "closed"),
        ("referral_status", "closed lost", "lost"), ("referral_status", "Dead", "lost"),
        ("referral_status", "Active", "open"), ("referral_status", "pending", "open"),
        ("referral_status", "In Progress", "open"),
        ("deal_status", "Closed Won", "won"), ("deal_status", "Closed Lost", "lost"),
        ("deal_status", "closedwon", "won"), ("deal_status", "Negotiation/Review", "open"),
        ("deal_status", "open", "open"),
        ("source_group", "Friends and family", "Friends & family"),
        ("source_group", "Coworker", "Colleagues"), ("source_group", "Vendor", "Vendors & suppliers"),
        ("source_group", "Past client", "Past clients"), ("source_group", "Church", "Organisations"),
        ("source_group", "Lender", "Allied resources"),
        ("aida_stage", "Attention", "Awareness"), ("adoption_stage", "early adopter", "Early Adopters"),
        ("circle_role", "promoters", "Promoter"),
    ],
)  # fmt: skip
def test_words_of_the_other_vocabularies(name, written, meant):
    assert words([written], name) == [meant]


def test_the_sample_exports_words_read_back():
    # Follow Up Boss stages and the Arabic CRM's words are written from our words: they must
    # come back as those words.
    assert words(list(FUB_STAGE.values()), "category") == list(FUB_STAGE)
    assert words(list(ARABIC_STAGE.values()), "category") == list(ARABIC_STAGE)
    assert words(list(ARABIC_SOURCE.values()), "source_group") == list(ARABIC_SOURCE)
    # HubSpot's stages are all known ("lead" and "other" mean General Public, as the
    # catalogue's defaults say, whatever the demo wrote them from).
    assert None not in words(list(LIFECYCLE.values()), "category")


def test_an_unknown_word_is_refused_naming_our_words():
    parsed = read(["Past Client", "Zillow", None, "   "], "category")
    assert parsed.values.to_pylist() == ["Advocate", None, None, None]
    assert parsed.errors == ((1, parsed.errors[0][1]),)
    reason = parsed.errors[0][1]
    assert "Zillow" not in reason  # the reason never repeats the cell
    assert "“General Public”" in reason and "“Core Advocate”" in reason
    assert "Values table" in reason


def test_overrides_win_over_defaults_but_not_over_our_words():
    overrides = {"ZILLOW": "general public", "past client": "Core Advocate", "Network": "Advocate"}
    assert words(["zillow", "Past Client", "Network"], "category", overrides) == [
        "General Public", "Core Advocate", "Network"
    ]  # fmt: skip


def test_an_override_to_nothing_leaves_the_cell_empty_without_error():
    assert words(["Trash", "Lead"], "category", {"trash": ""}) == [None, "General Public"]


def test_an_override_to_a_word_not_ours_is_a_programming_error():
    with pytest.raises(ValueError, match="not a word"):
        read(["x"], "category", {"x": "Friends"})


def test_an_unknown_vocabulary_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown vocabulary"):
        read(["x"], "colour")


def test_the_note_lists_what_was_read_as_our_words_most_frequent_first():
    parsed = read(
        ["SOI", "Past Client", "SOI", "Advocate", "VIP", "lead", "Farm", "Vendor"], "category"
    )
    assert parsed.note == messages.VALUE_WORDS_MAPPED.format(
        pairs="SOI → Network, Past Client → Advocate, VIP → Core Advocate, "
        "lead → General Public and 2 more"
    )


def test_unmapped_lists_unknown_words_by_frequency_once_each():
    cells = [
        "Zillow",
        "Past Client",
        "Open House",
        "zillow",
        "ZILLOW",
        "Open House",
        "Realtor.com",
        None,
    ]
    assert vocabularies.unmapped(pa.array(cells), "category") == [
        "Zillow",
        "Open House",
        "Realtor.com",
    ]
    assert vocabularies.unmapped(pa.array(cells), "category", {"zillow": "Target Group"}) == [
        "Open House", "Realtor.com"
    ]  # fmt: skip


def test_lookup_of_one_word():
    assert vocabularies.lookup("category", " SOI ") == "Network"
    assert vocabularies.lookup("category", "Zillow") is None
    assert vocabularies.lookup("category", "Zillow", {"zillow": "Network"}) == "Network"
