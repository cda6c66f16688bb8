"""Follow Up Boss's buying timeframe is the lead temperature, and a referral-ability rating is
1 to 5 (000 §5.2.1): anything else is a row error that names the value."""

from __future__ import annotations

from referral_analytics import messages
from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import import_file
from tests.files import write


def test_follow_up_boss_timeframe_gives_hot_warm_and_cold(disk_con, tmp_path):
    people = write(
        tmp_path / "fub.csv", "First Name,Last Name,Email 1,Stage,Timeframe",
        "Huda,Saleh,huda@example.com,Lead,0-3 Months", "Omar,Haddad,omar@example.com,Lead,3-6 Months",
        "Sara,Nasser,sara@example.com,Lead,6-12 Months", "Ali,Bakr,ali@example.com,Lead,12+ Months",
        "Reem,Aziz,reem@example.com,Lead,",
    )  # fmt: skip
    report = import_file(disk_con, people)
    assert report.status == "loaded", report
    assert disk_con.execute("select email, lead_temperature from contacts order by email").fetchall() == [
        ("ali@example.com", "Cold"), ("huda@example.com", "Hot"), ("omar@example.com", "Warm"),
        ("reem@example.com", None), ("sara@example.com", "Cold"),
    ]  # fmt: skip
    assert disk_con.execute(
        "select count(*) from contacts where extra like '%Timeframe%'"
    ).fetchall() == [(0,)]


def test_a_referral_rating_off_the_1_to_5_scale_is_a_row_error_naming_it(disk_con, tmp_path):
    people = write(
        tmp_path / "rated.csv", "Email,Referral Rating",
        "a@example.com,1", "b@example.com,5", "c@example.com,★★★", "d@example.com,0",
        "e@example.com,6", "f@example.com,8/10", "g@example.com,",
    )  # fmt: skip
    refused = import_file(disk_con, people)
    assert refused.status == "rejected"
    assert [(e.line, e.value, e.reason) for e in refused.errors] == [
        (f"line {line}", value, messages.VALUE_RATING_RANGE.format(value=value))
        for line, value in ((5, "0"), (6, "6"), (7, "8/10"))
    ]
    assert all(e.value in e.reason for e in refused.errors)
    assert disk_con.execute("select count(*) from contacts").fetchall() == [(0,)]
    loaded = import_file(disk_con, people, ImportOptions(skip_invalid=True))
    assert (loaded.status, loaded.rows_loaded, loaded.rows_rejected) == ("loaded", 4, 3)
    assert disk_con.execute("select email, referral_rating from contacts order by email").fetchall() == [
        ("a@example.com", 1), ("b@example.com", 5), ("c@example.com", 3), ("g@example.com", None),
    ]  # fmt: skip
