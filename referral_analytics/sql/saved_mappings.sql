-- Saved column mappings, newest first; optionally only the one called $name, or only those
-- saved for headers with $signature (a null parameter does not filter).
select name, kind, mapping, saved_at
from mappings
where ($name is null or name = $name)
  and ($signature is null or signature = $signature)
order by saved_at desc, name
