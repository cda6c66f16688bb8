-- The referrals behind a clicked step or bar: the period's referrals, narrowed by whichever of
-- $step (reached that step), $lost_step and $lost_reason (lost after that step, for that
-- reason; '' = none given) and $month (received that month) is not null. Newest first, at most
-- $limit + 1 rows (one more than shown tells the page the list was cut); names from contacts.
with picked_rows as (
    select *
    from received_referrals($start, $end, $agents, $source_groups)
    where (
          $step is null
          or case $step
              when 1 then received_at
              when 2 then first_contact_at
              when 3 then appointment_at
              when 4 then contract_at
              when 5 then closed_at
          end is not null
      )
      and (
          $lost_step is null
          or (
              status = 'lost'
              and case
                  when closed_at is not null then 5
                  when contract_at is not null then 4
                  when appointment_at is not null then 3
                  when first_contact_at is not null then 2
                  else 1
              end = $lost_step
          )
      )
      and ($lost_reason is null or (status = 'lost' and coalesce(lost_reason, '') = $lost_reason))
      and ($month is null or date_trunc('month', received_at) = $month)
    order by received_at desc, referral_id
    limit $limit + 1
)
select
    r.referral_id,
    referred.full_name as referred,
    referrer.full_name as referrer,
    r.agent,
    r.channel,
    r.source_group,
    r.status,
    r.received_at,
    r.first_contact_at,
    r.appointment_at,
    r.contract_at,
    r.closed_at,
    r.lost_at,
    r.lost_reason,
    r.transaction_value,
    r.commission
from picked_rows as r
left join contacts as referred on referred.contact_id = r.referred_id
left join contacts as referrer on referrer.contact_id = r.referrer_id
order by r.received_at desc, r.referral_id
