-- Contacts in each relationship category now (003): the ladder's current counts, for the
-- chosen agents and source groups. The period does not apply: a category is a current state.
select category, count(*) as contacts
from contacts
where picked($agents, agent)
  and picked($source_groups, source_group)
group by category
order by category nulls last
