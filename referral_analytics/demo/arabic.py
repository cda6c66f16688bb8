"""Arabic spellings for the Arabic CRM sample export: its vocabulary and the demo's names."""

ARABIC_STAGE = {
    "General Public": "عامة",
    "Target Group": "عميل محتمل",
    "Network": "معارف",
    "Allied Resource": "شريك",
    "Advocate": "عميل سابق",
    "Core Advocate": "مسوق",
}


ARABIC_SOURCE = {
    "Friends & family": "الأصدقاء والعائلة",
    "Colleagues": "الزملاء",
    "Vendors & suppliers": "الموردون",
    "Past clients": "عملاء سابقون",
    "Organisations": "المنظمات",
    "Allied resources": "شركاء",
}
ARABIC_NAMES = {
    "Ahmed": "أحمد",
    "Fatima": "فاطمة",
    "Mohammed": "محمد",
    "Noura": "نورة",
    "Abdullah": "عبدالله",
    "Reem": "ريم",
    "Faisal": "فيصل",
    "Huda": "هدى",
    "Yousef": "يوسف",
    "Maha": "مها",
    "Hassan": "حسن",
    "Layla": "ليلى",
    "Tariq": "طارق",
    "Dana": "دانة",
    "Saad": "سعد",
    "Amal": "أمل",
    "Majed": "ماجد",
    "Rana": "رنا",
    "Nasser": "ناصر",
    "Hind": "هند",
    "Ali": "علي",
    "Sarah": "سارة",
    "Omar": "عمر",
    "Mona": "منى",
    "Khalid": "خالد",
    "Lama": "لمى",
    "Ibrahim": "إبراهيم",
    "Joud": "جود",
    "Sultan": "سلطان",
    "Sara": "سارة",
    "Lina": "لينا",
    "Nora": "نورا",
    "Al-Harbi": "الحربي",
    "Al-Ghamdi": "الغامدي",
    "Al-Zahrani": "الزهراني",
    "Al-Shehri": "الشهري",
    "Al-Dosari": "الدوسري",
    "Al-Mutairi": "المطيري",
    "Al-Qahtani": "القحطاني",
    "Al-Otaibi": "العتيبي",
    "Al-Anazi": "العنزي",
    "Al-Shammari": "الشمري",
    "Haddad": "حداد",
    "Khoury": "خوري",
    "Mansour": "منصور",
    "Saleh": "صالح",
    "Farouk": "فاروق",
    "Hamdan": "حمدان",
    "Rahman": "رحمن",
    "Bakr": "بكر",
    "Aziz": "عزيز",
}


def in_arabic(name: str) -> str:
    """A demo name written in Arabic script (parts we have no spelling for stay as they are)."""
    return " ".join(ARABIC_NAMES.get(part, part) for part in name.split(" "))
