"""The field catalogue: every kind's fields are its table's columns plus the virtual ones."""

import pytest

from referral_analytics.ingest.load import columns_of
from referral_analytics.ingest.map import fields
from referral_analytics.ingest.map.fields import KINDS, VIRTUAL, template_rows
from referral_analytics.ingest.map.header_names import key

# Every field whose type is not "text", written out by hand from the brief's rules.
NOT_TEXT = {
    "contacts": {
        "contact_id": "id", "email": "email", "phone": "phone", "category": "vocab",
        "source_group": "vocab", "lead_source": "vocab", "lead_temperature": "vocab",
        "aida_stage": "vocab",
        "adoption_stage": "vocab", "circle_role": "vocab", "referral_rating": "rating",
        "created_at": "date", "met_at": "date",
    },
    "referrals": {
        "referral_id": "id", "referrer_id": "id", "referred_id": "id", "source_group": "vocab",
        "received_at": "date", "first_contact_at": "date", "appointment_at": "date",
        "contract_at": "date", "closed_at": "date", "lost_at": "date", "status": "vocab",
        "transaction_value": "money", "commission": "money",
    },
    "deals": {
        "deal_id": "id", "contact_id": "id", "referral_id": "id", "status": "vocab",
        "value": "money", "commission": "money", "created_at": "date", "closed_at": "date",
    },
    "rewards": {
        "reward_id": "id", "referral_id": "id", "referrer_id": "id", "amount": "money",
        "paid_at": "date",
    },
    "touches": {"touch_id": "id", "contact_id": "id", "touched_at": "date", "plan": "vocab"},
    "email_sends": {
        "send_id": "id", "contact_id": "id", "sent_at": "date", "opened_at": "date",
        "clicked_at": "date", "replied_at": "date", "referrals_generated": "integer",
        "opened": "yes_no", "clicked": "yes_no", "replied": "yes_no",
    },
    "partners": {
        "partner_id": "id", "period": "day", "service_quality": "number",
        "response_time_hours": "number", "satisfaction": "number", "referrals_from": "integer",
        "referrals_to": "integer",
    },
    "costs": {"period": "day", "amount": "money"},
    "nps_responses": {
        "response_id": "id", "contact_id": "id", "answered_at": "date", "score": "integer",
    },
}  # fmt: skip
VOCABULARY = {
    ("contacts", "category"): "category", ("contacts", "source_group"): "source_group",
    ("contacts", "lead_source"): "lead_source",
    ("contacts", "lead_temperature"): "lead_temperature", ("contacts", "aida_stage"): "aida_stage",
    ("contacts", "adoption_stage"): "adoption_stage", ("contacts", "circle_role"): "circle_role",
    ("referrals", "source_group"): "source_group", ("referrals", "status"): "referral_status",
    ("deals", "status"): "deal_status", ("touches", "plan"): "plan",
}  # fmt: skip
NEEDS = {
    "contacts": (("contact_id", "email", "phone", "full_name", "first_name"),),
    "referrals": (("received_at",), ("referred", "referred_id", "referred_name")),
    "deals": (("deal_id", "contact", "contact_id", "contact_name"),),
    "rewards": (("amount",),),
    "touches": (("touched_at",),),
    "email_sends": (("experiment",), ("variant",)),
    "partners": (("partner_id", "name"),),
    "costs": (("period",), ("channel",), ("amount",)),
    "nps_responses": (("score",),),
}


def test_kinds_come_in_the_documented_order_with_their_labels():
    assert [(k.name, k.label, k.table) for k in KINDS.values()] == [
        ("contacts", "Contacts", "contacts"),
        ("referrals", "Referrals", "referrals"),
        ("deals", "Deals", "deals"),
        ("rewards", "Rewards", "rewards"),
        ("touches", "Touches & activities", "touches"),
        ("email_sends", "Referral-ask e-mail sends", "email_sends"),
        ("partners", "Allied partners", "partners"),
        ("costs", "Marketing costs", "costs"),
        ("nps_responses", "NPS answers", "nps_responses"),
    ]


def test_virtual_fields_are_exactly_the_ones_the_pipeline_relies_on():
    assert VIRTUAL == {
        "contacts": ("first_name", "last_name", "referred_by", "tags"),
        "referrals": ("referrer", "referred", "referrer_name", "referred_name"),
        "deals": ("contact", "contact_name"),
        "rewards": ("referrer", "referrer_name"),
        "touches": ("contact", "contact_name"),
        "email_sends": ("contact", "contact_name", "opened", "clicked", "replied"),
        "nps_responses": ("contact", "contact_name"),
    }


@pytest.mark.parametrize("kind", list(KINDS))
def test_fields_are_the_table_columns_less_bookkeeping_plus_the_virtual_ones(kind, con):
    stored = set(columns_of(con.cursor(), KINDS[kind].table)) - {"import_id", "extra"}
    names = [f.name for f in KINDS[kind].fields]
    assert len(names) == len(set(names))
    assert set(names) == stored | set(VIRTUAL.get(kind, ()))


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_has_the_type_its_column_calls_for(kind):
    types = {f.name: f.type for f in KINDS[kind].fields}
    assert {name: t for name, t in types.items() if t != "text"} == NOT_TEXT[kind]


def test_vocab_fields_name_their_vocabulary_and_no_other_field_does():
    named = {
        (k.name, f.name): f.vocabulary for k in KINDS.values() for f in k.fields if f.vocabulary
    }
    assert named == VOCABULARY
    assert set(named.values()) <= set(fields.VOCABULARIES)


def test_field_types_are_the_value_parsers_types():
    types = {f.type for k in KINDS.values() for f in k.fields}
    assert types <= set(fields.TYPES)
    try:
        from referral_analytics.ingest import values
    except ImportError:  # written by another engineer; checked once it lands
        return
    assert set(fields.TYPES) == set(values.TYPES)


@pytest.mark.parametrize("kind", list(KINDS))
def test_needs_are_as_documented_and_single_needs_are_required(kind):
    spec = KINDS[kind]
    assert spec.needs == NEEDS[kind]
    required = {f.name for f in spec.fields if f.required}
    assert required == {need[0] for need in NEEDS[kind] if len(need) == 1}


@pytest.mark.parametrize("kind", list(KINDS))
def test_labels_are_unique_within_a_kind(kind):
    labels = [f.label for f in KINDS[kind].fields]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_spelling_names_two_fields_of_one_kind(kind):
    owner: dict[str, str] = {}
    for field in KINDS[kind].fields:
        for spelling in {key(s) for s in (field.name, field.label, *field.synonyms)}:
            assert owner.setdefault(spelling, field.name) == field.name, spelling


def test_field_lookup_by_name_and_an_unknown_name_raises():
    assert KINDS["referrals"].field("received_at").label == "Received date"
    with pytest.raises(KeyError, match="no field 'nope'"):
        KINDS["referrals"].field("nope")


def test_every_field_has_a_one_sentence_description():
    for kind in KINDS.values():
        for field in kind.fields:
            assert field.description.endswith("."), (kind.name, field.name)
            assert field.description.count(". ") == 0, (kind.name, field.name)


def test_template_rows_give_labels_and_descriptions_that_say_what_is_required():
    labels, descriptions = template_rows("costs")
    assert labels == ["Period", "Channel", "Cost category", "Agent", "Amount"]
    assert descriptions == [
        "The month the spend belongs to (its first day). Required.",
        "Where the money went: referral program, portal, ads and so on. Required.",
        "The kind of spend: marketing or referral_program.",
        "The agent or team member whose budget it is.",
        "What was spent in the month. Required.",
    ]


def test_a_choice_of_fields_is_described_as_one_of_them():
    labels, descriptions = template_rows("deals")
    assert descriptions[labels.index("Deal ID")] == (
        "The deal's record id. Required unless Contact, Contact ID or Contact name is given."
    )


def test_synonyms_come_from_the_synonym_data_and_cover_our_sample_exports():
    contacts = KINDS["contacts"]
    assert contacts.field("email").synonyms[:3] == ("Email", "Email Address", "Email 1")
    assert "البريد الإلكتروني" in contacts.field("email").synonyms
    assert "Person Email" in KINDS["deals"].field("contact").synonyms
