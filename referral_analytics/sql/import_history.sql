-- Every import, newest first, with what it did and whether it was undone.
select
    import_id,
    file_name,
    kind,
    imported_at,
    rows_read,
    rows_loaded,
    rows_rejected,
    undone_at,
    sha256
from imports
order by import_id desc
