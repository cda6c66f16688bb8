-- What imports need to be undone exactly, and saved column mappings.
-- An import that updates a row first moves the old version here, tagged with the import that
-- replaced it; undo deletes what the import wrote and moves these versions back.

create table contacts_replaced as select *, null::bigint as replaced_by from contacts limit 0;
create table category_history_replaced as select *, null::bigint as replaced_by from category_history limit 0;
create table referrals_replaced as select *, null::bigint as replaced_by from referrals limit 0;
create table deals_replaced as select *, null::bigint as replaced_by from deals limit 0;
create table rewards_replaced as select *, null::bigint as replaced_by from rewards limit 0;
create table touches_replaced as select *, null::bigint as replaced_by from touches limit 0;
create table experiments_replaced as select *, null::bigint as replaced_by from experiments limit 0;
create table email_sends_replaced as select *, null::bigint as replaced_by from email_sends limit 0;
create table partners_replaced as select *, null::bigint as replaced_by from partners limit 0;
create table costs_replaced as select *, null::bigint as replaced_by from costs limit 0;
create table nps_responses_replaced as select *, null::bigint as replaced_by from nps_responses limit 0;

create table mappings (
    name        varchar primary key,
    signature   varchar not null,
    kind        varchar not null,
    mapping     json not null,
    saved_at    timestamp not null
);
