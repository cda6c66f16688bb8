"""Small sample exports in the shapes real CRMs write, made from the demo data.

They ship in ``data/demo/`` so a new user can try the Import page at once, and the import
tests read them as fixtures. Header lines follow the vendors' own exports: Follow Up Boss,
HubSpot, a Salesforce report (title block and trailer included), Zoho, Pipedrive
(``Entity - Field``), KW Command (a duplicate and a blank header) and an Arabic CRM (Windows-1256).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from referral_analytics.demo import generate
from referral_analytics.demo.arabic import ARABIC_SOURCE, ARABIC_STAGE, in_arabic

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


def write_samples(
    folder: Path, *, contacts: int = 240, seed: int = 7, end: date = date(2026, 11, 22)
) -> list[Path]:
    """Write every sample export into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = generate(contacts, seed=seed, end=end)
    people = _people(tables)
    writers = (_follow_up_boss, _hubspot, _salesforce, _zoho, _pipedrive, _kw_command, _arabic)
    return [write(folder, people, tables) for write in writers]


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


def _csv(
    path: Path,
    header: list[str],
    rows: list[list],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with path.open("w", newline="", encoding=encoding) as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows([["" if pd.isna(v) else v for v in row] for row in rows])
    return path


def _follow_up_boss(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    header = [
        "First Name",
        "Last Name",
        "Stage",
        "Source",
        "Assigned To",
        "Email 1",
        "Phone 1",
        "Tags",
        "Created",
        "Referred By",
    ]
    rows = [
        [
            p.first,
            p.last,
            FUB_STAGE[p.category],
            p.source_group,
            p.agent,
            p.email,
            p.phone,
            p.city,
            f"{p.created_at:%m/%d/%Y %I:%M %p}",
            p.referred_by,
        ]
        for p in people.itertuples()
    ]
    return _csv(folder / "follow_up_boss_people.csv", header, rows)


def _hubspot(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    header = [
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Lifecycle Stage",
        "Contact owner",
        "Create Date",
        "Original Source",
    ]
    rows = [
        [
            p.contact_id.lstrip("C").lstrip("0"),
            p.first,
            p.last,
            p.email,
            p.phone,
            LIFECYCLE[p.category],
            p.agent,
            f"{p.created_at:%Y-%m-%d %H:%M}",
            p.source_group,
        ]
        for p in people.itertuples()
    ]
    return _csv(folder / "hubspot_contacts.csv", header, rows)


def _salesforce(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    """A report export: a title block above the header, and Salesforce's trailer below."""
    path = folder / "salesforce_contacts_report.csv"
    header = [
        "Contact ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone",
        "Lead Source",
        "Contact Owner",
        "Created Date",
    ]
    rows = [
        [
            f"003{p.contact_id}",
            p.first,
            p.last,
            p.email,
            p.phone,
            p.source_group,
            p.agent,
            f"{p.created_at:%d/%m/%Y}",
        ]
        for p in people.itertuples()
    ]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerows([["Contacts by owner"], ["As of 22/11/2026 09:00"], []])
        writer.writerow(header)
        writer.writerows(rows)
        writer.writerows(
            [
                [],
                [f"Grand Totals ({len(rows)} records)"],
                [],
                ["Confidential Information - Do Not Distribute"],
                ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
            ]
        )
    return path


def _zoho(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    header = [
        "Record Id",
        "First Name",
        "Last Name",
        "Email",
        "Mobile",
        "Lead Source",
        "Contact Owner",
        "Created Time",
    ]
    rows = [
        [
            f"zcrm_{p.contact_id}",
            p.first,
            p.last,
            p.email,
            p.phone,
            p.source_group,
            p.agent,
            f"{p.created_at:%b %d, %Y %I:%M %p}",
        ]
        for p in people.itertuples()
    ]
    return _csv(folder / "zoho_contacts.csv", header, rows, delimiter=";")


def _pipedrive(folder: Path, people: pd.DataFrame, tables: dict) -> Path:
    deals = tables["deals"].merge(people[["contact_id", "full_name", "email"]], on="contact_id")
    header = [
        "Deal - ID",
        "Deal - Title",
        "Deal - Value",
        "Deal - Currency",
        "Deal - Stage",
        "Deal - Status",
        "Deal - Owner",
        "Deal - Source",
        "Deal - Deal created",
        "Deal - Won time",
        "Person - Name",
        "Person - Email",
    ]
    rows = [
        [
            d.deal_id,
            f"{d.full_name} purchase",
            "" if pd.isna(d.value) else f"{d.value:,.2f}",
            "SAR",
            d.stage,
            d.status,
            d.agent,
            d.source,
            f"{d.created_at:%Y-%m-%d %H:%M:%S}",
            "" if pd.isna(d.closed_at) or d.status != "won" else f"{d.closed_at:%Y-%m-%d %H:%M:%S}",
            d.full_name,
            d.email,
        ]
        for d in deals.itertuples()
    ]
    return _csv(folder / "pipedrive_deals.csv", header, rows)


def _kw_command(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    """KW Command's template repeats "Phone" and leaves a column without a header."""
    path = folder / "kw_command_contacts.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Contacts"
    sheet.append(
        ["First Name", "Last Name", "Email", "Phone", "Phone", "", "Tags", "Source", "Referred By"]
    )
    for p in people.itertuples():
        sheet.append(
            [
                p.first,
                p.last,
                p.email,
                p.phone,
                None,
                p.profession,
                p.category,
                p.source_group,
                p.referred_by,
            ]
        )
    book.save(path)
    return path


def _arabic(folder: Path, people: pd.DataFrame, _: dict) -> Path:
    header = [
        "الاسم",
        "البريد الإلكتروني",
        "الجوال",
        "المصدر",
        "الوكيل",
        "التصنيف",
        "تاريخ الإنشاء",
    ]
    rows = [
        [
            in_arabic(p.full_name),
            p.email,
            "0" + p.phone[4:],
            ARABIC_SOURCE[p.source_group],
            in_arabic(p.agent),
            ARABIC_STAGE[p.category],
            f"{p.created_at:%d/%m/%Y}",
        ]
        for p in people.itertuples()
    ]
    return _csv(folder / "arabic_crm_contacts.csv", header, rows, encoding="cp1256")
