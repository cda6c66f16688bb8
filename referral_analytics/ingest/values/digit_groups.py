"""Digits in groups, as a number's core is written: which mark is the decimal separator.

The core is what is left of a shape once signs, currency and the like are peeled off: 9s
and the marks between them ("9,999.99", "9 999,99", "9.999"). Thousands are grouped by
threes after a first group of one to three digits; the decimal separator, if any, is the
last mark. When "," and "." both appear, the last one is decimal; a mark written more than
once is grouping; a lone mark followed by exactly three digits could be either (``lone``).
"""

from __future__ import annotations

import re

from referral_analytics import messages

NOT_READ_MARK = "not read"  # the core is no number of any kind (the caller says which)
MISPLACED = "misplaced"  # marks that group nothing consistently ("1,234.567,89")
_PIECES = re.compile(r"9+|[^9]+")


def read_groups(core: str) -> tuple[list[int], int, str | None, str | None] | str:
    """(digit positions, decimals, what it proves, lone separator) or why it is no number."""
    pieces = [(m.start(), m.group()) for m in _PIECES.finditer(core)]
    separators = [text for _, text in pieces if text[0] != "9"]
    if any(len(s) != 1 for s in separators) or pieces[-1][1][0] != "9":
        return NOT_READ_MARK  # two marks in a row ("1,,000"), or a trailing separator ("5.")
    positions = [i for i, char in enumerate(core) if char == "9"]
    groups = [len(text) for _, text in pieces if text[0] == "9"]
    if pieces[0][1][0] != "9":  # ".5": a decimal with no whole part
        if len(pieces) != 2 or separators[0] not in ".,":
            return NOT_READ_MARK
        return positions, groups[0], _proof(separators[0]), None
    decimal = _decimal_separator(separators, groups)
    if decimal == "lone":
        return positions, 0, None, separators[0]
    if decimal == MISPLACED:
        return messages.VALUE_GROUPING
    grouping = separators[:-1] if decimal else separators
    whole = groups[:-1] if decimal else groups
    if len(set(grouping)) > 1 or (
        grouping and (whole[0] > 3 or any(size != 3 for size in whole[1:]))
    ):
        return messages.VALUE_GROUPING
    if decimal:
        return positions, groups[-1], _proof(decimal), None
    if grouping and grouping[0] in ".,":  # "1.234.567": the other mark is the decimal one
        return positions, 0, _proof("," if grouping[0] == "." else "."), None
    return positions, 0, None, None


def _decimal_separator(separators: list[str], groups: list[int]) -> str | None:
    """The decimal separator among ``separators``: a mark, None, "lone" or MISPLACED."""
    marks = set(separators) & {".", ","}
    if not marks:
        return None
    if len(marks) == 2:  # both: the last one is the decimal separator, written once
        last = separators[-1]
        return last if last in marks and separators.count(last) == 1 else MISPLACED
    (mark,) = marks
    if separators.count(mark) > 1:
        return None  # grouping, checked by the caller
    if separators[-1] != mark:
        return MISPLACED  # "1,234 567": a lone mark before other grouping
    if len(separators) > 1:
        return mark  # "1 234,56": spaces group, so the mark is decimal
    if groups[-1] == 3 and 1 <= groups[0] <= 3:
        return "lone"
    return mark


def _proof(decimal: str) -> str:
    return "point" if decimal == "." else "comma"
