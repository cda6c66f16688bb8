"""Text from the data, made inert before it reaches markdown or a chart label.

Names, lost reasons, variant names, file names and headers come from CRM exports: text nobody
wrote for us to interpret. Streamlit renders markdown in captions, titles, alerts, labels and
toasts (links, images the browser fetches, ``:red[…]`` colours, ``$…$`` LaTeX), and plotly
renders a subset of HTML in tick labels, legends and hover text (``<a href>``, ``<b>``). Every
data-derived string goes through one of these two functions on its way there, so an imported
``![x](http://host/beacon.png)`` reads as those characters and fetches nothing.
"""

from __future__ import annotations

import html
import re

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it is what keeps
# links, images, emphasis, headings, lists, directives, HTML and math from starting.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Some text is rewritten *after* parsing, where a backslash no longer counts: GFM turns
# ``http://…``, ``www.…`` and ``name@host`` into links, and Streamlit ``:name:`` into an emoji or
# an icon and `` -> `` into an arrow. A word joiner (U+2060: invisible, zero-width) inside each
# pattern keeps the characters as they were written; copied text carries it along.
_AFTER_PARSING = re.compile(r":(?=[\w+/-])|@(?=[\w-])|(?<=www)(?=\.)|(?<=[<>~=-])(?=[<>=-])", re.I)
WORD_JOINER = "\u2060"


def markdown_literal(value: object) -> str:
    """``value`` as markdown that renders exactly its characters ("—" for None)."""
    text = "—" if value is None else str(value)
    text = _AFTER_PARSING.sub(lambda m: m.group() + WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def chart_label(value: object) -> str:
    """``value`` as a plotly label (tick, legend, hover, annotation) that renders as written.

    Plotly reads ``<a href>``, ``<b>``, ``<br>`` and entities in labels; escaped, a name shows
    its own characters and nothing becomes a link.
    """
    return html.escape("" if value is None else str(value), quote=False)
