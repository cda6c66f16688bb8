"""Header synonyms for deals: transactions, referred or not.

Covered: Pipedrive ("Deal - Value", "Deal - Won time", "Person - Email"), HubSpot deals
("Deal Name", "Amount", "Close Date", "Deal owner"), Salesforce opportunities ("Opportunity
Owner", "Close Date"), Zoho deals ("Closing Date", "Contact Name"), Follow Up Boss deals
("Price", "People"), KW Command opportunities, Arabic sheets.
Order matters: when two columns of a file match one field, the earlier synonym wins, so a
contact's e-mail beats their name (links resolve an e-mail surely, a name only likely);
a name column beside it is the contact's name, looked up when the e-mail finds no one.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.referrals import COMMISSION
from referral_analytics.ingest.map.synonyms.shared import AGENT, CONTACT_ID, RECORD_ID

DEALS: dict[str, tuple[str, ...]] = {
    "deal_id": (
        "Deal ID", "Deal Number", "Opportunity ID", "Transaction ID", *RECORD_ID, "رقم الصفقة",
        "معرف الصفقة",
    ),
    "contact_id": CONTACT_ID,
    "contact": (
        "Contact Email", "Person Email", "Client Email", "Customer Email", "Buyer Email",
        "Contact", "Contact Person", "Associated Contact", "Primary Contact", "Person",
        "People", "Client", "Customer", "Buyer", "العميل", "بريد العميل",
    ),
    "contact_name": (
        "Contact Name", "Person Name", "Client Name", "Customer Name", "Buyer Name",
        "اسم العميل",
    ),
    "referral_id": ("Referral ID", "Referral Number", "رقم الإحالة"),
    "agent": (*AGENT, "Listing Agent", "Buyer's Agent", "Selling Agent"),
    "source": (
        "Source", "Lead Source", "Deal Source", "Original Source", "Origin", "Lead Origin",
        "Source Channel", "Campaign Source", "المصدر", "مصدر الصفقة", "مصدر العميل",
    ),
    "stage": (
        "Stage", "Deal Stage", "Pipeline Stage", "Opportunity Stage", "Stage Name", "المرحلة",
        "مرحلة الصفقة",
    ),
    "status": (
        "Status", "Deal Status", "Won/Lost", "Outcome", "Result", "الحالة", "حالة الصفقة",
    ),
    "value": (
        "Value", "Deal Value", "Amount", "Deal Amount", "Opportunity Amount", "Price",
        "Sale Price", "Sales Price", "Sold Price", "Purchase Price", "Transaction Value",
        "Volume", "القيمة", "قيمة الصفقة", "المبلغ", "السعر",
    ),
    "commission": COMMISSION,
    "created_at": (
        "Created", "Created Date", "Create Date", "Created At", "Created Time", "Created On",
        "Date Created", "Deal Created", "Deal created on", "Add Time", "Date Added",
        "تاريخ الإنشاء", "تاريخ الإضافة",
    ),
    "closed_at": (
        "Close Date", "Closed Date", "Closing Date", "Date Closed", "Closed On",
        "Deal closed on", "Close Time", "Closed Time", "Actual Close Date", "Won Time",
        "Won Date", "تاريخ الإغلاق", "تاريخ الإقفال",
    ),
}  # fmt: skip
