-- Spend per cost channel and category in the period. Costs are monthly: each month counts in
-- proportion to the days of it inside the period, so a partial month is not charged in full.
-- Costs belong to agents; source groups do not apply to them.
select
    channel,
    category,
    sum(
        amount * date_diff(
            'day',
            greatest(period::timestamp, $start),
            least(period + interval 1 month, $end)
        ) / date_diff('day', period::timestamp, period + interval 1 month)
    ) as amount
from costs
where period < $end
  and period + interval 1 month > $start
  and picked($agents, agent)
group by all
order by channel, category
