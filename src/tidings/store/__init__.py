"""Own the DuckDB store: schema, migrations and every write, inside transactions.

Reads go through ``tidings.query``; nothing else writes SQL.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import StoreError
from tidings.model import Article, Event, Quote, RawDoc, SourceError, Story
from tidings.store import migrations
from tidings.store._lock import StoreLockedError, connect

SCHEMA_VERSION = str(migrations.LATEST)

__all__ = [
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "DocumentRecords",
    "Store",
    "StoreLockedError",
    "event_row",
]

EVENT_COLUMNS = (
    "event_id", "canonical_id", "story_id", "article_id", "sentence_idx", "plover_type",
    "plover_mode", "plover_context", "cameo_code", "cameo_root", "quad_class", "goldstein",
    "source_text", "source_code", "source_country", "source_sector", "source_entity",
    "source_name", "source_sponsor", "source_start", "source_end",
    "target_text", "target_code", "target_country", "target_sector", "target_entity",
    "target_name", "target_sponsor", "target_start", "target_end",
    "reciprocal", "object_text", "event_date", "date_precision", "date_text", "date_source",
    "place_name", "geonameid", "country_iso3", "admin1", "lat", "lon", "place_source",
    "negated", "modality", "confidence", "claimed_by", "claim_kind", "n_articles", "n_outlets",
    "evidence_text", "evidence_start", "evidence_end", "trigger_text", "trigger_start",
    "trigger_end", "coder", "coder_version", "run_id", "date_flags", "date_link",
)  # fmt: skip


def event_row(event: Event, run_id: str | None) -> tuple[Any, ...]:
    """Flatten an Event into a row in ``EVENT_COLUMNS`` order."""
    s, t, p = event.source, event.target, event.place
    return (
        event.event_id, event.event_id, event.story_id, event.article_id, event.sentence_idx,
        event.plover_type, event.plover_mode, ";".join(event.plover_context) or None,
        event.cameo_code, event.cameo_root, event.quad_class, event.goldstein,
        s.text if s else None, s.code if s else None, s.country_iso3 if s else None,
        s.sector if s else None, s.entity_id if s else None, s.name if s else None,
        s.sponsor_iso3 if s else None, s.start if s else None, s.end if s else None,
        t.text if t else None, t.code if t else None, t.country_iso3 if t else None,
        t.sector if t else None, t.entity_id if t else None, t.name if t else None,
        t.sponsor_iso3 if t else None, t.start if t else None, t.end if t else None,
        event.reciprocal, event.object_text, event.event_date, event.date_precision,
        event.date_text, event.date_source,
        p.name if p else None, p.geonameid if p else None, p.country_iso3 if p else None,
        p.admin1 if p else None, p.lat if p else None, p.lon if p else None, event.place_source,
        event.negated, event.modality, event.confidence, event.claimed_by, event.claim_kind,
        event.n_articles, event.n_outlets, event.evidence_text, event.evidence_start,
        event.evidence_end, event.trigger_text, event.trigger_start, event.trigger_end,
        event.coder, event.coder_version, run_id,
        ";".join(event.extra.get("date_flags") or ()) or None, event.extra.get("date_link"),
    )  # fmt: skip


DOCUMENT_COLUMNS = (
    "doc_id", "source_uri", "content_type", "sha256", "fetched_at", "ingested_at", "run_id",
)  # fmt: skip
ARTICLE_COLUMNS = (
    "article_id", "doc_id", "story_id", "outlet", "url", "title", "author", "published_at",
    "published_tz", "dateline", "wire", "language", "text", "raw_offsets", "skipped_reason",
    "run_id",
)  # fmt: skip
MENTION_COLUMNS = ("event_id", "mention_id", "article_id", "outlet")
ACTOR_COLUMNS = (
    "entity_id", "name", "aliases", "country_iso3", "sector", "code", "wikidata_id",
    "valid_from", "valid_to",
)  # fmt: skip
QUOTE_COLUMNS = (
    "quote_id", "article_id", "speaker_text", "speaker_entity", "speaker_code", "anonymous",
    "cue", "content", "direct", "start", "end", "speaker_start", "speaker_end", "cue_start",
    "cue_end", "event_id", "run_id", "kind", "source_kind",
)  # fmt: skip


@dataclass(frozen=True)
class DocumentRecords:
    """One document and everything derived from it, written together."""

    doc: RawDoc
    articles: Sequence[Article]
    events: Sequence[Event]
    quotes: Sequence[Quote]
    skipped: dict[str, str] = field(default_factory=dict)


@contextmanager
def _rows_view(
    con: duckdb.DuckDBPyConnection,
    name: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> Iterator[str]:
    """Expose Python rows to SQL as a view over an Arrow table, for set-based writes.

    DuckDB's ``executemany`` costs milliseconds per row on wide tables; one statement over
    an Arrow table costs microseconds per row.
    """
    data = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)})
    view = f"_rows_{name}"
    con.register(view, data)
    try:
        yield view
    finally:
        con.unregister(view)


def _bulk_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    verb: str = "INSERT OR IGNORE",
) -> None:
    """Insert many rows at once (columns matched by name)."""
    if not rows:
        return
    with _rows_view(con, table, columns, rows) as view:
        names = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM {view}")


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
        """Store several documents in one transaction (all or none), with bulk inserts.

        Rows go in through Arrow tables: DuckDB's ``executemany`` costs milliseconds per row on
        wide tables, a bulk insert microseconds.
        """
        now = datetime.now(UTC)
        documents, articles, events, mentions, quotes = [], [], [], [], []
        for item in batch:
            d = item.doc
            documents.append(
                (d.doc_id, d.source_uri, d.content_type, d.sha256, d.fetched_at, now, run_id)
            )
            outlets = {a.article_id: a.outlet for a in item.articles}
            for a in item.articles:
                tz = a.published_at.tzname() if a.published_at and a.published_at.tzinfo else None
                articles.append(
                    (a.article_id, a.doc_id, None, a.outlet, a.url, a.title, a.author,
                     a.published_at, tz, a.dateline, a.wire, a.language, a.text,
                     json.dumps([list(seg) for seg in a.raw_offsets]),
                     item.skipped.get(a.article_id), run_id)
                )  # fmt: skip
            for e in item.events:
                events.append(event_row(e, run_id))
                mentions.append((e.event_id, e.event_id, e.article_id, outlets.get(e.article_id)))
            for q in item.quotes:
                quotes.append(
                    (q.quote_id, q.article_id, q.speaker_text, q.speaker_entity, q.speaker_code,
                     q.anonymous, q.cue, q.content, q.direct, q.start, q.end, q.speaker_start,
                     q.speaker_end, q.cue_start, q.cue_end, q.event_id, run_id, q.kind,
                     q.source_kind)
                )  # fmt: skip
        with self.transaction() as con:
            _bulk_insert(con, "documents", DOCUMENT_COLUMNS, documents)
            _bulk_insert(con, "articles", ARTICLE_COLUMNS, articles)
            _bulk_insert(con, "events", EVENT_COLUMNS, events)
            _bulk_insert(con, "event_mentions", MENTION_COLUMNS, mentions)
            _bulk_insert(con, "quotes", QUOTE_COLUMNS, quotes)

    def write_stories(self, stories: Sequence[Story], assignments: dict[str, str]) -> None:
        """Upsert stories and set ``story_id`` on their articles and events."""
        story_rows = [
            (s.story_id, s.first_seen, s.last_seen, s.n_articles, s.n_outlets, s.title)
            for s in stories
        ]
        story_cols = ("story_id", "first_seen", "last_seen", "n_articles", "n_outlets", "title")
        pairs = [(art, story) for art, story in assignments.items()]
        with self.transaction() as con:
            _bulk_insert(con, "stories", story_cols, story_rows, verb="INSERT OR REPLACE")
            if pairs:
                with _rows_view(con, "assign", ("article_id", "story_id"), pairs) as view:
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
            with _rows_view(con, "links", MENTION_COLUMNS, links) as view:
                con.execute(
                    f"UPDATE events SET canonical_id = v.event_id FROM {view} v "
                    "WHERE events.event_id = v.mention_id"
                )
                con.execute(f"INSERT OR IGNORE INTO event_mentions SELECT * FROM {view}")
            cols = ("event_id", "n_articles", "n_outlets")
            with _rows_view(con, "counts", cols, counts) as view:
                con.execute(
                    f"UPDATE events SET n_articles = v.n_articles, n_outlets = v.n_outlets "
                    f"FROM {view} v WHERE events.event_id = v.event_id"
                )

    def upsert_actors(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert or refresh ``actors`` rows (``ACTOR_COLUMNS`` order)."""
        with self.transaction() as con:
            _bulk_insert(con, "actors", ACTOR_COLUMNS, rows, verb="INSERT OR REPLACE")

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
            _bulk_insert(
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
