-- Every referral-ask e-mail experiment with its size and dates (newest first).
select
    experiment,
    count(distinct variant) as variants,
    count(*) as sends,
    min(sent_at) as first_sent,
    max(sent_at) as last_sent
from email_sends
where picked($agents, agent)
group by experiment
order by last_sent desc, experiment
