"""The document writes of the store: rows from model objects, and set-based bulk inserts.

``Store.write_documents`` builds a batch's rows here and inserts them in one transaction;
``Store``'s other writes (stories, merges, actors) use ``bulk_insert`` and ``rows_view``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from tidings.model import Article, Event, Quote, RawDoc

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


# ``Event.extra`` keys the events table stores, each in the column of the same name (lists
# ';'-joined); tests/store/test_event_extra.py checks no declared key with a column is left out.
STORED_EXTRA = ("date_flags", "date_link")


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
def rows_view(
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


def bulk_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    verb: str = "INSERT OR IGNORE",
) -> None:
    """Insert many rows at once (columns matched by name)."""
    if not rows:
        return
    with rows_view(con, table, columns, rows) as view:
        names = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM {view}")


@dataclass
class DocumentRows:
    """The rows of a batch of documents, table by table, ready for one transaction."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    articles: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)


def document_rows(batch: Sequence[DocumentRecords], run_id: str, now: datetime) -> DocumentRows:
    """Flatten documents and everything derived from them into table rows."""
    out = DocumentRows()
    for item in batch:
        d = item.doc
        out.documents.append(
            (d.doc_id, d.source_uri, d.content_type, d.sha256, d.fetched_at, now, run_id)
        )
        outlets = {a.article_id: a.outlet for a in item.articles}
        for a in item.articles:
            tz = a.published_at.tzname() if a.published_at and a.published_at.tzinfo else None
            out.articles.append(
                (a.article_id, a.doc_id, None, a.outlet, a.url, a.title, a.author,
                 a.published_at, tz, a.dateline, a.wire, a.language, a.text,
                 json.dumps([list(seg) for seg in a.raw_offsets]),
                 item.skipped.get(a.article_id), run_id)
            )  # fmt: skip
        for e in item.events:
            out.events.append(event_row(e, run_id))
            out.mentions.append((e.event_id, e.event_id, e.article_id, outlets.get(e.article_id)))
        for q in item.quotes:
            out.quotes.append(
                (q.quote_id, q.article_id, q.speaker_text, q.speaker_entity, q.speaker_code,
                 q.anonymous, q.cue, q.content, q.direct, q.start, q.end, q.speaker_start,
                 q.speaker_end, q.cue_start, q.cue_end, q.event_id, run_id, q.kind,
                 q.source_kind)
            )  # fmt: skip
    return out


def insert_document_rows(con: duckdb.DuckDBPyConnection, rows: DocumentRows) -> None:
    """Bulk-insert a batch's rows (the caller holds the transaction). Rows go in through
    Arrow tables: DuckDB's ``executemany`` costs milliseconds per row on wide tables, a bulk
    insert microseconds."""
    bulk_insert(con, "documents", DOCUMENT_COLUMNS, rows.documents)
    bulk_insert(con, "articles", ARTICLE_COLUMNS, rows.articles)
    bulk_insert(con, "events", EVENT_COLUMNS, rows.events)
    bulk_insert(con, "event_mentions", MENTION_COLUMNS, rows.mentions)
    bulk_insert(con, "quotes", QUOTE_COLUMNS, rows.quotes)
