"""Headers several kinds share: who owns a record, and a bare record id.

Every CRM names the record's owner differently (Follow Up Boss "Assigned To", HubSpot
"Contact owner", KW Command "Assignee", Salesforce "… Owner"), and every kind has one.
"""

from __future__ import annotations

AGENT: tuple[str, ...] = (
    "Agent", "Agent Name", "Assigned To", "Assigned Agent", "Assigned User", "Assignee",
    "Owner", "Owner Name", "Record Owner", "Contact Owner", "Lead Owner", "Deal Owner",
    "Opportunity Owner", "Account Owner", "User", "Realtor", "Broker", "Sales Rep", "Rep",
    "Team Member", "Primary Agent",
    "الوكيل", "اسم الوكيل", "الوسيط", "المسوق", "المسؤول", "الموظف المسؤول", "المندوب", "المالك",
)  # fmt: skip

# A bare "ID" or "Record ID" is the file's own record id, whatever the kind.
RECORD_ID: tuple[str, ...] = ("ID", "Record ID", "Id", "المعرف", "رقم السجل")

CONTACT_ID: tuple[str, ...] = (
    "Contact ID", "Person ID", "Lead ID", "Client ID", "Customer ID", "معرف العميل", "رقم العميل",
)  # fmt: skip
