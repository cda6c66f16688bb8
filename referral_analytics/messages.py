"""Every user-facing message in one place, so pages, the CLI and tests speak with one voice.

Messages are plain strings or `str.format` templates. Sections follow the library's modules.
"""

# --- store / overview -----------------------------------------------------------------------
DB_BUSY = (
    "The database {path} is in use by another program (the app or another import). "
    "Close it, or import from the app's Import page, and try again."
)
DB_BUSY_APP = (
    "Another program (a scheduled import or a script) is writing to the database right now. "
    "Its data will show here as soon as it finishes: try again in a moment."
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
# Reading a file (ingest/read.py): each names the file; {file} is its name as uploaded.
READ_EMPTY = "“{file}” is empty: there is nothing to import."
UPLOAD_SPOOL_FULL = (
    "“{file}” cannot be read right now: other uploads being read take all the room the "
    "server keeps for them. Try again in a minute."
)
READ_HEADER_ONLY = "“{file}” has a header row ({where}) but no data rows below it."
READ_TOO_BIG = (
    "“{file}” is {size_mb:,.1f} MB; the upload limit is {limit_mb:,.0f} MB. "
    "Export fewer rows or columns, or split the export into several files."
)
READ_TOO_MANY_ROWS = (
    "“{file}” has more than {limit:,} data rows; the limit is {limit:,} rows per file. "
    "Split the export into several files."
)
READ_TOO_MANY_COLUMNS = (
    "“{file}” has {columns:,} columns; the limit is {limit:,} columns per file. "
    "Export only the columns you need."
)
READ_PDF = (
    "“{file}” is a PDF document, not a spreadsheet. Export the data from your CRM as CSV "
    "or Excel (.xlsx) and import that file."
)
READ_BINARY = (
    "“{file}” is not a CSV or spreadsheet file (its content looks like {kind}). Export the "
    "data from your CRM as CSV or Excel (.xlsx)."
)
READ_WEB_PAGE = (
    "“{file}” is a web page or XML file, not a spreadsheet, even if it is named like one. "
    "Open it in Excel and save it as .xlsx or CSV, then import that file."
)
READ_NOT_WORKBOOK_ZIP = (
    "“{file}” is a zip archive, not an Excel or OpenDocument workbook. Unzip it and import "
    "the CSV or .xlsx file inside."
)
READ_XLSB = "“{file}” is an Excel binary workbook (.xlsb). Save it as .xlsx or CSV and import that."
READ_ENCRYPTED = "“{file}” is password-protected. Save a copy without a password and import that."
READ_NAMED_AS = (
    "“{file}” is named like a {named} file but its content is {actual}; it was read as {actual}."
)
READ_NOT_TEXT = (
    "“{file}” could not be read as {encoding} text near byte {offset:,}. Save it again as "
    "CSV UTF-8 and import that file."
)
READ_CSV_FAILED = (
    "“{file}” could not be read as CSV: {detail}. Check that it is a plain CSV export with one "
    "header row."
)
READ_RAGGED = "{where} has {found} cells but the header has {expected}; {lines} not read."
READ_BAD_QUOTE = "{where} has a quote that is not closed properly; {lines} not read."
READ_BAD_TEXT = "{where} is not valid {encoding} text; {lines} not read."
READ_BAD_LINE = "{where} could not be split into cells; {lines} not read."
READ_MOSTLY_BAD = (
    "“{file}” could not be read: {bad:,} of {total:,} lines could not be split into the "
    "header's {expected} cells. The first: {first} Check that the table's header is its first "
    "full line and that the file is a plain CSV export."
)
READ_TITLE_SKIPPED = "Skipped {n} title {unit} above the header ({where})."
READ_TRAILER_SKIPPED = "Skipped report trailer “{text}” at {where}."
# CSV lines and cells (ingest/read/csv_*.py). A line that does not split into the header's cells
# is a row error: its reason follows the place ("line 8: has 5 cells, the header has 7").
READ_LINE_COLUMN = "(whole line)"
READ_LINE_CELLS = "has {found} cells, the header has {expected}{lines}"
READ_LINE_QUOTE = "has a quote that is not closed properly{lines}"
READ_LINE_SPLIT = "could not be split into cells{lines}"
READ_LINE_SPAN = " (the record runs over lines {first}–{last})"
READ_SHORT_LINES_EMPTY = (
    "{lines} had fewer cells than the header ({which}): the missing cells are in columns "
    "empty in every other line ({columns}), so they were read as empty."
)
READ_LEGACY_LINES = (
    "{lines} {were} not UTF-8; read as {encoding}. The other lines are UTF-8 and were read as "
    "written."
)
READ_CLEANED_CELLS = (
    "Cleaned {cells} of control or invisible characters (NUL, vertical tab, bidi controls, "
    "zero-width spaces), the first on line {line}: vertical tabs and form feeds became "
    "spaces, the rest were removed."
)
READ_NO_SHEET = "“{file}” has no sheet named “{sheet}”. Its sheets are: {sheets}."
READ_WORKBOOK_MEMORY = (
    "“{file}” could not be read safely: the workbook needs more than {limit} of memory. "
    "Delete unused rows, columns and sheets, or save it as CSV, and import it again."
)
READ_WORKBOOK_CPU = (
    "“{file}” could not be read safely: the workbook needs more than {seconds} seconds of "
    "computing time. Delete unused rows, columns and sheets, or save it as CSV, and import it "
    "again."
)
READ_WORKBOOK_CRASH = (
    "“{file}” could not be read safely: the workbook reader stopped unexpectedly ({how}). Open "
    "the file in Excel, save it again as .xlsx or CSV, and import that file."
)
# A reader that computes too long meets its CPU limit (half this time) first: this was waiting.
READ_WORKBOOK_TIMEOUT = (
    "“{file}” could not be read: reading the workbook took longer than {seconds} seconds; the "
    "server is probably busy. Try again in a few minutes."
)
READ_WORKBOOK_BUSY = (
    "“{file}” cannot be read right now: other workbooks are being read. Try again in a moment."
)
READ_WORKBOOK_DAMAGED = "“{file}” is not a readable workbook ({detail})."
# A workbook cell with no value to read. Row errors (typed fields; the place is beside them):
READ_WORKBOOK_ERROR_VALUE = (
    "Holds the Excel error {error}: correct the formula in the workbook, or clear the cell, "
    "and import it again."
)
READ_WORKBOOK_NO_RESULT = (
    "Holds a formula saved without its result (the program that wrote the file did not "
    "compute it): open the file in Excel, save it, and import it again."
)
# …and warnings (unmapped columns, text and words), one per column; {cells}: "Deals!G4 (#N/A)".
READ_WORKBOOK_ERRORS_KEPT = "Excel errors in “{header}”, kept as written: {cells}."
READ_WORKBOOK_NO_RESULTS_EMPTY = (
    "Formulas saved without their results in “{header}”, left empty: {cells}. Open the file "
    "in Excel and save it to keep their values."
)
READ_WORKBOOK_MORE_CELLS = "{cells} and {n:,} more"
READ_UNEXPECTED = (
    "“{file}” could not be read ({detail}). If it opens in Excel, save it again as .xlsx or "
    "CSV and import that file."
)
READ_ZIP_RATIO = (
    "“{file}” was refused: its part “{member}” would expand {ratio:,.0f} times (the limit is "
    "{limit:,.0f} times), as a zip bomb does."
)
READ_ZIP_TOTAL = (
    "“{file}” was refused: its contents would expand to {size}, more than the {limit} limit."
)
READ_ZIP_SIZE_LIE = (
    "“{file}” was refused: its part “{member}” holds more data than its zip directory declares."
)
READ_ZIP_MEMBERS = "“{file}” was refused: it holds {count:,} parts, more than any workbook needs."
READ_ZIP_METHOD = (
    "“{file}” was refused: its part “{member}” uses a compression method workbooks do not use."
)
READ_XML_DTD = (
    "“{file}” was refused: its part “{member}” declares a DTD or entities, which workbooks "
    "never need and XML attacks rely on."
)
READ_XML_ENCODING = (
    "“{file}” was refused: its part “{member}” is not UTF-8 XML. Save the file again in Excel."
)
READ_CELL_BEYOND_LIMITS = (
    "“{file}” was refused: its sheet “{sheet}” has a cell at {ref}, beyond the limit of "
    "{rows:,} rows and {columns:,} columns."
)
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
AB_TOO_FEW = "An experiment needs at least two variants: the control first, then the others."
AB_DUPLICATE = "Each variant needs its own name."
AB_NEGATIVE = "Variant {name}: sends and events cannot be negative."
AB_EVENTS_OVER_SENDS = "Variant {name}: more events than sends."
AB_PLAN = "The planned split needs one positive share per variant ({arms} variants)."
AB_RATES = "The baseline and the rate to detect must both lie between 0% and 100%."
AB_ALPHA = "The significance level must lie between 0 and 1 (e.g. 0.05)."
AB_SRM = (
    "Sample ratio mismatch: the sends ({sends}) depart from the planned split (p = {p:.2g}). "
    "Something in how recipients were assigned is broken; the results below cannot be trusted."
)
AB_EMPTY_ARM = "No sends yet in {names}: nothing can be compared."
AB_NO_EVENTS = "No variant has any event yet: every rate is 0%."
AB_ALL_EVENTS = "Every send in every variant had the event: the rates cannot differ."
AB_PLANNED = "Planned sample: {planned:,} sends per variant; the smallest variant has {least:,}."
AB_PEEKING = (
    "The planned sample is not reached: looking early and stopping at the first significant "
    "result inflates false positives. Keep the test running to the plan."
)
AB_VERDICT_SRM = "Do not read this test: fix the split of sends first (see above)."
AB_VERDICT_NO_DATA = "Not enough data to compare the variants yet."
AB_VERDICT_TOO_EARLY = (
    "Too early: about {more:,} more sends per variant are needed before naming a winner "
    "(every variant needs {sends} sends and {events} events)."
)
AB_VERDICT_TOO_EARLY_NO_RATE = (
    "Too early: a variant has no event yet, so there is no rate to estimate from; every "
    "variant needs at least {events} events before naming a winner."
)
AB_VERDICT_BETTER = "{name} is better: {chance} chance to beat {control} (p = {p:.2g})."
AB_VERDICT_WORSE = "{name} is worse: {chance} chance that {control} is better (p = {p:.2g})."
AB_VERDICT_NOT_YET = "Not significant yet: keep sending until the planned sample is reached."
AB_VERDICT_NO_DIFFERENCE = (
    "No detectable difference — this test could have found an uplift of {points:.1f} "
    "percentage points or more."
)

NO_EXPERIMENTS = (
    "No referral-ask e-mail experiments yet. Import an e-mail send log (one row per recipient: "
    "experiment, variant, sent, opened, clicked, replied, referrals generated), or switch to "
    "“From counts” and type the numbers from your e-mail tool."
)
EXPERIMENT_NOTE = (
    "All of the experiment's sends are analysed, whatever the period; the agent filter applies. "
    "The first variant is the control."
)
REFERRALS_PER_RECIPIENT = (
    "Referrals generated per recipient (a count, not a yes/no): each variant's mean against the "
    "control's by Welch's t-test, with a 95% interval for the difference."
)
POWER_MORE = "This test needs about {more:,} more sends per variant to detect {lift} points."
POWER_NOTE = (
    "Sends needed per variant for an 80% chance (the power) to detect the uplift at the chosen "
    "significance level: two-sided two-proportion z-test, Cohen's h."
)

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

# Import: what the pipeline says about a file beyond reading it.
IMPORT_UNKNOWN_KIND = "“{kind}” is not a kind of data we import. Choose one of: {kinds}."
IMPORT_WHICH_KIND = (
    "The headers do not say clearly what this file holds (closest: {likely}). Choose the kind "
    "(on the Import page, or with --kind: {kinds})."
)
IMPORT_NO_MAPPING = "No saved mapping is called “{name}”. Save one on the Import page first."
IMPORT_ROW_NEEDS = "has no {labels}; every row needs one"
IMPORT_REPEAT = "{line} repeats {of}: the record loads once."
IMPORT_CONFLICT = "{lines} share {shared} but give {values}; {line} was kept, {of} not loaded."
IMPORT_CONFLICT_STORED = "the stored record {record}"
IMPORT_CONFLICT_VALUES = "{column} “{dropped}” and “{kept}”"
IMPORT_MORE_REPEATS = "… and {n:,} more lines repeat a later line of the file (each loads once)."
IMPORT_MORE_CONFLICTS = (
    "… and {n:,} more lines give a record a later line gives with other values; the later "
    "line was kept."
)
IMPORT_UNCHANGED = (
    "Nothing written, no import recorded: every record in the file is already stored as it "
    "gives it."
)
IMPORT_CATEGORY_CHANGES = "{n:,} contacts moved to a new category (kept in the category history)."
IMPORT_UNMAPPED_WORDS = (
    "{header}: {words} are not {vocabulary} words we know. Those rows load with no "
    "{vocabulary}, the word kept with the row; map the words in the Values table to use them."
)
IMPORT_UNRESOLVED = (
    "{n:,} {label} names matched no contact ({names}); kept as text with their rows."
)
IMPORT_AMBIGUOUS = (
    "{n:,} {label} names match several contacts ({names}): not linked, to avoid a guess; "
    "give each an e-mail or a contact id. Kept as text with their rows."
)
IMPORT_INTRO = (
    "Upload CSV or Excel exports from your CRM (Follow Up Boss, KW Command, kvCORE, Lofty, "
    "Sierra, HubSpot, Salesforce, Zoho, Pipedrive, or your own sheet). Each file is checked "
    "row by row before anything is written, and loads all or nothing."
)
IMPORT_LIMITS = "Up to {mb:,} MB, {rows:,} rows and {columns:,} columns per file."
IMPORT_SKIP_HELP = (
    "Off: a file with any invalid row loads nothing. On: its valid rows load, and the rejected "
    "ones can be downloaded as CSV to fix and import again."
)
IMPORT_KIND_HELP = "Detected from the headers; change it if the file holds something else."
IMPORT_KIND_DETECTED = "Detected from the headers ({score:.0%} of the signals of {kind})."
IMPORT_MAPPING_HELP = (
    "The field of ours each column fills. “Keep in extra” stores the column with the row "
    "without using it in figures; nothing is dropped."
)
IMPORT_MAPPING_SAVED = "Mapping “{name}” saved: the next file with these headers uses it."
IMPORT_WORDS_HELP = (
    "Your CRM's words that our vocabularies do not know. Say what each means; unmapped words "
    "load as empty with the word kept beside the row."
)
IMPORT_READY = "Ready: {n:,} of {rows} will load, filling {fields} fields; {kept} kept as they are."
IMPORT_REJECTED = (
    "{n:,} of {rows} have problems, so nothing will load. Fix them in the file, or switch on "
    "“Load the valid rows” above."
)
IMPORT_ALREADY = "This file is already imported (import #{id}); importing it again changes nothing."
IMPORT_RUNNING = "Importing {file}…"
IMPORT_NO_HISTORY = "Nothing imported yet."
IMPORT_UNDONE = "Import #{id} undone: {n:,} rows removed, what it replaced restored."
IMPORT_DATE_DECISION = (
    "Column “{header}”: {decision} Choose on the Import page, or run again with "
    "--date-order DMY, MDY or YMD."
)
IMPORT_CANNOT_OPEN = "“{file}” could not be opened: {reason}."

# Import mapping: the columns a kind cannot do without, and saved mappings.
MAPPING_NEEDS_ONE = "Map a column to {label} ({kind} need it)."
MAPPING_NEEDS_ANY = "Map a column to {labels} ({kind} need one of them)."
MAPPING_NAME_BLANK = "Give the mapping a name to save it under."

# --- import: values (ingest.values) ---------------------------------------------------------
# A reason says what was expected and never repeats the cell: the preview shows it alongside.
VALUE_NOT_DATE = "Not a date: write it like 2026-09-12, 12/09/2026 or 12 Sep 2026."
VALUE_NOT_MONTH = "Not a month: write it like 2026-09, Sep 2026 or 2026-09-01."
VALUE_NO_DAY = "Has no day of the month: write a full date such as 2026-09-12."
VALUE_NO_YEAR = "Has no year: write a full date such as 12/09/2026."
VALUE_TIME_ONLY = "A time of day without a date."
VALUE_BAD_MONTH = "Not a real date: the month must be 1 to 12."
VALUE_NO_SUCH_DAY = "Not a real date: that month has no such day."
VALUE_YEAR_RANGE = "The year must be between 1900 and 2100."
VALUE_BAD_TIME = "Not a real time: hours go to 23 (12 with AM/PM), minutes and seconds to 59."
VALUE_BAD_ZONE = "Not a time zone: use Z, UTC or an offset such as +03:00."
VALUE_OTHER_ORDER = "Not a real date when read {order} like the rest of the column."
VALUE_YEAR_NOT_FIRST = "The year is written last, but the column is set to year first (YMD)."
VALUE_NUMBER_AMONG_DATES = (
    "A number among dates: only a column of numbers alone is read as Excel dates."
)
VALUE_SERIAL_RANGE = (
    "Too small or too large for an Excel date (20000 to 80000, years 1954 to 2119)."
)
VALUE_DATES_DAY_FIRST = "Dates read day-first (“{example}” rules out month-first)."
VALUE_DATES_MONTH_FIRST = "Dates read month-first (“{example}” rules out day-first)."
VALUE_DATES_MOSTLY = (
    "Dates read {order}: {count:,} only make sense that way and {other:,} only the other way "
    "(those are reported)."
)
VALUE_DATES_AS_CHOSEN = "Dates read {order}, as chosen."
VALUE_DATES_AMBIGUOUS = (
    "“{example}” could be {first} or {second}; choose the date order (DMY or MDY)."
)
VALUE_DATES_MIXED = (
    "As many dates only make sense day-first (“{dmy}”) as only month-first (“{mdy}”); "
    "choose the date order (DMY or MDY)."
)
VALUE_DATES_SERIALS = "Numbers read as Excel dates (“{example}” is {date})."
VALUE_DATES_UTC = "Times written with a zone were converted to UTC."
VALUE_NOT_AMOUNT = "Not an amount: write it like 1,200.50, SAR 450,000 or 1.2M."
VALUE_NOT_NUMBER = "Not a number: write it like 1200, 1,200.5 or 2.5k."
VALUE_NOT_INTEGER = "Not a whole number: write it like 12 or 1,200."
VALUE_NOT_PERCENT = "Not a percentage: write it like 12%, 12.5 or 0.125."
VALUE_GROUPING = "The thousands separators are misplaced: groups after the first need 3 digits."
VALUE_FRACTION = "Not a whole number: it has a fraction."
VALUE_TOO_LARGE = "Too large to store."
VALUE_OTHER_CURRENCY = "In {currency} while the column is in {main}: convert it first."
VALUE_NOT_RATING = (
    "“{value}” is not a rating: write a whole number from 1 to 5, such as 4, 4/5 or ★★★★."
)
VALUE_RATING_RANGE = (
    "“{value}” is outside the referral rating's scale: rate from 1 to 5 (000 §5.2.1), such as "
    "4, 4/5 or ★★★★."
)
VALUE_CURRENCY = "Amounts in {currency}."
VALUE_DECIMAL_COMMA = "A comma is the decimal separator in this column (as in “{example}”)."
VALUE_DECIMAL_POINT = (
    "“{lone}” read as a decimal: the column writes decimals with a point (as in “{example}”)."
)
VALUE_THOUSANDS = (
    "“{lone}” read as {value}: one separator followed by three digits is taken as thousands."
)
VALUE_FRACTIONS = (
    "Every value is at most 1 and none has %, so they are read as fractions (0.125 = 12.5%)."
)
VALUE_NOT_EMAIL = "Not an e-mail address: it needs one @ and a domain, like name@example.com."
VALUE_SEVERAL_EMAILS = "More than one e-mail address: keep one per cell."
VALUE_NOT_PHONE = (
    "Not a phone number: digits with an optional leading + (spaces, dashes and brackets are fine)."
)
VALUE_PHONE_SHORT = "Too short for a phone number (at least 5 digits)."
VALUE_PHONE_LONG = "Too long for a phone number (at most 15 digits after the + or 00)."
VALUE_SEVERAL_PHONES = "More than one phone number: keep one per cell."
VALUE_EXCEL_NUMBER = "Looks like a number Excel converted; export {what} as text."
VALUE_NOT_YES_NO = "Not yes or no: write yes/no, true/false, 1/0, x or ✓."
VALUE_UNKNOWN_WORD = "Not a known {what}: expected {words}; or map it in the Values table."
VALUE_WORDS_MAPPED = "Read as our words: {pairs}."
IMPORT_TEMPLATE_NOTES = "Skipped the template's row of descriptions under the header."
