"""Benchmarks: every page on a million contacts and the import baselines, against targets.

``python -m bench`` (or ``make bench``) runs the suites below in order. A suite is a module
``bench/<name>.py`` with ``figures(context: Context) -> Iterable[Figure]``; to add one, write
the module and add its name here. Baselines come first so a later suite (the imports) can pair
its samples with theirs from ``context.measured``.
"""

SUITES = ("baselines", "imports", "pages", "fragments", "browser", "startup", "cli")
