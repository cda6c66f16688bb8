-- The referrals a contacts file's "Referred by" column implies (registered as _links), one per
-- referrer and referred person, less self-references and the pairs already stored: a newer
-- export of the same contacts must not double them.
select distinct on (l.referrer_id, l.referred_id) l.*
from _links as l
where l.referrer_id is not null
  and l.referred_id is not null
  and l.referrer_id <> l.referred_id
  and not exists (
      select 1 from referrals as r
      where r.referrer_id = l.referrer_id and r.referred_id = l.referred_id
  )
order by l.referrer_id, l.referred_id, l.__row
