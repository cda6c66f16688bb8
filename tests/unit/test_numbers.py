"""Money, numbers, whole numbers, percentages and ratings read from text cells.

Every expected value is worked out by hand from the cell as written.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_analytics import messages
from referral_analytics.ingest.values import parse


def read(cells: list[str | None], type_: str):
    return parse(pa.array(cells, pa.string()), type_)


def values(cells: list[str | None], type_: str) -> list:
    parsed = read(cells, type_)
    assert parsed.errors == ()
    return parsed.values.to_pylist()


# --- money ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("$1,200.50", "1200.50"),
        ("1.2M", "1200000.00"),
        ("450k", "450000.00"),
        ("450K", "450000.00"),
        ("SAR 450,000", "450000.00"),
        ("450,000 ر.س", "450000.00"),
        ("€1.234,56", "1234.56"),
        ("1.234,56 EUR", "1234.56"),
        ("(1,200.00)", "-1200.00"),
        ("($1,200.00)", "-1200.00"),
        ("$(1,200.00)", "-1200.00"),
        ("-$1,200", "-1200.00"),
        ("-1200", "-1200.00"),
        ("1200-", "-1200.00"),  # SAP writes the minus last
        ("\u22121200", "-1200.00"),  # the Unicode minus sign
        ("£99.99", "99.99"),
        ("AED 2,500", "2500.00"),
        ("2,500 د.إ", "2500.00"),
        ("1,500 ﷼", "1500.00"),
        ("USD 5", "5.00"),
        ("5 usd", "5.00"),
        ("1.5 million", "1500000.00"),
        ("2bn", "2000000000.00"),
        ("\u00a0$1,200.50\u200b", "1200.50"),  # no-break and zero-width spaces around
        ("1 234 567,89", "1234567.89"),  # French: spaces group, the comma is decimal
        ("1\u202f234,5", "1234.50"),  # a narrow no-break space groups
        ("1'234.5", "1234.50"),  # Swiss
        (".5", "0.50"),
        ("0.125", "0.13"),  # a leading 0 makes the separator decimal; rounded half up
        ("1.5E+3", "1500.00"),
    ],
)
def test_money_reads_the_ways_amounts_are_written(cell, amount):
    parsed = read([cell], "money")
    assert parsed.errors == ()
    assert parsed.values.to_pylist() == [Decimal(amount)]
    assert parsed.values.type == pa.decimal128(18, 2)


def test_money_in_arabic_digits_and_separators():
    assert values(["٤٥٠٬٠٠٠ ر.س", "١٬٢٣٤٫٥٦", "۱۲۳"], "money") == [
        Decimal("450000.00"),
        Decimal("1234.56"),
        Decimal("123.00"),
    ]


def test_money_decides_the_decimal_separator_per_value():
    # Both styles in one column: each value says which is its decimal separator, and a lone
    # comma followed by three digits is thousands.
    assert values(["1.234,56", "1,234.56", "1,234"], "money") == [
        Decimal("1234.56"),
        Decimal("1234.56"),
        Decimal("1234.00"),
    ]


def test_money_rounds_half_away_from_zero_to_cents():
    # "0.5" shows the column writes decimals with a point, so "10.005" is ten and a bit.
    assert values(["0.5", "10.005", "2.675", "-0.005", "1.004"], "money") == [
        Decimal("0.50"),
        Decimal("10.01"),
        Decimal("2.68"),  # a float would say 2.67
        Decimal("-0.01"),
        Decimal("1.00"),
    ]


def test_money_refuses_words_with_a_reason_and_keeps_the_rest():
    parsed = read(["$1,200.50", "TBD", None, "  ", "call me"], "money")
    assert parsed.values.to_pylist() == [Decimal("1200.50"), None, None, None, None]
    assert parsed.errors == (
        (1, messages.VALUE_NOT_AMOUNT),
        (4, messages.VALUE_NOT_AMOUNT),
    )
    assert "1,200.50" in messages.VALUE_NOT_AMOUNT  # the reason shows what is expected


def test_money_in_another_currency_than_the_column_is_refused():
    parsed = read(["SAR 100", "200 ر.س", "$50", "300"], "money")
    assert parsed.values.to_pylist() == [
        Decimal("100.00"),
        Decimal("200.00"),
        None,
        Decimal("300.00"),
    ]
    assert parsed.errors == ((2, messages.VALUE_OTHER_CURRENCY.format(currency="USD", main="SAR")),)
    assert parsed.note == messages.VALUE_CURRENCY.format(currency="SAR")


def test_money_too_large_for_decimal_18_2_is_refused():
    parsed = read(["9999999999999999.99", "10000000000000000"], "money")
    assert parsed.values.to_pylist() == [Decimal("9999999999999999.99"), None]
    assert parsed.errors == ((1, messages.VALUE_TOO_LARGE),)


def test_misplaced_thousands_separators_are_refused():
    parsed = read(["12,34,567", "1,2", "1.234.56"], "money")
    # "1,2" is a decimal comma (one digit after it); the others group wrongly.
    assert parsed.values.to_pylist() == [None, Decimal("1.20"), None]
    assert parsed.errors == ((0, messages.VALUE_GROUPING), (2, messages.VALUE_GROUPING))


# --- number and integer ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ("1,234,567.89", 1234567.89),
        ("1.234.567,89", 1234567.89),
        ("12", 12.0),
        ("-3.5", -3.5),
        ("+7", 7.0),
        ("2.5k", 2500.0),
        ("1.5E+3", 1500.0),
        ("2e-3", 0.002),
        ("0.125", 0.125),
        ("٣٫٥", 3.5),
    ],
)
def test_number_reads_separators_multipliers_and_e_notation(cell, number):
    assert values([cell], "number") == [number]


def test_number_refuses_text_and_currency():
    parsed = read(["12", "about 12", "$12"], "number")
    assert parsed.values.to_pylist() == [12.0, None, None]
    assert parsed.errors == ((1, messages.VALUE_NOT_NUMBER), (2, messages.VALUE_NOT_NUMBER))


def test_a_lone_separator_with_three_digits_is_thousands_without_evidence():
    parsed = read(["1.234", "2.345"], "number")
    assert parsed.values.to_pylist() == [1234.0, 2345.0]
    assert parsed.note == messages.VALUE_THOUSANDS.format(lone="1.234", value=1234)


def test_a_column_writing_decimal_points_reads_a_lone_dot_as_decimal():
    parsed = read(["1.234", "1.5"], "number")
    assert parsed.values.to_pylist() == [1.234, 1.5]
    assert parsed.note == messages.VALUE_DECIMAL_POINT.format(lone="1.234", example="1.5")


def test_a_column_writing_decimal_commas_reads_lone_commas_as_decimal():
    parsed = read(["2,375", "5,5", "1.234"], "number")
    assert parsed.values.to_pylist() == [2.375, 5.5, 1234.0]
    assert parsed.note == messages.VALUE_DECIMAL_COMMA.format(example="5,5")


def test_integer_rejects_fractions_but_accepts_point_zero():
    parsed = read(["3.0", "2.5", "1,234", "1.234", "45", "1.2k"], "integer")
    assert parsed.values.to_pylist() == [3, None, 1234, 1234, 45, 1200]
    assert parsed.errors == ((1, messages.VALUE_FRACTION),)
    assert parsed.values.type == pa.int64()


def test_integer_too_large_for_int64_is_refused():
    parsed = read(["999999999999999999", "10000000000000000000"], "integer")
    assert parsed.values.to_pylist() == [999999999999999999, None]
    assert parsed.errors == ((1, messages.VALUE_TOO_LARGE),)


# --- percent --------------------------------------------------------------------------------


def test_percent_signs_and_plain_numbers_are_points():
    assert values(["12%", "12.5 %", "12", "٪٧", "150%"], "percent") == [
        12.0,
        12.5,
        12.0,
        7.0,
        150.0,
    ]


def test_a_column_of_fractions_without_percent_signs_is_scaled():
    parsed = read(["0.125", "0.5", "1", "0.07"], "percent")
    assert parsed.values.to_pylist() == [12.5, 50.0, 100.0, 7.0]  # 7.0, not 7.000000000000001
    assert parsed.note == messages.VALUE_FRACTIONS


def test_fractions_stay_fractions_when_the_column_writes_percent_signs():
    assert values(["0.125", "12%"], "percent") == [0.125, 12.0]


def test_percent_refuses_amounts():
    parsed = read(["12%", "$12"], "percent")
    assert parsed.errors == ((1, messages.VALUE_NOT_PERCENT),)


# --- rating ---------------------------------------------------------------------------------


def test_rating_reads_numbers_fractions_and_stars():
    cells = ["4", "4/5", "4 / 5", "★★★★", "★★★★☆", "4 stars", "1", "5", "٤", "3.0"]
    parsed = read(cells, "rating")
    assert parsed.errors == ()
    assert parsed.values.to_pylist() == [4, 4, 4, 4, 4, 4, 1, 5, 4, 3]
    assert parsed.values.type == pa.int8()


def test_rating_refuses_half_stars_words_and_what_is_off_the_1_to_5_scale():
    parsed = read(["4.5", "good", "11", "6/5", "0", "8/10"], "rating")
    assert parsed.values.to_pylist() == [None] * 6
    assert list(parsed.errors) == [
        (0, messages.VALUE_NOT_RATING.format(value="4.5")),
        (1, messages.VALUE_NOT_RATING.format(value="good")),
        *((i, messages.VALUE_RATING_RANGE.format(value=v)) for i, v in
          ((2, "11"), (3, "6/5"), (4, "0"), (5, "8/10"))),
    ]  # fmt: skip


# --- properties -----------------------------------------------------------------------------

CENTS = st.decimals(min_value=-(10**12), max_value=10**12, places=2)


@given(CENTS)
def test_any_amount_written_with_thousands_separators_reads_back(amount):
    assert values([f"{amount:,.2f}"], "money") == [amount]


@given(CENTS)
def test_any_amount_written_the_european_way_reads_back(amount):
    written = f"{amount:,.2f}".translate(str.maketrans(",.", ".,"))
    assert values([f"€{written}"], "money") == [amount]


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3))
def test_money_rounds_like_decimal_half_up(amount):
    # "0.5" first: the column writes decimal points, so three decimals are decimals.
    assert values(["0.5", f"{amount:.3f}"], "money")[1] == amount.quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )


@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_any_integer_with_thousands_separators_reads_back(number):
    assert values([f"{number:,}"], "integer") == [number]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_float_reads_back_exactly(number):
    # Python's shortest repr, in a column that writes decimals with a point.
    assert values(["0.5", repr(number)], "number")[1] == number


def test_more_than_18_digits():
    # Leading zeros are not significant; past 18 significant digits a float drops the rest,
    # money rounds them away if they are below the cents, and a whole number cannot.
    assert values(["0.0008528224822534812", "3.14159265358979323846"], "number") == [
        0.0008528224822534812,
        3.141592653589793,
    ]
    parsed = read(["3.14159265358979323846", "123456789012345678901"], "money")
    assert parsed.values.to_pylist() == [Decimal("3.14"), None]
    assert parsed.errors == ((1, messages.VALUE_TOO_LARGE),)
    assert read(["123456789012345678901"], "integer").errors == ((0, messages.VALUE_TOO_LARGE),)
