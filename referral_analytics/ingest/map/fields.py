"""The field catalogue: what each kind of file may hold, how each field is read, and its names.

A kind is one canonical table (migrations/001). Its fields are the table's columns (less
``import_id`` and ``extra``) plus a few virtual fields the pipeline turns into columns
(``VIRTUAL``). Synonyms live in ``synonyms/``; ``needs`` says what a file must map for its rows
to mean anything, and a field alone in a need is ``required``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from referral_analytics.ingest.map.synonyms import SYNONYMS
from referral_analytics.vocabulary import (
    ADOPTION_STAGES,
    AIDA_STAGES,
    CIRCLE_ROLES,
    CONTACT_PLANS,
    DEAL_STATUSES,
    LADDER,
    LEAD_SOURCES,
    REFERRAL_STATUSES,
    SOURCE_GROUPS,
)

# Must equal values.TYPES: the value parsers read a column by its field's type.
TYPES: tuple[str, ...] = (
    "id", "text", "email", "phone", "date", "day", "money", "number", "integer", "percent",
    "rating", "yes_no", "vocab",
)  # fmt: skip
VOCABULARIES: tuple[str, ...] = (
    "category", "lead_temperature", "source_group", "lead_source", "aida_stage",
    "adoption_stage", "circle_role", "plan", "referral_status", "deal_status",
)  # fmt: skip

# Fields that are no table's column: the pipeline derives columns from them (assemble, links).
VIRTUAL: dict[str, tuple[str, ...]] = {
    "contacts": ("first_name", "last_name", "referred_by", "tags"),
    "referrals": ("referrer", "referred", "referrer_name", "referred_name"),
    "deals": ("contact", "contact_name"),
    "rewards": ("referrer", "referrer_name"),
    "touches": ("contact", "contact_name"),
    "email_sends": ("contact", "contact_name", "opened", "clicked", "replied"),
    "nps_responses": ("contact", "contact_name"),
}
# Virtual fields naming a person, whom the link stage finds among the stored contacts
# (load/links.py); carried as "__<field>". "<link>_name" is a name column beside an e-mail
# one (Pipedrive's "Person - Name" beside "Person - Email"): a row the e-mail does not find
# is looked up by its name.
NAME_OF: dict[str, str] = {
    "referrer": "referrer_name", "referred": "referred_name", "contact": "contact_name",
}  # fmt: skip
LINK_FIELDS: tuple[str, ...] = ("referred_by", "referrer", "referred", "contact", *NAME_OF.values())


@dataclass(frozen=True)
class Field:
    """One field of a kind: a table column or a virtual field.

    Attributes:
        name: The column of the kind's table, or a virtual field (``VIRTUAL``).
        type: How its cells are read: one of ``TYPES``.
        label: The name users see, and the import template's header.
        description: One sentence for the import template's description row.
        synonyms: Header names as CRMs write them, matched normalised; earlier ones win ties.
        vocabulary: For type "vocab", which vocabulary its words belong to.
        required: The file must map it (a need of the kind with no alternative).
    """

    name: str
    type: str
    label: str
    description: str
    synonyms: tuple[str, ...] = ()
    vocabulary: str | None = None
    required: bool = False


@dataclass(frozen=True)
class Kind:
    """One kind of file and the canonical table it loads into.

    Attributes:
        name: The kind's name ("contacts" …).
        label: The name users see ("Contacts" …).
        table: The canonical table its rows go to.
        fields: Its fields, in the order the mapping table and the template show them.
        needs: Each inner tuple: at least one of these fields must be mapped.
    """

    name: str
    label: str
    table: str
    fields: tuple[Field, ...]
    needs: tuple[tuple[str, ...], ...] = ()

    def field(self, name: str) -> Field:
        """The field called ``name``.

        Raises:
            KeyError: The kind has no such field.
        """
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(f"{self.name} have no field {name!r}")


def either(words: Sequence[str]) -> str:
    """Words as a sentence lists alternatives: "A", "A or B", "A, B or C"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _f(name: str, type_: str, label: str, description: str, vocabulary: str | None = None) -> Field:
    return Field(name, type_, label, description, vocabulary=vocabulary)


def _kind(
    name: str, label: str, fields: tuple[Field, ...], needs: tuple[tuple[str, ...], ...] = ()
) -> Kind:
    """A kind with its synonyms attached and its single-field needs marked required."""
    synonyms = SYNONYMS[name]
    unknown = set(synonyms) - {f.name for f in fields}
    if unknown:  # a typo in the synonym data would otherwise be silently ignored
        raise ValueError(f"synonyms for unknown {name} fields: {sorted(unknown)}")
    required = {need[0] for need in needs if len(need) == 1}
    fields = tuple(
        replace(f, synonyms=synonyms.get(f.name, ()), required=f.name in required) for f in fields
    )
    return Kind(name, label, name, fields, tuple(needs))


def _agent(whose: str) -> Field:
    return _f("agent", "text", "Agent", f"The agent or team member {whose}.")


def _name(name: str, label: str, whose: str) -> Field:
    return _f(name, "text", label, f"The name of {whose}, if no e-mail or id finds them.")


def _contact_id(whose: str) -> Field:
    return _f("contact_id", "id", "Contact ID", f"The CRM id of the contact {whose}.")


CONTACTS = _kind("contacts", "Contacts", (
    _f("contact_id", "id", "Contact ID", "The contact's record id in your CRM."),
    _f("full_name", "text", "Full name", "The contact's whole name (or give first and last)."),
    _f("first_name", "text", "First name", "The contact's first (given) name."),
    _f("last_name", "text", "Last name", "The contact's last (family) name."),
    _f("email", "email", "E-mail", "The contact's e-mail address."),
    _f("phone", "phone", "Phone", "The contact's mobile or phone number."),
    _agent("who owns the contact"),
    _f("category", "vocab", "Category",
       f"Where the contact stands: {either(LADDER)}.", "category"),
    _f("source_group", "vocab", "Source group",
       f"Where the relationship comes from: {either(SOURCE_GROUPS)}.",
       "source_group"),
    _f("lead_source", "vocab", "Lead source",
       f"How the lead came: {either(LEAD_SOURCES)}.", "lead_source"),
    _f("lead_temperature", "vocab", "Lead temperature",
       "Hot (now), Warm (3–6 months) or Cold (later).", "lead_temperature"),
    _f("aida_stage", "vocab", "AIDA stage", f"{either(AIDA_STAGES)}.", "aida_stage"),
    _f("adoption_stage", "vocab", "Adoption stage",
       f"{either(ADOPTION_STAGES)}.", "adoption_stage"),
    _f("circle_role", "vocab", "Circle role",
       f"{either(CIRCLE_ROLES)}.", "circle_role"),
    _f("referral_rating", "rating", "Referral rating",
       "How able the contact is to give referrals, from 1 to 5."),
    _f("city", "text", "City", "The city the contact lives in."),
    _f("profession", "text", "Profession", "The contact's profession or job title."),
    _f("created_at", "date", "Created date", "When the contact was added to your CRM."),
    _f("met_at", "date", "Met date", "When you first met the contact."),
    _f("referred_by", "text", "Referred by",
       "The name or e-mail of whoever referred this contact to you."),
    _f("tags", "text", "Tags", "The contact's tags, separated by commas."),
), needs=(("contact_id", "email", "phone", "full_name", "first_name"),))  # fmt: skip

REFERRALS = _kind("referrals", "Referrals", (
    _f("referral_id", "id", "Referral ID", "The referral's record id."),
    _f("referrer_id", "id", "Referrer ID", "The contact id of who gave the referral."),
    _f("referred_id", "id", "Referred ID", "The contact id of the person referred."),
    _f("referrer", "text", "Referrer", "The name or e-mail of who gave the referral."),
    _f("referred", "text", "Referred", "The name or e-mail of the person referred."),
    _name("referrer_name", "Referrer name", "who gave the referral"),
    _name("referred_name", "Referred name", "the person referred"),
    _agent("who handles the referral"),
    _f("channel", "text", "Channel", "How the referral came in (call, message, event …)."),
    _f("source_group", "vocab", "Source group",
       f"The referrer's group: {either(SOURCE_GROUPS)}.", "source_group"),
    _f("received_at", "date", "Received date", "When the referral was received."),
    _f("first_contact_at", "date", "First contact date",
       "When the referred person was first contacted."),
    _f("appointment_at", "date", "Appointment date", "When the first appointment took place."),
    _f("contract_at", "date", "Contract date", "When the referred person signed a contract."),
    _f("closed_at", "date", "Closed date", "When the transaction closed."),
    _f("lost_at", "date", "Lost date", "When the referral was lost."),
    _f("status", "vocab", "Status", f"The referral's status: {either(REFERRAL_STATUSES)}.",
       "referral_status"),
    _f("lost_reason", "text", "Lost reason", "Why the referral was lost."),
    _f("transaction_value", "money", "Transaction value", "The closed transaction's value."),
    _f("commission", "money", "Commission", "The commission the transaction earned."),
), needs=(("received_at",), ("referred", "referred_id", "referred_name")))  # fmt: skip

DEALS = _kind("deals", "Deals", (
    _f("deal_id", "id", "Deal ID", "The deal's record id."),
    _contact_id("the deal is with"),
    _f("contact", "text", "Contact", "The name or e-mail of the contact the deal is with."),
    _name("contact_name", "Contact name", "the contact the deal is with"),
    _f("referral_id", "id", "Referral ID", "The referral the deal came from, if referred."),
    _agent("who owns the deal"),
    _f("source", "text", "Source",
       f"How the lead came: {either(LEAD_SOURCES)} (empty: the contact's lead source)."),
    _f("stage", "text", "Stage", "The deal's pipeline stage."),
    _f("status", "vocab", "Status", f"The deal's status: {either(DEAL_STATUSES)}.",
       "deal_status"),
    _f("value", "money", "Value", "The deal's value."),
    _f("commission", "money", "Commission", "The commission the deal earned."),
    _f("created_at", "date", "Created date", "When the deal was created."),
    _f("closed_at", "date", "Closed date", "When the deal closed."),
), needs=(("deal_id", "contact", "contact_id", "contact_name"),))  # fmt: skip

REWARDS = _kind("rewards", "Rewards", (
    _f("reward_id", "id", "Reward ID", "The reward's record id."),
    _f("referral_id", "id", "Referral ID", "The referral the reward thanks."),
    _f("referrer_id", "id", "Referrer ID", "The contact id of who received the reward."),
    _f("referrer", "text", "Referrer", "The name or e-mail of who received the reward."),
    _name("referrer_name", "Referrer name", "who received the reward"),
    _agent("who gave the reward"),
    _f("reward_type", "text", "Reward type", "What was given (gift card, cash, dinner …)."),
    _f("amount", "money", "Amount", "What the reward cost."),
    _f("stage", "text", "Stage", "The referral's stage the reward was paid at."),
    _f("paid_at", "date", "Paid date", "When the reward was given."),
), needs=(("amount",),))  # fmt: skip

TOUCHES = _kind("touches", "Touches & activities", (
    _f("touch_id", "id", "Touch ID", "The activity's record id."),
    _contact_id("touched"),
    _f("contact", "text", "Contact", "The name or e-mail of the contact touched."),
    _name("contact_name", "Contact name", "the contact touched"),
    _agent("who made the touch"),
    _f("touched_at", "date", "Touch date", "When the contact was touched."),
    _f("channel", "text", "Channel", "How the touch was made: call, note, mail, event or gift."),
    _f("plan", "vocab", "Plan", f"The contact plan it belongs to: {either(CONTACT_PLANS)}.",
       "plan"),
), needs=(("touched_at",),))  # fmt: skip

EMAIL_SENDS = _kind("email_sends", "Referral-ask e-mail sends", (
    _f("send_id", "id", "Send ID", "The sent message's id."),
    _f("experiment", "text", "Experiment", "The A/B test the e-mail belongs to."),
    _f("variant", "text", "Variant", "The version of the e-mail sent (A, B …)."),
    _contact_id("the e-mail went to"),
    _f("contact", "text", "Recipient", "The e-mail address (or name) the e-mail went to."),
    _name("contact_name", "Recipient name", "whom the e-mail went to"),
    _agent("who sent the e-mail"),
    _f("sent_at", "date", "Sent date", "When the e-mail was sent."),
    _f("opened_at", "date", "Opened date", "When the e-mail was first opened."),
    _f("clicked_at", "date", "Clicked date", "When a link in the e-mail was first clicked."),
    _f("replied_at", "date", "Replied date", "When the contact replied."),
    _f("referrals_generated", "integer", "Referrals generated",
       "How many referrals the e-mail brought."),
    _f("opened", "yes_no", "Opened", "Whether the e-mail was opened (when no time is given)."),
    _f("clicked", "yes_no", "Clicked", "Whether a link was clicked (when no time is given)."),
    _f("replied", "yes_no", "Replied", "Whether the contact replied (when no time is given)."),
), needs=(("experiment",), ("variant",)))  # fmt: skip

PARTNERS = _kind("partners", "Allied partners", (
    _f("partner_id", "id", "Partner ID", "The partner's record id."),
    _f("name", "text", "Name", "The partner's name or business."),
    _f("trade", "text", "Trade", "What they do: mortgage, insurance, inspection and the like."),
    _agent("who works with the partner"),
    _f("period", "day", "Period", "The month the figures cover (its first day)."),
    _f("service_quality", "number", "Service quality", "How good their service was."),
    _f("response_time_hours", "number", "Response time (hours)",
       "How many hours they take to respond, on average."),
    _f("satisfaction", "number", "Satisfaction", "How satisfied shared clients were."),
    _f("referrals_from", "integer", "Referrals from", "Referrals they sent you in the period."),
    _f("referrals_to", "integer", "Referrals to", "Referrals you sent them in the period."),
), needs=(("partner_id", "name"),))  # fmt: skip

COSTS = _kind("costs", "Marketing costs", (
    _f("period", "day", "Period", "The month the spend belongs to (its first day)."),
    _f("channel", "text", "Channel",
       "Where the money went: referral program, portal, ads and so on."),
    _f("category", "text", "Cost category", "The kind of spend: marketing or referral_program."),
    _agent("whose budget it is"),
    _f("amount", "money", "Amount", "What was spent in the month."),
), needs=(("period",), ("channel",), ("amount",)))  # fmt: skip

NPS_RESPONSES = _kind("nps_responses", "NPS answers", (
    _f("response_id", "id", "Response ID", "The survey answer's id."),
    _contact_id("who answered"),
    _f("contact", "text", "Respondent", "The name or e-mail of who answered."),
    _name("contact_name", "Respondent name", "who answered"),
    _agent("whose client answered"),
    _f("answered_at", "date", "Answered date", "When the survey was answered."),
    _f("score", "integer", "Score", "How likely they are to recommend you, from 0 to 10."),
), needs=(("score",),))  # fmt: skip

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (CONTACTS, REFERRALS, DEALS, REWARDS, TOUCHES, EMAIL_SENDS, PARTNERS, COSTS,
              NPS_RESPONSES)
}  # fmt: skip


def template_rows(kind: str) -> tuple[list[str], list[str]]:
    """The import template's header labels and, under each, its description.

    A field the kind needs says so in its description, so the template tells what to fill.
    """
    spec = KINDS[kind]
    labels = [f.label for f in spec.fields]
    descriptions = [f.description + _need_note(spec, f.name) for f in spec.fields]
    return labels, descriptions


def _need_note(spec: Kind, name: str) -> str:
    for need in spec.needs:
        if name in need:
            others = [spec.field(n).label for n in need if n != name]
            return " Required." if not others else f" Required unless {either(others)} is given."
    return ""
