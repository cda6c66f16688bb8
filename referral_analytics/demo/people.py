"""Demo contacts: who they are, whose they are, and how they move up the ladder over time."""

from __future__ import annotations

import numpy as np
import pandas as pd

from referral_analytics.demo.clock import Clock
from referral_analytics.vocabulary import (
    ADOPTION_STAGES,
    AIDA_STAGES,
    CIRCLE_ROLES,
    LADDER,
    LEAD_SOURCES,
    LEAD_TEMPERATURES,
    REFERRAL_SOURCE,
    SOURCE_GROUPS,
)

AGENTS = ("Sara Al-Qahtani", "Omar Haddad", "Lina Mansour", "Khalid Al-Otaibi")
_AGENT_SHARE = (0.32, 0.28, 0.22, 0.18)
_FIRST = (
    "Ahmed Fatima Mohammed Noura Abdullah Reem Faisal Huda Yousef Maha Hassan Layla Tariq "
    "Dana Saad Amal Majed Rana Nasser Hind Ali Sarah Omar Mona Khalid Lama Ibrahim Joud "
    "Sultan Nora James Emily Daniel Grace"
).split()
_LAST = (
    "Al-Harbi Al-Ghamdi Al-Zahrani Al-Shehri Al-Dosari Al-Mutairi Al-Qahtani Al-Otaibi "
    "Al-Anazi Al-Shammari Haddad Khoury Mansour Nasser Saleh Farouk Hamdan Rahman Bakr "
    "Aziz Smith Johnson Brown Taylor"
).split()
_CITIES = ("Riyadh", "Jeddah", "Dammam", "Khobar", "Makkah", "Madinah")
_PROFESSIONS = (
    "Engineer", "Teacher", "Physician", "Accountant", "Business owner", "Civil servant",
    "Nurse", "Lawyer", "Sales manager", "IT specialist", "Retired", "Architect",
)  # fmt: skip
# Who is in the database at the end, before referrals and sales move people inward.
_BASE_CATEGORY_SHARE = (0.28, 0.22, 0.28, 0.06, 0.12, 0.04)
_REFERRED_SHARE = 0.35  # of the contacts who arrived inside the window


def pick(rng: np.random.Generator, values, shares, n: int) -> pd.Categorical:
    """``n`` draws from ``values`` with the given shares (normalised).

    A Categorical, because a million Python strings cost seconds to build and to hand to DuckDB.
    """
    p = np.asarray(shares, dtype=float)
    codes = rng.choice(len(values), size=n, p=p / p.sum())
    return pd.Categorical.from_codes(codes, categories=list(dict.fromkeys(values)))


def base_contacts(rng: np.random.Generator, n: int, clock: Clock) -> pd.DataFrame:
    """Everyone in the database, with a provisional category and who arrived by referral."""
    older = rng.random(n) < 0.35
    created = clock.uniform(rng, n)
    created[older] = clock.start - clock.days(rng.random(older.sum()) * 3 * 365)
    first, last = (
        pick(rng, _FIRST, np.ones(len(_FIRST)), n),
        pick(rng, _LAST, np.ones(len(_LAST)), n),
    )
    number = pd.Series(np.arange(1, n + 1)).astype("string")
    return pd.DataFrame(
        {
            "contact_id": "C" + number.str.zfill(7),
            "full_name": pd.Series(first, dtype="string") + " " + pd.Series(last, dtype="string"),
            "email": (pd.Series(first, dtype="string").str.lower() + "." + number + "@example.com"),
            "phone": "+9665" + pd.Series(rng.integers(10_000_000, 99_999_999, n)).astype("string"),
            "agent": pick(rng, AGENTS, _AGENT_SHARE, n),
            "source_group": pick(rng, SOURCE_GROUPS, (0.24, 0.16, 0.08, 0.30, 0.10, 0.12), n),
            "lead_temperature": pick(rng, LEAD_TEMPERATURES, (0.15, 0.35, 0.5), n),
            "aida_stage": pick(rng, AIDA_STAGES, (0.4, 0.3, 0.2, 0.1), n),
            "adoption_stage": pick(rng, ADOPTION_STAGES, (0.03, 0.13, 0.34, 0.34, 0.16), n),
            "city": pick(rng, _CITIES, (0.35, 0.25, 0.12, 0.1, 0.1, 0.08), n),
            "profession": pick(rng, _PROFESSIONS, np.ones(len(_PROFESSIONS)), n),
            "created_at": created,
            "_category": rng.choice(len(LADDER), size=n, p=_BASE_CATEGORY_SHARE),
            "_referred": ~older & (rng.random(n) < _REFERRED_SHARE),
        }
    )


# How people not met came (General Public, Target Group), over LEAD_SOURCES in order.
_MARKETING_SOURCES = (0, 0, 0, 0.30, 0.20, 0.10, 0.05, 0.20, 0.15, 0, 0)
# How people met came, by source group (SOURCE_GROUPS order), over LEAD_SOURCES in order.
_MET_SOURCES = (
    (0, 0.80, 0, 0, 0, 0, 0, 0.10, 0, 0.10, 0),  # friends & family: their sphere
    (0, 0.70, 0, 0, 0, 0, 0, 0, 0, 0.20, 0.10),  # colleagues
    (0, 0.50, 0, 0, 0, 0, 0, 0, 0, 0.30, 0.20),  # vendors & suppliers
    (0, 0.10, 0.55, 0.15, 0.10, 0.05, 0.05, 0, 0, 0, 0),  # past clients: mostly repeat business
    (0, 0.30, 0, 0, 0, 0, 0, 0, 0, 0.60, 0.10),  # organisations: met at their events
    (0, 0.40, 0, 0, 0, 0, 0, 0, 0, 0.40, 0.20),  # allied resources
)
_NO_SOURCE_SHARE = 0.04  # CRMs leave the field empty now and then


def with_lead_sources(
    rng: np.random.Generator, people: pd.DataFrame, leads: pd.DataFrame
) -> pd.DataFrame:
    """``lead_source``: how each contact came. Referred people came by referral, a lead's deal
    says its own source, and the rest came as their circle suggests (``_MET_SOURCES``).

    Drawn from its own generator, so every other table is the same with or without it.
    """
    n = len(people)
    codes = rng.choice(len(LEAD_SOURCES), size=n, p=_MARKETING_SOURCES)
    groups = pd.Categorical(people["source_group"], categories=SOURCE_GROUPS).codes
    met = people["_category"].to_numpy() >= 2
    for group, shares in enumerate(_MET_SOURCES):
        chosen = met & (groups == group)
        codes[chosen] = rng.choice(len(LEAD_SOURCES), size=int(chosen.sum()), p=shares)
    source = pd.Series(pd.Categorical.from_codes(codes, categories=LEAD_SOURCES), dtype=object)
    source[rng.random(n) < _NO_SOURCE_SHARE] = None
    own = leads[leads["referral_id"].isna()].drop_duplicates("contact_id")
    dealt = people["contact_id"].map(own.set_index("contact_id")["source"])
    source = dealt.where(dealt.notna(), source)
    source[people["_referred"].to_numpy()] = REFERRAL_SOURCE
    return people.assign(lead_source=pd.Categorical(source.to_numpy(), categories=LEAD_SOURCES))


def finish_contacts(
    rng: np.random.Generator,
    people: pd.DataFrame,
    refs: pd.DataFrame,
    leads: pd.DataFrame,
    clock: Clock,
) -> pd.DataFrame:
    """Final categories (clients move inward), roles, ratings and the day each was met."""
    people = people.copy()
    category = people["_category"].to_numpy().copy()
    moved_at = np.full(len(people), np.datetime64("NaT"), dtype="datetime64[s]")
    won = leads[leads["status"] == "won"]
    clients = people.index[people["contact_id"].isin(won["contact_id"])]
    client_closed = won.set_index("contact_id")["closed_at"]
    core = rng.random(len(clients)) < 0.15
    category[clients] = np.where(core, 5, 4)
    moved_at[clients] = client_closed.reindex(people.loc[clients, "contact_id"]).to_numpy()
    referred = people.index[people["_referred"]]
    outcome = refs.set_index("referred_id").reindex(people.loc[referred, "contact_id"])
    open_or_lost = outcome["status"].to_numpy() != "closed"
    contacted = outcome["first_contact_at"].notna().to_numpy()
    category[referred[open_or_lost]] = np.where(contacted[open_or_lost], 2, 1)
    people["category"] = pd.Categorical.from_codes(category, categories=LADDER)
    people["_category"] = category
    people["_moved_at"] = moved_at
    referrals_given = people["contact_id"].map(refs["referrer_id"].value_counts()).fillna(0)
    people["circle_role"] = _roles(rng, category, referrals_given.to_numpy())
    people["referral_rating"] = _ratings(rng, category, referrals_given.to_numpy())
    return people


def _roles(rng: np.random.Generator, category: np.ndarray, given: np.ndarray) -> np.ndarray:
    role = np.asarray(pick(rng, CIRCLE_ROLES, (0.0, 0.3, 0.0, 0.08), len(category)), dtype=object)
    role[category == 3] = "Collaborator"
    role[given > 0] = "Promoter"
    role[(category < 2)] = None
    role[(category >= 2) & (given == 0) & (rng.random(len(category)) < 0.5)] = None
    return role


def _ratings(rng: np.random.Generator, category: np.ndarray, given: np.ndarray) -> pd.Series:
    # Referral ability 1–5 (000 §5.2.1): tracks the circle and what they actually sent.
    base = np.array([0, 0, 1.5, 3.0, 3.0, 4.2])[category] + np.minimum(given, 3) * 0.4
    rating = np.clip(np.round(base + rng.normal(0, 0.7, len(category))), 1, 5)
    return pd.Series(rating, dtype="Int8").mask(category < 2)


def category_history(
    rng: np.random.Generator, people: pd.DataFrame, refs: pd.DataFrame, clock: Clock
) -> pd.DataFrame:
    """Each contact's path up the ladder: a start, maybe Network, then the final category."""
    final = people["_category"].to_numpy()
    created = people["created_at"].to_numpy()
    start = np.where(final >= 2, rng.choice([1, 2, 9], size=len(final), p=[0.45, 0.25, 0.3]), 9)
    start = np.minimum(start, final)  # 9 = "entered already at the final step"
    start[people["_referred"].to_numpy() & (final >= 2)] = 1  # referred: a prospect until reached
    first_contact = (
        refs.set_index("referred_id")["first_contact_at"].reindex(people["contact_id"]).to_numpy()
    )
    arrive_final = people["_moved_at"].to_numpy()
    guess = clock.uniform(rng, len(final), lo=created, hi=clock.end)
    arrive_final = np.where(np.isnat(arrive_final), guess, arrive_final)
    between = clock.uniform(rng, len(final), lo=created, hi=arrive_final)
    network_at = np.where(np.isnat(first_contact), between, first_contact)
    steps = [
        (start, created, np.ones(len(final), dtype=bool)),
        (np.full(len(final), 2), network_at, (start < 2) & (final > 2)),
        (final, arrive_final, start < final),
    ]
    parts = [
        pd.DataFrame(
            {"contact_id": people["contact_id"][keep], "_cat": cat[keep], "valid_from": at[keep]}
        )
        for cat, at, keep in steps
    ]
    history = pd.concat(parts, ignore_index=True)
    history["category"] = pd.Categorical.from_codes(history.pop("_cat"), categories=LADDER)
    return history.sort_values(["contact_id", "valid_from"], kind="stable", ignore_index=True)


def with_met_at(people: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """``met_at``: when each contact first reached Network or beyond (003: "Met")."""
    met = history[history["category"].isin(LADDER[2:])].groupby("contact_id")["valid_from"].min()
    return people.assign(met_at=people["contact_id"].map(met))
