-- Save a column mapping under its name, replacing one of the same name. saved_at only grows,
-- so "the newest mapping for these headers" is well defined even for saves within one clock
-- tick. A nameless mapping is not saved (the caller refuses it first; this keeps the
-- statement total).
insert or replace into mappings
select
    $name,
    $signature,
    $kind,
    $mapping::json,
    greatest(now()::timestamp, (select max(saved_at) + interval 1 microsecond from mappings))
where $name is not null
