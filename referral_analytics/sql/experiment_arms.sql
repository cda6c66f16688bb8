-- One row per variant of one experiment: sends and each binary metric's events, the referral
-- count's sufficient statistics (n, sum, sum of squares) for Welch's test, and the plan.
with sends as (
    select
        variant,
        count(*) as sends,
        count(opened_at) as opened,
        count(clicked_at) as clicked,
        count(replied_at) as replied,
        count(*) filter (where referrals_generated > 0) as referred,
        coalesce(sum(referrals_generated), 0)::bigint as referrals,
        coalesce(sum(referrals_generated * referrals_generated), 0)::bigint as referrals_squared
    from email_sends
    where experiment = $experiment
      and picked($agents, agent)
    group by variant
)
select
    s.*,
    e.description,
    e.planned_share,
    e.planned_sends
from sends as s
left join experiments as e
    on e.experiment = $experiment
   and e.variant = s.variant
order by s.variant
