-- Resolve free-text people (registered as _wanted(position, wanted)) to contacts: by e-mail,
-- then exact name, then (for referrers) a close name (Jaro–Winkler ≥ $min_similarity; a null
-- $min_similarity skips this step). A name shared by several contacts, or two equally close
-- names, stays unresolved: a guess would invent links. `candidates` says how many contacts
-- an unresolved value could mean (2 or more: it is ambiguous, not unknown).
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
email_matches as (
    select w.position, any_value(p.contact_id) as contact_id, count(distinct p.contact_id) as n
    from wanted as w
    join people as p on p.email_form = w.email_form
    group by w.position
),
by_email as (
    select position, contact_id, 'e-mail' as matched_by, 1.0 as similarity
    from email_matches
    where n = 1
),
name_matches as (
    select w.position, any_value(p.contact_id) as contact_id, count(distinct p.contact_id) as n
    from wanted as w
    join people as p on p.name_form = w.name_form
    where w.position not in (select position from by_email)
    group by w.position
),
by_name as (
    select position, contact_id, 'name' as matched_by, 1.0 as similarity
    from name_matches
    where n = 1
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
      and w.position not in (select position from name_matches)
      and length(w.name_form) >= 5
      and jaro_winkler_similarity(p.name_form, w.name_form) >= $min_similarity
),
closest as (
    select position, arg_max(contact_id, similarity) as contact_id, max(similarity) as similarity,
        count(*) filter (where similarity = (select max(c2.similarity) from close_names as c2
            where c2.position = close_names.position)) as n
    from close_names
    group by position
),
by_similarity as (
    select position, contact_id, 'similar name' as matched_by, similarity
    from closest
    where n = 1
)
select
    w.position,
    w.wanted,
    r.contact_id,
    r.matched_by,
    r.similarity,
    case when r.contact_id is null
        then greatest(coalesce(e.n, 0), coalesce(m.n, 0), coalesce(c.n, 0)) else 1 end
        as candidates
from wanted as w
left join (
    select * from by_email
    union all
    select * from by_name
    union all
    select * from by_similarity
) as r using (position)
left join email_matches as e using (position)
left join name_matches as m using (position)
left join closest as c using (position)
order by w.position
