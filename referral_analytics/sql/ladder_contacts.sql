-- The contacts behind a clicked ladder bar: those now in $category, for the chosen agents and
-- source groups; newest first, at most $limit + 1 rows (one more tells the page it was cut).
select
    contact_id,
    full_name,
    email,
    phone,
    agent,
    category,
    source_group,
    lead_temperature,
    circle_role,
    created_at,
    met_at
from contacts
where category = $category
  and picked($agents, agent)
  and picked($source_groups, source_group)
order by created_at desc nulls last, contact_id
limit $limit + 1
