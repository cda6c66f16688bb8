-- "Now" for rules judged against time (the 24-hour rule, cohort windows): the latest event the
-- store records, so an older export is judged on its own day, and results stay reproducible.
create macro data_end() as table
    select max(greatest(
        received_at, first_contact_at, appointment_at, contract_at, closed_at, lost_at
    )) as t
    from referrals;
