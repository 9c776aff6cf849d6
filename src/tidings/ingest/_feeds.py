"""Read RSS and Atom feed files: one RawDoc per entry with content or a summary."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from tidings.errors import InputError
from tidings.ingest._bytes import Limits, decode, read_limited
from tidings.ingest._make import domain_of, make_doc
from tidings.model import RawDoc, SourceError

log = logging.getLogger(__name__)

_TAG = re.compile(r"<[a-zA-Z/!]")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def fragment_text(value: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    if not _TAG.search(value):
        return value.strip()
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return value.strip()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    text = re.sub(r"[ \t]*\n[ \t\n]*\n[ \t\n]*", "\n\n", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value") or ""
        if value.strip():
            return fragment_text(value)
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def read_feed(path: Path, limits: Limits) -> Iterator[RawDoc | SourceError]:
    """Entries as text RawDocs with title, link, published date and author."""
    name = path.name
    data = read_limited(path, limits.max_bytes)
    decode(data, name)  # empty or binary files fail here with a clear message
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise InputError(f"{name}: no RSS/Atom entries{why}")
    feed_title = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        uri = f"{path}#entry={number}"
        text = _entry_text(entry)
        if not text:
            yield SourceError(uri, "ingest", f"{name} entry {number}: no content or summary")
            continue
        link = entry.get("link")
        yield make_doc(
            uri,
            "text",
            text,
            key=entry.get("id") or link or entry.get("title"),
            title=entry.get("title"),
            url=link,
            published=entry.get("published") or entry.get("updated"),
            outlet=feed_title or domain_of(link),
            author=entry.get("author"),
        )
