"""Header synonyms for what is done with contacts: touches, referral-ask e-mails, NPS answers.

Touches follow CRM activity and task exports (Follow Up Boss calls and notes, KW Command
SmartPlan tasks, Salesforce "Activity Date", HubSpot "Activity date"); e-mail sends follow ESP
campaign exports (Mailchimp, HubSpot e-mail: "Sent", "Opened", "Clicked"); NPS answers follow
survey tools (Delighted, SurveyMonkey, Typeform: "Score", "Response Date").
Order matters: when two columns of a file match one field, the earlier synonym wins.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.shared import AGENT, CONTACT_ID, RECORD_ID

TOUCHES: dict[str, tuple[str, ...]] = {
    "touch_id": ("Touch ID", "Activity ID", "Task ID", "Event ID", "Call ID", *RECORD_ID),
    "contact_id": (*CONTACT_ID, "Related To ID", "Who ID"),
    "contact": (
        "Contact Email", "Contact", "Related To", "Name", "Person", "Client", "Lead", "Email",
        "العميل",
    ),
    "contact_name": ("Contact Name", "اسم العميل"),  # only headers that say whose name
    "agent": (*AGENT, "Completed By", "Created By", "Logged By"),
    "touched_at": (
        "Touch Date", "Touched At", "Activity Date", "Date", "Completed Date",
        "Completed At", "Done Date", "Call Date", "Date/Time", "Timestamp", "Occurred At",
        "Logged At", "Created", "Created Date", "تاريخ التواصل", "تاريخ النشاط", "التاريخ",
    ),
    "channel": (
        "Channel", "Touch Type", "Activity Type", "Task Type", "Type", "Method", "Medium",
        "Subtype", "القناة", "وسيلة التواصل", "نوع النشاط",
    ),
    "plan": (
        "Plan", "Contact Plan", "Touch Plan", "SmartPlan", "Action Plan", "Campaign",
        "الخطة", "خطة التواصل",
    ),
}  # fmt: skip

EMAIL_SENDS: dict[str, tuple[str, ...]] = {
    "contact": (
        "Email Address", "Email", "Recipient", "Recipient Email", "To", "Subscriber",
        "Subscriber Email", "Contact Email", "Contact", "البريد الإلكتروني", "المستلم",
    ),
    "contact_name": ("Recipient Name", "Subscriber Name", "اسم المستلم"),
    "send_id": ("Send ID", "Message ID", "Email ID", *RECORD_ID),
    "experiment": (
        "Experiment", "Experiment Name", "Test", "Test Name", "A/B Test", "Split Test",
        "Campaign", "Campaign Name", "التجربة", "اسم التجربة",
    ),
    "variant": (
        "Variant", "Version", "Variation", "Arm", "Test Group", "A/B Variant", "Group",
        "النسخة", "المجموعة",
    ),
    "contact_id": (*CONTACT_ID, "Subscriber ID", "Recipient ID"),
    "agent": (*AGENT, "Sender", "Sent By", "From Name"),
    "sent_at": (
        "Sent At", "Sent Date", "Send Date", "Send Time", "Sent Time", "Date Sent",
        "Delivered At", "تاريخ الإرسال",
    ),
    "opened_at": (
        "Opened At", "Open Date", "Opened Date", "Open Time", "Opened Time", "First Open",
        "Date Opened", "تاريخ الفتح",
    ),
    "clicked_at": (
        "Clicked At", "Click Date", "Clicked Date", "Click Time", "First Click", "Date Clicked",
        "تاريخ النقر",
    ),
    "replied_at": (
        "Replied At", "Reply Date", "Replied Date", "Reply Time", "Responded At",
        "Response Date", "تاريخ الرد",
    ),
    "referrals_generated": (
        "Referrals Generated", "Referrals", "Referrals Received", "Referral Count",
        "Number of Referrals", "Referrals Made", "الإحالات", "عدد الإحالات",
    ),
    "opened": ("Opened", "Open", "Was Opened", "فتح", "فُتح"),
    "clicked": ("Clicked", "Click", "Was Clicked", "نقر"),
    "replied": ("Replied", "Reply", "Responded", "Was Replied", "رد"),
}  # fmt: skip

NPS_RESPONSES: dict[str, tuple[str, ...]] = {
    "response_id": ("Response ID", "Survey Response ID", "Submission ID", *RECORD_ID),
    "contact_id": (*CONTACT_ID, "Respondent ID"),
    "contact": (
        "Respondent Email", "Email", "Email Address", "Respondent", "Contact", "Customer", "Name",
        "البريد الإلكتروني", "العميل",
    ),
    "contact_name": ("Respondent Name", "Contact Name"),
    "agent": AGENT,
    "answered_at": (
        "Answered At", "Response Date", "Responded At", "Submitted At", "Submission Date",
        "Survey Date", "Completed At", "Date", "Timestamp",
        "تاريخ الإجابة", "تاريخ الرد",
    ),
    "score": (
        "Score", "NPS", "NPS Score", "Net Promoter Score", "Likelihood to Recommend",
        "How likely are you to recommend us", "Recommend Score", "Rating", "الدرجة",
        "درجة التوصية", "التقييم",
    ),
}  # fmt: skip
