"""The import template workbook: one sheet per kind, our labels as headers, what each means below.

A user without a CRM export fills a sheet and imports it; its headers are our field labels,
so it maps itself exactly (``mapping.auto_map``) and its kind is recognised.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from referral_analytics.ingest.map.fields import KINDS, template_rows

SHEET_TITLE_MAX = 31  # Excel refuses longer sheet names
WIDEST = 40  # characters: a longer description wraps instead of widening its column
GREY = "FF6B6B6B"


def write_templates(path: Path) -> None:
    """Write the import template workbook to ``path`` (e.g. data/templates/import_templates.xlsx).

    Row 1 holds each field's label (bold, frozen), row 2 its description (italic, grey).
    """
    book = Workbook()
    book.remove(book.active)
    for kind in KINDS.values():
        sheet = book.create_sheet(kind.label[:SHEET_TITLE_MAX])
        labels, descriptions = template_rows(kind.name)
        sheet.append(labels)
        sheet.append(descriptions)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for cell in sheet[2]:
            cell.font = Font(italic=True, color=GREY)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column, (label, description) in enumerate(zip(labels, descriptions, strict=True), 1):
            width = min(max(len(label), len(description)), WIDEST) + 2
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"
    book.properties.creator = "Referral Analytics"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
