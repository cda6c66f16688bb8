-- The referrers who sent the most of the period's referrals: referrals, closed by now, revenue
-- (commission of those closed), rewards paid for those referrals, and the latest one received.
-- At most $limit rows; ties go to more closed, more revenue, then the referrer's id.
with cohort as (
    select referral_id, referrer_id, status, commission, received_at
    from received_referrals($start, $end, $agents, $source_groups)
    where referrer_id is not null
),
per_referrer as (
    select
        referrer_id,
        count(*) as referrals,
        count(*) filter (where status = 'closed') as closed,
        coalesce(sum(commission) filter (where status = 'closed'), 0) as revenue,
        max(received_at) as last_referral_at
    from cohort
    group by referrer_id
    order by referrals desc, closed desc, revenue desc, referrer_id
    limit $limit
),
paid as (
    select c.referrer_id, sum(w.amount) as rewards_paid
    from rewards as w
    join cohort as c using (referral_id)
    where w.paid_at is not null
      and c.referrer_id in (select referrer_id from per_referrer)
    group by c.referrer_id
)
select
    p.referrer_id,
    n.full_name as referrer,
    p.referrals,
    p.closed,
    p.revenue,
    coalesce(w.rewards_paid, 0) as rewards_paid,
    p.last_referral_at
from per_referrer as p
left join paid as w using (referrer_id)
left join contacts as n on n.contact_id = p.referrer_id
order by p.referrals desc, p.closed desc, p.revenue desc, p.referrer_id
