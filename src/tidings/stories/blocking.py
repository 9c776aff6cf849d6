"""Blocking keys (an article's names and top keywords) and candidates ranked by shared keys."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from tidings.stories.records import ArticleDigest
from tidings.stories.settings import StorySettings
from tidings.stories.text import keywords


def by_hits(hits: Counter[str]) -> Iterator[str]:
    """Ids by number of shared keys, most first, ties by id; sorted lazily, a bucket at a time.

    Callers stop after a few dozen, usually inside the top buckets, so the long tail of ids
    sharing one key is never sorted.
    """
    buckets: dict[int, list[str]] = {}
    for sid, n in hits.items():
        buckets.setdefault(n, []).append(sid)
    for n in sorted(buckets, reverse=True):
        yield from sorted(buckets[n])


def blocking_keys(digest: ArticleDigest, settings: StorySettings) -> tuple[str, ...]:
    """Names and top keywords of an article, prefixed so that the two never collide."""
    names = [f"n:{e}" for e in digest.entities]
    words = [f"w:{w}" for w in keywords(digest.title, digest.text, settings.block_keywords)]
    return tuple(sorted(set(names) | set(words)))
