"""Dates and days read from text cells: formats, the column's day-month order, Excel serials.

Every expected value is worked out by hand from the cell as written. Excel serial 46277:
1899-12-30 plus 46277 days; 1900-01-01 is day 2 and 2026-01-01 is day 2 + 126×365 + 31 leap
days (1904…2024) = 46023, and 12 September is the 255th day of 2026, so 46023 + 254 = 46277.
"""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from referral_analytics import messages
from referral_analytics.ingest.values import parse


def read(cells: list[str | None], type_: str = "date", **options):
    return parse(pa.array(cells, pa.string()), type_, **options)


def values(cells: list[str | None], type_: str = "date", **options) -> list:
    parsed = read(cells, type_, **options)
    assert parsed.errors == ()
    assert parsed.decision is None
    return parsed.values.to_pylist()


SEPT_12 = datetime(2026, 9, 12)


@pytest.mark.parametrize(
    "cell",
    ["2026-09-12", "2026/09/12", "2026.09.12", "2026-9-12", "20260912", "Sep 12, 2026",
     "12 Sep 2026", "September 12 2026", "12-Sep-26", "12 September, 2026", "Sat, Sep 12, 2026",
     "12th Sep 2026", "SEP 12 2026", "sept. 12, 2026", "12 سبتمبر 2026", "46277"],
)  # fmt: skip
def test_unambiguous_ways_of_writing_12_september_2026(cell):
    assert values([cell]) == [SEPT_12]


@pytest.mark.parametrize(
    ("cell", "moment"),
    [
        ("2026-09-12 14:30", datetime(2026, 9, 12, 14, 30)),
        ("2026-09-12T14:30:05", datetime(2026, 9, 12, 14, 30, 5)),
        ("2026-09-12T14:30:05.25", datetime(2026, 9, 12, 14, 30, 5, 250000)),
        ("2026-09-12T14", datetime(2026, 9, 12, 14)),
        ("Sep 12, 2026 2:30 PM", datetime(2026, 9, 12, 14, 30)),
        ("Sep 12, 2026 12:05 AM", datetime(2026, 9, 12, 0, 5)),
        ("Sep 12, 2026 12:05 pm", datetime(2026, 9, 12, 12, 5)),
        ("12 Sep 2026 at 9:15 a.m.", datetime(2026, 9, 12, 9, 15)),
        ("46277.5", datetime(2026, 9, 12, 12)),
        ("46277.604166666664", datetime(2026, 9, 12, 14, 30)),  # Excel's float for 14:30
    ],
)
def test_times_of_day(cell, moment):
    assert values([cell]) == [moment]


@pytest.mark.parametrize(
    ("cell", "utc"),
    [
        ("2026-09-12T14:30:00Z", datetime(2026, 9, 12, 14, 30)),
        ("2026-09-12T14:30:00+03:00", datetime(2026, 9, 12, 11, 30)),
        ("2026-09-12T01:30:00+03:00", datetime(2026, 9, 11, 22, 30)),
        ("2026-09-12 14:30:00-0500", datetime(2026, 9, 12, 19, 30)),
        ("2026-09-12 14:30 UTC", datetime(2026, 9, 12, 14, 30)),
        ("2026-09-12T14:30:00.000Z", datetime(2026, 9, 12, 14, 30)),
    ],
)
def test_zoned_times_are_converted_to_utc(cell, utc):
    parsed = read([cell, "2026-01-01"])  # a plain date alongside, taken as it is
    assert parsed.values.to_pylist() == [utc, datetime(2026, 1, 1)]
    assert parsed.note == messages.VALUE_DATES_UTC
    assert parsed.values.type == pa.timestamp("us")


def test_a_column_of_zoned_iso_times_reads_whole():
    parsed = read(["2026-09-12T14:30:00Z", "2026-09-12T14:30:00+03:00"])
    assert parsed.values.to_pylist() == [
        datetime(2026, 9, 12, 14, 30),
        datetime(2026, 9, 12, 11, 30),
    ]
    assert parsed.note == messages.VALUE_DATES_UTC


def test_a_first_number_above_12_makes_the_column_day_first():
    parsed = read(["12/09/2026", "31/01/2026", "12.09.2026", "12-09-2026", "01/02/26"])
    assert parsed.values.to_pylist() == [
        SEPT_12, datetime(2026, 1, 31), SEPT_12, SEPT_12, datetime(2026, 2, 1)
    ]  # fmt: skip
    assert parsed.note == messages.VALUE_DATES_DAY_FIRST.format(example="31/01/2026")


def test_a_second_number_above_12_makes_the_column_month_first():
    parsed = read(["09/12/2026 2:30 PM", "12/31/2026", "9/12/26"])
    assert parsed.values.to_pylist() == [
        datetime(2026, 9, 12, 14, 30), datetime(2026, 12, 31), SEPT_12
    ]  # fmt: skip
    assert parsed.note == messages.VALUE_DATES_MONTH_FIRST.format(example="12/31/2026")


def test_an_ambiguous_column_asks_for_the_order():
    parsed = read(["03/04/2026", "05/06/2026", "07/07/2026", None])
    assert parsed.decision == messages.VALUE_DATES_AMBIGUOUS.format(
        example="03/04/2026", first="3 April", second="March 4"
    )
    assert "DMY or MDY" in parsed.decision
    assert parsed.values.to_pylist() == [None] * 4
    assert parsed.values.type == pa.timestamp("us")
    assert parsed.errors == ()


def test_dates_reading_the_same_either_way_need_no_decision():
    assert values(["05/05/2026", "12/12/2026"]) == [datetime(2026, 5, 5), datetime(2026, 12, 12)]


@pytest.mark.parametrize(
    ("order", "expected"),
    [("DMY", datetime(2026, 4, 3)), ("MDY", datetime(2026, 3, 4)), ("dmy", datetime(2026, 4, 3))],
)
def test_the_users_order_answers_the_decision(order, expected):
    parsed = read(["03/04/2026"], date_order=order)
    assert parsed.values.to_pylist() == [expected]
    assert parsed.decision is None
    assert parsed.note is not None and "as chosen" in parsed.note


def test_year_first_order_reads_two_digit_years_first():
    parsed = read(["26/09/12", "2026-09-13", "12/09/2026"], date_order="YMD")
    assert parsed.values.to_pylist() == [SEPT_12, datetime(2026, 9, 13), None]
    assert parsed.errors == ((2, messages.VALUE_YEAR_NOT_FIRST),)


def test_the_users_order_stands_against_the_data():
    parsed = read(["31/01/2026", "01/02/2026"], date_order="MDY")
    assert parsed.values.to_pylist() == [None, datetime(2026, 1, 2)]
    assert parsed.errors == ((0, messages.VALUE_OTHER_ORDER.format(order="month-first")),)


def test_an_inconsistent_column_is_read_the_way_most_dates_make_sense():
    parsed = read(["31/01/2026", "13/02/2026", "01/31/2026", "05/06/2026"])
    assert parsed.values.to_pylist() == [
        datetime(2026, 1, 31), datetime(2026, 2, 13), None, datetime(2026, 6, 5)
    ]  # fmt: skip
    assert parsed.errors == ((2, messages.VALUE_OTHER_ORDER.format(order="day-first")),)
    assert parsed.note == messages.VALUE_DATES_MOSTLY.format(order="day-first", count=2, other=1)


def test_an_evenly_split_column_asks_for_the_order():
    parsed = read(["31/01/2026", "01/31/2026"])
    assert parsed.decision == messages.VALUE_DATES_MIXED.format(dmy="31/01/2026", mdy="01/31/2026")
    assert parsed.values.to_pylist() == [None, None]


def test_iso_and_slashed_dates_mix():
    assert values(["2026-09-12", "31/01/2026", "2026-01-02T08:00:00"]) == [
        SEPT_12, datetime(2026, 1, 31), datetime(2026, 1, 2, 8)
    ]  # fmt: skip


def test_impossible_dates_are_refused_with_a_reason():
    parsed = read(
        ["31/02/2026", "29/02/2024", "29/02/2026", "2026-13-01", "2026-02-30", "13/13/2026"]
    )
    assert parsed.values.to_pylist() == [None, datetime(2024, 2, 29), None, None, None, None]
    assert parsed.errors == (
        (0, messages.VALUE_NO_SUCH_DAY),
        (2, messages.VALUE_NO_SUCH_DAY),
        (3, messages.VALUE_BAD_MONTH),
        (4, messages.VALUE_NO_SUCH_DAY),
        (5, messages.VALUE_BAD_MONTH),
    )


def test_other_refusals_say_what_is_expected():
    cells = ["TBD", "14:30", "12/09", "Sep 2026", "2026-09-12 25:00", "2026-09-12 10:61",
             "2026-09-12 13:00 PM", "1850-01-01", "2026-09-12T10:00+15:00", "Smarch 12, 2026"]  # fmt: skip
    parsed = read(cells)
    assert parsed.values.to_pylist() == [None] * len(cells)
    assert parsed.errors == (
        (0, messages.VALUE_NOT_DATE),
        (1, messages.VALUE_TIME_ONLY),
        (2, messages.VALUE_NO_YEAR),
        (3, messages.VALUE_NO_DAY),
        (4, messages.VALUE_BAD_TIME),
        (5, messages.VALUE_BAD_TIME),
        (6, messages.VALUE_BAD_TIME),
        (7, messages.VALUE_YEAR_RANGE),
        (8, messages.VALUE_BAD_ZONE),
        (9, messages.VALUE_NOT_DATE),
    )
    assert "2026-09-12" in messages.VALUE_NOT_DATE


def test_arabic_digits_and_marks_in_dates():
    parsed = read(
        ["١٢/٠٩/٢٠٢٦", "٣١/٠١/٢٠٢٦", "\u200f12/09/2026\u200f", "٢٠٢٦-٠٩-١٢", "12/09/2026 02:30 م"]
    )
    assert parsed.errors == ()
    assert parsed.values.to_pylist() == [
        SEPT_12, datetime(2026, 1, 31), SEPT_12, SEPT_12, datetime(2026, 9, 12, 14, 30)
    ]  # fmt: skip


def test_a_column_of_numbers_is_read_as_excel_serials():
    parsed = read(["46277", "46277.75", "20000", "80001", "46277.0"])
    assert parsed.values.to_pylist() == [
        SEPT_12, datetime(2026, 9, 12, 18), datetime(1954, 10, 3), None, SEPT_12
    ]  # fmt: skip
    assert parsed.errors == ((3, messages.VALUE_SERIAL_RANGE),)
    assert parsed.note == messages.VALUE_DATES_SERIALS.format(
        example="46277", date="12 September 2026"
    )


def test_numbers_among_written_dates_are_not_serials():
    parsed = read(["2026-09-12", "46277", "n/a"])
    assert parsed.values.to_pylist() == [SEPT_12, None, None]
    assert parsed.errors == ((1, messages.VALUE_NUMBER_AMONG_DATES), (2, messages.VALUE_NOT_DATE))


def test_empty_cells_are_null_not_errors():
    parsed = read([None, "", "   ", "\u00a0", "\u200b", "2026-09-12"])
    assert parsed.values.to_pylist() == [None] * 5 + [SEPT_12]
    assert parsed.errors == ()


# --- day ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2026-09", date(2026, 9, 1)),
        ("Sep 2026", date(2026, 9, 1)),
        ("September, 2026", date(2026, 9, 1)),
        ("Sep-26", date(2026, 9, 1)),  # Excel's mmm-yy
        ("09/2026", date(2026, 9, 1)),
        ("2026-09-01", date(2026, 9, 1)),
        ("2026-09-15", date(2026, 9, 15)),
        ("46277", date(2026, 9, 12)),
        ("2026-09-12T23:30:00-05:00", date(2026, 9, 12)),  # the day as written
        ("٢٠٢٦-٠٩", date(2026, 9, 1)),
        ("سبتمبر 2026", date(2026, 9, 1)),
    ],
)
def test_day_reads_months_and_dates(cell, day):
    parsed = read([cell], "day")
    assert parsed.errors == ()
    assert parsed.values.to_pylist() == [day]
    assert parsed.values.type == pa.date32()


def test_day_refusals():
    parsed = read(["2026-13", "soon", "Sep 12"], "day")
    assert parsed.values.to_pylist() == [None, None, None]
    assert parsed.errors == (
        (0, messages.VALUE_BAD_MONTH),
        (1, messages.VALUE_NOT_MONTH),
        (2, messages.VALUE_NO_YEAR),
    )


def test_day_asks_for_the_order_too():
    assert read(["03/04/2026"], "day").decision is not None
    assert read(["03/04/2026"], "day", date_order="DMY").values.to_pylist() == [date(2026, 4, 3)]


# --- properties -----------------------------------------------------------------------------

FORMATS = [  # (strftime format, date order it needs)
    ("%Y-%m-%d", None), ("%Y/%m/%d", None), ("%d/%m/%Y", "DMY"), ("%m/%d/%Y", "MDY"),
    ("%d.%m.%Y", "DMY"), ("%d-%m-%Y", "DMY"), ("%b %d, %Y", None), ("%d %B %Y", None),
    ("%B %d %Y", None), ("%A, %d %B %Y", None),
]  # fmt: skip
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(DAYS, st.sampled_from(FORMATS))
def test_any_date_written_in_a_supported_format_reads_back(day, form):
    pattern, order = form
    assert values([day.strftime(pattern)], date_order=order) == [datetime(*day.timetuple()[:3])]


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_two_digit_years_are_1970_to_2069(day):
    assert values([day.strftime("%d-%b-%y")]) == [datetime(*day.timetuple()[:3])]


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)))
def test_any_us_time_with_am_pm_reads_back(moment):
    written = moment.strftime("%m/%d/%Y %I:%M %p")
    assert values([written], date_order="MDY") == [moment.replace(second=0, microsecond=0)]


@given(st.lists(DAYS, min_size=1, max_size=20))
def test_a_column_of_day_first_dates_with_one_late_day_reads_whole(days):
    cells = [d.strftime("%d/%m/%Y") for d in days] + ["31/12/2026"]
    assert values(cells) == [datetime(*d.timetuple()[:3]) for d in days] + [datetime(2026, 12, 31)]
