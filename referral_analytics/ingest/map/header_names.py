"""Header names made comparable: one spelling for what CRMs and people write many ways.

"E-Mail Address", "email_address" and "EmailAddress" must meet; so must "البريد الإلكتروني"
and "البريد الالكتروني", and "Contact: Full Name" with "Full Name". Matching compares the
``key`` (normalised, spaces removed); the spaced form is what users and tests read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

# After NFKD, hamza and madda are combining marks on a bare alef/waw/yeh (أ إ آ ؤ ئ), so
# dropping marks unifies those forms; what NFKD leaves apart is folded here. Arabic keyboards
# type ta marbuta and ha, alef maqsura and ya interchangeably at the ends of words.
_ARABIC_FOLDS = str.maketrans(
    {"ة": "ه", "ى": "ي", "ٱ": "ا", "ـ": None}  # tatweel is only stretching: dropped
    | {chr(0x0660 + d): str(d) for d in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + d): str(d) for d in range(10)}  # Persian digits
)
_NOT_WORD = re.compile(r"[\W_]+")  # every punctuation and space run: "_", "-", ".", "/", ":" …
# "Contact: Full Name", "Person - Email - Work": an entity, then the field. Only the dash
# spaced on both sides separates, so "E-mail" and "Follow-up date" stay whole.
_ENTITY_FORM = re.compile(r"^\s*(?P<entity>[^:\-–—]+?)\s*(?::|\s[-–—]\s)\s*(?P<rest>\S.*)$")


def normalise(header: str) -> str:
    """A header case-folded, without accents or Arabic diacritics, one space between words.

    >>> normalise("  E-Mail_Address ")
    'e mail address'
    """
    decomposed = unicodedata.normalize("NFKD", header)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    folded = bare.translate(_ARABIC_FOLDS).casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def key(header: str) -> str:
    """What matching compares: the normalised header without spaces ("first name" = "FirstName")."""
    return normalise(header).replace(" ", "")


def split_entity(header: str) -> tuple[str, str] | None:
    """A header's leading entity, normalised, and the rest as written, if it has one.

    >>> split_entity("Person - Email - Work")
    ('person', 'Email - Work')
    """
    found = _ENTITY_FORM.match(header)
    return None if found is None else (normalise(found["entity"]), found["rest"])


def signature(headers: Sequence[str]) -> str:
    """A stable hash of the header set, normalised: the key saved mappings are found by.

    Order-insensitive on purpose: a mapping goes by header name, not position, and CRMs let
    users reorder export columns (Salesforce reports, HubSpot views), so a reordered export of
    the same columns should find its mapping. Case, accents and punctuation do not count either.
    """
    listed = "\n".join(sorted(key(header) for header in headers))
    return hashlib.sha256(listed.encode("utf-8")).hexdigest()
