"""The course's own words, read from the seeds: each one, in the singular and the plural, with
and without ال, is a word of our vocabularies, and an Arabic sheet that writes them loads them.

The seeds (../shared/seeds, beside the repository) are the source: every term below must be
found in them as written, so a term the course does not use cannot sneak in here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from referral_analytics import db
from referral_analytics.ingest.pipeline import import_file
from referral_analytics.ingest.values import vocabularies

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

# (the term as a seed writes it, its vocabulary, our word, other ways people write it)
COURSE_WORDS = [
    # The ladder (003 §1.2, its summary; 002)
    ("الجمهور العام", "category", "General Public", ["جمهور عام"]),
    ("المجموعة المستهدفة", "category", "Target Group", ["مجموعة مستهدفة"]),
    ("شبكة العلاقات", "category", "Network", ["شبكة", "الشبكة", "شبكة علاقات"]),
    ("الموارد المتحالفة", "category", "Allied Resource",
     ["موارد متحالفة", "مورد متحالف", "المورد المتحالف"]),
    ("المؤيدون", "category", "Advocate", ["مؤيدون", "المؤيدين", "مؤيدين", "مؤيد", "المؤيد"]),
    ("المؤيدون الأساسيون", "category", "Core Advocate",
     ["مؤيدون أساسيون", "المؤيدين الأساسيين", "مؤيدين أساسيين", "مؤيد أساسي",
      "المؤيد الأساسي"]),
    ("لم يتم التعارف", "category", "General Public", []),  # the Haven't Met group
    ("تم التعارف", "category", "Network", []),  # the Met group: its outermost rung
    ("General Public", "category", "General Public", []),
    ("Target Group", "category", "Target Group", []),
    ("Network Group", "category", "Network", []),
    ("Allied Resources", "category", "Allied Resource", []),
    ("Advocates", "category", "Advocate", []),
    ("Core Advocates", "category", "Core Advocate", []),
    # The inner circle's roles (001 §2.1; 003 §4.1 names NPS promoters and detractors)
    ("المحفزون", "circle_role", "Promoter", ["محفزون", "المحفزين", "محفز", "المحفز"]),
    ("المروجين", "circle_role", "Promoter", ["مروجون", "مروج", "المروج"]),
    ("المؤثرون", "circle_role", "Influencer", ["مؤثرون", "المؤثرين", "مؤثر", "المؤثر"]),
    ("المتعاونون", "circle_role", "Collaborator", ["متعاونون", "المتعاونين", "متعاون"]),
    ("المترددون", "circle_role", "Detractor", ["مترددون", "المترددين", "متردد", "المتردد"]),
    ("المنتقدين", "circle_role", "Detractor", ["منتقد", "المنتقد", "منتقدون"]),
    ("Promoters", "circle_role", "Promoter", []),
    ("Detractors", "circle_role", "Detractor", []),
    # The inner circle's groups (001 §2.1, 000 §5.2)
    ("الأصدقاء والعائلة", "source_group", "Friends & family",
     ["أصدقاء وعائلة", "الأصدقاء", "صديق", "عائلة"]),
    ("زملاء العمل السابقون والحاليون", "source_group", "Colleagues",
     ["زملاء العمل السابقين والحاليين", "زملاء العمل", "الزملاء", "زميل"]),
    ("الموردون والبائعون", "source_group", "Vendors & suppliers",
     ["موردون وبائعون", "الموردين والبائعين", "مورد", "بائع", "البائع"]),
    ("العملاء الحاليون والسابقون", "source_group", "Past clients",
     ["عملاء حاليون وسابقون", "العملاء الحاليين والسابقين", "عميل سابق", "العميل السابق"]),
    ("المنظمات المهنية والاجتماعية", "source_group", "Organisations",
     ["منظمات مهنية واجتماعية", "منظمة مهنية", "منظمة", "المنظمة"]),
    ("الموارد المتحالفة", "source_group", "Allied resources", ["مورد متحالف", "موارد متحالفة"]),
    # The contact plans (003 §2.5, 002 §2.3)
    ("8x8", "plan", "8x8", ["استراتيجية 8x8", "خطة 8x8", "٨×٨"]),
    ("33 لمسة", "plan", "33 Touch", ["خطة 33 لمسة", "الـ33 لمسة", "٣٣ لمسة", "33 لمسات"]),
    ("33 نقطة اتصال", "plan", "33 Touch", []),
    ("استراتيجية 33 Touch", "plan", "33 Touch", ["33 Touch"]),
    # Lead temperature (003 §1.2)
    ("عملاء محتملون ساخنون", "lead_temperature", "Hot",
     ["عملاء محتملين ساخنين", "العملاء المحتملون الساخنون", "عميل محتمل ساخن", "ساخن"]),
    ("عملاء محتملون دافئون", "lead_temperature", "Warm",
     ["عميل محتمل دافئ", "العميل المحتمل الدافئ", "دافئ", "الدافئ"]),
    ("عملاء محتملون باردون", "lead_temperature", "Cold",
     ["عميل محتمل بارد", "عملاء محتملين باردين", "بارد", "البارد"]),
    ("خلال 3-6 أشهر", "lead_temperature", "Warm", ["3-6 أشهر"]),
    ("Hot Leads", "lead_temperature", "Hot", []),
    ("Warm Leads", "lead_temperature", "Warm", []),
    ("Cold Leads", "lead_temperature", "Cold", []),
    # AIDA and innovation adoption (003 §1.1)
    ("الوعي", "aida_stage", "Awareness", ["وعي"]),
    ("الاهتمام", "aida_stage", "Interest", ["اهتمام"]),
    ("الرغبة", "aida_stage", "Desire", ["رغبة"]),
    ("الفعل", "aida_stage", "Action", ["فعل"]),
    ("مبتكرين", "adoption_stage", "Innovators", ["مبتكرون", "المبتكرون", "مبتكر"]),
    ("متبنين مبكرين", "adoption_stage", "Early Adopters", ["متبنون مبكرون"]),
    ("أغلبية مبكرة", "adoption_stage", "Early Majority", ["الأغلبية المبكرة"]),
    ("أغلبية متأخرة", "adoption_stage", "Late Majority", ["الأغلبية المتأخرة"]),
    ("متقاعسين", "adoption_stage", "Laggards", ["متقاعسون", "المتقاعسون", "متقاعس"]),
]  # fmt: skip


@pytest.fixture(scope="module")
def seeds() -> str:
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"the course material is missing: {SEEDS}"
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def test_every_course_term_and_its_other_forms_mean_our_word(seeds):
    absent = [term for term, *_ in COURSE_WORDS if term not in seeds]
    assert absent == [], "not written in the seeds"
    misread = [
        (written, vocabulary, vocabularies.lookup(vocabulary, written), word)
        for term, vocabulary, word, forms in COURSE_WORDS
        for written in (term, *forms)
        if vocabularies.lookup(vocabulary, written) != word
    ]
    assert misread == [], "(written, vocabulary, read as, should be)"


def test_an_arabic_sheet_in_the_courses_words_loads_every_rung_role_group_and_temperature(
    tmp_path,
):
    sheet = tmp_path / "arabic.csv"
    sheet.write_text(
        "الاسم,البريد الإلكتروني,التصنيف,الدور,العلاقة,حرارة العميل\n"
        "سارة,sara@example.com,مؤيد,المحفزون,الأصدقاء والعائلة,عميل محتمل ساخن\n"
        "خالد,khalid@example.com,المؤيدين الأساسيين,مؤثر,زملاء العمل,دافئون\n"
        "منى,mona@example.com,مورد متحالف,المتعاونون,الموردون والبائعون,بارد\n"
        "علي,ali@example.com,المجموعة المستهدفة,متردد,منظمة مهنية,عملاء محتملون باردون\n"
        "هند,hind@example.com,الشبكة,,العملاء الحاليون والسابقون,\n"
        "عمر,omar@example.com,جمهور عام,,,\n",
        encoding="utf-8",
    )
    con = db.connect(tmp_path / "x.duckdb")
    report = import_file(con, sheet)
    assert report.status == "loaded", report
    assert not any("Values table" in w or "“" in w for w in report.warnings), report.warnings
    stored = con.execute(
        "select email, category, circle_role, source_group, lead_temperature from contacts"
        " order by email"
    ).fetchall()
    assert stored == [
        ("ali@example.com", "Target Group", "Detractor", "Organisations", "Cold"),
        ("hind@example.com", "Network", None, "Past clients", None),
        ("khalid@example.com", "Core Advocate", "Influencer", "Colleagues", "Warm"),
        ("mona@example.com", "Allied Resource", "Collaborator", "Vendors & suppliers", "Cold"),
        ("omar@example.com", "General Public", None, None, None),
        ("sara@example.com", "Advocate", "Promoter", "Friends & family", "Hot"),
    ]
    con.close()


def test_touches_in_the_courses_plans_load_with_their_plan(tmp_path):
    touches = tmp_path / "touches.csv"
    touches.write_text(
        "التاريخ,القناة,الخطة\n"
        "2026-03-01,مكالمة,خطة 8x8\n"
        "2026-03-02,بطاقة,33 لمسة\n"
        "2026-03-03,هدية,33 نقطة اتصال\n",
        encoding="utf-8",
    )
    con = db.connect(tmp_path / "x.duckdb")
    report = import_file(con, touches)
    assert report.status == "loaded", report
    assert con.execute("select plan from touches order by touched_at").fetchall() == [
        ("8x8",), ("33 Touch",), ("33 Touch",),
    ]  # fmt: skip
    con.close()
