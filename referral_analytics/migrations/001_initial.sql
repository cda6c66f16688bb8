-- The canonical tables (architecture.md "The canonical data").
-- No primary-key constraints: DuckDB checks them row by row on bulk loads and cannot update
-- an indexed key in place; the loader enforces natural keys instead, one import at a time.
-- Every imported row keeps its import_id so an import can be listed, inspected and undone;
-- `extra` keeps the columns a file had that we do not map, never dropped.

create table imports (
    import_id      bigint primary key,
    file_name      varchar not null,
    sha256         varchar not null,
    kind           varchar not null,
    rows_read      bigint not null,
    rows_loaded    bigint not null,
    rows_rejected  bigint not null,
    imported_at    timestamp not null,
    undone_at      timestamp,
    details        json
);

create table contacts (
    contact_id        varchar not null,
    full_name         varchar,
    email             varchar,
    phone             varchar,
    agent             varchar,
    category          varchar,
    source_group      varchar,
    lead_temperature  varchar,
    aida_stage        varchar,
    adoption_stage    varchar,
    circle_role       varchar,
    referral_rating   tinyint,
    city              varchar,
    profession        varchar,
    created_at        timestamp,
    met_at            timestamp,
    import_id         bigint,
    extra             json
);

create table category_history (
    contact_id  varchar not null,
    category    varchar not null,
    valid_from  timestamp not null,
    import_id   bigint
);

create table referrals (
    referral_id        varchar not null,
    referrer_id        varchar,
    referred_id        varchar,
    agent              varchar,
    channel            varchar,
    source_group       varchar,
    received_at        timestamp,
    first_contact_at   timestamp,
    appointment_at     timestamp,
    contract_at        timestamp,
    closed_at          timestamp,
    lost_at            timestamp,
    status             varchar,
    lost_reason        varchar,
    transaction_value  decimal(18, 2),
    commission         decimal(18, 2),
    import_id          bigint,
    extra              json
);

create table deals (
    deal_id      varchar not null,
    contact_id   varchar,
    referral_id  varchar,
    agent        varchar,
    source       varchar,
    stage        varchar,
    status       varchar,
    value        decimal(18, 2),
    commission   decimal(18, 2),
    created_at   timestamp,
    closed_at    timestamp,
    import_id    bigint,
    extra        json
);

create table rewards (
    reward_id    varchar not null,
    referral_id  varchar,
    referrer_id  varchar,
    agent        varchar,
    reward_type  varchar,
    amount       decimal(18, 2),
    stage        varchar,
    paid_at      timestamp,
    import_id    bigint,
    extra        json
);

create table touches (
    touch_id    varchar not null,
    contact_id  varchar,
    agent       varchar,
    touched_at  timestamp,
    channel     varchar,
    plan        varchar,
    import_id   bigint,
    extra       json
);

create table experiments (
    experiment     varchar not null,
    variant        varchar not null,
    description    varchar,
    planned_share  double,
    planned_sends  bigint,
    import_id      bigint
);

create table email_sends (
    send_id              varchar not null,
    experiment           varchar not null,
    variant              varchar not null,
    contact_id           varchar,
    agent                varchar,
    sent_at              timestamp,
    opened_at            timestamp,
    clicked_at           timestamp,
    replied_at           timestamp,
    referrals_generated  integer,
    import_id            bigint,
    extra                json
);

create table partners (
    partner_id           varchar not null,
    name                 varchar,
    trade                varchar,
    agent                varchar,
    period               date,
    service_quality      double,
    response_time_hours  double,
    satisfaction         double,
    referrals_from       integer,
    referrals_to         integer,
    import_id            bigint,
    extra                json
);

create table costs (
    period     date not null,
    channel    varchar not null,
    category   varchar,
    agent      varchar,
    amount     decimal(18, 2),
    import_id  bigint,
    extra      json
);

create table nps_responses (
    response_id  varchar not null,
    contact_id   varchar,
    agent        varchar,
    answered_at  timestamp,
    score        tinyint,
    import_id    bigint,
    extra        json
);

create table settings (
    key    varchar primary key,
    value  json
);

create table data_version (
    version     bigint not null,
    changed_at  timestamp not null
);

insert into data_version values (0, now()::timestamp);

-- Filter helpers every query shares: an empty choice means "all".
create macro picked(choice, value) as
    (len(choice::varchar[]) = 0 or list_contains(choice::varchar[], value));
create macro within(ts, lo, hi) as (ts >= lo and ts < hi);
