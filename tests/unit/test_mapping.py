"""The MAP stage: kind detection, automatic mapping, needs, signatures and saved mappings."""

import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from referral_analytics.ingest.map.fields import KINDS, template_rows
from referral_analytics.ingest.map.header_names import normalise, split_entity
from referral_analytics.ingest.map.mapping import (
    ColumnMatch,
    auto_map,
    detect_kind,
    missing,
    save_mapping,
    saved_mapping,
    saved_mappings,
    signature,
)
from referral_analytics.ingest.map.templates import write_templates
from referral_analytics.ingest.read import list_sheets, read_table

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "demo"
TEMPLATES = ROOT / "data" / "templates" / "import_templates.xlsx"

# Every header of every sample export, and the field it must fill (None: kept in extra).
SAMPLE_MAPPINGS = {
    "follow_up_boss_people.csv": ("contacts", {
        "First Name": "first_name", "Last Name": "last_name", "Stage": "category",
        "Source": "lead_source", "Assigned To": "agent", "Email 1": "email", "Phone 1": "phone",
        "Tags": "tags", "Created": "created_at", "Referred By": "referred_by",
    }),
    "hubspot_contacts.csv": ("contacts", {
        "Record ID": "contact_id", "First Name": "first_name", "Last Name": "last_name",
        "Email": "email", "Phone Number": "phone", "Lifecycle Stage": "category",
        "Contact owner": "agent", "Create Date": "created_at", "Original Source": "lead_source",
    }),
    "salesforce_contacts_report.csv": ("contacts", {
        "Contact ID": "contact_id", "First Name": "first_name", "Last Name": "last_name",
        "Email": "email", "Phone": "phone", "Lead Source": "lead_source",
        "Contact Owner": "agent", "Created Date": "created_at",
    }),
    "zoho_contacts.csv": ("contacts", {
        "Record Id": "contact_id", "First Name": "first_name", "Last Name": "last_name",
        "Email": "email", "Mobile": "phone", "Lead Source": "lead_source",
        "Contact Owner": "agent", "Created Time": "created_at",
    }),
    "pipedrive_deals.csv": ("deals", {
        "Deal - ID": "deal_id", "Deal - Title": None, "Deal - Value": "value",
        "Deal - Currency": None, "Deal - Stage": "stage", "Deal - Status": "status",
        "Deal - Owner": "agent", "Deal - Source": "source", "Deal - Deal created": "created_at",
        "Deal - Won time": "closed_at",
        "Person - Name": "contact_name",  # looked up when the e-mail beside it finds no one
        "Person - Email": "contact",
    }),
    "kw_command_contacts.xlsx": ("contacts", {
        "First Name": "first_name", "Last Name": "last_name", "Email": "email", "Phone": "phone",
        "Phone (2)": None,  # the repeated header: Phone is taken by the first
        "column_6": None,  # the blank header (professions, but nothing says so)
        "Tags": "tags", "Source": "lead_source", "Referred By": "referred_by",
    }),
    "arabic_crm_contacts.csv": ("contacts", {
        "الاسم": "full_name", "البريد الإلكتروني": "email", "الجوال": "phone",
        "المصدر": "lead_source", "العلاقة": "source_group", "الوكيل": "agent",
        "التصنيف": "category",
        "تاريخ الإنشاء": "created_at",
    }),
}  # fmt: skip


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("  E-Mail_Address ", "e mail address"),
        ("Contact: Full Name", "contact full name"),
        ("Person - Email - Work", "person email work"),
        ("Response Time (hours)", "response time hours"),
        ("Téléphone", "telephone"),
        ("FIRST.NAME/Given", "first name given"),
        ("البريد الإلكتروني", "البريد الالكتروني"),  # hamza under alef: a bare alef
        ("الجـــوال", "الجوال"),  # tatweel
        ("مُحال مِن", "محال من"),  # diacritics
        ("المدينة", "المدينه"),  # ta marbuta as ha
        ("رقم ١٢", "رقم 12"),  # Arabic-Indic digits
    ],
)
def test_normalise_folds_case_accents_punctuation_and_arabic_letter_forms(header, expected):
    assert normalise(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Contact: Full Name", ("contact", "Full Name")),
        ("Person - Email - Work", ("person", "Email - Work")),
        ("Deal – Won time", ("deal", "Won time")),
        ("E-mail", None),  # an unspaced dash is part of the word
        ("Email", None),
    ],
)
def test_split_entity_finds_a_leading_record_name(header, expected):
    assert split_entity(header) == expected


@pytest.mark.parametrize("file_name", list(SAMPLE_MAPPINGS))
def test_each_sample_export_is_recognised_and_mapped_in_full(file_name):
    kind, expected = SAMPLE_MAPPINGS[file_name]
    raw = read_table(SAMPLES / file_name)
    assert detect_kind(raw.headers)[0][0] == kind
    assert {m.header: m.field for m in auto_map(raw.headers, kind)} == expected


def test_a_match_says_how_it_was_found():
    headers = ["Email", "Email 1", "Deal - Won time", "Comission", "Notes"]
    assert auto_map(headers, "deals") == [
        ColumnMatch("Email", None, "", 0.0),
        ColumnMatch("Email 1", None, "", 0.0),
        ColumnMatch("Deal - Won time", "closed_at", "synonym", 0.95),
        ColumnMatch("Comission", "commission", "similar 0.95", 0.95),
        ColumnMatch("Notes", None, "", 0.0),
    ]
    assert auto_map(["Email", "E-mail address"], "contacts") == [
        ColumnMatch("Email", "email", "exact", 1.0),
        ColumnMatch("E-mail address", None, "", 0.0),  # the same field: the first keeps it
    ]


@pytest.mark.parametrize(
    ("kind", "header", "field"),
    [
        ("referrals", "Recieved Date", "received_at"),  # swapped letters
        ("contacts", "Frist Name", "first_name"),
        ("contacts", "Phone Numbr", "phone"),  # a letter missing
        ("partners", "Referals From", "referrals_from"),
        ("referrals", "Referer ID", "referrer_id"),  # HTTP's spelling, near Referrer ID only
        ("referrals", "Referr ID", None),  # Referrer ID or Referred ID: left to the user
        ("contacts", "Referred", None),  # a referrals header, not a typo of "Referred by"
        ("contacts", "Stat", None),  # short words: one letter is too much
    ],
)
def test_near_misses_map_only_when_clearly_one_field(kind, header, field):
    assert auto_map([header], kind)[0].field == field


def test_an_entity_prefix_is_dropped_only_for_the_kinds_own_records():
    headers = ["Person - Email - Work", "Deal - Title", "Contact Owner: Full Name"]
    assert [m.field for m in auto_map(headers, "contacts")] == ["email", None, None]
    assert [m.field for m in auto_map(["Organization - Name"], "partners")] == ["name"]
    assert [m.field for m in auto_map(["Organization - Name"], "deals")] == [None]
    whole_wins = auto_map(["Contact: Email", "Email"], "contacts")
    assert [(m.field, m.score) for m in whole_wins] == [(None, 0.0), ("email", 1.0)]


def test_when_two_headers_fit_one_field_the_earlier_synonym_wins_whatever_the_order():
    matches = auto_map(["Mobile", "Phone"], "contacts")
    assert [(m.header, m.field) for m in matches] == [("Mobile", None), ("Phone", "phone")]


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (["Person - Name", "Person - Email - Work", "Person - Phone - Mobile", "Person - Owner"],
         "contacts"),
        (["Contact: Full Name", "Mailing City", "Lead Source", "Contact Owner"], "contacts"),
        (["Opportunity ID", "Amount", "Stage", "Close Date", "Opportunity Owner"], "deals"),
        (["Referral ID", "Referred By", "Referred Name", "Date Received", "Status"], "referrals"),
        (["Campaign", "Variant", "Sent At", "Opened", "Clicked"], "email_sends"),
        (["Month", "Channel", "Spend"], "costs"),
        (["Vendor Name", "Trade", "Month", "Quality", "Referrals Sent"], "partners"),
        (["المحيل", "المحال", "تاريخ الإحالة", "الحالة"], "referrals"),
    ],
)  # fmt: skip
def test_detect_kind_recognises_common_exports(headers, kind):
    assert detect_kind(headers)[0][0] == kind


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kinds_template_headers_are_detected_as_that_kind(kind):
    labels, _ = template_rows(kind)
    assert detect_kind(labels)[0][0] == kind


def test_detect_kind_scores_every_kind_between_0_and_1_best_first():
    scores = detect_kind(["Email", "Agent", "Received date"])
    assert {kind for kind, _ in scores} == set(KINDS)
    assert all(0.0 <= score <= 1.0 for _, score in scores)
    assert [s for _, s in scores] == sorted((s for _, s in scores), reverse=True)
    assert all(score == 0.0 for _, score in detect_kind(["Foo", "Bar"]))


def test_missing_says_which_needs_are_unmet():
    assert missing("referrals", {"Agent": "agent", "Notes": None}) == [
        "Map a column to Received date (referrals need it).",
        "Map a column to Referred, Referred ID or Referred name (referrals need one of them).",
    ]
    assert missing("contacts", {"Agent": "agent"}) == [
        "Map a column to Contact ID, E-mail, Phone, Full name or First name "
        "(contacts need one of them)."
    ]
    assert missing("nps_responses", {}) == ["Map a column to Score (NPS answers need it)."]
    assert missing("contacts", {"Given": "first_name"}) == []


def test_signature_ignores_order_case_and_punctuation_but_not_the_headers():
    assert signature(["Email", "First Name"]) == signature(["first_name", "EMAIL"])
    assert signature(["Email", "First Name"]) != signature(["Email", "Last Name"])
    assert signature(["Email", "First Name"]) == hashlib.sha256(b"email\nfirstname").hexdigest()


def test_a_saved_mapping_is_found_by_name_and_by_headers(con):
    headers = ["E-mail", "Who"]
    save_mapping(con, "Office sheet", headers, "contacts", {"E-mail": "email", "Who": "agent"})
    by_name = saved_mapping(con, name="Office sheet")
    assert (by_name.name, by_name.kind) == ("Office sheet", "contacts")
    assert by_name.mapping == {"E-mail": "email", "Who": "agent"}
    by_headers = saved_mapping(con, headers=["WHO", "e-mail"])  # spelt as this file spells them
    assert by_headers.mapping == {"e-mail": "email", "WHO": "agent"}
    assert saved_mapping(con, name="Nope") is None
    assert saved_mapping(con, headers=["Other"]) is None


def test_saving_under_a_used_name_replaces_it_and_the_newest_comes_first(con):
    save_mapping(con, "A", ["Email"], "contacts", {"Email": "email"})
    save_mapping(con, "B", ["Email"], "contacts", {"Email": None})
    save_mapping(con, "A", ["Email"], "referrals", {"Email": "referred"})
    listed = saved_mappings(con)
    assert [(m.name, m.kind, m.mapping) for m in listed] == [
        ("A", "referrals", {"Email": "referred"}),
        ("B", "contacts", {"Email": None}),
    ]
    assert listed[0].saved_at > listed[1].saved_at
    assert saved_mapping(con, headers=["Email"]).name == "A"


def test_saving_refuses_a_blank_name_or_a_field_the_kind_lacks(con):
    with pytest.raises(ValueError, match="Give the mapping a name"):
        save_mapping(con, "  ", ["Email"], "contacts", {"Email": "email"})
    with pytest.raises(ValueError, match="no fields"):
        save_mapping(con, "X", ["Email"], "contacts", {"Email": "amount"})
    assert saved_mappings(con) == []


def test_auto_map_refuses_a_kind_we_do_not_import():
    with pytest.raises(ValueError, match="not a kind of data we import"):
        auto_map(["Email"], "invoices")


def test_the_template_workbook_maps_every_header_of_every_sheet_to_its_own_field(tmp_path):
    path = tmp_path / "import_templates.xlsx"
    write_templates(path)
    sheets = [name for name, _ in list_sheets(path)]
    assert sheets == [kind.label for kind in KINDS.values()]
    for kind in KINDS.values():
        raw = read_table(path, sheet=kind.label)
        assert detect_kind(raw.headers)[0][0] == kind.name
        matches = auto_map(raw.headers, kind.name)
        assert [m.field for m in matches] == [f.name for f in kind.fields]
        assert {m.how for m in matches} <= {"exact", "synonym"}


def test_the_shipped_template_workbook_is_what_the_catalogue_writes():
    book = load_workbook(TEMPLATES, read_only=True)
    for kind in KINDS.values():
        rows = list(book[kind.label].iter_rows(max_row=2, values_only=True))
        assert [list(row) for row in rows] == list(template_rows(kind.name)), (
            "run write_templates(Path('data/templates/import_templates.xlsx'))"
        )
    book.close()


def test_the_template_sheets_are_styled_for_filling_in(tmp_path):
    path = tmp_path / "t.xlsx"
    write_templates(path)
    sheet = load_workbook(path)["Contacts"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A2"].font.italic
    assert sheet.column_dimensions["A"].width == 42  # a long description: capped, it wraps
    assert sheet.column_dimensions["P"].width == len("The city the contact lives in.") + 2
