-- The referral pipeline of the referrals RECEIVED in the period (a cohort): how many reached
-- each step (the step's timestamp is set) and the median days spent at a step, from it to the
-- next, among the referrals that reached the next. One row per step, in
-- vocabulary.FUNNEL_STEPS order (1 = received … 5 = closed); one pass over the cohort.
with cohort as (
    select received_at, first_contact_at, appointment_at, contract_at, closed_at
    from received_referrals($start, $end, $agents, $source_groups)
),
totals as (
    select
        count(*) as received,
        count(first_contact_at) as first_contact,
        count(appointment_at) as appointment,
        count(contract_at) as contract,
        count(closed_at) as closed,
        median(date_diff('second', received_at, first_contact_at) / 86400) as days_1,
        median(date_diff('second', first_contact_at, appointment_at) / 86400) as days_2,
        median(date_diff('second', appointment_at, contract_at) / 86400) as days_3,
        median(date_diff('second', contract_at, closed_at) / 86400) as days_4
    from cohort
)
select
    unnest(range(1, 6)) as step,
    unnest([received, first_contact, appointment, contract, closed]) as reached,
    unnest([days_1, days_2, days_3, days_4, null::double]) as median_days
from totals
order by step
