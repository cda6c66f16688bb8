"""A deterministic, realistic demo dataset: a four-agent team's two years of referrals.

``generate`` builds every canonical table as DataFrames from a seed; ``load_demo`` writes them
into a store in one transaction and records it in the import ledger, so "data as of" and undo
treat the demo like any import. Sized by ``contacts``: 5,000 by default, 1,000,000 for benchmarks.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd

from referral_analytics import db
from referral_analytics.config import DEMO_CONTACTS, DEMO_SEED
from referral_analytics.demo.activity import costs, email_experiments, nps, partners, touches
from referral_analytics.demo.clock import Clock
from referral_analytics.demo.people import (
    AGENTS,
    base_contacts,
    category_history,
    finish_contacts,
    with_lead_sources,
    with_met_at,
)
from referral_analytics.demo.pipeline import deals, referrals, rewards

DEFAULT_CONTACTS = DEMO_CONTACTS
DEFAULT_SEED = DEMO_SEED


def generate(
    contacts: int = DEFAULT_CONTACTS, *, seed: int = DEFAULT_SEED, end: date | None = None
) -> dict[str, pd.DataFrame]:
    """Every canonical table of a demo team, keyed by table name; same seed, same data."""
    if contacts < 100:
        raise ValueError("the demo needs at least 100 contacts")
    rng = np.random.default_rng(seed)
    clock = Clock.ending(end or date.today())
    people = base_contacts(rng, contacts, clock)
    refs = referrals(rng, people, clock)
    leads = deals(rng, people, refs, clock)
    people = finish_contacts(rng, people, refs, leads, clock)
    history = category_history(rng, people, refs, clock)
    people = with_met_at(people, history)
    people = with_lead_sources(np.random.default_rng((seed, 1)), people, leads)
    sends, arms = email_experiments(rng, people, leads, clock)
    tables = {
        "contacts": people,
        "category_history": history,
        "referrals": refs,
        "deals": leads,
        "rewards": rewards(rng, refs, clock),
        "touches": touches(rng, people, clock),
        "experiments": arms,
        "email_sends": sends,
        "partners": partners(rng, contacts, clock),
        "costs": costs(rng, contacts, clock),
        "nps_responses": nps(rng, people, clock),
    }
    return {name: _public(frame) for name, frame in tables.items()}


def load_demo(
    con: duckdb.DuckDBPyConnection,
    contacts: int = DEFAULT_CONTACTS,
    *,
    seed: int = DEFAULT_SEED,
    end: date | None = None,
) -> dict[str, int]:
    """Write a demo dataset into the store in one transaction; returns rows per table."""
    tables = generate(contacts, seed=seed, end=end)
    name = f"Demo data ({contacts:,} contacts, seed {seed})"
    with db.transaction(con) as cur:
        import_id = db.next_import_id(cur)
        for table, frame in tables.items():
            db.insert_frame(cur, table, frame.assign(import_id=import_id))
        db.record_import(
            cur,
            import_id=import_id,
            file_name=name,
            sha256=f"demo:{contacts}:{seed}:{end}",
            kind="demo",
            rows_read=sum(len(f) for f in tables.values()),
            rows_loaded=sum(len(f) for f in tables.values()),
        )
    return {table: len(frame) for table, frame in tables.items()}


def _public(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the generator's private working columns (those starting with an underscore)."""
    return frame.drop(columns=[c for c in frame.columns if c.startswith("_")])


__all__ = ["AGENTS", "DEFAULT_CONTACTS", "DEFAULT_SEED", "generate", "load_demo"]
