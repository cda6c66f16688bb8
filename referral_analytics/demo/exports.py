"""Small sample exports in the shapes real CRMs write, made from the demo data.

They ship in ``data/demo/`` so a new user can try the Import page at once, and the import
tests read them as fixtures. Header lines follow the vendors' own exports: Follow Up Boss,
HubSpot, a Salesforce report (title block and trailer included), Zoho, Pipedrive
(``Entity - Field``), KW Command (a duplicate and a blank header) and an Arabic CRM (Windows-1256).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from operator import attrgetter
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from referral_analytics.demo import generate
from referral_analytics.demo.arabic import (
    ARABIC_LEAD_SOURCE,
    ARABIC_SOURCE,
    ARABIC_STAGE,
    in_arabic,
)

LIFECYCLE = {  # our ladder → HubSpot lifecycle stages
    "General Public": "subscriber",
    "Target Group": "lead",
    "Network": "opportunity",
    "Allied Resource": "other",
    "Advocate": "customer",
    "Core Advocate": "evangelist",
}
FUB_STAGE = {
    "General Public": "Lead",
    "Target Group": "Prospect",
    "Network": "Sphere",
    "Allied Resource": "Vendor",
    "Advocate": "Past Client",
    "Core Advocate": "VIP",
}

# Our lead sources as each CRM's "Source" picklist writes them (the importer reads them back).
FUB_SOURCE = {
    "Referral": "Referral", "Sphere": "Sphere", "Past client": "Past Client",
    "Portal": "Zillow", "Website": "Website", "Open house": "Open House",
    "Sign call": "Sign Call", "Social media": "Facebook", "Paid ads": "Google Ads",
    "Event": "Event", "Other": "Other",
}  # fmt: skip
HUBSPOT_SOURCE = {  # HubSpot's "Original Source" is where the first visit came from
    "Referral": "Referrals", "Sphere": "Offline Sources", "Past client": "Offline Sources",
    "Portal": "Other Campaigns", "Website": "Organic Search", "Open house": "Offline Sources",
    "Sign call": "Offline Sources", "Social media": "Organic Social",
    "Paid ads": "Paid Search", "Event": "Offline Sources", "Other": "Other Campaigns",
}  # fmt: skip
SALESFORCE_SOURCE = {
    "Referral": "Referral", "Sphere": "Sphere of Influence", "Past client": "Past Client",
    "Portal": "Realtor.com", "Website": "Web", "Open house": "Open House",
    "Sign call": "Sign Call", "Social media": "Instagram", "Paid ads": "PPC",
    "Event": "Seminar", "Other": "Other",
}  # fmt: skip
ZOHO_SOURCE = {  # Zoho's standard Lead Source picklist, with a few of a team's own
    "Referral": "External Referral", "Sphere": "Personal Network", "Past client": "Past Client",
    "Portal": "Trulia", "Website": "Web Download", "Open house": "Open House",
    "Sign call": "Sign Call", "Social media": "Twitter", "Paid ads": "Advertisement",
    "Event": "Trade Show", "Other": "Cold Call",
}  # fmt: skip


def _source(words: dict[str, str]) -> Callable[[object], object]:
    return lambda p: words.get(p.lead_source)


Columns = dict[str, Callable[[object], object]]  # header → how a row's value is made


def _get(name: str) -> Callable[[object], object]:
    return attrgetter(name)


FOLLOW_UP_BOSS: Columns = {
    "First Name": _get("first"), "Last Name": _get("last"),
    "Stage": lambda p: FUB_STAGE[p.category], "Source": _source(FUB_SOURCE),
    "Assigned To": _get("agent"), "Email 1": _get("email"), "Phone 1": _get("phone"),
    "Tags": _get("city"), "Created": lambda p: f"{p.created_at:%m/%d/%Y %I:%M %p}",
    "Referred By": _get("referred_by"),
}  # fmt: skip
HUBSPOT: Columns = {
    "Record ID": lambda p: p.contact_id.lstrip("C").lstrip("0"), "First Name": _get("first"),
    "Last Name": _get("last"), "Email": _get("email"), "Phone Number": _get("phone"),
    "Lifecycle Stage": lambda p: LIFECYCLE[p.category], "Contact owner": _get("agent"),
    "Create Date": lambda p: f"{p.created_at:%Y-%m-%d %H:%M}",
    "Original Source": _source(HUBSPOT_SOURCE),
}  # fmt: skip
SALESFORCE: Columns = {
    "Contact ID": lambda p: f"003{p.contact_id}", "First Name": _get("first"),
    "Last Name": _get("last"), "Email": _get("email"), "Phone": _get("phone"),
    "Lead Source": _source(SALESFORCE_SOURCE), "Contact Owner": _get("agent"),
    "Created Date": lambda p: f"{p.created_at:%d/%m/%Y}",
}  # fmt: skip
ZOHO: Columns = {
    "Record Id": lambda p: f"zcrm_{p.contact_id}", "First Name": _get("first"),
    "Last Name": _get("last"), "Email": _get("email"), "Mobile": _get("phone"),
    "Lead Source": _source(ZOHO_SOURCE), "Contact Owner": _get("agent"),
    "Created Time": lambda p: f"{p.created_at:%b %d, %Y %I:%M %p}",
}  # fmt: skip
PIPEDRIVE: Columns = {
    "Deal - ID": _get("deal_id"), "Deal - Title": lambda d: f"{d.full_name} purchase",
    "Deal - Value": lambda d: "" if pd.isna(d.value) else f"{d.value:,.2f}",
    "Deal - Currency": lambda d: "SAR", "Deal - Stage": _get("stage"),
    "Deal - Status": _get("status"),
    "Deal - Owner": _get("agent"), "Deal - Source": _get("source"),
    "Deal - Deal created": lambda d: f"{d.created_at:%Y-%m-%d %H:%M:%S}",
    "Deal - Won time": lambda d: f"{d.closed_at:%Y-%m-%d %H:%M:%S}" if d.status == "won" else "",
    "Person - Name": _get("full_name"), "Person - Email": _get("email"),
}  # fmt: skip
KW_COMMAND: Columns = {  # KW Command's template repeats "Phone" and leaves a header blank
    "First Name": _get("first"), "Last Name": _get("last"), "Email": _get("email"),
    "Phone": _get("phone"), "Phone ": lambda p: None, "": _get("profession"),
    "Tags": _get("category"), "Source": _source(FUB_SOURCE), "Referred By": _get("referred_by"),
}  # fmt: skip
ARABIC: Columns = {
    "الاسم": lambda p: in_arabic(p.full_name), "البريد الإلكتروني": _get("email"),
    "الجوال": lambda p: "0" + p.phone[4:], "المصدر": _source(ARABIC_LEAD_SOURCE),
    "العلاقة": lambda p: ARABIC_SOURCE[p.source_group],
    "الوكيل": lambda p: in_arabic(p.agent), "التصنيف": lambda p: ARABIC_STAGE[p.category],
    "تاريخ الإنشاء": lambda p: f"{p.created_at:%d/%m/%Y}",
}  # fmt: skip


def write_samples(
    folder: Path, *, contacts: int = 240, seed: int = 7, end: date = date(2026, 11, 22)
) -> list[Path]:
    """Write every sample export into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = generate(contacts, seed=seed, end=end)
    people = _people(tables)
    deals = tables["deals"].merge(people[["contact_id", "full_name", "email"]], on="contact_id")
    return [
        _csv(folder / "follow_up_boss_people.csv", _table(people, FOLLOW_UP_BOSS)),
        _csv(folder / "hubspot_contacts.csv", _table(people, HUBSPOT)),
        _salesforce_report(folder / "salesforce_contacts_report.csv", _table(people, SALESFORCE)),
        _csv(folder / "zoho_contacts.csv", _table(people, ZOHO), delimiter=";"),
        _csv(folder / "pipedrive_deals.csv", _table(deals, PIPEDRIVE)),
        _workbook(
            folder / "kw_command_contacts.xlsx", _table(people, KW_COMMAND), sheet="Contacts"
        ),
        _csv(folder / "arabic_crm_contacts.csv", _table(people, ARABIC), encoding="cp1256"),
    ]


def _people(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    people = tables["contacts"].copy()
    names = people["full_name"].str.split(" ", n=1, expand=True)
    referrer = tables["referrals"].set_index("referred_id")["referrer_id"]
    by_id = people.set_index("contact_id")["full_name"]
    people["first"], people["last"] = names[0], names[1]
    people["referred_by"] = people["contact_id"].map(referrer).map(by_id)
    people["category"] = people["category"].astype(str)
    people = people.head(60).astype(object)
    return people.where(people.notna(), None)


def _table(frame: pd.DataFrame, columns: Columns) -> list[list]:
    """The header (stripped: a repeated header is written twice as the CRM does) and rows."""
    rows = [[make(row) for make in columns.values()] for row in frame.itertuples()]
    return [[h.strip() for h in columns], *rows]


def _csv(path: Path, table: list[list], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding=encoding) as out:
        csv.writer(out, delimiter=delimiter).writerows(
            [
                ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in row]
                for row in table
            ]
        )
    return path


def _salesforce_report(path: Path, table: list[list]) -> Path:
    """A report export: a title block above the header, and Salesforce's trailer below."""
    title = [["Contacts by owner"], ["As of 22/11/2026 09:00"], []]
    trailer = [
        [], [f"Grand Totals ({len(table) - 1} records)"], [],
        ["Confidential Information - Do Not Distribute"],
        ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
    ]  # fmt: skip
    return _csv(path, [*title, *table, *trailer])


def _workbook(path: Path, table: list[list], *, sheet: str) -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in table:
        book.active.append(row)
    book.save(path)
    return path
