"""Turn a RawDoc into clean Articles: main text, title, date, dateline, language, offsets.

HTML goes through trafilatura, then the same line cleaner as scraped text (navigation words,
photo credits, doubled captions, "Published On:" lines, datelines). Scraped text pages that
glue several articles are split, one Article each. Every Article keeps ``raw_offsets``
segments mapping its clean text back to ``RawDoc.body``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from tidings.errors import ExtractionError
from tidings.extract._dates import parse_date
from tidings.extract._html import html_text, stated_timestamp
from tidings.extract._language import detect_language
from tidings.extract._linestats import LineStats
from tidings.extract._rawmap import raw_span, remap_html
from tidings.extract._scraped import Part, split_articles
from tidings.model import Article, RawDoc, content_id

__all__ = [
    "LineStats",
    "batch_line_stats",
    "group_line_stats",
    "line_group",
    "detect_language",
    "extract_articles",
    "parse_date",
    "raw_span",
]

log = logging.getLogger(__name__)


def _name(doc: RawDoc) -> str:
    return doc.source_uri.replace("\\", "/").rsplit("/", 1)[-1] or doc.source_uri


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def batch_line_stats(docs: Iterable[RawDoc]) -> LineStats:
    """Line counts over the scraped-text documents of one batch."""
    return LineStats.of_texts(d.body for d in docs if d.content_type != "html")


def line_group(doc: RawDoc) -> str:
    """Whose furniture a page shares: its outlet, its URL's site, else its folder (a scrape
    of one site is usually saved in one folder)."""
    if doc.outlet:
        return doc.outlet
    site = _domain(doc.url)
    if site:
        return site
    uri = doc.source_uri.replace("\\", "/")
    return uri.rsplit("/", 1)[0] if "/" in uri else "."


def group_line_stats(docs: Iterable[RawDoc]) -> dict[str, LineStats]:
    """Line counts of a batch's scraped-text documents, per ``line_group``."""
    out: dict[str, LineStats] = {}
    for doc in docs:
        if doc.content_type != "html":
            out.setdefault(line_group(doc), LineStats()).add(doc.body)
    return out


def _first_date(*values: str | None) -> datetime | None:
    for value in values:
        parsed = parse_date(value)
        if parsed is not None:
            return parsed
    return None


def extract_articles(
    doc: RawDoc, config: dict[str, Any], line_stats: LineStats | None = None
) -> list[Article]:
    """One Article per article in ``doc``; raises ExtractionError naming the file.

    ``line_stats`` counts the lines of the batch ``doc`` came in (see ``batch_line_stats``):
    lines many documents repeat are furniture.
    """
    settings = config.get("extract", {})
    min_chars = int(settings.get("min_text_chars", 40))
    name = _name(doc)
    meta_title = meta_author = meta_date = sitename = meta_url = None
    if doc.content_type == "html":
        found = html_text(doc.body, doc.url, bool(settings.get("include_comments", False)))
        if found is None:
            raise ExtractionError(f"{name}: no text left after boilerplate removal")
        base = found.text
        parts = split_articles(base, split=False, find_title=False, known_title=found.title)
        meta_title, meta_author, meta_date = found.title, found.author, found.date
        stamp = parse_date(stated_timestamp(doc.body))
        if stamp is not None and (meta_date is None or stamp.date().isoformat() == meta_date):
            meta_date = stamp.isoformat()  # same day as trafilatura's, with time and zone
        sitename, meta_url = found.sitename, found.url
    else:
        base = doc.body
        parts = split_articles(
            base,
            split=bool(settings.get("split_glued_pages", True)),
            known_title=doc.title,
            learned=True,
            stats=line_stats,
            fetched=parse_date(doc.fetched_at),
        )
    kept = [p for p in parts if len(p.text.strip()) >= min_chars]
    if not kept:
        raise ExtractionError(f"{name}: no text left after boilerplate removal")
    if len(kept) < len(parts):
        log.info(
            "%s: dropped %d article part(s) under %d chars", name, len(parts) - len(kept), min_chars
        )
    url = doc.url or meta_url
    outlet = doc.outlet or sitename or _domain(url)
    articles = []
    for index, part in enumerate(kept):
        offsets = (
            tuple(part.segments) if base is doc.body else remap_html(part.segments, base, doc.body)
        )
        articles.append(
            _article(
                doc,
                index,
                part,
                offsets,
                len(kept) > 1,
                meta_title,
                meta_author,
                meta_date,
                url,
                outlet,
            )
        )
    return articles


def _article(
    doc: RawDoc,
    index: int,
    part: Part,
    offsets: tuple[tuple[int, int, int], ...],
    glued: bool,
    meta_title: str | None,
    meta_author: str | None,
    meta_date: str | None,
    url: str | None,
    outlet: str | None,
) -> Article:
    # On a glued page each part has its own title; the source's title names only the page.
    title = part.title if glued else (doc.title or meta_title or part.title)
    return Article(
        article_id=content_id(doc.doc_id, str(index), part.text),
        doc_id=doc.doc_id,
        text=part.text,
        title=title,
        outlet=outlet,
        url=url,
        author=doc.author or meta_author or part.author,
        published_at=_first_date(part.published, doc.published, meta_date)
        if glued
        else _first_date(doc.published, part.published, meta_date),
        dateline=part.dateline,
        wire=part.wire,
        language=detect_language(part.text),
        source_uri=doc.source_uri,
        raw_offsets=offsets,
    )
