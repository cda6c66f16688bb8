"""Header names as CRMs and spreadsheets write them, per kind and field.

Kept apart from ``fields`` because it is data that grows with every CRM we meet; each
module cites the exports it covers. Matching normalises both sides (``mapping.normalise``),
so spelling variants of case, accents, punctuation and Arabic letter forms need no entry.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.activity import EMAIL_SENDS, NPS_RESPONSES, TOUCHES
from referral_analytics.ingest.map.synonyms.contacts import CONTACTS
from referral_analytics.ingest.map.synonyms.deals import DEALS
from referral_analytics.ingest.map.synonyms.partners import COSTS, PARTNERS
from referral_analytics.ingest.map.synonyms.referrals import REFERRALS, REWARDS

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": CONTACTS,
    "referrals": REFERRALS,
    "deals": DEALS,
    "rewards": REWARDS,
    "touches": TOUCHES,
    "email_sends": EMAIL_SENDS,
    "partners": PARTNERS,
    "costs": COSTS,
    "nps_responses": NPS_RESPONSES,
}

# The records each kind's rows are, as CRMs prefix their fields with them ("Contact: Full
# Name" in Salesforce reports, "Deal - Value" in Pipedrive). Only a kind's own records are
# dropped: "Deal - Owner" says nothing about a contact, and "Contact Owner: Full Name" (an
# owner, not a record) is the owner's name, never the contact's.
ENTITIES: dict[str, frozenset[str]] = {
    "contacts": frozenset({"contact", "contacts", "person", "people", "lead", "leads", "client",
                           "customer", "record"}),
    "referrals": frozenset({"referral", "referrals", "record"}),
    "deals": frozenset({"deal", "deals", "opportunity", "opportunities", "transaction",
                        "record"}),
    "rewards": frozenset({"reward", "rewards", "record"}),
    "touches": frozenset({"activity", "activities", "task", "event", "touch", "record"}),
    "email_sends": frozenset({"email", "message", "send", "record"}),
    "partners": frozenset({"partner", "vendor", "organization", "organisation", "org",
                           "company", "account", "record"}),
    "costs": frozenset({"cost", "costs", "expense", "record"}),
    "nps_responses": frozenset({"survey", "response", "answer", "record"}),
}  # fmt: skip
