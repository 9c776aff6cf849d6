"""HTML pages: trafilatura's main text and metadata, then the same cleaning."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tidings.config import load_config
from tidings.errors import ExtractionError
from tidings.extract import extract_articles
from tidings.model import RawDoc

CONFIG = load_config()
PARAS = [
    "DAMASCUS (AFP) – Germany will provide new humanitarian aid to Syria, a German diplomat "
    "said in Damascus on Friday after meeting representatives of the new authorities.",
    "The diplomat urged them to protect minorities and to include all communities in the "
    "transition, according to a statement released by the foreign ministry in Berlin.",
    "Berlin closed its embassy in Damascus in 2012 and has not reopened it since then.",
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Germany pledges aid to Syria | Test Ledger</title>
<meta property="og:title" content="Germany pledges aid to Syria">
<meta property="og:site_name" content="Test Ledger">
<meta property="article:published_time" content="2024-12-20T12:00:00+01:00">
<meta name="author" content="Anna Weber"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Germany pledges aid to Syria</h1>
{"".join(f"<p>{p}</p>" for p in PARAS)}
<div>Share this article</div></article>
<footer>&copy; 2024 Test Ledger. All rights reserved.</footer></body></html>"""


def test_html_article() -> None:
    doc = RawDoc("d", "page.html", "html", PAGE, "", url="https://www.ledger.example/a")
    [art] = extract_articles(doc, CONFIG)
    assert art.title == "Germany pledges aid to Syria"
    assert art.author == "Anna Weber"
    assert art.outlet == "Test Ledger"
    assert art.published_at == datetime(2024, 12, 20, 12, tzinfo=timezone(timedelta(hours=1)))
    assert (art.dateline, art.wire) == ("DAMASCUS", "AFP")
    assert art.text.startswith("Germany will provide new humanitarian aid")
    assert "All rights reserved" not in art.text
    assert art.language == "en"


def test_html_offsets_point_into_the_page() -> None:
    doc = RawDoc("d", "page.html", "html", PAGE, "")
    [art] = extract_articles(doc, CONFIG)
    assert len(art.raw_offsets) == 3
    for clean_start, raw_start, length in art.raw_offsets:
        assert art.text[clean_start : clean_start + length] == PAGE[raw_start : raw_start + length]


def test_html_without_text() -> None:
    doc = RawDoc("d", "dir/empty.html", "html", "<html><body><nav>Home</nav></body></html>", "")
    with pytest.raises(ExtractionError, match=r"^empty\.html: no text left after boilerplate"):
        extract_articles(doc, CONFIG)
