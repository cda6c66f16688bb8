"""What an import says back: per file, its status, counts, every row error and warning.

The JSON form is the CLI's contract (scripts and scheduled imports rely on it):
``{"file", "status", "kind", "rows_read", "rows_loaded", "rows_new", "rows_changed",
"rows_unchanged", "rows_repeated", "rows_rejected", "errors": [{"line", "column", "value",
"reason"}], "warnings": [...], "import_id"}``. A loaded file's rows are new, changed (a stored
record the file updates), unchanged (stored exactly as the file gives them: not written),
repeated (a line giving a record a later line gives again) or rejected; "unchanged" is the
status of a file whose every record is stored as it gives them, which writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("loaded", "unchanged", "rejected", "already imported", "needs input", "would load")


@dataclass(frozen=True)
class RowError:
    """One bad value: where the user sees it, the column as written, the value and why."""

    line: str  # "line 7" for text files, "Contacts!C7" for workbooks
    column: str
    value: str | None
    reason: str


@dataclass(frozen=True)
class FileReport:
    """The outcome of importing one file."""

    file: str
    status: str
    kind: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0  # written: new plus changed
    rows_rejected: int = 0
    rows_new: int = 0
    rows_changed: int = 0
    rows_unchanged: int = 0
    rows_repeated: int = 0  # lines merged into a later line of the same record (named)
    errors: tuple[RowError, ...] = ()
    warnings: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()  # what the user must choose before it can load
    import_id: int | None = None
    related: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown import status {self.status!r}")

    def to_json(self) -> dict[str, object]:
        """The CLI's JSON document for this file."""
        return {
            "file": self.file,
            "status": self.status,
            "kind": self.kind,
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "rows_new": self.rows_new,
            "rows_changed": self.rows_changed,
            "rows_unchanged": self.rows_unchanged,
            "rows_repeated": self.rows_repeated,
            "rows_rejected": self.rows_rejected,
            "errors": [
                {"line": e.line, "column": e.column, "value": e.value, "reason": e.reason}
                for e in self.errors
            ],
            "warnings": [*self.decisions, *self.warnings],
            "import_id": self.import_id,
        }

    def summary(self) -> str:
        """One line for people: the file, what happened, the counts.

        A load says what it did with the records: "40 rows read: 3 new, 2 changed, 35
        unchanged" (only the new and changed are written).
        """
        if self.status in ("loaded", "unchanged"):
            counts = (
                f"{self.rows_read:,} rows read: {self.rows_new:,} new, {self.rows_changed:,}"
                f" changed, {self.rows_unchanged:,} unchanged"
            )
            if self.rows_repeated:
                counts += f", {self.rows_repeated:,} repeated"
        else:
            counts = f"{self.rows_loaded:,} of {self.rows_read:,} rows loaded"
        if self.rows_rejected:
            counts += f", {self.rows_rejected:,} rejected"
        return f"{self.file}: {self.status} ({self.kind or 'kind unknown'}; {counts})"
