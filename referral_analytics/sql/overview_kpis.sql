-- The raw counts behind the Overview's tiles for one period; metrics.py turns them into rates.
-- Referral figures count referrals RECEIVED in the period (a cohort: converted = closed by now);
-- revenue counts referrals CLOSED in the period; rewards count rewards PAID in the period.
with base as (
    select count(*) as contacts
    from contacts
    where created_at < $end
      and picked($agents, agent)
      and picked($source_groups, source_group)
),
received as (
    select
        count(*) as referrals_received,
        count(*) filter (where status = 'closed') as referrals_converted,
        count(first_contact_at) as referrals_contacted,
        count(*) filter (where first_contact_at <= received_at + interval 24 hour)
            as contacted_within_24h,
        median(date_diff('second', received_at, first_contact_at) / 3600.0)
            as median_hours_to_first_contact
    from received_referrals($start, $end, $agents, $source_groups)
),
closed as (
    select
        count(*) as referrals_closed,
        coalesce(sum(commission), 0) as referral_revenue
    from referrals
    where status = 'closed'
      and within(closed_at, $start, $end)
      and picked($agents, agent)
      and picked($source_groups, source_group)
),
paid as (
    select coalesce(sum(w.amount), 0) as reward_cost
    from rewards as w
    left join referrals as r using (referral_id)
    where within(w.paid_at, $start, $end)
      and picked($agents, w.agent)
      and picked($source_groups, r.source_group)
),
nps as (
    select
        count(*) as nps_responses,
        count(*) filter (where n.score >= 9) as promoters,
        count(*) filter (where n.score <= 6) as detractors
    from nps_responses as n
    left join contacts as c using (contact_id)
    where within(n.answered_at, $start, $end)
      and picked($agents, n.agent)
      and picked($source_groups, c.source_group)
)
select *
from base, received, closed, paid, nps
