"""A deals export with a stage and no status: the stage's closed words say won or lost."""

from __future__ import annotations

import pytest

from referral_analytics.ingest.options import ImportOptions
from referral_analytics.ingest.pipeline import import_file
from tests.files import write


def statuses(disk_con) -> list[tuple]:
    return disk_con.execute("select deal_id, stage, status from deals order by deal_id").fetchall()


EXPORTS = {
    "zoho": (
        "Deal Id,Deal Name,Stage,Amount,Closing Date,Contact Name",
        [("Z1", "Closed Won", "won"), ("Z2", "Closed Lost", "lost"),
         ("Z3", "Closed-Lost to Competition", "lost"), ("Z4", "Negotiation/Review", "open"),
         ("Z5", "Qualification", "open")],
    ),
    "salesforce": (
        "Opportunity ID,Opportunity Name,Stage,Amount,Close Date,Account Name",
        [("S1", "Closed Won", "won"), ("S2", "Closed Lost", "lost"),
         ("S3", "Prospecting", "open"), ("S4", "Id. Decision Makers", "open")],
    ),
    "hubspot": (
        "Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner",
        [("H1", "closedwon", "won"), ("H2", "closedlost", "lost"),
         ("H3", "appointmentscheduled", "open"), ("H4", "Won", "won"), ("H5", "Lost", "lost")],
    ),
    "arabic": (
        "رقم الصفقة,اسم الصفقة,المرحلة,القيمة,تاريخ الإغلاق,اسم العميل",
        [("A1", "مغلقة مكسوبة", "won"), ("A2", "مغلقة خاسرة", "lost"), ("A3", "مكسوبة", "won"),
         ("A4", "خاسرة", "lost"), ("A5", "قيد التفاوض", "open"), ("A6", "معاينة", "open")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("crm", list(EXPORTS))
def test_a_deals_exports_stage_gives_won_lost_or_open(disk_con, tmp_path, crm):
    header, stages = EXPORTS[crm]
    lines = [f"{deal},Deal {deal},{stage},1000,2026-05-01,Someone" for deal, stage, _ in stages]
    report = import_file(disk_con, write(tmp_path / f"{crm}.csv", header, *lines))
    assert (report.status, report.kind) == ("loaded", "deals"), report
    assert statuses(disk_con) == sorted((deal, stage, status) for deal, stage, status in stages)


def test_a_stage_without_closed_words_leaves_every_deal_open_and_no_stage_no_status(
    disk_con, tmp_path
):
    deals = write(
        tmp_path / "deals.csv", "Deal ID,Stage,Amount",
        "D1,Showing,100", "D2,Offer made,200", "D3,,300",
    )  # fmt: skip
    assert import_file(disk_con, deals).status == "loaded"
    assert statuses(disk_con) == [("D1", "Showing", "open"), ("D2", "Offer made", "open"),
                             ("D3", None, None)]  # fmt: skip


def test_a_status_column_decides_over_the_stage_and_the_values_table_maps_stages(
    disk_con, tmp_path
):
    with_status = write(
        tmp_path / "status.csv", "Deal ID,Stage,Status", "D1,Closed Won,lost", "D2,Closed Won,",
    )  # fmt: skip
    assert import_file(disk_con, with_status).status == "loaded"
    assert statuses(disk_con) == [("D1", "Closed Won", "lost"), ("D2", "Closed Won", None)]
    own_words = write(tmp_path / "own.csv", "Deal ID,Stage", "D3,Funded", "D4,Closed Won")
    options = ImportOptions(words={"deal_status": {"Funded": "won"}})
    assert import_file(disk_con, own_words, options).status == "loaded"
    assert statuses(disk_con)[2:] == [("D3", "Funded", "won"), ("D4", "Closed Won", "won")]
