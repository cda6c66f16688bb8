-- How many referrers sent how many of the period's referrals: (referrals_each, referrers).
-- A frequency table of tens of rows however many referrers there are, yet exact enough for the
-- mean per referrer (004: 2.68) and the Pareto share of the top 20% (sources.pareto).
select referrals as referrals_each, count(*) as referrers
from (
    select referrer_id, count(*) as referrals
    from received_referrals($start, $end, $agents, $source_groups)
    where referrer_id is not null
    group by referrer_id
)
group by referrals
order by referrals_each desc
