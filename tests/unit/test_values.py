"""The VALUES stage's contract, and the text-like types: id, text, e-mail, phone, yes/no."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_analytics import messages
from referral_analytics.ingest.values import TYPES, Parsed, parse
from referral_analytics.ingest.values.cleaning import clean, tidy
from referral_analytics.ingest.values.parsed import Invalid
from referral_analytics.ingest.values.phones import phone_one
from referral_analytics.ingest.values.texts import email_one

ARROW_TYPES = {
    "id": pa.string(), "text": pa.string(), "email": pa.string(), "phone": pa.string(),
    "date": pa.timestamp("us"), "day": pa.date32(), "money": pa.decimal128(18, 2),
    "number": pa.float64(), "integer": pa.int64(), "percent": pa.float64(), "rating": pa.int8(),
    "yes_no": pa.bool_(), "vocab": pa.string(),
}  # fmt: skip


def read(cells: list[str | None], type_: str, **options) -> Parsed:
    return parse(pa.array(cells, pa.string()), type_, **options)


def values(cells: list[str | None], type_: str) -> list:
    parsed = read(cells, type_)
    assert parsed.errors == ()
    return parsed.values.to_pylist()


# --- the contract ---------------------------------------------------------------------------


@pytest.mark.parametrize("type_", TYPES)
def test_every_type_gives_its_arrow_type_and_keeps_the_length(type_):
    cells = [None, "", "  ", "\u00a0\u200b", "?!"]
    parsed = read(cells, type_, vocabulary="category")
    assert parsed.values.type == ARROW_TYPES[type_]
    assert len(parsed.values) == len(cells)
    assert parsed.values.to_pylist()[:4] == [None] * 4  # empty after trimming: null, no error
    assert all(position == 4 for position, _ in parsed.errors)


@pytest.mark.parametrize("type_", TYPES)
def test_every_type_takes_an_empty_or_all_null_column(type_):
    assert len(read([], type_, vocabulary="plan").values) == 0
    parsed = parse(pa.nulls(3), type_, vocabulary="plan")
    assert parsed.values.to_pylist() == [None] * 3
    assert parsed.errors == ()


def test_chunked_and_sliced_columns_read_like_one_array():
    chunked = pa.chunked_array([["x", "12"], ["1,200", None], ["3.5"]])
    parsed = parse(chunked, "number")
    assert parsed.values.to_pylist() == [None, 12.0, 1200.0, None, 3.5]
    assert parsed.errors == ((0, messages.VALUE_NOT_NUMBER),)
    sliced = pa.array(["zz", "a@b.com", "bad", "c@d.org"]).slice(1)
    assert parse(sliced, "email").values.to_pylist() == ["a@b.com", None, "c@d.org"]
    assert parse(pa.array(["7"], pa.large_string()), "integer").values.to_pylist() == [7]


def test_errors_are_in_row_order_and_never_repeat_the_cell():
    cells = ["soon", "2026-09-12", "later", "31/02/2026", "13/01/2026"]
    parsed = read(cells, "date")
    assert [position for position, _ in parsed.errors] == [0, 2, 3]
    for position, reason in parsed.errors:
        assert cells[position] not in reason


def test_unknown_types_orders_and_missing_vocabularies_are_programming_errors():
    with pytest.raises(ValueError, match="unknown type"):
        read(["x"], "colour")
    with pytest.raises(ValueError, match="unknown date order"):
        read(["x"], "date", date_order="DYM")
    with pytest.raises(ValueError, match="needs a vocabulary"):
        read(["x"], "vocab")


def test_a_column_of_many_kinds_of_trouble_reports_each_cell():
    parsed = read(["$1,200.50", "TBD", "450k", "n/a", "(1,200.00)", "1,2,3"], "money")
    assert parsed.values.to_pylist() == [
        Decimal("1200.50"), None, Decimal("450000.00"), None, Decimal("-1200.00"), None
    ]  # fmt: skip
    assert parsed.errors == (
        (1, messages.VALUE_NOT_AMOUNT),
        (3, messages.VALUE_NOT_AMOUNT),
        (5, messages.VALUE_GROUPING),
    )


def test_a_decision_comes_back_with_no_values_and_no_errors():
    parsed = read(["03/04/2026", "nonsense"], "date")
    assert parsed.decision is not None
    assert parsed.values.to_pylist() == [None, None]
    assert parsed.errors == ()
    answered = read(["03/04/2026", "nonsense"], "date", date_order="DMY")
    assert answered.values.to_pylist() == [datetime(2026, 4, 3), None]
    assert answered.errors == ((1, messages.VALUE_NOT_DATE),)


# --- text and id ----------------------------------------------------------------------------


def test_text_is_trimmed_and_otherwise_kept():
    cells = [
        "  Amal  Aziz ",
        "<b>bold</b>",
        "\u200f\u0623\u0645\u0644\u00a0",
        "line\nbreak",
        "0050",
    ]
    assert values(cells, "text") == ["Amal  Aziz", "<b>bold</b>", "أمل", "line\nbreak", "0050"]


def test_ids_lose_excels_point_zero_and_nothing_else():
    cells = [" 12345.0 ", "C0000001", "zcrm_C1", "0050", "12.5", "12345.00", "a.0"]
    assert values(cells, "id") == ["12345", "C0000001", "zcrm_C1", "0050", "12.5", "12345", "a.0"]


def test_ids_in_e_notation_are_refused():
    parsed = read(["1.23457E+11", "EMP-1"], "id")
    assert parsed.values.to_pylist() == [None, "EMP-1"]
    assert parsed.errors == ((0, messages.VALUE_EXCEL_NUMBER.format(what="ids")),)


# --- e-mail ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "address"),
    [
        ("Amal.1@Example.com", "amal.1@example.com"),
        ("  reem@example.com\u00a0", "reem@example.com"),
        ("mailto:Maha@Example.org", "maha@example.org"),
        ("mailto:maha@example.org?subject=Hi", "maha@example.org"),
        ("Maha Bakr <Maha@Example.org>", "maha@example.org"),
        ("<maha@example.org>", "maha@example.org"),
        ("o'neil+crm@mail.example.co.uk", "o'neil+crm@mail.example.co.uk"),
        ("محمد@مثال.السعودية", "محمد@مثال.السعودية"),
    ],
)
def test_email_addresses(cell, address):
    assert values([cell], "email") == [address]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("amal.example.com", messages.VALUE_NOT_EMAIL),
        ("amal@example", messages.VALUE_NOT_EMAIL),
        ("amal@@example.com", messages.VALUE_NOT_EMAIL),
        ("amal@example..com", messages.VALUE_NOT_EMAIL),
        (".amal@example.com", messages.VALUE_NOT_EMAIL),
        ("amal name@example.com", messages.VALUE_NOT_EMAIL),
        ("amal@example.com.", messages.VALUE_NOT_EMAIL),
        ("a@b.com; c@d.com", messages.VALUE_SEVERAL_EMAILS),
        ("a@b.com, c@d.com", messages.VALUE_SEVERAL_EMAILS),
    ],
)
def test_not_email_addresses(cell, reason):
    parsed = read(["ok@example.com", cell], "email")
    assert parsed.values.to_pylist() == ["ok@example.com", None]
    assert parsed.errors == ((1, reason),)


# --- phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "phone"),
    [
        ("0501234567", "0501234567"),
        ("+966 50 123 4567", "+966501234567"),
        ("+966-50-123-4567", "+966501234567"),
        ("(050) 123.4567", "0501234567"),
        ("00966501234567", "00966501234567"),
        ("501234567.0", "501234567"),
        ("٠٥٠١٢٣٤٥٦٧", "0501234567"),
        ("\u202a+966\u00a0501234567\u202c", "+966501234567"),
        ("+1 555 123 4567 ext. 12", "+15551234567 x12"),
        ("+1 (555) 123-4567 x12", "+15551234567 x12"),
        ("050.1234567", "0501234567"),
        ("0012345", "0012345"),
    ],
)
def test_phones_keep_their_digits_as_written(cell, phone):
    assert values([cell], "phone") == [phone]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("5.01234567E+8", messages.VALUE_EXCEL_NUMBER.format(what="phone numbers")),
        ("call me", messages.VALUE_NOT_PHONE),
        ("050-CALL-NOW", messages.VALUE_NOT_PHONE),
        ("966+501234567", messages.VALUE_NOT_PHONE),
        ("1234", messages.VALUE_PHONE_SHORT),
        ("00000", messages.VALUE_PHONE_SHORT),  # 00 is the international prefix, not digits
        ("+1234567890123456", messages.VALUE_PHONE_LONG),
        ("0501234567 / 0551234567", messages.VALUE_SEVERAL_PHONES),
        ("0501234567, 0551234567", messages.VALUE_SEVERAL_PHONES),
    ],
)
def test_not_phones(cell, reason):
    parsed = read(["0501234567", cell], "phone")
    assert parsed.values.to_pylist() == ["0501234567", None]
    assert parsed.errors == ((1, reason),)


# --- yes/no ---------------------------------------------------------------------------------


def test_yes_and_no_in_the_ways_people_write_them():
    cells = ["Yes", "y", "TRUE", "1", "x", "X", "✓", "✔", "نعم", "صح", "1.0",
             "No", "n", "false", "0", "✗", "لا", "خطأ", "خطا", "0.0", None, " "]  # fmt: skip
    assert values(cells, "yes_no") == [True] * 11 + [False] * 9 + [None, None]


def test_other_words_are_not_yes_or_no():
    parsed = read(["yes", "maybe", "2"], "yes_no")
    assert parsed.values.to_pylist() == [True, None, None]
    assert parsed.errors == ((1, messages.VALUE_NOT_YES_NO), (2, messages.VALUE_NOT_YES_NO))


# --- the fast paths agree with the one-cell readers -----------------------------------------


def _one(reading: object) -> object:
    return None if isinstance(reading, Invalid) else reading


@given(st.text(alphabet="0123456789+-() ./x,ext٠٥\u00a0", max_size=22))
def test_bulk_phone_reading_agrees_with_one_cell_reading(cell):
    assert read([cell], "phone").values.to_pylist() == [_one(phone_one(cell)) if cell else None]


@given(st.text(alphabet="ab1.@-_+ <>:;,Aé", max_size=16))
def test_bulk_email_reading_agrees_with_one_cell_reading(cell):
    assert read([cell], "email").values.to_pylist() == [_one(email_one(cell)) if cell else None]


MARKS = "٠١٢٣٤٥٦٧٨٩۰۹０９٫٬٪−–\u00a0\u202f\u3000\u200b\u200f\ufeff\u00ad€ر.س 12,-x"


@given(st.lists(st.one_of(st.none(), st.text(alphabet=MARKS, max_size=12)), max_size=6))
def test_a_column_is_cleaned_as_each_cell_would_be(cells):
    expected = [tidy(cell, inner=True) if cell is not None else None for cell in cells]
    assert clean(pa.array(cells, pa.string()), inner=True).to_pylist() == expected
