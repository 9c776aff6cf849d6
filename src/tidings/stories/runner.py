"""Update stories in a store: cluster new articles, then merge duplicate events per story.

The one module of ``tidings.stories`` that touches ``tidings.store``. It loads only articles
without a fingerprint, plus the fingerprints of stories they could join (inside the date window
or sharing a blocking key), assigns them, and writes: stories and assignments first, then the
event merges of the stories that changed, then the fingerprints. A crash before the last step
leaves the articles unclustered, so the next call redoes them; a second call with nothing new
changes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from tidings.interfaces import Embedder
from tidings.model import Story
from tidings.store import Store
from tidings.stories.cluster import Assignment, assign_stories, blocking_keys
from tidings.stories.dedup import Signature, signature
from tidings.stories.merge import mention_datetime, merge_mentions
from tidings.stories.records import ArticleDigest, EventMention, Fingerprint, StoryReport
from tidings.stories.settings import StorySettings
from tidings.stories.text import top_names

log = logging.getLogger(__name__)

__all__ = ["update_stories"]


def _utc(ts: datetime | None) -> datetime | None:
    if ts is None:
        return None
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def _fingerprint(row: dict[str, Any]) -> Fingerprint:
    return Fingerprint(
        article_id=str(row["article_id"]),
        story_id=str(row["story_id"]),
        outlet=row.get("outlet"),
        published_at=_utc(mention_datetime(row.get("published_at"))),
        title=row.get("title"),
        minhash=np.frombuffer(row["minhash"] or b"", dtype=np.uint64),
        vector=np.frombuffer(row["vector"] or b"", dtype=np.float32),
        entities=tuple(row.get("entities") or ()),
        keys=tuple(row.get("keys") or ()),
        near_duplicate_of=row.get("near_duplicate_of"),
        undated=bool(row.get("undated")),
        embedder=str(row.get("embedder") or ""),
    )


def _existing(
    store: Store, digests: Sequence[ArticleDigest], keys: set[str], settings: StorySettings
) -> list[Fingerprint]:
    """Fingerprints of stories the new articles could join (never the whole table)."""
    window = timedelta(days=settings.window_days)
    dates = [d for d in (_utc(x.published_at) for x in digests) if d is not None]
    rows: dict[str, dict[str, Any]] = {}
    if dates:
        for r in store.fingerprints_between(min(dates) - window, max(dates) + window):
            rows[str(r["article_id"])] = r
    undated_new = len(dates) < len(digests)
    for r in store.fingerprints_sharing(sorted(keys), undated_only=not undated_new):
        rows.setdefault(str(r["article_id"]), r)
    fps = [_fingerprint(r) for r in rows.values()]
    return [fp for fp in fps if fp.embedder == settings.embedder]


def _mention(row: dict[str, Any]) -> EventMention:
    def key(side: str) -> str | None:
        for field in ("entity", "code", "text"):
            value = row.get(f"{side}_{field}")
            if value:
                return str(value).strip().lower()
        return None

    event_date = row.get("event_date")
    if isinstance(event_date, datetime):
        event_date = event_date.date()
    elif isinstance(event_date, str):
        event_date = date.fromisoformat(event_date[:10])
    return EventMention(
        event_id=str(row["event_id"]),
        article_id=str(row["article_id"]),
        outlet=row.get("outlet"),
        plover_type=str(row.get("plover_type") or ""),
        source_key=key("source"),
        target_key=key("target"),
        event_date=event_date,
        date_precision=row.get("date_precision"),
        published_at=_utc(mention_datetime(row.get("published_at"))),
        reciprocal=bool(row.get("reciprocal")),
        negated=bool(row.get("negated")),
        modality=str(row.get("modality") or "asserted"),
        canonical_id=row.get("canonical_id"),
    )


def _merge_story_events(
    store: Store, story_ids: Sequence[str], settings: StorySettings, report: StoryReport
) -> None:
    rows = store.story_event_mentions(story_ids)
    by_story: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_story.setdefault(str(r["story_id"]), []).append(r)
    resets: list[str] = []
    groups: dict[str, list[tuple[str, str, str | None]]] = {}
    for sid in sorted(by_story):
        story_rows = by_story[sid]
        merged = merge_mentions(
            [_mention(r) for r in story_rows],
            event_days=settings.event_days,
            report_lag_days=settings.report_lag_days,
            reciprocal_types=settings.reciprocal_types,
        )
        want = {m.event_id: g.canonical_id for g in merged for m in g.mentions}
        counts = {g.canonical_id: (g.n_articles, g.n_outlets) for g in merged}
        have_ok = all(
            (r.get("canonical_id") or r["event_id"]) == want[str(r["event_id"])]
            and (
                str(r["event_id"]) not in counts
                or (r.get("n_articles"), r.get("n_outlets")) == counts[str(r["event_id"])]
            )
            for r in story_rows
        )
        if have_ok:
            continue
        resets.extend(str(r["event_id"]) for r in story_rows)
        for g in merged:
            if len(g.mentions) > 1:
                groups[g.canonical_id] = [(m.event_id, m.article_id, m.outlet) for m in g.mentions]
    if resets:
        store.reset_event_merges(resets)
    if groups:
        store.merge_events(groups)
    report.merged_groups += len(groups)
    report.events_merged += sum(len(v) - 1 for v in groups.values())


def _stories(
    store: Store, assignments: Sequence[Assignment], digests: dict[str, ArticleDigest]
) -> list[Story]:
    touched = sorted({a.story_id for a in assignments})
    members: dict[str, dict[str, tuple[str | None, datetime | None, str | None]]] = {}
    for r in store.story_members(touched):
        members.setdefault(str(r["story_id"]), {})[str(r["article_id"])] = (
            r.get("outlet"), _utc(mention_datetime(r.get("published_at"))), r.get("title"),
        )  # fmt: skip
    for a in assignments:
        d = digests[a.article_id]
        members.setdefault(a.story_id, {})[a.article_id] = (
            d.outlet, _utc(d.published_at), d.title,
        )  # fmt: skip
    out = []
    for sid in touched:
        arts = members[sid]
        dates = [w for _, w, _ in arts.values() if w is not None]
        first = sorted(arts.items(), key=lambda kv: (kv[1][1] is None, kv[1][1] or 0, kv[0]))
        title = next((t for _, (_, _, t) in first if t), None)
        out.append(
            Story(
                story_id=sid,
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
                n_articles=len(arts),
                n_outlets=len({o or aid for aid, (o, _, _) in arts.items()}),
                title=title,
            )
        )
    return out


def update_stories(store: Store, config: dict[str, Any], embedder: Embedder) -> StoryReport:
    """Assign every unclustered article of ``store`` to a story and merge duplicate events.

    ``config`` is the whole Tidings configuration (only ``[stories]`` is read); ``embedder`` is
    the configured ``[stories] embedder``, built by the caller (``pipeline.story_embedder``).
    Old stories keep their ids; running it again with no new article changes nothing.
    """
    settings = StorySettings.from_config(config.get("stories"))
    report = StoryReport()
    rows = store.unclustered_articles()
    if not rows:
        return report
    ids = [str(r["article_id"]) for r in rows]
    actors = store.article_actor_names(ids)
    digests = [
        ArticleDigest(
            article_id=str(r["article_id"]),
            outlet=r.get("outlet"),
            published_at=_utc(mention_datetime(r.get("published_at"))),
            title=r.get("title"),
            text=str(r.get("text") or ""),
            entities=top_names(
                f"{r.get('title') or ''}\n{r.get('text') or ''}",
                settings.story_entities,
                extra=actors.get(str(r["article_id"]), ()),
            ),
        )
        for r in rows
    ]
    texts = [f"{d.title or ''}\n{d.text}" for d in digests]
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    sigs: list[Signature | None] = [
        signature(d.text, num_perm=settings.num_perm, shingle_words=settings.shingle_words)
        for d in digests
    ]
    all_keys = {k for d in digests for k in blocking_keys(d, settings)}
    existing = _existing(store, digests, all_keys, settings)
    assignments = assign_stories(digests, vectors, settings, existing=existing, signatures=sigs)
    by_id = {d.article_id: d for d in digests}
    stories = _stories(store, assignments, by_id)
    store.write_stories(stories, {a.article_id: a.story_id for a in assignments})
    touched = [s.story_id for s in stories]
    _merge_story_events(store, touched, settings, report)
    store.write_fingerprints(
        [
            {
                "article_id": a.article_id, "story_id": a.story_id, "outlet": d.outlet,
                "published_at": d.published_at, "title": d.title,
                "minhash": (sig.tobytes() if sig is not None else b""),
                "vector": vec.astype(np.float32).tobytes(), "embedder": settings.embedder,
                "entities": list(d.entities), "keys": list(a.keys),
                "near_duplicate_of": a.near_duplicate_of, "undated": a.undated,
                "score": a.score,
            }
            for a, d, vec, sig in zip(assignments, digests, vectors, sigs, strict=True)
        ]
    )  # fmt: skip
    report.articles_assigned = len(assignments)
    report.stories_new = sum(a.new_story for a in assignments)
    report.stories_touched = len(touched)
    report.near_duplicates = sum(a.near_duplicate_of is not None for a in assignments)
    report.undated = sum(a.undated for a in assignments)
    report.touched_story_ids = touched
    log.info("stories: %s", report.counts())
    return report
