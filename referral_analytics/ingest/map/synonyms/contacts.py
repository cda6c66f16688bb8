"""Header synonyms for contacts: people exports of real-estate CRMs and general ones.

Covered: Follow Up Boss (people export), KW Command (contacts export and import template),
kvCORE / BoldTrail (Smart CRM export), Lofty (Chime), Sierra Interactive, HubSpot (contacts),
Salesforce (contact and lead reports: "Contact: Full Name", "Mailing City", "Lead Source"),
Follow Up Boss's "Timeframe" (the lead temperature),
Zoho CRM (contacts, leads), Pipedrive (persons: "Person - Email - Work"), Arabic CRMs.
Order matters: when two columns of a file match one field, the earlier synonym wins.
"""

from __future__ import annotations

from referral_analytics.ingest.map.synonyms.shared import AGENT, CONTACT_ID, RECORD_ID

CONTACTS: dict[str, tuple[str, ...]] = {
    "contact_id": (*CONTACT_ID, *RECORD_ID, "Contact Number", "CRM ID", "الرقم التعريفي"),
    "full_name": (
        "Name", "Full Name", "Contact Name", "Contact Full Name", "Person Name", "Lead Name",
        "Client Name", "Customer Name", "Display Name", "Contact", "Person", "Client", "Customer",
        "الاسم", "الاسم الكامل", "الاسم بالكامل", "الاسم الثلاثي", "اسم العميل", "اسم جهة الاتصال",
        "العميل",
    ),
    "first_name": (
        "First Name", "First", "Given Name", "Forename", "FName", "الاسم الأول", "الاسم الاول",
    ),
    "last_name": (
        "Last Name", "Last", "Surname", "Family Name", "LName", "اسم العائلة", "الاسم الأخير",
        "العائلة", "اللقب",
    ),
    "email": (
        "Email", "Email Address", "Email 1", "Primary Email", "Email - Work", "Email - Home",
        "Email - Other", "Work Email", "Personal Email", "Home Email", "Emails", "Mail",
        "البريد الإلكتروني", "البريد", "الإيميل", "عنوان البريد الإلكتروني",
    ),
    "phone": (
        "Phone", "Phone Number", "Phone 1", "Primary Phone", "Mobile", "Mobile Phone",
        "Mobile Number", "Mobile Phone Number", "Cell", "Cell Phone", "Phone - Mobile",
        "Phone - Work", "Phone - Home", "Home Phone", "Work Phone", "Telephone", "Tel", "WhatsApp",
        "الجوال", "رقم الجوال", "الهاتف", "رقم الهاتف", "الموبايل", "رقم الموبايل", "المحمول",
        "الهاتف المحمول", "واتساب",
    ),
    "agent": AGENT,
    "category": (
        "Category", "Relationship Category", "Contact Category", "Stage", "Lifecycle Stage",
        "Contact Stage", "Pipeline Stage", "Status", "Contact Status", "Contact Type",
        "Classification", "Segment", "Tier", "Ladder", "التصنيف", "الفئة", "المرحلة", "نوع العميل",
    ),
    "source_group": (  # the inner-circle group (001 §2.1); how a lead came is lead_source
        "Source Group", "Inner Circle Group", "Circle Group", "Circle", "Referral Source",
        "Relationship", "Relationship Group", "How We Met", "مجموعة المصدر", "العلاقة",
        "نوع العلاقة", "الدائرة", "مجموعة الدائرة",
    ),
    "lead_source": (
        "Lead Source", "Source", "Original Source", "Contact Source", "Lead Origin", "Origin",
        "Source Channel", "Lead Channel", "How Did You Hear About Us", "المصدر", "مصدر العميل",
        "مصدر العميل المحتمل", "مصدر الاتصال", "كيف عرفتنا",
    ),
    "lead_temperature": (  # Follow Up Boss asks the buying timeframe: 0-3 months is hot
        "Lead Temperature", "Temperature", "Rating", "Lead Rating", "Heat", "Lead Heat",
        "Timeframe", "Time Frame", "Buying Timeframe", "Purchase Timeframe",
        "Selling Timeframe", "Timeline", "حرارة العميل", "درجة حرارة العميل", "درجة الاهتمام",
        "الإطار الزمني", "المدة المتوقعة للشراء",
    ),
    "aida_stage": ("AIDA Stage", "AIDA", "Funnel Stage", "Buyer Journey Stage", "مرحلة AIDA"),
    "adoption_stage": (
        "Adoption Stage", "Adopter Category", "Adopter Type", "Innovation Adoption",
        "مرحلة التبني", "فئة التبني",
    ),
    "circle_role": (
        "Circle Role", "Inner Circle Role", "Referral Role", "Role", "الدور", "الدور في الدائرة",
    ),
    "referral_rating": (
        "Referral Rating", "Referral Ability", "Ability to Refer", "Referral Score",
        "Referral Potential", "تقييم الإحالة", "القدرة على الإحالة",
    ),
    "city": (
        "City", "Mailing City", "Address City", "Address 1 - City", "Primary City", "Home City",
        "Town", "المدينة",
    ),
    "profession": (
        "Profession", "Occupation", "Job Title", "Title", "Job", "Position", "المهنة",
        "الوظيفة", "المسمى الوظيفي",
    ),
    "created_at": (
        "Created", "Created Date", "Create Date", "Created At", "Created Time", "Create Time",
        "Created On", "Date Created", "Date Added", "Added On", "Date Registered",
        "Registration Date", "Person created", "Contact Created", "Lead Created", "Signup Date",
        "تاريخ الإنشاء", "تاريخ الإضافة", "تاريخ التسجيل",
    ),
    "met_at": (
        "Met Date", "Date Met", "Met On", "First Met", "First Meeting",
        "تاريخ التعارف", "تاريخ اللقاء",
    ),
    "referred_by": (
        "Referrer Email", "Referred By Email", "Referred By", "Referrer", "Referrer Name",
        "Referred By Name", "Referred From", "Referral From", "Referring Contact",
        "مُحال من", "أحاله", "المحيل", "أحيل من قبل", "عن طريق",
    ),
    "tags": (
        "Tags", "Tag", "Hashtags", "Labels", "Label", "Groups", "الوسوم", "العلامات", "الوسم",
    ),
}  # fmt: skip
