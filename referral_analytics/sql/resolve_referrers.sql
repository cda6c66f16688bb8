-- Resolve free-text "Referred by" values (registered as _wanted(position, wanted)) to contacts:
-- by e-mail, then exact name, then a close name (Jaro–Winkler ≥ $min_similarity). A name shared
-- by several contacts, or two equally close names, stays unresolved: a guess would invent links.
with wanted as (
    select
        position,
        wanted,
        lower(trim(wanted)) as email_form,
        regexp_replace(lower(strip_accents(trim(wanted))), '[^[:alnum:]\p{Arabic}]+', ' ', 'g') as name_form
    from _wanted
    where nullif(trim(wanted), '') is not null
),
people as (
    select
        contact_id,
        lower(email) as email_form,
        regexp_replace(lower(strip_accents(full_name)), '[^[:alnum:]\p{Arabic}]+', ' ', 'g') as name_form
    from contacts
),
by_email as (
    select w.position, any_value(p.contact_id) as contact_id, 'e-mail' as matched_by, 1.0 as similarity
    from wanted as w
    join people as p on p.email_form = w.email_form
    group by w.position
    having count(distinct p.contact_id) = 1
),
by_name as (
    select w.position, any_value(p.contact_id) as contact_id, 'name' as matched_by, 1.0 as similarity
    from wanted as w
    join people as p on p.name_form = w.name_form
    where w.position not in (select position from by_email)
    group by w.position
    having count(distinct p.contact_id) = 1
),
close_names as (
    select
        w.position,
        p.contact_id,
        jaro_winkler_similarity(p.name_form, w.name_form) as similarity
    from wanted as w
    join people as p
        on left(p.name_form, 2) = left(w.name_form, 2)
       and abs(length(p.name_form) - length(w.name_form)) <= 4
    where w.position not in (select position from by_email)
      and w.position not in (select position from by_name)
      and length(w.name_form) >= 5
      and jaro_winkler_similarity(p.name_form, w.name_form) >= $min_similarity
),
by_similarity as (
    select position, arg_max(contact_id, similarity) as contact_id, 'similar name' as matched_by,
        max(similarity) as similarity
    from close_names
    group by position
    having count(*) filter (where similarity = (select max(c2.similarity) from close_names as c2
        where c2.position = close_names.position)) = 1
)
select w.position, w.wanted, r.contact_id, r.matched_by, r.similarity
from wanted as w
left join (
    select * from by_email
    union all
    select * from by_name
    union all
    select * from by_similarity
) as r using (position)
order by w.position
