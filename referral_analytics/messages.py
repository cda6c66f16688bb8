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
NOT_RECORDED = "(not recorded)"
NO_REASON = "No reason given"
NO_REFERRALS_IN_PERIOD = (
    "No referrals were received in this period for the chosen agents and source groups. "
    "Pick a longer period, or import a referrals export (one row per referral, with the date "
    "it was received and the dates of first contact, appointment, contract and closing)."
)
FUNNEL_NOTE = (
    "Follows the referrals received in the period (a cohort) to where each one is now: a step "
    "counts a referral once its date for that step is recorded. Conversion = reached ÷ reached "
    "the step before; drop-off = 100% − conversion; days at a step = median days from it to the "
    "next, among the referrals that reached the next. Click a step to list its referrals."
)
COMPARE_NOTE = (
    "Conversion into each step from the step before, per {dimension}; “Overall” = closed ÷ "
    "received. Bars over small segments swing widely: hover for the counts."
)
SPEED_NOTE = (
    "Hours from receiving a referral to the first contact; the line is the 24-hour rule "
    "(000 §5.3.3). The share within 24 hours counts the referrals whose 24 hours were over by "
    "the data's end (the latest event recorded); those still inside them are not judged yet."
)
NOT_CONTACTED = (
    "{n:,} of the period's referrals have not been contacted yet (not in the histogram)."
)
RULE_BREACHES = (
    "{n:,} referrals broke the 24-hour rule: contacted later, or not contacted although 24 "
    "hours have passed (their hours are those waited so far)."
)
NO_BREACHES = "Every referral of the period whose 24 hours are over was contacted within them."
LOST_NOTE = (
    "The period's referrals that were lost, by the last step they reached before it and by "
    "reason. Click a bar to list them."
)
NO_LOST = "None of the period's referrals has been lost."
COHORT_NOTE = (
    "Referrals by month received, and the share of each month's referrals that closed within "
    "30, 60, 90 and 180 days. A month gets a share for a window only once that window has "
    "passed for all its referrals by the data's end (the latest event recorded): earlier, "
    "recent months would look bad only because their referrals have not had the time. Click a "
    "bar to list the month's referrals."
)
LADDER_NOTE = (
    "Contacts in each relationship category now, from outside to the inner circle (003), for "
    "the chosen agents and source groups (the period does not apply). Click a bar to list them."
)
NO_CONTACTS = (
    "No contacts match the chosen agents and source groups. Import a contacts export with each "
    "contact's relationship category."
)
DRILL = {
    "step": "Referrals that reached “{step}”",
    "lost": "Referrals lost after “{step}”: {reason}",
    "month": "Referrals received in {month:%B %Y}",
    "category": "Contacts now in “{category}”",
}
DRILL_TRUNCATED = (
    "Showing the newest {limit:,} only: narrow the period or the filters to list the rest."
)
DRILL_COUNT = "{n:,} rows. Downloads hold exactly these rows; formulas in text cells are defused."
SOURCES_NOTE = (
    "Referrals received in the period, by where they came from: closed = closed by now, "
    "conversion = closed ÷ referrals (001 §3.1), revenue = commission on those closed."
)
TOP_REFERRERS_NOTE = (
    "The referrers who sent the most of the period's referrals: closed and revenue as above; "
    "rewards = rewards paid so far for those referrals; last = their latest referral."
)
PER_REFERRER_NOTE = (
    "Referrers by how many referrals each sent in the period. Mean {mean} per referrer; the "
    "dashed line is 004's 2.68 referrals per referring customer."
)
PARETO_NOTE = (
    "Referrers ranked by referrals sent (bars: referrals per referrer; line: cumulative share "
    "of referrals). The top 20% of referrers ({top:,} of {referrers:,}) brought {share} of "
    "the period's {referrals:,} referrals."
)
NO_REFERRERS = "None of the period's referrals names its referrer."
LEADS_NOTE = (
    "Leads = deals created in the period; conversion = won ÷ (won + lost) (000 §5.5.1), leaving "
    "out leads still open. Referred leads are deals with source “Referral”. The dashed line is "
    "where 004's “referred leads convert 30% better” would put referrals against the other "
    "leads ({others} here); referred leads convert {lift} relative to them."
)
NO_LEADS = (
    "No deals were created in this period. Import a deals export (one row per deal with its "
    "source and status) to compare referred leads with the others."
)
COSTS_NOTE = (
    "CPA = spend ÷ customers acquired (000 §5.5.1); the referral program's CAC = program cost "
    "÷ new customers from referrals (001 §3.1). Customers = distinct contacts with a won deal "
    "closed in the period. Monthly costs count in proportion to the days in the period; costs "
    "have no source group, so that filter does not apply to spend. Rewards paid are not part "
    "of the program cost here. Cost channels meet deal sources as: {mapping}."
)
COSTS_UNMATCHED = "Customers from {sources} have no cost channel, so no CPA."
NO_COSTS = (
    "No costs were recorded for this period. Import a costs export (month, channel, category, "
    "amount) to see CPA and CAC by channel."
)
ASK_NOTE = (
    "An ask is a referral-ask e-mail sent in the period to a client: a contact with a won deal "
    "closed before the send. Asks are grouped by the time since that client's latest closing; "
    "yield = referrals generated per ask, replies = share who replied. 004 §2: ask right after "
    "the purchase completes and again after a few weeks; after 6 months asking is unproductive "
    "unless you are in frequent contact (the line)."
)
NO_ASKS = (
    "No referral-ask e-mails went to clients in this period. Import the e-mail send log "
    "(contact, sent date, reply, referrals generated) and deals, which tell who is a client."
)
CHAINS_NOTE = (
    "Who referred whom: depth 1 = sent by someone who did not come by referral, depth 2 = by "
    "someone a referral brought in, and so on. Chains are traced over all time; the counts are "
    "of the period's referrals."
)
NO_CHAINS = (
    "No referral of the period continues a chain: nobody a referral brought in has referred yet."
)
