-- Referral-ask e-mails sent in the period to clients (a won deal closed before the send), by
-- the time from that client's latest closing before the send (004 §2): 1 = under 2 weeks,
-- 2 = 2–6 weeks, 3 = 6 weeks–6 months, 4 = 6 months or more. Asks, replies, referrals they
-- generated. Sends to contacts who were not clients yet drop out of the join with won deals.
-- (A hash join and max() beat an asof join here: most sends go to contacts with no won deal.)
with sends as (
    select s.send_id, s.contact_id, s.sent_at, s.replied_at, s.referrals_generated
    from email_sends as s
    where within(s.sent_at, $start, $end)
      and picked($agents, s.agent)
      and (
          len($source_groups::varchar[]) = 0
          or s.contact_id in (
              select contact_id
              from contacts
              where list_contains($source_groups::varchar[], source_group)
          )
      )
),
asks as (
    select
        s.send_id,
        any_value(s.sent_at) as sent_at,
        any_value(s.replied_at) as replied_at,
        any_value(s.referrals_generated) as referrals_generated,
        max(d.closed_at) as closed_at
    from sends as s
    join deals as d on d.contact_id = s.contact_id and d.closed_at < s.sent_at
    where d.status = 'won'
    group by s.send_id
)
select
    case
        when sent_at < closed_at + interval 14 day then 1
        when sent_at < closed_at + interval 42 day then 2
        when sent_at < closed_at + interval 6 month then 3
        else 4
    end as bucket,
    count(*) as asks,
    count(replied_at) as replied,
    coalesce(sum(referrals_generated), 0)::bigint as referrals
from asks
group by bucket
order by bucket
