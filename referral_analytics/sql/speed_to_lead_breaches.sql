-- The period's referrals that broke the 24-hour rule, newest first: contacted after 24 hours,
-- or not contacted although 24 hours have passed by the data's end (hours = waited so far).
-- At most $limit + 1 rows: one more than shown tells the page the list was cut.
with as_of as (select t from data_end())
select
    r.referral_id,
    r.agent,
    r.received_at,
    r.first_contact_at,
    date_diff('second', r.received_at, coalesce(r.first_contact_at, a.t)) / 3600 as hours,
    r.first_contact_at is null as not_contacted
from referrals as r, as_of as a
where within(r.received_at, $start, $end)
  and picked($agents, r.agent)
  and picked($source_groups, r.source_group)
  and (
      r.first_contact_at > r.received_at + interval 24 hour
      or (r.first_contact_at is null and r.received_at + interval 24 hour <= a.t)
  )
order by r.received_at desc, r.referral_id
limit $limit + 1
