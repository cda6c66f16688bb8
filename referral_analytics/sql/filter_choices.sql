-- The values the sidebar offers: every agent and every source group the store knows.
select 'agent' as field, agent as value
from (select agent from contacts union select agent from referrals)
where agent is not null
union
select 'source_group' as field, source_group as value
from (select source_group from contacts union select source_group from referrals)
where source_group is not null
order by field, value
