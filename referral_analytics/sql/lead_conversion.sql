-- Leads (deals) per source: those created in the period, how many are won, lost or still open
-- (conversion = won ÷ decided); and the customers each source brought in the period: distinct
-- contacts with a won deal closed in it (for CPA / CAC). A deal's source is its own, else
-- 'Referral' when it came from a referral, else its contact's lead source (a CRM that keeps
-- the lead source on the person, not on the deal). For the source-group filter a referred deal
-- belongs to its referral's source group, any other deal to its contact's. The look-ups list
-- nothing when no group is chosen (list_contains of an empty list), so "all groups" costs no
-- join.
with chosen as (
    select
        coalesce(
            d.source,
            case when d.referral_id is not null then 'Referral' end,
            c.lead_source
        ) as source,
        d.status,
        d.contact_id,
        d.created_at,
        d.closed_at
    from deals as d
    left join contacts as c on c.contact_id = d.contact_id
    where picked($agents, d.agent)
      and (
          len($source_groups::varchar[]) = 0
          or d.referral_id in (
              select referral_id
              from referrals
              where list_contains($source_groups::varchar[], source_group)
          )
          or (
              d.referral_id is null
              and d.contact_id in (
                  select contact_id
                  from contacts
                  where list_contains($source_groups::varchar[], source_group)
              )
          )
      )
),
leads as (
    select
        source,
        count(*) as leads,
        count(*) filter (where status = 'won') as won,
        count(*) filter (where status = 'lost') as lost,
        count(*) filter (where status = 'open') as open
    from chosen
    where within(created_at, $start, $end)
    group by source
),
customers as (
    select source, count(distinct contact_id) as customers
    from chosen
    where status = 'won' and within(closed_at, $start, $end)
    group by source
)
select
    coalesce(l.source, c.source) as source,
    coalesce(l.leads, 0) as leads,
    coalesce(l.won, 0) as won,
    coalesce(l.lost, 0) as lost,
    coalesce(l.open, 0) as open,
    coalesce(c.customers, 0) as customers
from leads as l
full join customers as c on c.source is not distinct from l.source  -- one row for "no source"
order by source nulls last
