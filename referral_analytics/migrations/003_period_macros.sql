-- The referrals a page's filters select, said once: received in the period, for the chosen
-- agents and source groups (empty lists mean all). Most statements start from this set.
create macro received_referrals(period_start, period_end, agents, source_groups) as table
    select *
    from referrals
    where within(received_at, period_start, period_end)
      and picked(agents, agent)
      and picked(source_groups, source_group);
