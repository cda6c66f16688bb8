"""The period presets and the Filters value every query is bound with."""

from datetime import date, datetime

import pytest

from referral_analytics.filters import Filters, period_for

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("this_month", (date(2026, 11, 1), TODAY)),
        ("last_month", (date(2026, 10, 1), date(2026, 10, 31))),
        ("this_quarter", (date(2026, 10, 1), TODAY)),
        ("last_12_months", (date(2025, 12, 1), TODAY)),
        ("all", (date(2024, 3, 5), TODAY)),
    ],
)
def test_preset_covers_the_expected_days(preset, expected):
    assert period_for(preset, today=TODAY, first_day=date(2024, 3, 5)) == expected


def test_last_month_in_january_is_december_of_the_year_before():
    assert period_for("last_month", today=date(2027, 1, 15)) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


def test_custom_preset_uses_the_given_range():
    chosen = (date(2026, 2, 1), date(2026, 2, 10))
    assert period_for("custom", today=TODAY, custom=chosen) == chosen


def test_unknown_preset_is_refused():
    with pytest.raises(ValueError, match="unknown period preset"):
        period_for("fortnight", today=TODAY)


def test_previous_period_has_equal_length_and_ends_the_day_before():
    march = Filters(date(2026, 3, 1), date(2026, 3, 31), ("Omar Haddad",))
    previous = march.previous()
    assert (previous.start, previous.end) == (date(2026, 1, 29), date(2026, 2, 28))
    assert previous.days == march.days == 31
    assert previous.agents == ("Omar Haddad",)


def test_params_cover_whole_days_with_an_exclusive_end():
    params = Filters(date(2026, 3, 1), date(2026, 3, 31), (), ("Colleagues",)).params()
    assert params["start"] == datetime(2026, 3, 1)
    assert params["end"] == datetime(2026, 4, 1)
    assert params["agents"] == []
    assert params["source_groups"] == ["Colleagues"]


def test_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends before it starts"):
        Filters(date(2026, 3, 2), date(2026, 3, 1))
