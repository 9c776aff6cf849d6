"""The stories seen so far, indexed by blocking key: each new article joins the best-scoring
nearby story or opens one (the first, greedy pass of ``cluster.assign_stories``).

Candidates come from blocking keys within the date window, never from all pairs, so the cost
per article stays bounded. A near-duplicate of an earlier article joins that article's story
outright. Story ids are derived from the story's first article, so they never change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from tidings.model import content_id
from tidings.stories.blocking import blocking_keys, by_hits
from tidings.stories.dedup import NearDuplicateIndex, Signature
from tidings.stories.merge_sweep import consolidate
from tidings.stories.records import ArticleDigest, Fingerprint, Vector
from tidings.stories.settings import StorySettings


def story_id_for(first_article_id: str) -> str:
    """The id of a story opened by ``first_article_id`` (stable across runs)."""
    return content_id(first_article_id, prefix="story-")


def _utc(ts: datetime | None) -> datetime | None:
    if ts is None:
        return None
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


@dataclass(frozen=True)
class Assignment:
    """Where one new article went and why."""

    article_id: str
    story_id: str
    score: float
    new_story: bool
    near_duplicate_of: str | None = None
    undated: bool = False
    keys: tuple[str, ...] = ()


@dataclass
class StoryState:
    """One story's running state: members, names, blocking keys and date span."""

    story_id: str
    row: int  # row of the story's summed vector in ``StoryIndex._totals``
    size: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    new: bool = False  # opened by this run (only these may be merged away)
    keys: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)
    _top: tuple[int, set[str]] | None = None  # cached (k, names), dropped on every add

    def add(self, entities: Sequence[str], when: datetime | None, keys: Sequence[str] = ()) -> None:
        self.size += 1
        self.entities.update(entities)
        self.keys.update(keys)
        self._top = None
        if when is not None:
            self.first = when if self.first is None or when < self.first else self.first
            self.last = when if self.last is None or when > self.last else self.last

    def top_entities(self, k: int) -> set[str]:
        if self._top is None or self._top[0] != k:
            ranked = sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0]))
            self._top = (k, {e for e, _ in ranked[:k]})
        return self._top[1]


class StoryIndex:
    """Stories seen so far, indexed by blocking key, that new articles are matched against."""

    def __init__(self, settings: StorySettings, dim: int) -> None:
        self.settings = settings
        self.dim = dim
        self.window = timedelta(days=settings.window_days)
        self.stories: dict[str, StoryState] = {}
        self.article_story: dict[str, str] = {}
        # key -> {story_id: when the story last used the key}, oldest first: a query walks
        # back from the newest and stops at the window edge, so old stories cost nothing.
        self._postings: dict[str, dict[str, float]] = {}
        # Summed member vectors, one row per story, so candidates are scored in one product.
        self._totals = np.zeros((64, dim), dtype=np.float32)
        self._norms = np.zeros(64, dtype=np.float32)
        self._dups = NearDuplicateIndex(
            threshold=settings.near_dup_threshold, num_perm=settings.num_perm
        )

    # -- state ------------------------------------------------------------------------------
    def _post(self, story: StoryState, keys: Sequence[str], when: datetime | None) -> None:
        stamp = when.timestamp() if when is not None else float("-inf")
        for key in keys:
            posting = self._postings.setdefault(key, {})
            old = posting.pop(story.story_id, float("-inf"))
            posting[story.story_id] = max(old, stamp)

    def _join(
        self, story_id: str, article_id: str, vector: Vector, entities: Sequence[str],
        when: datetime | None, keys: Sequence[str], sig: Signature | None, new: bool = False,
    ) -> None:  # fmt: skip
        story = self.stories.get(story_id)
        if story is None:
            row = len(self.stories)
            if row == len(self._totals):
                self._totals = np.concatenate([self._totals, np.zeros_like(self._totals)])
                self._norms = np.concatenate([self._norms, np.zeros_like(self._norms)])
            story = self.stories[story_id] = StoryState(story_id, row, new=new)
        self._totals[story.row] += vector
        self._norms[story.row] = np.linalg.norm(self._totals[story.row])
        story.add(entities, when, keys)
        story.members.append(article_id)
        self.article_story[article_id] = story_id
        self._post(story, keys, when)
        if sig is not None:
            self._dups.add(article_id, sig)

    def add_existing(self, fp: Fingerprint) -> None:
        """Load one already-clustered article (from the store) into the index."""
        if fp.article_id in self.article_story or fp.vector.shape[0] != self.dim:
            return
        self._join(
            fp.story_id, fp.article_id, fp.vector, fp.entities, _utc(fp.published_at),
            fp.keys, fp.minhash if len(fp.minhash) else None,
        )  # fmt: skip

    # -- matching ---------------------------------------------------------------------------
    def in_window(
        self, story: StoryState, when: datetime | None, until: datetime | None = None
    ) -> bool:
        if when is None or story.first is None or story.last is None:
            return True
        until = when if until is None else until
        return story.first - self.window <= until and when <= story.last + self.window

    def candidates(
        self, keys: Sequence[str], when: datetime | None, until: datetime | None = None
    ) -> list[str]:
        """Stories sharing a blocking key with the article and inside the date window.

        ``until`` widens the query from one date to a span (a story from ``when`` to ``until``).
        """
        hits: Counter[str] = Counter()
        edge = (when - self.window).timestamp() if when is not None else None
        cap = self.settings.max_block
        for key in keys:
            posting = self._postings.get(key)
            if not posting:
                continue
            found: list[str] = []
            for sid in reversed(posting):
                if len(found) > cap:
                    break
                if edge is not None and posting[sid] < edge and posting[sid] != float("-inf"):
                    break
                found.append(sid)
            if len(found) <= cap:  # more stories than the cap: too common to block on
                hits.update(found)
        out: list[str] = []
        for sid in by_hits(hits):
            if self.in_window(self.stories[sid], when, until):
                out.append(sid)
                if len(out) == self.settings.max_candidates:
                    break
        return out

    def _overlap(self, mine: set[str], story: StoryState) -> float:
        top = story.top_entities(self.settings.story_entities)
        if not mine or not top:
            return 0.0
        return len(mine & top) / min(len(mine), len(top))

    def scores(self, story_ids: Sequence[str], vector: Vector, entities: Sequence[str]) -> Vector:
        """(1 - w) * cosine to each story's centroid + w * overlap of names with its top names."""
        if not story_ids:
            return np.zeros(0, dtype=np.float32)
        stories = [self.stories[sid] for sid in story_ids]
        rows = np.fromiter((s.row for s in stories), dtype=np.int64, count=len(stories))
        norms = self._norms[rows]
        cos = (self._totals[rows] @ vector) / np.where(norms > 0, norms, 1.0)
        w = self.settings.entity_weight
        if w <= 0:
            return cos.astype(np.float32)
        mine = set(entities)
        overlap = np.zeros(len(stories), dtype=np.float32)
        if mine:
            for i, story in enumerate(stories):
                overlap[i] = self._overlap(mine, story)
        return ((1.0 - w) * cos + w * overlap).astype(np.float32)

    def assign(
        self, digest: ArticleDigest, vector: Vector, sig: Signature | None = None
    ) -> Assignment:
        """Put one new article into a story (existing or new) and return where it went."""
        when = _utc(digest.published_at)
        keys = blocking_keys(digest, self.settings)
        undated = when is None
        if digest.article_id in self.article_story:
            sid = self.article_story[digest.article_id]
            return Assignment(digest.article_id, sid, 1.0, False, None, undated, keys)
        dup_of: str | None = None
        if sig is not None:
            for other, _ in self._dups.query(sig):
                if other in self.article_story:
                    dup_of = other
                    break
        if dup_of is not None:
            sid = self.article_story[dup_of]
            self._join(sid, digest.article_id, vector, digest.entities, when, keys, sig)
            return Assignment(digest.article_id, sid, 1.0, False, dup_of, undated, keys)
        best, best_score = None, -1.0
        cands = self.candidates(keys, when)
        if cands:
            scored = self.scores(cands, vector, digest.entities)
            i = int(np.argmax(scored))  # first best: candidates come ranked by shared keys
            best, best_score = cands[i], float(scored[i])
        if best is not None and best_score >= self.settings.threshold:
            self._join(best, digest.article_id, vector, digest.entities, when, keys, sig)
            return Assignment(digest.article_id, best, best_score, False, None, undated, keys)
        sid = story_id_for(digest.article_id)
        self._join(sid, digest.article_id, vector, digest.entities, when, keys, sig, new=True)
        return Assignment(digest.article_id, sid, max(best_score, 0.0), True, None, undated, keys)

    # -- used by the merge sweep (merge_sweep.py) ------------------------------------------
    def link(self, a: str, b: str) -> float:
        """Average-link score of two stories: mean member cosine, blended with shared names."""
        return float(self.links(a, [b])[0])

    def links(self, sid: str, others: Sequence[str]) -> Vector:
        """Average-link scores of one story against several, in one matrix product.

        Mean member cosine is the dot product of the summed vectors over the product of sizes
        (member vectors are unit length), blended with the overlap of the top names.
        """
        story = self.stories[sid]
        if not others:
            return np.zeros(0, dtype=np.float32)
        stories = [self.stories[o] for o in others]
        rows = np.fromiter((s.row for s in stories), dtype=np.int64, count=len(stories))
        sizes = np.fromiter((s.size for s in stories), dtype=np.float32, count=len(stories))
        mean_cos = (self._totals[rows] @ self._totals[story.row]) / (sizes * story.size)
        w = self.settings.entity_weight
        if w <= 0:
            return np.asarray(mean_cos, dtype=np.float32)
        top = story.top_entities(self.settings.story_entities)
        overlap = np.fromiter((self._overlap(top, s) for s in stories), np.float32, len(stories))
        return np.asarray((1.0 - w) * mean_cos + w * overlap, dtype=np.float32)

    def absorb(self, keep: str, gone: str) -> None:
        target, source = self.stories[keep], self.stories.pop(gone)
        self._totals[target.row] += self._totals[source.row]
        self._norms[target.row] = np.linalg.norm(self._totals[target.row])
        self._totals[source.row] = 0.0
        self._norms[source.row] = 0.0
        target.size += source.size
        target.entities.update(source.entities)
        target._top = None
        for when in (source.first, source.last):
            if when is not None:
                target.first = when if target.first is None or when < target.first else target.first
                target.last = when if target.last is None or when > target.last else target.last
        for aid in source.members:
            self.article_story[aid] = keep
        target.members.extend(source.members)
        for key in source.keys:  # every key the source was posted under
            posting = self._postings.get(key, {})
            stamp = posting.pop(gone, None)
            if stamp is not None:
                # Updated in place when present: moving ``keep`` to the end would break the
                # last-use order that ``candidates`` walks back through.
                posting[keep] = max(posting.get(keep, float("-inf")), stamp)
        target.keys.update(source.keys)

    def consolidate(self, opened: Sequence[str]) -> dict[str, str]:
        """Merge this run's new stories by average link (``merge_sweep.consolidate``)."""
        return consolidate(self, opened)
