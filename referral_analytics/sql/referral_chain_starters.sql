-- Referrers whose referred clients refer in turn. As in referral_chain_depth, the recursion
-- walks the "onward" referrals (their referrer came by referral), carrying each one's line
-- of referrers up to the chain's start, so every referrer sees the referrals below it:
-- generation 2 = from the people they referred, 3 = from the people those referred, …
-- Counts are of the period's referrals; at most $limit referrers, the biggest chains first.
with recursive onward as (
    select referral_id, referrer_id, referred_id
    from referrals
    where referrer_id in (select referred_id from referrals)
),
chain(referral_id, referrer_id, referred_id, depth, line) as (
    select o.referral_id, o.referrer_id, o.referred_id, 2, [p.referrer_id, o.referrer_id]
    from onward as o
    join referrals as p on p.referred_id = o.referrer_id
    where o.referrer_id not in (select referred_id from onward where referred_id is not null)
      and p.referrer_id is not null
    union all
    select
        o.referral_id, o.referrer_id, o.referred_id, c.depth + 1, list_append(c.line, o.referrer_id)
    from chain as c
    join onward as o on o.referrer_id = c.referred_id
    where c.depth < 30
),
counted as (
    select c.referral_id, c.referrer_id, c.depth, c.line
    from chain as c
    join referrals as r using (referral_id)
    where within(r.received_at, $start, $end)
      and picked($agents, r.agent)
      and picked($source_groups, r.source_group)
),
links as (
    select distinct
        unnest(line) as ancestor,
        unnest(range(depth, 0, -1)) as generation,
        referral_id,
        referrer_id
    from counted
),
further as (
    select
        ancestor,
        count(distinct referrer_id) filter (where generation = 2) as referred_who_referred,
        count(*) as further_referrals,
        max(generation) as generations
    from links
    where generation >= 2
    group by ancestor
    order by further_referrals desc, generations desc, ancestor
    limit $limit
),
direct as (
    select referrer_id as ancestor, count(*) as referrals
    from referrals
    where referrer_id in (select ancestor from further)
      and within(received_at, $start, $end)
      and picked($agents, agent)
      and picked($source_groups, source_group)
    group by referrer_id
)
select
    f.ancestor as referrer_id,
    n.full_name as referrer,
    coalesce(d.referrals, 0) as referrals,
    f.referred_who_referred,
    f.further_referrals,
    f.generations
from further as f
left join direct as d using (ancestor)
left join contacts as n on n.contact_id = f.ancestor
order by f.further_referrals desc, f.generations desc, referrals desc, f.ancestor
