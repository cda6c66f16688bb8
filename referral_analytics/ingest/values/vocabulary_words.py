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

Lead source — how the lead came, as CRMs' "Lead Source" fields write it: a named portal
(Zillow, Realtor.com, Trulia, Redfin, Homes.com; in the Gulf Bayut, Property Finder, Aqar)
is a Portal; a social network's own name is Social media, its ads (and Google Ads, PPC,
HubSpot's "Paid Search"/"Paid Social") are Paid ads; HubSpot's "Organic Search" and
"Direct Traffic" reach the website. An exhibition ("معرض", "معرض عقاري") is an Event, not an
open house ("بيت مفتوح"). HubSpot's "Referrals" means sites linking to yours, but a team's
CRM that says "Referrals" means people: it is Referral. Friends and family as a lead source
are the Sphere; which inner-circle group someone belongs to is the source group, not this.

The course's own words (the Arabic seeds, ``../shared/seeds``) are all here: the ladder
(الجمهور العام، المجموعة المستهدفة، شبكة العلاقات، الموارد المتحالفة، المؤيدون، المؤيدون
الأساسيون), the inner circle's roles (المحفزون، المؤثرون، المتعاونون، المترددون; 003 also
writes المروجين and المنتقدين for NPS promoters and detractors), its groups (الأصدقاء والعائلة،
زملاء العمل، الموردون والبائعون، العملاء الحاليون والسابقون، المنظمات المهنية والاجتماعية), the
plans (8x8، 33 لمسة، 33 نقطة اتصال) and the lead temperatures (عملاء محتملون ساخنون / دافئون /
باردون). People write them in the singular too, with or without the article: the entries
give the singular and the plural without ال, and ``vocabularies`` adds the article's
variants and the plural's -ين form (المؤيدين) itself.

Arabic words are otherwise the ones Gulf CRMs and the Arabic sample export use; spelling
variants of hamza and ta marbuta need no entries (lookups ignore them, see
``cleaning.word_key``).
"""

from __future__ import annotations

from referral_analytics import vocabulary

# canonical word → the other words that mean it, "|"-separated, as people write them.
WORDS: dict[str, dict[str, str]] = {
    "category": {
        "General Public": "general | public | lead | new | new lead | subscriber | cold lead | "
        "haven't met | havent met | not met | unknown | other | trash | unresponsive | "
        "unqualified | عام | عامة | جمهور عام | الجمهور العام | غير معروف | أخرى | "
        "لم يتم التعارف | لم يتم الالتقاء",
        "Target Group": "target | targeted | target market | farm | geographic farm | farm area | "
        "niche | prospect | marketingqualifiedlead | marketing qualified lead | mql | "
        "salesqualifiedlead | sales qualified lead | sql | فئة مستهدفة | الفئة المستهدفة | "
        "مجموعة مستهدفة | جمهور مستهدف | مستهدف | مستهدفون | عميل محتمل | عملاء محتملون",
        "Network": "met | sphere | soi | sphere of influence | friend | friends | family | "
        "friends & family | neighbor | neighbour | colleague | coworker | acquaintance | "
        "opportunity | network group | معارف | دائرة المعارف | شبكة | شبكة العلاقات | "
        "شبكة علاقات | تم التعارف | تم الالتقاء | صديق | أصدقاء | عائلة | أقارب | زميل | جار",
        "Allied Resource": "allied | allied resources | partner | referral partner | vendor | "
        "lender | mortgage | mortgage broker | loan officer | inspector | home inspector | "
        "attorney | lawyer | title | title company | escrow | appraiser | contractor | "
        "insurance | builder | شريك | شركاء | مورد | محامي | مقاول | ممول | "
        "مورد متحالف | موارد متحالفة | شريك تجاري | شركاء تجاريون",
        "Advocate": "client | customer | active client | past client | past customer | "
        "former client | repeat client | closed | referrer | referral source | advocates | "
        "عميل | عميل سابق | عملاء سابقون | مناصر | مناصرون | مؤيد | مؤيدون | مؤيدة | مؤيدات",
        "Core Advocate": "core | raving fan | top referrer | vip | evangelist | ambassador | "
        "core advocates | مناصر أساسي | مناصرون أساسيون | مؤيد أساسي | مؤيدون أساسيون | "
        "مؤيدة أساسية | مؤيدات أساسيات | مسوق | سفير",
    },
    "lead_temperature": {
        "Hot": "a | a+ | hot lead | hot leads | 0-3 months | 0-30 days | 1-3 months | "
        "immediately | immediate | asap | now | 5 stars | 5 star | ★★★★★ | ساخن | ساخنة | "
        "ساخنون | عميل محتمل ساخن | عملاء محتملون ساخنون | عاجل | فوري | 0-3 أشهر | "
        "خلال 3 أشهر",
        "Warm": "b | warm lead | warm leads | 3-6 months | 4 stars | ★★★★ | دافئ | دافئة | "
        "دافئون | عميل محتمل دافئ | عملاء محتملون دافئون | متوسط | 3-6 أشهر | خلال 3-6 أشهر",
        "Cold": "c | d | cold lead | cold leads | 6-12 months | 12+ months | over 12 months | "
        "1 year+ | no plans | just looking | browsing | nurture | 3 stars | 2 stars | 1 star | "
        "★★★ | ★★ | ★ | بارد | باردة | باردون | عميل محتمل بارد | عملاء محتملون باردون | "
        "6-12 شهر | أكثر من سنة",
    },
    "source_group": {
        "Friends & family": "friends and family | friends/family | friend | friends | family | "
        "relative | relatives | sphere | soi | personal | neighbor | neighbour | "
        "الأصدقاء والعائلة | أصدقاء وعائلة | عائلة وأصدقاء | أصدقاء | عائلة | أقارب | صديق | "
        "صديقة",
        "Colleagues": "colleague | coworker | coworkers | work | workplace | business contact | "
        "الزملاء | زملاء | زميل | زميلة | زملاء العمل | زملاء عمل | زميل عمل | "
        "زملاء العمل السابقون والحاليون | زملاء سابقون | زملاء حاليون",
        "Vendors & suppliers": "vendors and suppliers | vendor | vendors | supplier | suppliers | "
        "الموردون | موردون | الموردين | مورد | الموردون والبائعون | موردون وبائعون | بائع | "
        "بائعون",
        "Past clients": "past client | client | clients | past customer | customer | customers | "
        "former client | repeat client | repeat | عملاء سابقون | عميل سابق | العملاء السابقون | "
        "عملاء سابقين | العملاء الحاليون والسابقون | عملاء حاليون وسابقون | عميل حالي | "
        "عملاء حاليون | عميل | عملاء",
        "Organisations": "organisation | organization | organizations | church | club | "
        "association | community | school | charity | nonprofit | non-profit | المنظمات | "
        "منظمات | منظمة | جمعية | جمعيات | أعضاء المنظمات المهنية والاجتماعية | "
        "المنظمات المهنية والاجتماعية | منظمات مهنية واجتماعية | منظمة مهنية | منظمات مهنية | "
        "منظمة اجتماعية | منظمات اجتماعية",
        "Allied resources": "allied resource | allied | lender | mortgage | inspector | attorney | "
        "lawyer | title | escrow | partner | partners | agent | referral partner | شركاء | شريك | "
        "مورد متحالف | موارد متحالفة | شريك تجاري | شركاء تجاريون",
    },
    "lead_source": {
        "Referral": "referral | referrals | referred | referred by | word of mouth | "
        "agent referral | client referral | past client referral | sphere referral | "
        "personal referral | relocation referral | external referral | employee referral | "
        "partner referral | إحالة | إحالات | محال | عن طريق إحالة | "
        "إحالة من عميل | إحالة من صديق | توصية | ترشيح",
        "Sphere": "soi | sphere of influence | friends and family | friends & family | friend | "
        "family | personal | personal network | network | met in person | neighbor | "
        "neighbour | معارف | دائرة المعارف | أصدقاء | أصدقاء وعائلة | عائلة | صديق | "
        "شبكة العلاقات | علاقات شخصية | معرفة شخصية",
        "Past client": "past clients | past customer | former client | previous client | "
        "repeat client | repeat customer | repeat | existing client | existing customer | "
        "client | customer | عميل سابق | عملاء سابقون | عميل متكرر | عميل حالي",
        "Portal": "zillow | zillow premier agent | zillow flex | realtor.com | trulia | redfin | "
        "homes.com | homesnap | opcity | property portal | portals | listing portal | "
        "real estate portal | bayut | property finder | dubizzle | aqar | بوابة عقارية | "
        "منصة عقارية | تطبيق عقار | بيوت | حراج",
        "Website": "web | web form | website form | web lead | website lead | idx | "
        "idx website | landing page | contact form | online form | organic search | seo | "
        "direct traffic | web download | web research | our website | blog | موقع | "
        "موقع إلكتروني | موقعنا | نموذج الموقع",
        "Open house": "open houses | openhouse | open house visitor | بيت مفتوح | يوم مفتوح | "
        "عرض مفتوح",
        "Sign call": "sign | sign calls | yard sign | sign rider | for sale sign | signage | "
        "لوحة | لوحة إعلانية | لافتة | لوحة للبيع | اتصال من اللوحة",
        "Social media": "social | organic social | facebook | instagram | linkedin | twitter | "
        "tiktok | snapchat | youtube | pinterest | وسائل التواصل | وسائل التواصل الاجتماعي | "
        "التواصل الاجتماعي | سوشيال ميديا | فيسبوك | فيس بوك | انستغرام | انستقرام | "
        "سناب شات | سناب | تويتر | تيك توك | لينكد إن | يوتيوب",
        "Paid ads": "paid | ads | ad | advertising | advertisement | google ads | "
        "google adwords | adwords | ppc | pay per click | paid search | sem | paid social | "
        "facebook ads | facebook lead ads | instagram ads | social media ads | online ads | "
        "display ads | إعلان | إعلانات | إعلان مدفوع | إعلانات مدفوعة | إعلان ممول | "
        "إعلانات ممولة | إعلانات جوجل | إعلانات قوقل | إعلانات فيسبوك | إعلانات سناب",
        "Event": "events | seminar | workshop | webinar | trade show | expo | exhibition | "
        "networking event | client event | community event | fair | معرض | معرض عقاري | "
        "فعالية | ندوة | ورشة عمل | مناسبة",
        "Other": "others | unknown | misc | miscellaneous | offline | offline sources | "
        "other campaigns | email marketing | direct mail | mailer | postcard | cold call | "
        "cold calling | walk-in | door knocking | print | newspaper | radio | أخرى | آخر | "
        "غير معروف | بريد مباشر | زيارة مباشرة",
    },
    "aida_stage": {
        "Awareness": "aware | attention | الوعي | وعي | الانتباه | انتباه",
        "Interest": "interested | الاهتمام | اهتمام",
        "Desire": "want | الرغبة | رغبة",
        "Action": "acted | converted | الفعل | فعل | الإجراء | إجراء",
    },
    "adoption_stage": {
        "Innovators": "innovator | المبتكرون | مبتكر | مبتكرون",
        "Early Adopters": "early adopter | المتبنون الأوائل | متبني مبكر | متبنون مبكرون",
        "Early Majority": "الأغلبية المبكرة | الاغلبية المبكرة",
        "Late Majority": "الأغلبية المتأخرة | الاغلبية المتاخرة",
        "Laggards": "laggard | المتلكئون | المتأخرون | متأخر | متقاعس | متقاعسون",
    },
    "circle_role": {
        "Promoter": "promoters | مروج | مروّج | مروجون | محفز | محفزون",
        "Influencer": "influencers | مؤثر | مؤثرون | مؤثرة",
        "Collaborator": "collaborators | متعاون | متعاونون | متعاونة",
        "Detractor": "detractors | منتقد | منتقدون | معارض | معارضون | متردد | مترددون",
    },
    "plan": {
        "8x8": "8 x 8 | 8×8 | 8-by-8 | 8 by 8 | 8x8 plan | خطة 8x8 | استراتيجية 8x8 | الـ8x8 | "
        "8 في 8",
        "33 Touch": "33-touch | 33touch | 33 touches | 33 touch plan | 33 لمسة | 33 لمسات | "
        "الـ33 لمسة | خطة 33 لمسة | نظام 33 لمسة | 33 نقطة اتصال | استراتيجية 33 touch",
        "none": "no plan | — | - | n/a | na | لا يوجد | بدون خطة",
    },
    "referral_status": {
        "open": "active | pending | in progress | new | working | contacted | appointment | "
        "under contract | مفتوح | مفتوحة | نشط | قيد التنفيذ",
        "closed": "won | closed won | sold | complete | completed | done | مغلق | مغلقة | "
        "مكسوب | مكسوبة | مغلقة مكسوبة | تم البيع | ناجح",
        "lost": "closed lost | dead | cancelled | canceled | withdrawn | expired | "
        "fell through | declined | rejected | مفقود | خاسر | خاسرة | مغلقة خاسرة | ملغي | ملغى",
    },
    "deal_status": {
        "open": "active | pending | in progress | new | under contract | prospecting | "
        "qualification | needs analysis | value proposition | id. decision makers | "
        "identify decision makers | perception analysis | proposal/price quote | "
        "negotiation/review | appointmentscheduled | qualifiedtobuy | presentationscheduled | "
        "decisionmakerboughtin | contractsent | مفتوح | مفتوحة | نشط | جديدة | قيد التفاوض",
        "won": "closed won | closedwon | closed-won | closed | sold | settled | مكسوب | مكسوبة | "
        "مغلق | مغلقة | مغلقة مكسوبة | مغلق مكسوب | تم الإغلاق | ناجح | ناجحة | تم البيع",
        "lost": "closed lost | closedlost | closed-lost | lost to competition | "
        "closed lost to competition | closed-lost to competition | dead | cancelled | canceled | "
        "fell through | terminated | withdrawn | expired | مفقود | مفقودة | خاسر | خاسرة | "
        "مغلقة خاسرة | مغلق خاسر | مغلقة مفقودة | ملغي | ملغاة | ملغية",
    },
}

CANONICAL: dict[str, tuple[str, ...]] = {
    "category": vocabulary.LADDER,
    "lead_temperature": vocabulary.LEAD_TEMPERATURES,
    "source_group": vocabulary.SOURCE_GROUPS,
    "lead_source": vocabulary.LEAD_SOURCES,
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
    "lead_source": "lead source",
    "aida_stage": "AIDA stage",
    "adoption_stage": "adoption stage",
    "circle_role": "circle role",
    "plan": "contact plan",
    "referral_status": "referral status",
    "deal_status": "deal status",
}
