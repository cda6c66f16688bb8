-- The period's referral funnel per segment of one dimension, side by side. $dimension is one
-- of 'agent', 'channel', 'source_group' (queries.funnel whitelists it; it selects a column in
-- this case expression, it is never spliced into the text). Long form: segment, step, reached.
with cohort as (
    select
        case $dimension
            when 'agent' then agent
            when 'channel' then channel
            when 'source_group' then source_group
        end as segment,
        first_contact_at,
        appointment_at,
        contract_at,
        closed_at
    from received_referrals($start, $end, $agents, $source_groups)
),
totals as (
    select
        segment,
        count(*) as received,
        count(first_contact_at) as first_contact,
        count(appointment_at) as appointment,
        count(contract_at) as contract,
        count(closed_at) as closed
    from cohort
    group by segment
)
select
    segment,
    unnest(range(1, 6)) as step,
    unnest([received, first_contact, appointment, contract, closed]) as reached
from totals
order by segment nulls last, step
