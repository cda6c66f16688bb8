-- The period's referrals by month received, and how many closed within 30, 60, 90 and 180
-- days of arriving. A month counts for a window only once the window has fully elapsed for its
-- last possible referral by the data's end (the latest event recorded); before that the count
-- is null, since recent months would otherwise look worse than they are.
with as_of as (select t from data_end()),
cohort as (
    select
        date_trunc('month', received_at)::date as month,
        date_diff('second', received_at, closed_at) / 86400 as days_to_close
    from received_referrals($start, $end, $agents, $source_groups)
),
months as (
    select
        month,
        least(month + interval 1 month, $end) as cohort_end,
        count(*) as referrals,
        count(*) filter (where days_to_close <= 30) as closed_30,
        count(*) filter (where days_to_close <= 60) as closed_60,
        count(*) filter (where days_to_close <= 90) as closed_90,
        count(*) filter (where days_to_close <= 180) as closed_180
    from cohort
    group by month
)
select
    m.month,
    m.referrals,
    case when m.cohort_end + interval 30 day <= a.t then m.closed_30 end as closed_30,
    case when m.cohort_end + interval 60 day <= a.t then m.closed_60 end as closed_60,
    case when m.cohort_end + interval 90 day <= a.t then m.closed_90 end as closed_90,
    case when m.cohort_end + interval 180 day <= a.t then m.closed_180 end as closed_180
from months as m, as_of as a
order by m.month
