-- The period's referrals that were lost, by the last step reached before it (1 = received …
-- 4 = under contract; the same expression as referral_rows.sql) and by reason ('' = none given).
select
    case
        when closed_at is not null then 5
        when contract_at is not null then 4
        when appointment_at is not null then 3
        when first_contact_at is not null then 2
        else 1
    end as last_step,
    coalesce(lost_reason, '') as lost_reason,
    count(*) as referrals
from received_referrals($start, $end, $agents, $source_groups)
where status = 'lost'
group by all
order by last_step, lost_reason
