"""The second pass of story clustering: merge the run's new stories by average link.

A single greedy pass over-splits (an early article opens a story that later ones would have
joined), so the stories this run opened are merged, with each other or into older stories, by
average link within the same blocks. Dated stories are swept in date order one window at a
time, so the cost grows linearly; a story that existed before the run is never merged away, so
old ids never change.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from tidings.stories.blocking import by_hits

if TYPE_CHECKING:  # the index calls in here; importing it back would be circular
    from tidings.stories.story_index import StoryIndex, StoryState


def _merge_keys(index: StoryIndex, story: StoryState) -> list[str]:
    ranked = sorted(story.keys.items(), key=lambda kv: (-kv[1], kv[0]))
    return [k for k, _ in ranked[: index.settings.merge_keys]]


def _mergeable(index: StoryIndex, story: StoryState, ranked: Iterable[str]) -> list[str]:
    out: list[str] = []
    for o in ranked:
        other = index.stories[o]
        # Two stories that both predate this run never merge: their ids are published.
        if o == story.story_id or not (story.new or other.new):
            continue
        if index.in_window(other, story.first, story.last):
            out.append(o)
            if len(out) == index.settings.max_candidates:
                break
    return out


def _neighbours(index: StoryIndex, sid: str) -> list[str]:
    """Merge candidates of a story from the whole index (used for undated stories)."""
    story = index.stories[sid]
    return _mergeable(
        index, story, index.candidates(_merge_keys(index, story), story.first, story.last)
    )


def _agglomerate(
    index: StoryIndex,
    seeds: Sequence[str],
    neighbours: Callable[[str], list[str]],
    rank: Callable[[str], int],
    merged: dict[str, str],
    moving: Callable[[str, str], None] | None = None,
) -> None:
    """Greedy average link over the pairs ``neighbours`` proposes, best pair first.

    ``moving(keep, gone)`` is told of each merge before it happens. Merges are recorded in
    ``merged`` as ``{gone: keep}``.
    """
    heap: list[tuple[float, str, str, int, int]] = []
    version: Counter[str] = Counter()
    threshold = index.settings.merge_threshold

    def push(sid: str) -> None:
        others = neighbours(sid)
        for other, score in zip(others, index.links(sid, others).tolist(), strict=True):
            if score >= threshold:
                a, b = (sid, other) if rank(sid) <= rank(other) else (other, sid)
                heapq.heappush(heap, (-score, a, b, version[a], version[b]))

    for sid in seeds:
        if sid in index.stories:
            push(sid)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in index.stories or b not in index.stories:
            continue
        if (va, vb) != (version[a], version[b]):  # stale: rescored after an earlier merge
            score = index.link(a, b)
            if score >= threshold:
                heapq.heappush(heap, (-score, a, b, version[a], version[b]))
            continue
        if moving is not None:
            moving(a, b)
        index.absorb(a, b)
        merged[b] = a
        version[a] += 1
        push(a)


def _sweep(index: StoryIndex, rank: Callable[[str], int], merged: dict[str, str]) -> None:
    """Merge dated stories in date order, one ``window_days`` slice at a time.

    Only stories whose spans come within ``window_days`` of each other may merge, so a slice
    needs just the stories still open: those whose last article is less than a window before
    the slice starts. They are indexed by key in a small local posting table; a story leaves
    it for good when its window closes, so each slice costs the same whatever the corpus
    size, and each slice has its own heap.
    """
    dated = sorted(
        (s.first, rank(s.story_id), s.story_id, s)
        for s in index.stories.values()
        if s.first is not None
    )  # ids are unique, so the records themselves are never compared
    if not any(s.new for *_, s in dated):
        return
    postings: dict[str, dict[str, None]] = {}  # key -> open stories filed under it
    closing: list[tuple[float, str]] = []  # (end of the story's window, story id)
    cap = index.settings.max_block

    def enter(story: StoryState) -> None:
        for key in story.keys:
            postings.setdefault(key, {})[story.story_id] = None
        assert story.last is not None
        heapq.heappush(closing, ((story.last + index.window).timestamp(), story.story_id))

    def leave(story: StoryState) -> None:
        for key in story.keys:
            posting = postings[key]
            del posting[story.story_id]
            if not posting:
                del postings[key]

    def moving(keep: str, gone: str) -> None:
        for key in index.stories[gone].keys:
            posting = postings[key]
            del posting[gone]
            posting[keep] = None

    def neighbours(sid: str) -> list[str]:
        story = index.stories[sid]
        hits: Counter[str] = Counter()
        for key in _merge_keys(index, story):
            posting = postings.get(key)
            if posting and len(posting) <= cap:  # more: too common to block on
                hits.update(posting.keys())
        return _mergeable(index, story, by_hits(hits))

    i = 0
    while i < len(dated):
        start = dated[i][0]
        while closing and closing[0][0] < start.timestamp():
            _, sid = heapq.heappop(closing)
            story = index.stories.get(sid)
            if story is None:
                continue  # merged away: its keys already moved to the story that kept it
            assert story.last is not None
            end = (story.last + index.window).timestamp()
            if end >= start.timestamp():  # a merge extended it: still open
                heapq.heappush(closing, (end, sid))
            else:
                leave(story)
        j, edge = i, start + index.window
        while j < len(dated) and dated[j][0] < edge:
            enter(dated[j][3])
            j += 1
        seeds = [sid for _, _, sid, _ in dated[i:j]]
        _agglomerate(index, seeds, neighbours, rank, merged, moving)
        i = j


def consolidate(index: StoryIndex, opened: Sequence[str]) -> dict[str, str]:
    """Merge this run's new stories, with each other or into older ones, by average link.

    Greedy agglomeration over blocked pairs, best pair first, while the link reaches
    ``merge_threshold``: dated stories in a sweep over time (see ``_sweep``), then undated
    ones, which may join any story sharing keys. An old story always keeps its id; of two
    new stories the one opened first (earlier first article) keeps its id. Returns
    ``{merged-away id: kept id}``.
    """
    order = {sid: i for i, sid in enumerate(opened)}

    def rank(sid: str) -> int:
        return order.get(sid, -1)  # old stories rank first, so they keep their ids

    merged: dict[str, str] = {}
    _sweep(index, rank, merged)
    undated = [s for s in opened if s in index.stories and index.stories[s].first is None]
    _agglomerate(index, undated, lambda sid: _neighbours(index, sid), rank, merged)
    # Chains (c into b, then b into a) resolve to the surviving story.
    out = {}
    for gone in merged:
        keep = merged[gone]
        while keep in merged:
            keep = merged[keep]
        out[gone] = keep
    return out
