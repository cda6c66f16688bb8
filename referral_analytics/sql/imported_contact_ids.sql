-- The contact each row of a contacts file became in import $import_id. The rows are registered
-- as _link_rows(position, contact_id, email, phone, generated_id): matched by the id the file
-- gave, else e-mail, else phone (as the loader matched them), else the id the loader generated.
with mine as (
    select contact_id, email, phone from contacts where import_id = $import_id
)
select
    r.position,
    coalesce(by_id.contact_id, by_email.contact_id, by_phone.contact_id, by_row.contact_id)
        as contact_id
from _link_rows as r
left join mine as by_id on by_id.contact_id = r.contact_id
left join (
    select email, min(contact_id) as contact_id from mine where email is not null group by email
) as by_email on by_email.email = r.email
left join (
    select phone, min(contact_id) as contact_id from mine where phone is not null group by phone
) as by_phone on by_phone.phone = r.phone
left join mine as by_row on by_row.contact_id = r.generated_id
order by r.position
