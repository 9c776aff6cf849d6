"""Own the DuckDB store: schema, migrations and every write, inside transactions.

``Store`` is the one entry point; the row building and bulk inserts of the document writes
live in ``store/writes.py``, the stories persistence in ``store/stories.py`` (a base class of
``Store``), the schema upgrades in ``store/migrations.py``.

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
from tidings.model import Article, Event, Quote, RawDoc, SourceError
from tidings.store import migrations
from tidings.store._lock import StoreLockedError, connect
from tidings.store.stories import StoryRecords
from tidings.store.writes import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    DocumentRecords,
    bulk_insert,
    document_rows,
    event_row,
    insert_document_rows,
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


class Store(StoryRecords):
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
