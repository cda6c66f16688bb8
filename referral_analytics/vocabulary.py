"""The domain's fixed vocabularies (domain.md), shared by the demo, import mapping and pages."""

from __future__ import annotations

# The contact ladder from outside to the inner circle (003, 002, 001).
LADDER: tuple[str, ...] = (
    "General Public",
    "Target Group",
    "Network",
    "Allied Resource",
    "Advocate",
    "Core Advocate",
)
HAVENT_MET: tuple[str, ...] = LADDER[:2]
MET: tuple[str, ...] = LADDER[2:]

LEAD_TEMPERATURES: tuple[str, ...] = ("Hot", "Warm", "Cold")
AIDA_STAGES: tuple[str, ...] = ("Awareness", "Interest", "Desire", "Action")
ADOPTION_STAGES: tuple[str, ...] = (
    "Innovators",
    "Early Adopters",
    "Early Majority",
    "Late Majority",
    "Laggards",
)
CIRCLE_ROLES: tuple[str, ...] = ("Promoter", "Influencer", "Collaborator", "Detractor")
SOURCE_GROUPS: tuple[str, ...] = (
    "Friends & family",
    "Colleagues",
    "Vendors & suppliers",
    "Past clients",
    "Organisations",
    "Allied resources",
)
CONTACT_PLANS: tuple[str, ...] = ("8x8", "33 Touch", "none")
# How a lead came (a CRM's "Lead Source"), not which inner-circle group it came from: the
# Sources page compares referred leads with the others by it (004: referred leads convert
# better), and a deal with no source of its own takes its contact's.
LEAD_SOURCES: tuple[str, ...] = (
    "Referral",
    "Sphere",
    "Past client",
    "Portal",
    "Website",
    "Open house",
    "Sign call",
    "Social media",
    "Paid ads",
    "Event",
    "Other",
)

# A referral's pipeline (000 §5.3): each step's timestamp column in `referrals`.
FUNNEL_STEPS: tuple[tuple[str, str], ...] = (
    ("Received", "received_at"),
    ("First contact", "first_contact_at"),
    ("Appointment", "appointment_at"),
    ("Under contract", "contract_at"),
    ("Closed", "closed_at"),
)
REFERRAL_STATUSES: tuple[str, ...] = ("open", "closed", "lost")
DEAL_STATUSES: tuple[str, ...] = ("open", "won", "lost")
REFERRAL_SOURCE = LEAD_SOURCES[0]  # the lead source of referred leads
