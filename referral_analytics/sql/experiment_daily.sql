-- Cumulative sends and events per variant and day of one experiment: shows how the rates
-- wandered while the test ran (why peeking at a running test misleads).
with daily as (
    select
        variant,
        sent_at::date as day,
        count(*) as sends,
        count(opened_at) as opened,
        count(clicked_at) as clicked,
        count(replied_at) as replied,
        count(*) filter (where referrals_generated > 0) as referred
    from email_sends
    where experiment = $experiment
      and picked($agents, agent)
    group by all
)
select
    variant,
    day,
    sum(sends) over w as sends,
    sum(opened) over w as opened,
    sum(clicked) over w as clicked,
    sum(replied) over w as replied,
    sum(referred) over w as referred
from daily
window w as (partition by variant order by day rows between unbounded preceding and current row)
order by variant, day
