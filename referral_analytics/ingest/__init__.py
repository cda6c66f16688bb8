"""The import: CRM exports (CSV, XLSX, XLS, ODS) into the store, checked row by row.

One folder per stage, each usable alone: ``read/`` (a file to text cells with exact places),
``map/`` (kind and column mapping), ``values/`` (one typed parser per field type), ``check/``
(canonical rows and row errors), ``load/`` (merge by natural key, links, undo). ``pipeline``
strings them together for the Import page and the CLI; ``options`` holds what the user decided;
``preview`` is what the page shows of a prepared file.
"""
