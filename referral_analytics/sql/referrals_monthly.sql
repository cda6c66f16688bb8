-- Referrals received and closed per calendar month of the period (months with none included),
-- from the first month with a referral: "all time" would otherwise open on years of nothing.
with first_referral as (
    select coalesce(date_trunc('month', min(received_at)), date_trunc('month', $start)) as month
    from referrals
    where picked($agents, agent)
      and picked($source_groups, source_group)
),
months as (
    select unnest(generate_series(
        greatest(date_trunc('month', $start), (select month from first_referral)),
        $end - interval 1 day,
        interval 1 month
    ))::date as month
),
received as (
    select date_trunc('month', received_at)::date as month, count(*) as received
    from received_referrals($start, $end, $agents, $source_groups)
    group by all
),
closed as (
    select date_trunc('month', closed_at)::date as month, count(*) as closed
    from referrals
    where status = 'closed'
      and within(closed_at, $start, $end)
      and picked($agents, agent)
      and picked($source_groups, source_group)
    group by all
)
select
    m.month,
    coalesce(r.received, 0) as received,
    coalesce(c.closed, 0) as closed
from months as m
left join received as r using (month)
left join closed as c using (month)
order by m.month
