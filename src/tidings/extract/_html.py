"""Main text and metadata of an HTML page with trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura

log = logging.getLogger(__name__)

# Full timestamps (with zone) that pages state; trafilatura keeps only the day.
_STAMPS = (
    re.compile(
        r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|"
        r"pubdate|publishdate|og:published_time|dc\.date\.issued)[\"'][^>]*>",
        re.I,
    ),
    re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{10,40})\"", re.I),
    re.compile(r"<time[^>]+datetime=[\"']([^\"']{10,40})[\"']", re.I),
)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CONTENT = re.compile(r"content=[\"']([^\"']{10,40})[\"']", re.I)


def stated_timestamp(html: str) -> str | None:
    """The first full publication timestamp a page states (meta, JSON-LD or <time>)."""
    for pattern in _STAMPS:
        match = pattern.search(html)
        if match is None:
            continue
        if match.groups():
            return match.group(1)
        content = _CONTENT.search(match.group(0))
        if content:
            return content.group(1)
    return None


@dataclass(frozen=True)
class HtmlText:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def html_text(html: str, url: str | None = None, include_comments: bool = False) -> HtmlText | None:
    """trafilatura's main text and metadata; None when it finds no main text."""
    try:
        found: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=include_comments,
            # htmldate's extensive search is slow; stated_timestamp reads the page's own stamp
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - lxml/trafilatura fail in many ways on broken pages
        log.debug("trafilatura failed", exc_info=True)
        return None
    if found is None:
        return None
    text = found.text or ""
    if include_comments and getattr(found, "comments", None):
        text = f"{text}\n{found.comments}"
    if not text.strip():
        return None
    return HtmlText(
        text=text,
        title=found.title or None,
        author=found.author or None,
        date=found.date or None,
        sitename=found.sitename or None,
        url=found.url or None,
    )
