-- The period's referrals (received in it: a cohort) per source group or per channel
-- ($dimension 'source_group' | 'channel', whitelisted by queries.sources): how many, how many
-- closed by now, and the revenue of those closed (their commission).
select
    case $dimension
        when 'source_group' then source_group
        when 'channel' then channel
    end as segment,
    count(*) as referrals,
    count(*) filter (where status = 'closed') as closed,
    coalesce(sum(commission) filter (where status = 'closed'), 0) as revenue
from received_referrals($start, $end, $agents, $source_groups)
group by segment
order by referrals desc, segment nulls last
