"""Offsets from clean text extracted from HTML back into the raw page."""

from __future__ import annotations

import html
import re

from tidings.config import load_config
from tidings.extract import extract_articles, raw_span
from tidings.extract._rawmap import map_to_raw, visible_text
from tidings.model import RawDoc

CONFIG = load_config()
PAGE = """<!DOCTYPE html><html><head><title>Harbour talks | Test Courier</title>
<meta name="description" content="Ministers from Norway &amp; Chile met on Tuesday.">
<script type="application/ld+json">{"articleBody": "Ministers from Norway & Chile met on Tuesday."}
</script><style>p { color: #333; }</style></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Harbour talks resume</h1>
<p>Ministers from Norway &amp; Chile met on Tuesday in the port of
   Valpara&iacute;so, the foreign ministry&#8217;s spokesperson said in a statement.</p>
<p>The talks, <em>which began in <strong>March</strong></em>, cover fishing quotas
and a <a href="/x">shared research vessel</a>; both sides called them &quot;useful&quot;.</p>
<!-- an editor's note that is never shown -->
<p>Norway&#x2019;s delegation will return in June, officials said after the meeting
ended with a joint declaration on&nbsp;marine protection.</p>
</article><footer>&copy; 2025 Test Courier</footer></body></html>"""


def _article() -> tuple[str, tuple[tuple[int, int, int], ...]]:
    [art] = extract_articles(RawDoc("d", "page.html", "html", PAGE, ""), CONFIG)
    return art.text, art.raw_offsets


def test_every_word_maps_back_to_its_raw_text() -> None:
    text, offsets = _article()
    words = list(re.finditer(r"[^\s.,;:\"()]+", text))
    assert len(words) > 50
    for word in words:
        span = raw_span(offsets, PAGE, word.start(), word.end())
        assert span is not None, word.group()
        assert html.unescape(PAGE[span[0] : span[1]]) == word.group()


def test_words_map_into_the_body_not_the_head() -> None:
    text, offsets = _article()
    body = PAGE.index("<body>")
    start = text.index("Ministers")
    span = raw_span(offsets, PAGE, start, start + len("Ministers from Norway & Chile"))
    assert span is not None
    assert span[0] > body
    assert PAGE[span[0] : span[1]] == "Ministers from Norway &amp; Chile"


def test_segments_are_literal_or_single_entities() -> None:
    text, offsets = _article()
    decoded = []
    for clean_start, raw_start, length in offsets:
        piece = text[clean_start : clean_start + length]
        entity = re.match(r"&#?\w+;", PAGE[raw_start:])
        if entity is None:
            assert piece == PAGE[raw_start : raw_start + length]
            continue
        assert length == 1
        assert html.unescape(entity.group()) == piece
        decoded.append(entity.group())
    assert decoded == ["&amp;", "&iacute;", "&#8217;", "&quot;", "&quot;", "&#x2019;"]


def test_span_over_inline_tags_covers_the_markup() -> None:
    text, offsets = _article()
    start = text.index("which began")
    end = text.index("March") + len("March")
    span = raw_span(offsets, PAGE, start, end)
    assert span is not None
    assert PAGE[span[0] : span[1]] == "which began in <strong>March"


def test_visible_text_skips_markup_scripts_and_comments() -> None:
    raw = '<p>a&amp;b</p><script>var x = "<p>no</p>";</script><!-- c -->d\xade'
    view = visible_text(raw)
    assert view.chars == "a&bde"
    assert view.raw_at == [3, 4, 9, raw.index("d"), raw.index("e")]
    assert view.raw_len == [1, 5, 1, 1, 1]


def test_unmatched_characters_stay_unmapped() -> None:
    raw = "<ul><li>first item</li><li>second item</li></ul>"
    at, size = map_to_raw("- first item\n- second item", raw)
    assert at[0] == -1 and at[1] == -1  # the list dash and its space are not in the page
    assert at[2:7] == [8, 9, 10, 11, 12]
    assert at[15] == raw.index("second")
    assert size[2] == 1


def test_short_line_is_not_found_inside_a_word() -> None:
    raw = "<p>Type this.</p><div>It ended successfully</div><pre>su\nmake install</pre>"
    at, _ = map_to_raw("Type this.\nsu\nmake install", raw)
    assert at[11] == raw.index("su\n")  # "su" on its own line, not in "successfully"
    assert at[14] == raw.index("make install")


def test_out_of_order_line_does_not_lose_the_rest() -> None:
    body = "Officials met in Lisbon on Monday to sign the fisheries accord after long talks."
    raw = (
        "<p>Teaser: a short summary of the day.</p>"
        f"<p>{body}</p><p>More text follows here in the second paragraph.</p>"
        "<aside><a>Lisbon accord signed by ministers at a ceremony today</a></aside>"
    )
    base = f"Lisbon accord signed by ministers at a ceremony today\n{body}"
    at, _ = map_to_raw(base, raw)
    start = base.index("Officials")
    assert at[start] == raw.index("Officials")


def test_script_end_tag_with_junk_before_its_bracket() -> None:
    view = visible_text("<script src='x.js'></script\n  ><p>Shown text</p>")
    assert view.chars == "Showntext"
