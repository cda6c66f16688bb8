-- Hours from receiving a referral to the first contact, for the period's contacted referrals,
-- binned $bin_hours wide; the last bin holds everything from $max_hours on. A contact logged
-- before the referral arrived (bad data) counts as 0 hours.
select
    least(floor(greatest(hours, 0) / $bin_hours) * $bin_hours, $max_hours) as bin_start,
    count(*) as referrals
from (
    select date_diff('second', received_at, first_contact_at) / 3600 as hours
    from received_referrals($start, $end, $agents, $source_groups)
    where first_contact_at is not null
)
group by all
order by bin_start
