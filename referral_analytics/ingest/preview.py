"""What the Import page shows of a prepared file, as plain tables, and the edits it reads back.

The page draws these frames (the mapping and the Values table are editable); turning the
user's edits back into ``ImportOptions`` happens here too, so the page holds no logic.
"""

from __future__ import annotations

import pandas as pd
import pyarrow.compute as pc

from referral_analytics.ingest.check.row_checks import rejected_rows_csv
from referral_analytics.ingest.map.fields import KINDS
from referral_analytics.ingest.map.mapping import ColumnMatch
from referral_analytics.ingest.pipeline import Prepared
from referral_analytics.ingest.read.raw_table import RawTable
from referral_analytics.ingest.values import vocabularies

KEEP = "— keep in extra —"  # the mapping table's choice for "not a field of ours"
EXAMPLES = 3


def field_choices(kind: str) -> list[str]:
    """The mapping table's choices for a kind: its field labels, then "keep in extra"."""
    return [f.label for f in KINDS[kind].fields] + [KEEP]


def mapping_table_of(raw: RawTable, kind: str, matches: list[ColumnMatch]) -> pd.DataFrame:
    """One row per header: examples of its values, the field it fills, and how that was found."""
    spec = KINDS[kind]
    rows = []
    for match in matches:
        examples = pc.drop_null(raw.table[match.header]).slice(0, EXAMPLES * 4).to_pylist()
        shown = ", ".join(list(dict.fromkeys(v.strip() for v in examples if v.strip()))[:EXAMPLES])
        rows.append({
            "Column": match.header,
            "Examples": _short(shown),
            "Field": spec.field(match.field).label if match.field else KEEP,
            "Found by": match.how or "",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=["Column", "Examples", "Field", "Found by"])


def mapping_from_table(kind: str, table: pd.DataFrame) -> dict[str, str | None]:
    """header → field name from the (edited) mapping table; "keep in extra" → None."""
    by_label = {f.label: f.name for f in KINDS[kind].fields}
    return {row.Column: by_label.get(row.Field) for row in table.itertuples(index=False)}


def column_summary(prepared: Prepared) -> pd.DataFrame:
    """Per mapped column: how many cells were read, empty or invalid, and how it was read."""
    rows = []
    for column in prepared.columns:
        parsed = column.parsed.values  # noqa: PD011 (an Arrow array, not a DataFrame)
        invalid = len(column.parsed.errors)
        rows.append({
            "Column": column.header,
            "Field": column.field.label,
            "Read": len(parsed) - parsed.null_count,
            "Empty": parsed.null_count - invalid - sum(n for _, n in column.unmapped_words),
            "Invalid": invalid,
            "Unmapped words": sum(n for _, n in column.unmapped_words),
            "How it was read": column.parsed.note or column.parsed.decision or "",
        })  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["Column", "Field", "Read", "Empty", "Invalid", "Unmapped words",
                 "How it was read"],
    )  # fmt: skip


def unknown_words(raw: RawTable, kind: str, matches: list[ColumnMatch]) -> pd.DataFrame:
    """Every word of a vocabulary column that our defaults do not know, with its row count.

    Listed against the defaults only (not the user's own choices), so the table the user edits
    stays the same while they fill it in.
    """
    spec = KINDS[kind]
    rows = []
    for match in matches:
        target = spec.field(match.field) if match.field else None
        if target is None or target.type != "vocab":
            continue
        counts = pc.value_counts(pc.utf8_trim_whitespace(raw.table[match.header]))
        for entry in counts.to_pylist():
            word = entry["values"]
            if word and vocabularies.lookup(target.vocabulary, word) is None:
                rows.append({"Column": match.header, "Vocabulary": target.vocabulary,
                             "Word": word, "Rows": entry["counts"], "Means": None})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["Column", "Vocabulary", "Word", "Rows", "Means"])
    return frame.sort_values(["Column", "Rows"], ascending=[True, False], ignore_index=True)


def words_from_table(table: pd.DataFrame) -> dict[str, dict[str, str]]:
    """vocabulary → {word → our word} from the edited Values table (blank choices skipped)."""
    words: dict[str, dict[str, str]] = {}
    for row in table.itertuples(index=False):
        if isinstance(row.Means, str) and row.Means in vocabularies.canonical(row.Vocabulary):
            words.setdefault(row.Vocabulary, {})[row.Word] = row.Means
    return words


def errors_table(prepared: Prepared) -> pd.DataFrame:
    """Every rejected cell: where, which column, the value and why."""
    return pd.DataFrame(
        [(e.line, e.column, e.value, e.reason) for e in prepared.errors],
        columns=["Where", "Column", "Value", "Problem"],
    )


def rows_preview(prepared: Prepared, n: int = 20) -> pd.DataFrame:
    """The first ``n`` rows as they will be stored (our columns, not the link helpers)."""
    if prepared.rows is None:
        return pd.DataFrame()
    head = prepared.rows.slice(0, n)
    shown = [c for c in head.column_names if not c.startswith("__") and c != "extra"]
    return head.select(shown).to_pandas()


def rejected_csv(prepared: Prepared) -> bytes:
    """The rejected rows as the file had them, with their places and problems (CSV)."""
    return rejected_rows_csv(prepared.raw, list(prepared.errors), list(prepared.rejected_positions))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
