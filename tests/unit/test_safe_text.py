"""Text from the data made inert for markdown and for plotly labels."""

import pytest

from referral_analytics.safe_text import (
    WORD_JOINER,
    chart_label,
    markdown_literal,
)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("Huda Al-Harbi", "Huda Al\\-Harbi"),
        ("![x](http://h/b.png)", "\\!\\[x\\]\\(http\\:" + WORD_JOINER + "\\/\\/h\\/b\\.png\\)"),
        ("**bold** $x^2$", "\\*\\*bold\\*\\* \\$x\\^2\\$"),
        (":red[r]", "\\:" + WORD_JOINER + "red\\[r\\]"),
        ("www.evil.example", "www" + WORD_JOINER + "\\.evil\\.example"),
        ("huda@example.com", "huda\\@" + WORD_JOINER + "example\\.com"),
        ("a -> b", "a \\-" + WORD_JOINER + "\\> b"),
        ("ريم العتيبي", "ريم العتيبي"),
        (None, "—"),
    ],
)
def test_markdown_literal_escapes_every_construct(raw, escaped):
    assert markdown_literal(raw) == escaped


def test_markdown_literal_keeps_every_character_once_the_escapes_are_read():
    text = "Reem's (VIP) #1 | <b>x</b> _a_ `c` ~s~ 50% {y} :smile: www.x.sa a@b.co"
    unescaped = markdown_literal(text).replace("\\", "").replace(WORD_JOINER, "")
    assert unescaped == text


def test_chart_label_escapes_html_that_plotly_would_render():
    assert (
        chart_label('<a href="http://e/">x</a> & <b>')
        == '&lt;a href="http://e/"&gt;x&lt;/a&gt; &amp; &lt;b&gt;'
    )
