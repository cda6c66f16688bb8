"""Settings and weights: frozen dataclasses with defaults, validated on creation.

The pages generate their sliders from the weight dataclasses' fields (``fields()`` plus each
field's ``metadata``), so a weight is declared once, here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from referral_analytics.ingest.read.raw_table import Limits

DEFAULT_DB = Path("data/referrals.duckdb")
# The demo's size and seed, here (not in demo/) so the CLI offers them without importing it.
DEMO_CONTACTS = 5_000
DEMO_SEED = 7
DB_ENV = "REFERRAL_DB"


@dataclass(frozen=True)
class Settings:
    """Where the store lives and the limits an upload must respect."""

    db_path: Path = DEFAULT_DB
    max_upload_mb: int = 200
    max_rows: int = 2_000_000
    max_columns: int = 300
    # Uploads on disk at once, across sessions (each is deleted as soon as it is read).
    max_spool_mb: int = 1024
    currency: str = "SAR"

    def __post_init__(self) -> None:
        for name in LIMIT_VARIABLES:
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")

    @classmethod
    def from_env(cls, db: str | os.PathLike[str] | None = None) -> Settings:
        """Settings from an explicit path, else ``$REFERRAL_DB``, else ``data/referrals.duckdb``.

        The upload limits come from ``REFERRAL_MAX_UPLOAD_MB``, ``REFERRAL_MAX_ROWS`` and
        ``REFERRAL_MAX_COLUMNS`` when set; ``REFERRAL_MAX_SPOOL_MB`` caps the uploads held on
        disk at once while they are read.
        """
        path = db or os.environ.get(DB_ENV) or DEFAULT_DB
        limits = {
            name: int(os.environ[variable])
            for name, variable in LIMIT_VARIABLES.items()
            if os.environ.get(variable)
        }
        return cls(
            db_path=Path(path), currency=os.environ.get("REFERRAL_CURRENCY", "SAR"), **limits
        )

    def limits(self) -> Limits:
        """The limits every imported file must respect, for the reader."""
        return Limits(
            max_bytes=self.max_upload_mb * 1024**2,
            max_rows=self.max_rows,
            max_columns=self.max_columns,
        )


LIMIT_VARIABLES = {
    "max_upload_mb": "REFERRAL_MAX_UPLOAD_MB",
    "max_rows": "REFERRAL_MAX_ROWS",
    "max_columns": "REFERRAL_MAX_COLUMNS",
    "max_spool_mb": "REFERRAL_MAX_SPOOL_MB",
}


def weight(default: float, label: str, help_text: str) -> float:
    """A weight field: 0–1 slider with a label and help text kept beside its default."""
    return field(default=default, metadata={"label": label, "help": help_text})


@dataclass(frozen=True)
class Weights:
    """Base for weighted scores: every field is a non-negative weight; not all may be zero."""

    def __post_init__(self) -> None:
        values = [getattr(self, f.name) for f in fields(self)]
        if any(v < 0 or v > 1 for v in values):
            raise ValueError("weights must lie between 0 and 1")
        if sum(values) == 0:
            raise ValueError("at least one weight must be above zero")

    def normalised(self) -> dict[str, float]:
        """The weights scaled to sum to 1, so a score stays on its inputs' 0–100 scale."""
        total = sum(getattr(self, f.name) for f in fields(self))
        return {f.name: getattr(self, f.name) / total for f in fields(self)}


@dataclass(frozen=True)
class PartnerWeights(Weights):
    """Allied-resource performance (domain.md, 002 §3.4): W1…W4."""

    service_quality: float = weight(0.3, "Service quality (W1)", "Quality of the partner's work")
    response_time: float = weight(0.2, "Response time (W2)", "Faster answers score higher")
    satisfaction: float = weight(0.3, "Customer satisfaction (W3)", "Clients' rating of them")
    referral_quantity: float = weight(0.2, "Referral quantity (W4)", "Referrals they send you")


@dataclass(frozen=True)
class RelationshipWeights(Weights):
    """Relationship strength (domain.md, 002 §1.3): frequency, depth, reciprocity, commitment."""

    frequency: float = weight(0.3, "Frequency", "How often you interact")
    depth: float = weight(0.25, "Depth", "Trust and openness")
    reciprocity: float = weight(0.25, "Reciprocity", "Mutual benefit")
    commitment: float = weight(0.2, "Commitment", "Willingness to invest in the relationship")
