-- Referral chains, who referred whom: a referral's depth is 1 when its referrer did not come
-- by referral, else one more than the referral that brought the referrer in. Only "onward"
-- referrals (their referrer came by referral: a few % of all) can be deeper than 1, so the
-- recursion walks those alone, over all periods and agents; the counts are of the period's
-- referrals. Depth stops at 30 so a cycle in imported data cannot loop forever; an onward
-- referral no chain reaches (a cycle with no outside start) is counted at depth 2.
with recursive onward as (
    select referral_id, referrer_id, referred_id
    from referrals
    where referrer_id in (select referred_id from referrals)
),
chain(referral_id, referred_id, depth) as (
    select referral_id, referred_id, 2
    from onward
    where referrer_id not in (select referred_id from onward where referred_id is not null)
    union all
    select o.referral_id, o.referred_id, c.depth + 1
    from chain as c
    join onward as o on o.referrer_id = c.referred_id
    where c.depth < 30
),
deeper as (
    select o.referral_id, coalesce(min(c.depth), 2) as depth
    from onward as o
    left join chain as c using (referral_id)
    group by o.referral_id
)
select coalesce(d.depth, 1) as depth, count(*) as referrals
from referrals as r
left join deeper as d using (referral_id)
where within(r.received_at, $start, $end)
  and picked($agents, r.agent)
  and picked($source_groups, r.source_group)
group by all
order by depth
