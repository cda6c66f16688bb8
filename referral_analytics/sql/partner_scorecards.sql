-- One row per allied partner over the quarters that overlap the period: averaged ratings and
-- response time, summed referrals both ways (reciprocity, 002 §3.4). Partners belong to an
-- agent; source groups do not apply to them.
select
    partner_id,
    any_value(name) as name,
    any_value(trade) as trade,
    any_value(agent) as agent,
    count(*) as quarters,
    avg(service_quality) as service_quality,
    avg(response_time_hours) as response_time_hours,
    avg(satisfaction) as satisfaction,
    sum(referrals_from)::integer as referrals_from,
    sum(referrals_to)::integer as referrals_to
from partners
where period < $end
  and period + interval 3 month > $start
  and picked($agents, agent)
group by partner_id
order by partner_id
