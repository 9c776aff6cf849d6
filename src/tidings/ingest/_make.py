"""Build a RawDoc with its content id and hash."""

from __future__ import annotations

from urllib.parse import urlsplit

from tidings.ingest._bytes import sha256_text
from tidings.model import RawDoc, content_id


def domain_of(url: str | None) -> str | None:
    """``www.example.org`` -> ``example.org``; None when there is no host."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    if host.startswith("www."):
        host = host[4:]
    return host or None


def make_doc(
    source_uri: str,
    content_type: str,
    body: str,
    *,
    key: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    fetched_at: str | None = None,
) -> RawDoc:
    """A RawDoc whose id depends only on its content (and record key), never on the path."""
    return RawDoc(
        doc_id=content_id(content_type, body, key),
        source_uri=source_uri,
        content_type=content_type,
        body=body,
        sha256=sha256_text(body),
        fetched_at=fetched_at,
        title=title or None,
        url=url or None,
        published=published or None,
        outlet=outlet or None,
        author=author or None,
    )
