"""Header synonyms for allied partners' scorecards and for marketing costs.

Partner scorecards and cost sheets are kept by hand (a brokerage's vendor list, an ads
account's monthly spend), so these follow the seeds' words (002 §3.4: service quality,
response time, satisfaction, referral quantity) and common spreadsheet headers.
Order matters: when two columns of a file match one field, the earlier synonym wins.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.shared import AGENT, RECORD_ID

_PERIOD = ("Period", "Month", "Period Start", "Date", "الفترة", "الشهر")

PARTNERS: dict[str, tuple[str, ...]] = {
    "partner_id": (
        "Partner ID", "Vendor ID", "Organization ID", "Org ID", "Company ID", *RECORD_ID,
        "معرف الشريك", "رقم الشريك",
    ),
    "name": (
        "Name", "Partner", "Partner Name", "Vendor", "Vendor Name", "Company", "Company Name",
        "Organization", "Organization Name", "Business Name", "Firm", "الاسم", "اسم الشريك",
        "الشريك", "اسم الجهة", "الشركة",
    ),
    "trade": (
        "Trade", "Partner Type", "Vendor Type", "Service", "Services", "Specialty", "Profession",
        "Industry", "Type", "المجال", "التخصص", "المهنة", "نوع الخدمة",
    ),
    "agent": AGENT,
    "period": (*_PERIOD, "Review Period", "Quarter"),
    "service_quality": (
        "Service Quality", "Quality", "Quality Score", "Quality Rating", "Service Rating",
        "جودة الخدمة",
    ),
    "response_time_hours": (
        "Response Time (hours)", "Response Time", "Response Hours", "Avg Response Time",
        "Average Response Time", "Hours to Respond", "وقت الاستجابة", "زمن الاستجابة",
    ),
    "satisfaction": (
        "Satisfaction", "Client Satisfaction", "Customer Satisfaction", "Satisfaction Score",
        "CSAT", "رضا العملاء", "الرضا",
    ),
    "referrals_from": (
        "Referrals From", "Referrals Received", "Referrals In", "Inbound Referrals",
        "Referrals From Partner", "Leads From", "الإحالات منه", "الإحالات الواردة",
    ),
    "referrals_to": (
        "Referrals To", "Referrals Sent", "Referrals Out", "Outbound Referrals",
        "Referrals Given", "Referrals To Partner", "Leads To", "الإحالات إليه",
        "الإحالات الصادرة",
    ),
}  # fmt: skip

COSTS: dict[str, tuple[str, ...]] = {
    "period": (*_PERIOD, "Spend Month", "Billing Month"),
    "channel": (
        "Channel", "Marketing Channel", "Source", "Lead Source", "Campaign", "Platform",
        "Media", "القناة", "قناة التسويق", "الحملة",
    ),
    "category": (
        "Cost Category", "Category", "Cost Type", "Expense Type", "Type", "Budget Line",
        "فئة التكلفة", "نوع التكلفة", "البند",
    ),
    "agent": AGENT,
    "amount": (
        "Amount", "Cost", "Spend", "Spent", "Amount Spent", "Expense", "Expenses", "Total Cost",
        "المبلغ", "التكلفة", "المصروف",
    ),
}  # fmt: skip
