-- The 24-hour rule (000 §5.3.3) per agent, over the period's referrals: contacted within 24
-- hours, missed (contacted later, or not contacted and the 24 hours are over), and still
-- waiting (not contacted, inside their 24 hours). "Over" is judged at the data's end, the
-- latest event recorded, so an older export is judged on its own day.
with as_of as (select t from data_end())
select
    r.agent,
    count(*) as referrals,
    count(*) filter (where r.first_contact_at <= r.received_at + interval 24 hour) as within_24h,
    count(*) filter (
        where r.first_contact_at > r.received_at + interval 24 hour
           or (r.first_contact_at is null and r.received_at + interval 24 hour <= a.t)
    ) as missed,
    count(*) filter (
        where r.first_contact_at is null and r.received_at + interval 24 hour > a.t
    ) as waiting
from referrals as r, as_of as a
where within(r.received_at, $start, $end)
  and picked($agents, r.agent)
  and picked($source_groups, r.source_group)
group by r.agent
order by r.agent nulls last
