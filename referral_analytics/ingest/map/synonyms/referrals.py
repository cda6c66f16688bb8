"""Header synonyms for referrals received and the rewards paid for them.

Referral trackers are mostly hand-kept sheets and CRM custom fields, so these follow the
words of the seeds (000 §5.3: received, first contact, appointment, contract, closed) and the
referral pages of Follow Up Boss, kvCORE and Lofty ("Referred By", "Referral Date").
Order matters: when two columns of a file match one field, the earlier synonym wins.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.shared import AGENT, RECORD_ID

_REFERRER = (  # an e-mail first: links resolve it surely, a name only likely
    "Referrer Email", "Referred By Email", "Referrer", "Referred By",
    "Referring Client", "Referring Contact", "Referring Party", "Referral From", "Referred From",
    "Advocate", "المحيل", "مُحال من", "أحاله", "أحيل من قبل",
)  # fmt: skip
# A name column beside the e-mail one: looked up when the e-mail finds no one.
_REFERRER_NAME = ("Referrer Name", "Referred By Name", "Referring Client Name", "اسم المحيل")
_MONEY_VALUE = (
    "Transaction Value", "Sale Price", "Sales Price", "Sold Price", "Purchase Price",
    "Closed Price", "Price", "Deal Value", "Value", "Amount", "Volume",
    "قيمة الصفقة", "قيمة المعاملة", "القيمة", "السعر",
)  # fmt: skip
COMMISSION: tuple[str, ...] = (
    "Commission", "Commission Amount", "GCI", "Gross Commission", "Agent Commission",
    "Commission Value", "العمولة", "قيمة العمولة",
)  # fmt: skip

REFERRALS: dict[str, tuple[str, ...]] = {
    "referral_id": (
        "Referral ID", "Referral Number", "Referral No", "Ref ID", *RECORD_ID, "رقم الإحالة",
        "معرف الإحالة",
    ),
    "referrer_id": (
        "Referrer ID", "Referred By ID", "Referrer Contact ID", "Referring Contact ID",
        "Advocate ID", "معرف المحيل", "رقم المحيل",
    ),
    "referred_id": (
        "Referred ID", "Referred Contact ID", "Referee ID", "Lead ID", "Client ID",
        "معرف المحال", "رقم المحال",
    ),
    "referrer": _REFERRER,
    "referrer_name": _REFERRER_NAME,
    "referred": (  # an e-mail first: links resolve it surely, a name only likely
        "Referred Email", "Referee Email", "Referred", "Referred Person",
        "Referred Contact", "Referred Client", "Referee", "Lead", "Lead Name", "Prospect",
        "Client Name", "Contact Name", "Email", "Name", "Full Name",
        "المحال", "الشخص المحال", "العميل المحال", "اسم العميل", "الاسم",
    ),
    # Only headers that say whose name: a bare "Name" beside "Email" is as likely a contacts
    # file's, and counting it here would make such a file look like referrals.
    "referred_name": ("Referred Name", "Referee Name", "Referral Name", "اسم المحال"),
    "agent": AGENT,
    "channel": (
        "Channel", "Referral Channel", "Referral Method", "Method", "How Referred", "Via",
        "القناة", "قناة الإحالة", "وسيلة الإحالة",
    ),
    "source_group": (
        "Source Group", "Referrer Group", "Referrer Type", "Relationship", "Source",
        "Referral Source", "Circle", "مجموعة المصدر", "المصدر", "العلاقة",
    ),
    "received_at": (
        "Received Date", "Date Received", "Received", "Referral Date", "Date Referred",
        "Referred Date", "Referred On", "Created", "Created Date", "Date",
        "تاريخ الإحالة", "تاريخ الاستلام",
    ),
    "first_contact_at": (
        "First Contact Date", "First Contact", "First Contacted", "Contacted Date",
        "Date Contacted", "Contact Date", "First Call", "First Response", "First Touch",
        "تاريخ أول تواصل", "أول تواصل", "تاريخ التواصل",
    ),
    "appointment_at": (
        "Appointment Date", "Appt Date", "Meeting Date", "Appointment",
        "First Meeting", "Showing Date", "Consultation Date", "تاريخ الموعد", "الموعد",
    ),
    "contract_at": (
        "Contract Date", "Under Contract Date", "Pending Date", "Signed Date",
        "Agreement Date", "Under Contract", "Contract", "تاريخ العقد",
        "تاريخ التعاقد",
    ),
    "closed_at": (
        "Closed Date", "Close Date", "Closing Date", "Date Closed", "Closed On",
        "Won Date", "Settlement Date", "Completion Date", "تاريخ الإغلاق", "تاريخ الإقفال",
    ),
    "lost_at": ("Lost Date", "Date Lost", "Lost On", "Lost Time", "تاريخ الخسارة"),
    "status": (
        "Status", "Referral Status", "Outcome", "Result", "State", "الحالة", "حالة الإحالة",
    ),
    "lost_reason": (
        "Lost Reason", "Reason Lost", "Loss Reason", "Why Lost", "Reason", "سبب الخسارة",
        "سبب الفقد",
    ),
    "transaction_value": _MONEY_VALUE,
    "commission": COMMISSION,
}  # fmt: skip

REWARDS: dict[str, tuple[str, ...]] = {
    "reward_id": ("Reward ID", "Payment ID", "Gift ID", *RECORD_ID, "رقم المكافأة"),
    "referral_id": ("Referral ID", "Referral Number", "رقم الإحالة"),
    "referrer_id": ("Referrer ID", "Referred By ID", "Recipient ID", "Advocate ID", "معرف المحيل"),
    "referrer": (*_REFERRER, "Recipient", "Paid To", "Payee", "Rewarded Contact", "المستفيد"),
    "referrer_name": (*_REFERRER_NAME, "Recipient Name", "Payee Name", "اسم المستفيد"),
    "agent": AGENT,
    "reward_type": (
        "Reward Type", "Type", "Reward", "Gift", "Incentive", "Reward Kind", "نوع المكافأة",
        "المكافأة",
    ),
    "amount": (
        "Amount", "Reward Amount", "Reward Value", "Value", "Cost", "Amount Paid", "Paid Amount",
        "Bonus", "المبلغ", "قيمة المكافأة",
    ),
    "stage": (
        "Stage", "Reward Stage", "Paid at Stage", "Milestone", "Trigger", "المرحلة",
    ),
    "paid_at": (
        "Paid Date", "Paid At", "Paid On", "Date Paid", "Payment Date", "Date Given",
        "Given Date", "Date", "تاريخ الدفع", "تاريخ الصرف",
    ),
}  # fmt: skip
