"""Own the DuckDB store: schema, migrations and every write, inside transactions.

``Store`` is the one entry point; the row building and bulk inserts of the document writes
live in ``store/writes.py``, the schema upgrades in ``store/migrations.py``.

Reads go through ``tidings.query``; nothing else writes SQL.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from tidings.errors import StoreError
from tidings.model import Article, Event, Quote, RawDoc, SourceError, Story
from tidings.store import migrations
from tidings.store._lock import StoreLockedError, connect
from tidings.store.writes import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    DocumentRecords,
    bulk_insert,
    document_rows,
    event_row,
    insert_document_rows,
    rows_view,
)

SCHEMA_VERSION = str(migrations.LATEST)

__all__ = [
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "DocumentRecords",
    "Store",
    "StoreLockedError",
    "event_row",
]


class Store:
    """A Tidings database (DuckDB file by default, ``:memory:`` for tests)."""

    def __init__(
        self,
        path: str | Path = "tidings.duckdb",
        *,
        read_only: bool = False,
        wait: float = 0.0,
    ) -> None:
        """Open ``path``; a lock held by another process is retried for ``wait`` seconds, then
        raises ``StoreLockedError`` (one line: the file, the holding PID, what to do)."""
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: database file not found")
        self.con = connect(self.path, read_only=read_only, wait=wait)
        self._lock = threading.RLock()
        if not read_only:
            self.migrate()
        else:
            try:
                migrations.check_readable(migrations.stored_version(self.con, self.path), self.path)
            except StoreError:
                self.con.close()
                raise

    # -- schema ---------------------------------------------------------------
    def migrate(self) -> None:
        """Create a new file's schema, or upgrade an older file in place (one transaction);
        a file newer than this Tidings is refused (``store/migrations.py``)."""
        with self._lock:
            try:
                migrations.upgrade(self.con, self.path)
            except StoreError:
                self.con.close()
                raise
            # We hold the write lock, so a run still 'running' belongs to a dead process.
            self.con.execute("UPDATE runs SET status = 'killed' WHERE status = 'running'")

    def schema_version(self) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return None if row is None else str(row[0])

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing writes: a failure rolls back and nothing half-written stays."""
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    # -- runs and errors ------------------------------------------------------
    def start_run(
        self, run_id: str, config_hash: str, version: str, sources: Sequence[str]
    ) -> None:
        with self._lock:
            self.con.execute(
                "INSERT OR IGNORE INTO runs (run_id, started, config_hash, version, sources, "
                "status) VALUES (?, ?, ?, ?, ?, 'running')",
                [run_id, datetime.now(UTC), config_hash, version, json.dumps(list(sources))],
            )

    def finish_run(self, run_id: str, counts: dict[str, int], status: str = "finished") -> None:
        """Close a run: ``finished``, or ``interrupted`` (Ctrl-C) with the counts so far."""
        with self._lock:
            self.con.execute(
                "UPDATE runs SET finished = ?, counts = ?, status = ? WHERE run_id = ?",
                [datetime.now(UTC), json.dumps(counts), status, run_id],
            )

    def record_error(self, run_id: str, error: SourceError) -> None:
        with self._lock:
            now = datetime.now(UTC)
            self.con.execute(
                "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, 1) "
                "ON CONFLICT (source_uri, stage, message) DO UPDATE SET "
                "run_id = excluded.run_id, last_seen = excluded.last_seen, times = times + 1",
                [run_id, error.source_uri, error.stage, error.message, now, now],
            )

    # -- documents, articles, events, quotes ----------------------------------
    def has_document(self, doc_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row is not None

    def write_document(
        self,
        doc: RawDoc,
        run_id: str,
        articles: Sequence[Article],
        events: Sequence[Event],
        quotes: Sequence[Quote],
        skipped: dict[str, str] | None = None,
    ) -> None:
        """Store one document with everything derived from it, in one transaction."""
        self.write_documents(
            [DocumentRecords(doc, articles, events, quotes, skipped or {})], run_id
        )

    def write_documents(self, batch: Sequence[DocumentRecords], run_id: str) -> None:
        """Store several documents in one transaction (all or none), with bulk inserts
        (``store/writes.py``)."""
        rows = document_rows(batch, run_id, datetime.now(UTC))
        with self.transaction() as con:
            insert_document_rows(con, rows)

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

    def upsert_actors(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or refresh ``actors`` rows (``ACTOR_COLUMNS`` order)."""
        with self.transaction() as con:
            bulk_insert(con, "actors", ACTOR_COLUMNS, rows, verb="INSERT OR REPLACE")

    # -- per-outlet line statistics (written and read by the pipeline for tidings.extract) --
    def outlet_line_counts(self, outlets: Sequence[str]) -> dict[str, dict[str, int]]:
        """outlet -> {line key: documents printing it} for the stored history of ``outlets``."""
        out: dict[str, dict[str, int]] = {o: {} for o in outlets}
        if not outlets:
            return out
        rows = self.con.execute(
            "SELECT outlet, line_key, n_docs FROM outlet_lines WHERE outlet IN "
            f"({', '.join('?' * len(outlets))})",
            list(outlets),
        ).fetchall()
        for outlet, key, n in rows:
            out[str(outlet)][str(key)] = int(n)
        return out

    def add_outlet_lines(self, counts: dict[str, dict[str, int]]) -> None:
        """Add a batch's per-outlet line counts to the stored ones."""
        rows = [(o, k, n) for o, keys in counts.items() for k, n in keys.items()]
        if not rows:
            return
        with self.transaction() as con:
            con.executemany(
                "INSERT INTO outlet_lines VALUES (?, ?, ?) ON CONFLICT (outlet, line_key) "
                "DO UPDATE SET n_docs = outlet_lines.n_docs + excluded.n_docs",
                rows,
            )

    def referenced_entities(self) -> set[str]:
        """Entity ids that stored events name as source or target."""
        rows = self.con.execute(
            "SELECT source_entity FROM events WHERE source_entity IS NOT NULL UNION "
            "SELECT target_entity FROM events WHERE target_entity IS NOT NULL"
        ).fetchall()
        return {str(r[0]) for r in rows}

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out: dict[str, int] = {}
        for table in ("documents", "articles", "events", "quotes", "stories", "errors"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    # -- stories (written and read by tidings.stories.runner) ---------------------------------
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
