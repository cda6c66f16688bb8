"""A store whose every imported text field is a markdown, HTML or template payload.

Built through the real import (CSV files written here, ``pipeline.import_file``), on top of the
demo, with recent dates so every page's default period shows them. Pages must show each
payload as its characters: no image fetched from ``evil.example``, no link to it, no bold, no
colour, no LaTeX, no expanded ``%{y}``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from referral_analytics import db
from referral_analytics.ingest import pipeline
from referral_analytics.ingest.options import ImportOptions
from tests.conftest import build_demo_db

HOST = "evil.example"
# The pieces every payload carries, each of which a renderer could act on.
PIECES = (
    f"![x](http://{HOST}/beacon.png)",
    f"[link](https://{HOST}/)",
    "**bold**",
    "$x^2$",
    ":red[red]",
    f'<a href="http://{HOST}/">a</a>',
    f"<img src=http://{HOST}/i.png>",
    "%{y}",
)
FILE_NAME = f"export ![f](http://{HOST}/file.png) **f**.csv"


def payload(label: str) -> str:
    """``label`` followed by every piece: unique per field, so a test can tell where it went."""
    return f"{label} " + " ".join(PIECES)


AGENT = payload("Agent")


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _files(folder: Path) -> dict[str, tuple[Path, list[str], list[list[object]]]]:
    ids = [f"PX{i}" for i in range(8)]
    contacts = [
        [cid, payload(f"Name{i}"), f"px{i}@example.com", AGENT, "Advocate", "Friends & family",
         payload(f"City{i}"), payload(f"Job{i}"), "2026-11-01"]
        for i, cid in enumerate(ids)
    ]  # fmt: skip
    referrals = [
        [f"PR{i}", ids[0], ids[i], AGENT, payload(f"Channel{i % 2}"), "Friends & family",
         "2026-11-05", "2026-11-05" if i % 2 else "", "lost" if i < 4 else "closed",
         payload(f"Reason{i % 2}") if i < 4 else "", "2026-11-12" if i < 4 else "",
         "" if i < 4 else "2026-11-18", "" if i < 4 else "900000", "" if i < 4 else "22500"]
        for i in range(1, 8)
    ]  # fmt: skip
    deals = [
        [f"PD{i}", ids[i], AGENT, payload(f"Source{i % 2}"), payload("Stage"), "won",
         "800000", "20000", "2026-11-02", "2026-11-19"]
        for i in range(1, 5)
    ]  # fmt: skip
    # Variant1 replies far more often: the verdict then names it as the winner.
    replied = [(i % 2 == 1 and i % 3 != 0) or i % 6 == 0 for i in range(400)]
    sends = [
        [f"PS{i}", payload("Experiment"), payload(f"Variant{i % 2}"), ids[i % 8],
         f"2026-11-{10 + i % 10:02d}", "2026-11-21" if replied[i] else ""]
        for i in range(400)
    ]  # fmt: skip
    partners = [
        [f"PP{i}", payload(f"Partner{i}"), payload(f"Trade{i % 2}"), AGENT, "2026-10-01",
         7 + i % 3, 4 + i, 8, 3 + i, 2]
        for i in range(3)
    ]  # fmt: skip
    costs = [["2026-11-01", payload("CostChannel"), "marketing", "5000"]]
    rewards = [["PW1", "PR5", ids[0], AGENT, payload("RewardType"), "750", "closed", "2026-11-19"]]
    return {
        "contacts": (folder / "contacts.csv", [
            "Contact ID", "Full name", "E-mail", "Agent", "Category", "Source group", "City",
            "Profession", "Created date"], contacts),
        "referrals": (folder / "referrals.csv", [
            "Referral ID", "Referrer ID", "Referred ID", "Agent", "Channel", "Source group",
            "Received date", "First contact date", "Status", "Lost reason", "Lost date",
            "Closed date", "Transaction value", "Commission"], referrals),
        "deals": (folder / "deals.csv", [
            "Deal ID", "Contact ID", "Agent", "Source", "Stage", "Status", "Value", "Commission",
            "Created date", "Closed date"], deals),
        "email_sends": (folder / "sends.csv", [
            "Send ID", "Experiment", "Variant", "Contact ID", "Sent date", "Replied date"], sends),
        "partners": (folder / "partners.csv", [
            "Partner ID", "Name", "Trade", "Agent", "Period", "Service quality",
            "Response time (hours)", "Satisfaction", "Referrals from", "Referrals to"], partners),
        "costs": (folder / "costs.csv", ["Period", "Channel", "Cost category", "Amount"], costs),
        "rewards": (folder / "rewards.csv", [
            "Reward ID", "Referral ID", "Referrer ID", "Agent", "Reward type", "Amount", "Stage",
            "Paid date"], rewards),
    }  # fmt: skip


def build_payload_db(path: Path, contacts: int = 300) -> Path:
    """The demo at ``path`` plus one import of each kind whose text fields are payloads.

    The last import carries a payload as its file name (the "Data as of" caption shows it).
    """
    build_demo_db(path, contacts)
    con = db.connect(path)
    try:
        files = _files(path.parent)
        for n, (kind, (file, header, rows)) in enumerate(files.items(), start=1):
            _write(file, header, rows)
            name = FILE_NAME if n == len(files) else file.name
            report = pipeline.import_file(con, file, ImportOptions(kind=kind),
                                          file_name=name)  # fmt: skip
            assert report.status == "loaded", (kind, report.errors[:3], report.decisions)
    finally:
        con.close()
    return path
