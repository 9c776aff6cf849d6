"""The store's stories persistence: what ``tidings.stories.runner`` reads and writes.

``StoryRecords`` is a part of ``Store`` (its base class), kept apart so the store's module
holds the schema and document writes and this one the clustering's rows: stories, article
fingerprints and merged events.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

import duckdb

from tidings.model import Story
from tidings.store.writes import MENTION_COLUMNS, bulk_insert, rows_view


class StoryRecords:
    """Stories, fingerprints and event merges; ``Store`` supplies the connection and lock."""

    con: duckdb.DuckDBPyConnection
    _lock: threading.RLock

    def transaction(self) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
        raise NotImplementedError  # Store's all-or-nothing transaction

    def write_stories(self, stories: Sequence[Story], assignments: dict[str, str]) -> None:
        """Upsert stories and set ``story_id`` on their articles and events."""
        story_rows = [
            (s.story_id, s.first_seen, s.last_seen, s.n_articles, s.n_outlets, s.title)
            for s in stories
        ]
        story_cols = ("story_id", "first_seen", "last_seen", "n_articles", "n_outlets", "title")
        pairs = [(art, story) for art, story in assignments.items()]
        with self.transaction() as con:
            bulk_insert(con, "stories", story_cols, story_rows, verb="INSERT OR REPLACE")
            if pairs:
                with rows_view(con, "assign", ("article_id", "story_id"), pairs) as view:
                    for table in ("articles", "events"):
                        con.execute(
                            f"UPDATE {table} SET story_id = v.story_id FROM {view} v "
                            f"WHERE {table}.article_id = v.article_id"
                        )

    def merge_events(self, groups: dict[str, list[tuple[str, str, str | None]]]) -> None:
        """Merge event mentions: ``groups[canonical_id] = [(mention_id, article_id, outlet)]``.

        Every mention keeps its own row and evidence; the canonical row carries the counts.
        """
        links = [
            (canonical, mid, art, outlet)
            for canonical, mentions in groups.items()
            for mid, art, outlet in mentions
        ]
        counts = [
            (
                canonical,
                len({m[1] for m in mentions}),
                len({m[2] or m[1] for m in mentions}),
            )
            for canonical, mentions in groups.items()
        ]
        if not links:
            return
        with self.transaction() as con:
            with rows_view(con, "links", MENTION_COLUMNS, links) as view:
                con.execute(
                    f"UPDATE events SET canonical_id = v.event_id FROM {view} v "
                    "WHERE events.event_id = v.mention_id"
                )
                con.execute(f"INSERT OR IGNORE INTO event_mentions SELECT * FROM {view}")
            cols = ("event_id", "n_articles", "n_outlets")
            with rows_view(con, "counts", cols, counts) as view:
                con.execute(
                    f"UPDATE events SET n_articles = v.n_articles, n_outlets = v.n_outlets "
                    f"FROM {view} v WHERE events.event_id = v.event_id"
                )

    def _dict_rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self.con.execute(sql, list(params))
            cols = [d[0] for d in cur.description or ()]
            return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def unclustered_articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Articles not yet in a story (no fingerprint), skipped ones left out."""
        sql = (
            "SELECT a.article_id, a.outlet, a.published_at, a.title, a.text FROM articles a "
            "WHERE a.skipped_reason IS NULL AND a.article_id NOT IN "
            "(SELECT article_id FROM article_fingerprints) ORDER BY a.published_at, a.article_id"
        )
        return self._dict_rows(sql + (f" LIMIT {int(limit)}" if limit else ""))

    def article_actor_names(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """Canonical actor names/entities of events and quote speakers, per article."""
        rows = self._dict_rows(
            "SELECT article_id, coalesce(source_name, source_entity) AS n FROM events "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT article_id, coalesce(target_name, target_entity) FROM events "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT article_id, speaker_entity FROM quotes "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(article_ids)] * 3,
        )
        out: dict[str, list[str]] = {}
        for r in rows:
            if r["n"]:
                out.setdefault(str(r["article_id"]), []).append(str(r["n"]))
        return out

    def fingerprints_between(self, since: datetime, until: datetime) -> list[dict[str, Any]]:
        """Fingerprints of clustered articles published in [since, until]."""
        return self._dict_rows(
            "SELECT * FROM article_fingerprints WHERE published_at BETWEEN ? AND ?",
            [since, until],
        )

    def fingerprints_sharing(
        self, keys: Sequence[str], *, undated_only: bool = False, limit: int = 20_000
    ) -> list[dict[str, Any]]:
        """Fingerprints sharing a blocking key with ``keys`` (newest first, at most ``limit``)."""
        if not keys:
            return []
        where = "list_has_any(keys, ?::VARCHAR[])"
        if undated_only:
            where += " AND published_at IS NULL"
        return self._dict_rows(
            f"SELECT * FROM article_fingerprints WHERE {where} "
            f"ORDER BY published_at DESC NULLS LAST LIMIT {int(limit)}",
            [list(keys)],
        )

    def story_members(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Clustered articles (id, story, outlet, date, title) of the given stories."""
        return self._dict_rows(
            "SELECT article_id, story_id, outlet, published_at, title FROM article_fingerprints "
            "WHERE story_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(story_ids)],
        )

    def write_fingerprints(self, rows: Sequence[dict[str, Any]]) -> None:
        """Upsert article fingerprints (keys: the ``article_fingerprints`` columns)."""
        cols = (
            "article_id", "story_id", "outlet", "published_at", "title", "minhash", "vector",
            "embedder", "entities", "keys", "near_duplicate_of", "undated", "score",
        )  # fmt: skip
        now = datetime.now(UTC)
        data = [[r.get(c) for c in cols] + [now] for r in rows]
        with self.transaction() as con:
            bulk_insert(
                con, "article_fingerprints", (*cols, "clustered_at"), data, "INSERT OR REPLACE"
            )

    def story_event_mentions(self, story_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Event mentions of the given stories with their article's outlet and date."""
        return self._dict_rows(
            "SELECT e.event_id, e.canonical_id, e.story_id, e.article_id, a.outlet, "
            "a.published_at, e.plover_type, e.reciprocal, e.negated, e.modality, e.event_date, "
            "e.date_precision, e.source_entity, e.source_code, e.source_name, e.source_text, "
            "e.target_entity, e.target_code, e.target_name, e.target_text, e.n_articles, "
            "e.n_outlets FROM events e LEFT JOIN articles a USING (article_id) "
            "WHERE e.story_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(story_ids)],
        )

    def reset_event_merges(self, event_ids: Sequence[str]) -> None:
        """Undo merges of these mentions: each is its own canonical event again."""
        if not event_ids:
            return
        ids = list(event_ids)
        with self.transaction() as con:
            con.execute(
                "DELETE FROM event_mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
                "AND mention_id <> event_id",
                [ids],
            )
            con.execute(
                "UPDATE events SET canonical_id = event_id, n_articles = 1, n_outlets = 1 "
                "WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            )

    def story_rows(self, story_id: str) -> dict[str, list[dict[str, Any]]]:
        """Articles, event mentions and quotes of one story, for ``stories.compare``."""
        articles = self._dict_rows(
            "SELECT article_id, outlet, title, published_at, url FROM articles "
            "WHERE story_id = ? ORDER BY published_at, article_id",
            [story_id],
        )
        events = self._dict_rows(
            "SELECT e.*, a.outlet FROM events e LEFT JOIN articles a USING (article_id) "
            "WHERE e.story_id = ? ORDER BY e.event_id",
            [story_id],
        )
        quotes = self._dict_rows(
            "SELECT q.*, a.outlet FROM quotes q JOIN articles a USING (article_id) "
            "WHERE a.story_id = ? ORDER BY q.quote_id",
            [story_id],
        )
        return {"articles": articles, "events": events, "quotes": quotes}
