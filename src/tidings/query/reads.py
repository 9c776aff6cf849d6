"""The read queries: events, one event with its evidence, articles, stories, quotes, actors, stats.

Every function takes a ``Store`` (or a DuckDB connection) and returns rows as pandas by default
(``as_="polars" | "arrow" | "records"`` on request) or, for one record, a JSON-ready dict.
All values reach DuckDB as parameters, never pasted into SQL text.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from tidings.errors import QueryError
from tidings.query._frames import (
    As,
    Source,
    arrow_table,
    convert,
    cursor,
    fetch,
    records,
    scalar,
)
from tidings.query.filters import MAX_PAGE, EventFilter, escape_like
from tidings.stories.compare import compare_outlets

EVENT_SELECT = (
    "SELECT e.*, a.outlet, a.title AS article_title, a.url, a.published_at "
    "FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
)
EVENT_ORDER = "ORDER BY e.event_date DESC NULLS LAST, e.event_id"
ARTICLE_JOIN = ("outlet", "article_title", "url", "published_at")
_ARTICLE_LOOKUP = (
    "SELECT a.article_id, a.outlet, a.title AS article_title, a.url, a.published_at "
    "FROM articles a WHERE a.article_id IN"
)
_LOOKUP_CHUNK = 50
_ROW_GROUP = 122_880  # DuckDB's default rows per row group
# Reading the page's row groups by row id scans each whole group; a primary-key lookup reads
# one row. bench/query.py measured one group's scan at about the cost of 80 lookups.
_GROUP_COST = 80

ARTICLE_COLUMNS = (
    "a.article_id, a.doc_id, a.story_id, a.outlet, a.url, a.title, a.author, a.published_at, "
    "a.dateline, a.wire, a.language, a.skipped_reason"
)


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit: must be between 1 and {MAX_PAGE} (got {limit})")
    if offset < 0:
        raise QueryError(f"offset: must be 0 or more (got {offset})")
    return limit, offset


# -- events -------------------------------------------------------------------------------
def events(src: Source, filt: EventFilter | None = None, as_: As = "pandas") -> Any:
    """Events matching ``filt``, newest first, one page of ``filt.limit`` rows."""
    page, _ = events_page(src, filt, as_=as_)
    return page


def events_page(
    src: Source, filt: EventFilter | None = None, count_cap: int | None = None, as_: As = "pandas"
) -> tuple[Any, int | None]:
    """One page of events and, with ``count_cap``, how many match up to ``count_cap``.

    Three cheap steps keep a page fast on millions of rows: the filtered top-N reads only the
    filter and sort columns (when the page lies within ``count_cap`` matches, the same scan
    also counts them); then the page's wide rows are fetched; then the page's articles by
    their primary key. One read transaction keeps the steps on one snapshot. Without
    ``count_cap`` the count is None.
    """
    filt = filt or EventFilter()
    where, params = filt.where()
    end = filt.offset + filt.limit
    counting = count_cap is not None and end <= count_cap
    head = f"SELECT e.rowid, e.event_id FROM events e WHERE {where} {EVENT_ORDER}"
    with cursor(src) as cur:
        cur.execute("BEGIN TRANSACTION")
        try:
            total: int | None = None
            if counting:
                hits = cur.execute(f"{head} LIMIT ?", [*params, count_cap]).fetchall()
                total = len(hits)
                hits = hits[filt.offset : end]
            else:
                res = cur.execute(f"{head} LIMIT ? OFFSET ?", [*params, filt.limit, filt.offset])
                hits = res.fetchall()
                if count_cap is not None:
                    total = _count(cur, where, params, count_cap)
            page = _with_articles(cur, _wide_rows(cur, hits))
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        cur.execute("COMMIT")
    return convert(page, as_), total


def _wide_rows(cur: duckdb.DuckDBPyConnection, hits: list[tuple[int, str]]) -> pa.Table:
    """Every column of the events ``hits`` (row id, event id), in the order given.

    Rows gathered in few row groups (recent events of a store filled in date order) are
    cheapest to read by row id: DuckDB scans only those groups. A few rows scattered over
    the table would make that a scan of every group, so they are looked up by primary key.
    """
    if not hits:
        return arrow_table(cur.execute("SELECT e.* FROM events e LIMIT 0"))
    rowids = [h[0] for h in hits]
    if len({r // _ROW_GROUP for r in rowids}) * _GROUP_COST <= len(rowids):
        sql = "SELECT e.* FROM events e WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))"
        table = arrow_table(cur.execute(sql, [rowids]))
    else:
        table = _lookup(cur, "SELECT e.* FROM events e WHERE e.event_id IN", [h[1] for h in hits])
    position = {e: i for i, e in enumerate(table.column("event_id").to_pylist())}
    return table.take(pa.array([position[h[1]] for h in hits], pa.int64()))


def _lookup(cur: duckdb.DuckDBPyConnection, sql: str, keys: list[str]) -> pa.Table:
    """``sql`` (ending in ``key IN``) for ``keys``, a primary-key lookup per chunk of keys."""
    # IN lists of up to 50 constants (DuckDB's dynamic_or_filter_threshold) are pushed into
    # the scan and become index lookups; a longer list becomes a hash join that scans the
    # whole table, so keys go 50 at a time.
    parts = []
    for i in range(0, len(keys), _LOOKUP_CHUNK):
        chunk = keys[i : i + _LOOKUP_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        parts.append(arrow_table(cur.execute(f"{sql} ({marks})", chunk)))
    if not parts:
        parts.append(arrow_table(cur.execute(f"{sql} (NULL)")))
    return pa.concat_tables(parts)


def _with_articles(cur: duckdb.DuckDBPyConnection, page: pa.Table) -> pa.Table:
    """Append each event's article columns (``ARTICLE_JOIN``), keeping the page's order."""
    article_ids = page.column("article_id").to_pylist()
    arts = _lookup(cur, _ARTICLE_LOOKUP, sorted({a for a in article_ids if a is not None}))
    index = {a: i for i, a in enumerate(arts.column("article_id").to_pylist())}
    take = pa.array([index.get(a) for a in article_ids], pa.int64())
    for name in ARTICLE_JOIN:
        page = page.append_column(name, arts.column(name).take(take))
    return page


def count_events(src: Source, filt: EventFilter | None = None, cap: int | None = None) -> int:
    """How many events match ``filt`` (all pages); with ``cap``, stop counting at ``cap``."""
    filt = filt or EventFilter()
    where, params = filt.where()
    with cursor(src) as cur:
        return _count(cur, where, params, cap)


def _count(cur: duckdb.DuckDBPyConnection, where: str, params: list[Any], cap: int | None) -> int:
    if cap is None:
        row = cur.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    else:
        # A LIMIT lets DuckDB stop scanning once ``cap`` matches are found.
        sql = f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT ?)"
        row = cur.execute(sql, [*params, cap]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def event(src: Source, event_id: str) -> dict[str, Any] | None:
    """One event with every reporting article (``mentions``), their evidence and its quotes."""
    rows = records(src, f"{EVENT_SELECT} WHERE e.event_id = ?", [event_id])
    if not rows:
        return None
    row = rows[0]
    canonical = row.get("canonical_id") or event_id
    mentions = records(
        src,
        "SELECT m.mention_id AS event_id, m.article_id, coalesce(m.outlet, a.outlet) AS outlet, "
        "a.title, a.url, a.published_at, e.evidence_text, e.evidence_start, e.evidence_end, "
        "e.trigger_start, e.trigger_end, e.source_start, e.source_end, e.target_start, "
        "e.target_end, e.modality, e.negated, e.confidence "
        "FROM event_mentions m LEFT JOIN articles a ON a.article_id = m.article_id "
        "LEFT JOIN events e ON e.event_id = m.mention_id "
        "WHERE m.event_id = ? ORDER BY a.published_at NULLS LAST, m.mention_id",
        [canonical],
    )
    quotes_ = records(
        src,
        "SELECT q.* FROM quotes q WHERE q.event_id IN "
        "(SELECT mention_id FROM event_mentions WHERE event_id = ?) OR q.event_id = ? "
        "ORDER BY q.article_id, q.start",
        [canonical, event_id],
    )
    return {"event": row, "mentions": mentions, "quotes": quotes_}


def timeline(src: Source, filt: EventFilter | None = None, bucket: str = "day") -> Any:
    """Event counts by date bucket (day, week, month, year) and PLOVER type, over all pages."""
    if bucket not in ("day", "week", "month", "year"):
        raise QueryError(f"bucket: must be day, week, month or year (got {bucket!r})")
    filt = filt or EventFilter()
    where, params = filt.where()
    sql = (
        "SELECT CAST(date_trunc(?, e.event_date) AS DATE) AS bucket, e.plover_type, "
        f"count(*) AS n FROM events e WHERE {where} AND e.event_date IS NOT NULL "
        "GROUP BY ALL ORDER BY bucket, e.plover_type"
    )
    return records(src, sql, [bucket, *params])


# -- articles -----------------------------------------------------------------------------
def articles(
    src: Source,
    *,
    outlet: str | None = None,
    story_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
    as_: As = "pandas",
) -> Any:
    """Articles (without their text), newest first."""
    limit, offset = _page(limit, offset)
    clauses, params = ["TRUE"], []
    if outlet:
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if story_id:
        clauses.append("a.story_id = ?")
        params.append(story_id)
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, (SELECT count(*) FROM events e WHERE e.article_id = "
        f"a.article_id) AS n_events FROM articles a WHERE {' AND '.join(clauses)} "
        "ORDER BY a.published_at DESC NULLS LAST, a.article_id LIMIT ? OFFSET ?"
    )
    return fetch(src, sql, [*params, limit, offset], as_)


def article(src: Source, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its event mentions and its quotes."""
    rows = records(
        src,
        f"SELECT {ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.article_id = ?",
        [article_id],
    )
    if not rows:
        return None
    evs = records(
        src,
        "SELECT e.event_id, e.canonical_id, e.plover_type, e.source_name, e.source_text, "
        "e.target_name, e.target_text, e.event_date, e.evidence_start, e.evidence_end, "
        "e.trigger_start, e.trigger_end, e.trigger_text FROM events e WHERE e.article_id = ? "
        "ORDER BY e.evidence_start, e.event_id",
        [article_id],
    )
    qs = records(src, "SELECT * FROM quotes WHERE article_id = ? ORDER BY start", [article_id])
    return {"article": rows[0], "events": evs, "quotes": qs}


# -- stories ------------------------------------------------------------------------------
def stories(src: Source, *, limit: int = 100, offset: int = 0, as_: As = "pandas") -> Any:
    """Stories, most recently seen first."""
    limit, offset = _page(limit, offset)
    sql = (
        "SELECT s.*, (SELECT count(*) FROM events e WHERE e.story_id = s.story_id "
        "AND e.event_id = e.canonical_id) AS n_events FROM stories s "
        "ORDER BY s.last_seen DESC NULLS LAST, s.story_id LIMIT ? OFFSET ?"
    )
    return fetch(src, sql, [limit, offset], as_)


def story(src: Source, story_id: str) -> dict[str, Any] | None:
    """One story: its articles, and per outlet what each reported (event types, counts)."""
    rows = records(src, "SELECT * FROM stories WHERE story_id = ?", [story_id])
    if not rows:
        return None
    arts = records(
        src,
        f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.story_id = ? "
        "ORDER BY a.published_at NULLS LAST, a.article_id",
        [story_id],
    )
    outlets = records(
        src,
        "SELECT coalesce(a.outlet, '(unknown)') AS outlet, count(DISTINCT a.article_id) AS "
        "n_articles, count(e.event_id) AS n_events, min(a.published_at) AS first_published, "
        "string_agg(DISTINCT e.plover_type, ',' ORDER BY e.plover_type) AS types "
        "FROM articles a LEFT JOIN events e ON e.article_id = a.article_id "
        "WHERE a.story_id = ? GROUP BY 1 ORDER BY first_published NULLS LAST, outlet",
        [story_id],
    )
    evs = records(
        src,
        f"{EVENT_SELECT} WHERE e.story_id = ? AND e.event_id = e.canonical_id {EVENT_ORDER}",
        [story_id],
    )
    mentions = records(
        src,
        "SELECT e.event_id, e.canonical_id, e.article_id, a.outlet, e.plover_type, "
        "e.source_name, e.source_entity, e.source_text, e.source_code, e.target_name, "
        "e.target_entity, e.target_text, e.target_code, e.claimed_by, e.evidence_text "
        "FROM events e JOIN articles a USING (article_id) WHERE e.story_id = ?",
        [story_id],
    )
    said = records(
        src,
        "SELECT q.article_id, a.outlet, q.speaker_entity, q.speaker_text, q.content "
        "FROM quotes q JOIN articles a USING (article_id) WHERE a.story_id = ?",
        [story_id],
    )
    comparison = compare_outlets(story_id, arts, mentions, said).as_dict()
    return {
        "story": rows[0],
        "articles": arts,
        "outlets": outlets,
        "events": evs,
        "comparison": comparison,
    }


# -- quotes -------------------------------------------------------------------------------
def quotes(
    src: Source,
    *,
    speaker: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    event_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
    as_: As = "pandas",
) -> Any:
    """Quotes with their article's outlet and date; ``speaker``/``q`` match case-insensitively."""
    limit, offset = _page(limit, offset)
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append(
            "(qt.speaker_text ILIKE ? ESCAPE '\\' OR qt.speaker_entity ILIKE ? ESCAPE '\\')"
        )
        params += [f"%{escape_like(speaker)}%"] * 2
    if q:
        clauses.append("qt.content ILIKE ? ESCAPE '\\'")
        params.append(f"%{escape_like(q)}%")
    if article_id:
        clauses.append("qt.article_id = ?")
        params.append(article_id)
    if event_id:
        clauses.append("qt.event_id = ?")
        params.append(event_id)
    sql = (
        "SELECT qt.*, a.outlet, a.title AS article_title, a.published_at FROM quotes qt "
        f"LEFT JOIN articles a ON a.article_id = qt.article_id WHERE {' AND '.join(clauses)} "
        "ORDER BY a.published_at DESC NULLS LAST, qt.quote_id LIMIT ? OFFSET ?"
    )
    return fetch(src, sql, [*params, limit, offset], as_)


# -- actors -------------------------------------------------------------------------------
_SIDES = (
    "SELECT source_code AS code, source_name AS name, source_text AS text, "
    "source_country AS country_iso3, source_sector AS sector, 'source' AS side "
    "FROM events WHERE event_id = canonical_id AND source_code IS NOT NULL "
    "UNION ALL SELECT target_code, target_name, target_text, target_country, target_sector, "
    "'target' FROM events WHERE event_id = canonical_id AND target_code IS NOT NULL"
)


def actors(
    src: Source, *, q: str | None = None, limit: int = 100, offset: int = 0, as_: As = "pandas"
) -> Any:
    """Actor codes seen in events, with their most common name and event counts per side."""
    limit, offset = _page(limit, offset)
    having, params = "", []
    if q:
        having = (
            "HAVING code ILIKE ? ESCAPE '\\' OR bool_or(coalesce(name, text) ILIKE ? ESCAPE '\\')"
        )
        params = [f"{escape_like(q)}%", f"%{escape_like(q)}%"]
    sql = (
        "SELECT code, mode(coalesce(name, text)) AS name, mode(country_iso3) AS country_iso3, "
        "mode(sector) AS sector, count(*) FILTER (WHERE side = 'source') AS n_as_source, "
        "count(*) FILTER (WHERE side = 'target') AS n_as_target, count(*) AS n_events "
        f"FROM ({_SIDES}) GROUP BY code {having} ORDER BY n_events DESC, code LIMIT ? OFFSET ?"
    )
    return fetch(src, sql, [*params, limit, offset], as_)


def actor(src: Source, code: str) -> dict[str, Any] | None:
    """One actor code: its names and its dyads (who it acted on, who acted on it, how)."""
    code = code.strip().upper()
    rows = records(
        src,
        "SELECT code, mode(coalesce(name, text)) AS name, mode(country_iso3) AS country_iso3, "
        "mode(sector) AS sector, count(*) AS n_events, "
        "list(DISTINCT coalesce(name, text)) AS names "
        f"FROM ({_SIDES}) WHERE code = ? GROUP BY code",
        [code],
    )
    if not rows:
        return None
    dyads = records(
        src,
        "SELECT source_code, target_code, plover_type, count(*) AS n, "
        "min(event_date) AS first_date, max(event_date) AS last_date FROM events "
        "WHERE event_id = canonical_id AND (source_code = ? OR target_code = ?) "
        "GROUP BY ALL ORDER BY n DESC, source_code, target_code, plover_type",
        [code, code],
    )
    return {"actor": rows[0], "dyads": dyads}


# -- stats --------------------------------------------------------------------------------
def stats(src: Source) -> dict[str, Any]:
    """Table counts, date range, and counts by PLOVER type, QuadClass and outlet."""
    counts: dict[str, int] = {}
    for table in (
        "documents",
        "articles",
        "events",
        "event_mentions",
        "quotes",
        "stories",
        "errors",
        "runs",
    ):
        counts[table] = int(scalar(src, f"SELECT count(*) FROM {table}", []) or 0)
    canon = "FROM events WHERE event_id = canonical_id"
    counts["canonical_events"] = int(scalar(src, f"SELECT count(*) {canon}", []) or 0)
    span = records(src, f"SELECT min(event_date) AS first, max(event_date) AS last {canon}", [])
    return {
        "counts": counts,
        "event_dates": span[0],
        "by_type": records(
            src, f"SELECT plover_type, count(*) AS n {canon} GROUP BY 1 ORDER BY n DESC, 1", []
        ),
        "by_quad_class": records(
            src, f"SELECT quad_class, count(*) AS n {canon} GROUP BY 1 ORDER BY 1", []
        ),
        "by_outlet": records(
            src,
            "SELECT outlet, count(*) AS n FROM event_mentions GROUP BY 1 "
            "ORDER BY n DESC, 1 LIMIT 20",
            [],
        ),
    }
