"""Incremental story clustering: assign new articles in publication order, then merge.

The first pass (``story_index.StoryIndex.assign``) puts each article into the best-scoring
nearby story or opens one; the second (``merge_sweep.consolidate``) merges the stories the run
opened by average link. ``assign_stories`` runs both over one batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tidings.stories.blocking import blocking_keys
from tidings.stories.dedup import Signature
from tidings.stories.records import ArticleDigest, Fingerprint, Vector
from tidings.stories.settings import StorySettings
from tidings.stories.story_index import Assignment, StoryIndex, _utc, story_id_for

__all__ = [
    "Assignment",
    "StoryIndex",
    "assign_stories",
    "blocking_keys",
    "publication_order",
    "story_id_for",
]


def publication_order(digests: Sequence[ArticleDigest]) -> list[int]:
    """Indices of ``digests`` in time order: dated first (oldest first), undated last, by id."""

    def key(i: int) -> tuple[bool, float, str]:
        when = _utc(digests[i].published_at)
        return (when is None, when.timestamp() if when else 0.0, digests[i].article_id)

    return sorted(range(len(digests)), key=key)


def assign_stories(
    digests: Sequence[ArticleDigest],
    vectors: Vector,
    settings: StorySettings,
    *,
    existing: Sequence[Fingerprint] = (),
    signatures: Sequence[Signature | None] | None = None,
) -> list[Assignment]:
    """Cluster new articles against existing fingerprints; returns assignments in input order."""
    dim = int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[0] else settings.dim
    index = StoryIndex(settings, dim)
    for fp in existing:
        index.add_existing(fp)
    out: dict[int, Assignment] = {}
    opened: list[str] = []
    for i in publication_order(digests):
        sig = signatures[i] if signatures is not None else None
        out[i] = a = index.assign(digests[i], vectors[i], sig)
        if a.new_story:
            opened.append(a.story_id)
    if settings.merge and opened:
        moved = index.consolidate(opened)
        for i, a in out.items():
            if a.story_id in moved:
                out[i] = replace(a, story_id=moved[a.story_id], new_story=False)
    return [out[i] for i in range(len(digests))]
