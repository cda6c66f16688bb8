"""The words CRMs and spreadsheets use for our vocabularies, by the word each means to us.

Why these mappings (the lists say what; this says why):

Category (the ladder) — CRMs record where a contact is in *their* funnel, not how close they
are to the agent, so each stage maps to the rung it implies about the relationship:

* Someone not yet met is General Public unless the CRM says they were singled out. A bare
  "Lead", a "New" record, a newsletter "Subscriber", "Unknown", "Other" and a discarded lead
  (Follow Up Boss "Trash", "Unresponsive") say nothing about the relationship.
* Target Group is the unmet people an agent chose to reach: a "Target"/"Farm" (geographic
  farm), and a "Prospect" or a HubSpot marketing/sales-qualified lead, which someone judged
  to fit. ("Prospect" goes here, not to General Public, as the Follow Up Boss and Arabic
  sample exports write it; "عميل محتمل", the prospective client, likewise.)
* Network is everyone met in person: the sphere of influence (SOI), friends, family,
  neighbours, colleagues, and a HubSpot "opportunity", which means a conversation is under way.
* Allied Resource is the professionals a transaction needs (lender, inspector, attorney,
  title, escrow, appraiser, contractor, vendor) and partners who trade referrals.
* Advocate is a client: current ("Active Client", "Customer") or past ("Past Client",
  "Closed"); having worked with the agent is what makes someone able to refer.
* Core Advocate is the few who refer again and again: "Raving Fan", "Top Referrer", "VIP",
  HubSpot's "evangelist" (a customer who promotes you), and "مسوق" (a marketer for you).

Lead temperature — letter grades (A hot … C/D cold), star ratings, and the buying timeframe
CRMs ask for: within 3 months is hot, 3–6 months warm, later or "just looking" cold.

Statuses — a referral is "closed" when its deal closed (won, sold) and "lost" when it will
not (dead, cancelled, fell through); every in-between stage is "open". Deals follow the same
idea with won/lost; Salesforce and HubSpot pipeline stages before closing are "open". A
Pipedrive "deleted" deal is left unmapped on purpose: whether it was lost or entered by
mistake is the user's call, made once in the Values table.

Arabic words are the ones Gulf CRMs and the Arabic sample export use; spelling variants of
hamza and ta marbuta need no entries (lookups ignore them, see ``cleaning.word_key``).
"""

from __future__ import annotations

from referral_analytics import vocabulary

# canonical word → the other words that mean it, "|"-separated, as people write them.
WORDS: dict[str, dict[str, str]] = {
    "category": {
        "General Public": "general | public | lead | new | new lead | subscriber | cold lead | "
        "haven't met | havent met | not met | unknown | other | trash | unresponsive | "
        "unqualified | عام | عامة | جمهور عام | الجمهور العام | غير معروف | أخرى",
        "Target Group": "target | targeted | target market | farm | geographic farm | farm area | "
        "niche | prospect | marketingqualifiedlead | marketing qualified lead | mql | "
        "salesqualifiedlead | sales qualified lead | sql | فئة مستهدفة | الفئة المستهدفة | "
        "جمهور مستهدف | مستهدف | عميل محتمل",
        "Network": "met | sphere | soi | sphere of influence | friend | friends | family | "
        "friends & family | neighbor | neighbour | colleague | coworker | acquaintance | "
        "opportunity | معارف | دائرة المعارف | شبكة | شبكة العلاقات | صديق | أصدقاء | عائلة | "
        "أقارب | زميل | جار",
        "Allied Resource": "allied | allied resources | partner | referral partner | vendor | "
        "lender | mortgage | mortgage broker | loan officer | inspector | home inspector | "
        "attorney | lawyer | title | title company | escrow | appraiser | contractor | "
        "insurance | builder | شريك | شركاء | مورد | محامي | مقاول | ممول",
        "Advocate": "client | customer | active client | past client | past customer | "
        "former client | repeat client | closed | referrer | referral source | advocates | "
        "عميل | عميل سابق | عملاء سابقون | مناصر",
        "Core Advocate": "core | raving fan | top referrer | vip | evangelist | ambassador | "
        "core advocates | مناصر أساسي | مسوق | سفير",
    },
    "lead_temperature": {
        "Hot": "a | a+ | hot lead | 0-3 months | 0-30 days | 1-3 months | immediately | "
        "immediate | asap | now | 5 stars | 5 star | ★★★★★ | ساخن | ساخنة | عاجل | فوري",
        "Warm": "b | warm lead | 3-6 months | 4 stars | ★★★★ | دافئ | دافئة | متوسط",
        "Cold": "c | d | cold lead | 6-12 months | 12+ months | over 12 months | 1 year+ | "
        "just looking | browsing | nurture | 3 stars | 2 stars | 1 star | ★★★ | ★★ | ★ | "
        "بارد | باردة",
    },
    "source_group": {
        "Friends & family": "friends and family | friends/family | friend | friends | family | "
        "relative | relatives | sphere | soi | personal | neighbor | neighbour | "
        "الأصدقاء والعائلة | أصدقاء وعائلة | أصدقاء | عائلة | أقارب | صديق",
        "Colleagues": "colleague | coworker | coworkers | work | workplace | business contact | "
        "الزملاء | زملاء | زميل",
        "Vendors & suppliers": "vendors and suppliers | vendor | vendors | supplier | suppliers | "
        "الموردون | موردون | الموردين | مورد",
        "Past clients": "past client | client | clients | past customer | customer | customers | "
        "former client | repeat client | repeat | عملاء سابقون | عميل سابق | العملاء السابقون | "
        "عملاء سابقين",
        "Organisations": "organisation | organization | organizations | church | club | "
        "association | community | school | charity | nonprofit | non-profit | المنظمات | "
        "منظمات | منظمة | جمعية | جمعيات",
        "Allied resources": "allied resource | allied | lender | mortgage | inspector | attorney | "
        "lawyer | title | escrow | partner | partners | agent | referral partner | شركاء | شريك",
    },
    "aida_stage": {
        "Awareness": "aware | attention | الوعي | وعي | الانتباه | انتباه",
        "Interest": "interested | الاهتمام | اهتمام",
        "Desire": "want | الرغبة | رغبة",
        "Action": "acted | converted | الفعل | فعل | الإجراء | إجراء",
    },
    "adoption_stage": {
        "Innovators": "innovator | المبتكرون | مبتكر",
        "Early Adopters": "early adopter | المتبنون الأوائل | متبني مبكر",
        "Early Majority": "الأغلبية المبكرة | الاغلبية المبكرة",
        "Late Majority": "الأغلبية المتأخرة | الاغلبية المتاخرة",
        "Laggards": "laggard | المتلكئون | المتأخرون | متأخر",
    },
    "circle_role": {
        "Promoter": "promoters | مروج | مروّج",
        "Influencer": "influencers | مؤثر",
        "Collaborator": "collaborators | متعاون",
        "Detractor": "detractors | منتقد | معارض",
    },
    "plan": {
        "8x8": "8 x 8 | 8×8 | 8-by-8 | 8 by 8",
        "33 Touch": "33-touch | 33touch | 33 touches",
        "none": "no plan | — | - | n/a | na",
    },
    "referral_status": {
        "open": "active | pending | in progress | new | working | contacted | appointment | "
        "under contract | مفتوح | مفتوحة | نشط | قيد التنفيذ",
        "closed": "won | closed won | sold | complete | completed | done | مغلق | مغلقة | "
        "تم البيع | ناجح",
        "lost": "closed lost | dead | cancelled | canceled | withdrawn | expired | "
        "fell through | declined | rejected | مفقود | خاسر | ملغي | ملغى",
    },
    "deal_status": {
        "open": "active | pending | in progress | new | under contract | prospecting | "
        "qualification | needs analysis | value proposition | id. decision makers | "
        "perception analysis | proposal/price quote | negotiation/review | "
        "appointmentscheduled | qualifiedtobuy | presentationscheduled | "
        "decisionmakerboughtin | contractsent | مفتوح | مفتوحة | نشط",
        "won": "closed won | closedwon | closed | sold | مكسوب | ناجح | تم البيع",
        "lost": "closed lost | closedlost | dead | cancelled | canceled | fell through | "
        "مفقود | خاسر | ملغي",
    },
}

CANONICAL: dict[str, tuple[str, ...]] = {
    "category": vocabulary.LADDER,
    "lead_temperature": vocabulary.LEAD_TEMPERATURES,
    "source_group": vocabulary.SOURCE_GROUPS,
    "aida_stage": vocabulary.AIDA_STAGES,
    "adoption_stage": vocabulary.ADOPTION_STAGES,
    "circle_role": vocabulary.CIRCLE_ROLES,
    "plan": vocabulary.CONTACT_PLANS,
    "referral_status": vocabulary.REFERRAL_STATUSES,
    "deal_status": vocabulary.DEAL_STATUSES,
}
LABELS = {  # how a reason names the vocabulary: "Not a known {label}"
    "category": "category",
    "lead_temperature": "lead temperature",
    "source_group": "source group",
    "aida_stage": "AIDA stage",
    "adoption_stage": "adoption stage",
    "circle_role": "circle role",
    "plan": "contact plan",
    "referral_status": "referral status",
    "deal_status": "deal status",
}
