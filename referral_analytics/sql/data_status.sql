-- What the store holds: row counts, the first day with data, and the last import (or demo load).
select
    (select count(*) from contacts) as contacts,
    (select count(*) from referrals) as referrals,
    (select least(min(created_at), (select min(received_at) from referrals)) from contacts)::date
        as first_day,
    (select max(imported_at) from imports where undone_at is null) as last_import_at,
    (
        select arg_max(file_name, imported_at) from imports where undone_at is null
    ) as last_import_name
