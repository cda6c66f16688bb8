"""Every user-facing message in one place, so pages, the CLI and tests speak with one voice.

Messages are plain strings or `str.format` templates. Sections follow the library's modules.
"""

# --- store / overview -----------------------------------------------------------------------
DB_BUSY = (
    "The database {path} is in use by another program (the app or another import). "
    "Close it, or import from the app's Import page, and try again."
)
EMPTY_DATABASE = (
    "There is no data yet. Load the demo data to explore the dashboard, "
    "or import your CRM exports on the Import page."
)
DEMO_LOADED = "Loaded the demo data: {contacts:,} contacts, {rows:,} rows in all."
DEMO_SKIPPED = "The database already holds data; the demo was not loaded."
DEMO_NOT_EMPTY = (
    "The database already holds data. Use --replace to empty it first, "
    "or --if-empty to leave it as it is."
)
# Each Overview tile's exact definition (shown as its help text).
TILE_HELP = {
    "contacts": "Contacts in the database at the end of the period (created by its last day).",
    "referrals_received": "Referrals whose received date falls in the period.",
    "referral_rate": (
        "Referrals received in the period ÷ contacts at the end of the period × 100 (001 §3.1)."
    ),
    "referral_conversion_rate": (
        "Of the referrals received in the period, the share that has closed by now × 100 "
        "(001 §3.1). Recent periods rise as their referrals close."
    ),
    "referral_revenue": (
        "Revenue from referrals: commission earned on referred deals that closed in the period "
        "(gross commission income)."
    ),
    "reward_cost": "Rewards paid to referrers in the period (gifts, cash, vouchers).",
    "reward_roi": (
        "(Revenue from referred deals closed in the period − rewards paid in the period) "
        "÷ rewards paid × 100."
    ),
    "nps": (
        "Net Promoter Score of the answers given in the period: % promoters (9–10) − "
        "% detractors (0–6), from −100 to +100 (001 §3.1)."
    ),
    "median_hours_to_first_contact": (
        "Median hours from receiving a referral to the first contact with the referred person, "
        "over referrals received in the period and contacted so far."
    ),
    "share_contacted_within_24h": (
        "Share of the referrals received in the period that were contacted within 24 hours "
        "(000 §5.3.3); referrals not contacted yet count as missed."
    ),
}
DELTA_NOTE = "Change against the previous {days} days ({start} – {end})."
DATA_AS_OF = "Data as of {when}: {name}."
DEMO_BUTTON_HELP = "Loads a realistic four-agent team with two years of referrals (5,000 contacts)."
NO_DATA_IN_PERIOD = "Nothing was recorded in this period for the chosen agents and source groups."

# --- import ----------------------------------------------------------------------------------
UNDO_UNKNOWN = "Import {id} does not exist or was already undone."
UNDO_BUILT_UPON = (
    "Import {id} cannot be undone yet: import {later} changed rows it wrote. "
    "Undo import {later} first."
)

# --- partners --------------------------------------------------------------------------------
NO_PARTNERS = (
    "No allied-partner scorecards in this period. Import a partners export (one row per partner "
    "and period: service quality, response time, satisfaction, referrals both ways)."
)
PARTNER_SCORE_HELP = (
    "Score = W1·service quality + W2·response time + W3·satisfaction + W4·referrals sent "
    "(002 §3.4). Each part is put on 0–100 first (ratings 1–5 → 0–100; 1 h or faster → 100, "
    "72 h or slower → 0, on a log scale; referrals as a share of the busiest partner's) and the "
    "weights are scaled to sum to 1, so a score always lies between 0 and 100."
)
RECIPROCITY_HELP = (
    "Referrals each partner sent you against referrals you sent them in the period: "
    "relationships last when both sides gain (social exchange, 001 §1.1)."
)

# --- experiments -----------------------------------------------------------------------------

# --- funnel and sources ----------------------------------------------------------------------
