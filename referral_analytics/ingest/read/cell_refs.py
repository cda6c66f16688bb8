"""Spreadsheet cell references as people write them: column letters and sheet names."""

from __future__ import annotations

import re

PLAIN_SHEET_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def column_letters(number: int) -> str:
    """Excel's letters for a 1-based column number: 1 → "A", 28 → "AB"."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based column number of Excel's letters: "A" → 1, "AB" → 28."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def sheet_reference(sheet: str) -> str:
    """The sheet's name as a cell reference writes it: Sheet1, 'My contacts'."""
    if PLAIN_SHEET_NAME.fullmatch(sheet):
        return sheet
    return "'" + sheet.replace("'", "''") + "'"
