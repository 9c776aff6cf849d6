"""Query latency over 1,000,000 synthetic events: Python API vs REST, p50/p95 per query.

    .venv/bin/python bench/query.py [--events 1000000] [--repeat 30] [--unordered] [--db PATH]

Builds a temporary DuckDB store (schema from ``tidings.store``) filled with DuckDB SQL in one
statement per table (no per-row Python), then times five typical filtered queries through
``Tidings.events`` and through ``GET /events`` (FastAPI TestClient, which adds the total count
and JSON encoding). Goal: p95 < 100 ms for the API layer.

Each query is also timed through the reference plan (the previous one: a single top-N query
with DuckDB's late materialisation, articles looked up 10 ids at a time, and a separate count
for REST), alternating runs with the current plan so that machine load hits both alike; the
``x`` columns are reference p50 / current p50.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

import tidings.query
from tidings.api import create_app
from tidings.db import Tidings
from tidings.query import reads
from tidings.query._frames import As, Source, arrow_table, convert, cursor, late_materialization
from tidings.query.filters import EventFilter

TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
QUADS = [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]
CENTRES = {
    "IRQ": (33.3, 44.4),
    "SYR": (33.5, 36.3),
    "USA": (38.9, -77.0),
    "RUS": (55.8, 37.6),
    "UKR": (50.5, 30.5),
    "ISR": (31.8, 35.2),
    "PSE": (31.5, 34.5),
    "IRN": (35.7, 51.4),
    "TUR": (39.9, 32.9),
    "FRA": (48.9, 2.35),
    "GBR": (51.5, -0.1),
    "CHN": (39.9, 116.4),
    "KEN": (-1.3, 36.8),
    "NGA": (9.1, 7.5),
    "EGY": (30.0, 31.2),
    "LBN": (33.9, 35.5),
    "YEM": (15.4, 44.2),
    "AFG": (34.5, 69.2),
    "PAK": (33.7, 73.1),
    "IND": (28.6, 77.2),
}
WORDS = [
    "talks",
    "strikes",
    "aid",
    "sanctions",
    "ceasefire",
    "protest",
    "visit",
    "border",
    "election",
    "convoy",
]
N_OUTLETS = 50


def _sql_list(values: list[Any]) -> str:
    # Constant lists built here from literals above, never from input.
    return "[" + ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values) + "]"


def fill(db: Tidings, n_events: int, date_ordered: bool = True) -> float:
    """Insert synthetic articles, events and mentions with set-based SQL; returns seconds.

    ``date_ordered`` stores events sorted by date (DuckDB's zone maps then skip row groups
    outside a date range); otherwise in id order, dates scattered, as a pipeline that
    ingests in crawl order would leave them.
    """
    started = time.perf_counter()
    con = db.store.con
    n_articles = max(1, n_events // 5)
    countries = list(CENTRES)
    lats = [CENTRES[c][0] for c in countries]
    lons = [CENTRES[c][1] for c in countries]
    con.execute(f"""
        INSERT INTO articles BY NAME
        SELECT 'art_' || i AS article_id, 'doc_' || i AS doc_id, 'st_' || (i // 4) AS story_id,
               'Outlet ' || (i % {N_OUTLETS}) AS outlet, 'https://example.org/' || i AS url,
               'Title ' || i AS title,
               TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_hours(CAST(hash(i) % 43800 AS INTEGER))
                 AS published_at,
               'en' AS language
        FROM range({n_articles}) t(i)
    """)
    con.execute(f"""
        INSERT INTO events BY NAME
        WITH base AS (
          SELECT i, hash(i) AS h1, hash(i * 7 + 1) AS h2, hash(i * 13 + 5) AS h3
          FROM range({n_events}) t(i)
        ), picked AS (
          SELECT i, h1, h2, h3,
                 CAST(1 + h1 % 16 AS INTEGER) AS ti,
                 CAST(1 + h2 % {len(countries)} AS INTEGER) AS ci,
                 CAST(1 + h3 % {len(countries)} AS INTEGER) AS cj
          FROM base
        )
        SELECT 'ev_' || i AS event_id, 'ev_' || i AS canonical_id,
               'st_' || (i // 20) AS story_id, 'art_' || (i % {n_articles}) AS article_id,
               CAST(i % 7 AS INTEGER) AS sentence_idx,
               {_sql_list(TYPES)}[ti] AS plover_type,
               '0' || CAST(1 + h2 % 9 AS VARCHAR) AS cameo_root,
               '0' || CAST(1 + h2 % 9 AS VARCHAR) || '0' AS cameo_code,
               {_sql_list(QUADS)}[ti] AS quad_class, (h3 % 200) / 10.0 - 10 AS goldstein,
               {_sql_list(countries)}[ci] || 'GOV' AS source_code,
               {_sql_list(countries)}[ci] AS source_country, 'GOV' AS source_sector,
               'Leader of ' || {_sql_list(countries)}[ci] AS source_name,
               {_sql_list(countries)}[cj] || 'MIL' AS target_code,
               {_sql_list(countries)}[cj] AS target_country, 'MIL' AS target_sector,
               'Forces of ' || {_sql_list(countries)}[cj] AS target_name,
               DATE '2020-01-01' + CAST(h1 % 1826 AS INTEGER) AS event_date,
               'day' AS date_precision,
               'City ' || ci AS place_name, {_sql_list(countries)}[ci] AS country_iso3,
               {_sql_list(lats)}[ci] + (h3 % 1000) / 500.0 - 1 AS lat,
               {_sql_list(lons)}[ci] + (h2 % 1000) / 500.0 - 1 AS lon,
               false AS negated, 'asserted' AS modality, (h3 % 100) / 100.0 AS confidence,
               1 AS n_articles, 1 AS n_outlets,
               'Leader of ' || {_sql_list(countries)}[ci] || ' discussed '
                 || {_sql_list(WORDS)}[CAST(1 + h3 % {len(WORDS)} AS INTEGER)]
                 || ' with forces of ' || {_sql_list(countries)}[cj] || ' (' || i || ').'
                 AS evidence_text,
               0 AS evidence_start, 60 AS evidence_end, 'discussed' AS trigger_text,
               'bench' AS coder, '1' AS coder_version
        FROM picked
        ORDER BY {"event_date" if date_ordered else "i"}
    """)  # noqa: S608 - every interpolated value is a constant defined in this file
    con.execute(f"""
        INSERT INTO event_mentions
        SELECT 'ev_' || i, 'ev_' || i, 'art_' || (i % {n_articles}),
               'Outlet ' || ((i % {n_articles}) % {N_OUTLETS})
        FROM range({n_events}) t(i)
    """)
    con.execute("CHECKPOINT")
    return time.perf_counter() - started


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("actor+type+since", {"actor": "IRQ", "type": "CONSULT", "since": "2024-06-01"}),
    ("country+quad_class", {"country": "SYR", "quad_class": 4}),
    ("radius 100 km", {"lat": 33.3, "lon": 44.4, "km": 100}),
    ("text search", {"q": "ceasefire", "until": "2021-12-31"}),
    ("outlet+dates", {"outlet": "Outlet 7", "since": "2023-01-01", "until": "2023-03-31"}),
]


def _reference_events(src: Source, filt: EventFilter | None = None, as_: As = "pandas") -> Any:
    """The previous page plan: one top-N query with late materialisation of every column."""
    filt = filt or EventFilter()
    where, params = filt.where()
    with cursor(src) as cur:
        late_materialization(cur)
        sql = f"SELECT e.* FROM events e WHERE {where} {reads.EVENT_ORDER} LIMIT ? OFFSET ?"
        page = arrow_table(cur.execute(sql, [*params, filt.limit, filt.offset]))
        page = reads._with_articles(cur, page)
    return convert(page, as_)


def _reference_page(
    src: Source, filt: EventFilter | None = None, count_cap: int | None = None, as_: As = "pandas"
) -> tuple[Any, int | None]:
    return _reference_events(src, filt, as_), None  # None: REST counts in a second query


@contextmanager
def reference_plan() -> Iterator[None]:
    """Swap the previous plan into ``tidings.query`` (used by ``Tidings`` and the REST app)."""
    saved = tidings.query.events, tidings.query.events_page, reads._LOOKUP_CHUNK
    tidings.query.events = _reference_events
    tidings.query.events_page = _reference_page
    reads._LOOKUP_CHUNK = 10
    try:
        yield
    finally:
        tidings.query.events, tidings.query.events_page, reads._LOOKUP_CHUNK = saved


def _pct(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95


def timed(fn: Callable[[], Any], repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """p50/p95 in ms of ``fn`` under the current plan and under the reference plan, alternated."""
    fn()  # warm-up
    with reference_plan():
        fn()
    now, ref = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        now.append((time.perf_counter() - t0) * 1000)
        with reference_plan():
            t0 = time.perf_counter()
            fn()
            ref.append((time.perf_counter() - t0) * 1000)
    return _pct(now), _pct(ref)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", type=Path, help="Keep the store here (reused if filled).")
    parser.add_argument(
        "--unordered", action="store_true", help="Store events in id order, not by date."
    )
    args = parser.parse_args()
    out = sys.stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        with Tidings(path) as db:
            have = db.store.counts()["events"]
            if have:
                out.write(f"reusing {path} with {have:,} events\n")
            else:
                secs = fill(db, args.events, not args.unordered)
                size = path.stat().st_size / 1e6
                order = "id" if args.unordered else "date"
                out.write(
                    f"filled {args.events:,} events in {order} order in {secs:.1f} s "
                    f"({size:.0f} MB)\n"
                )
            load = os.getloadavg()[0]
            out.write(
                f"{os.cpu_count()} CPUs, load average {load:.1f} (timings inflate with load)\n"
            )
            client = TestClient(create_app(db))
            out.write(
                f"{'query':<20} {'rows':>5} {'total':>7}  {'python p50':>10} {'p95':>6} "
                f"{'x':>5}  {'REST p50':>8} {'p95':>6} {'x':>5}   "
                f"(ms, {args.repeat} runs; x = reference p50 / current p50)\n"
            )
            worst = worst_ref = 0.0
            for name, filters in QUERIES:
                page = db.events(**filters)
                rows = len(page)
                total = db.count_events(**filters)
                with reference_plan():  # both plans give the same page
                    assert page.equals(db.events(**filters)), name
                (py50, py95), (rpy50, _) = timed(lambda f=filters: db.events(**f), args.repeat)  # type: ignore[misc]
                params = {k: str(v) for k, v in filters.items()}
                resp = client.get("/events", params=params)
                assert resp.status_code == 200, resp.text
                with reference_plan():
                    assert client.get("/events", params=params).json() == resp.json(), name
                (r50, r95), (rr50, rr95) = timed(
                    lambda p=params: client.get("/events", params=p),  # type: ignore[misc]
                    args.repeat,
                )
                worst = max(worst, r95)
                worst_ref = max(worst_ref, rr95)
                out.write(
                    f"{name:<20} {rows:>5} {total:>7}  {py50:>10.1f} {py95:>6.1f} "
                    f"{rpy50 / py50:>5.2f}  {r50:>8.1f} {r95:>6.1f} {rr50 / r50:>5.2f}\n"
                )
            verdict = "meets" if worst < 100 else "MISSES"
            out.write(
                f"worst REST p95 {worst:.1f} ms (reference plan {worst_ref:.1f} ms): "
                f"{verdict} the 100 ms goal; load average now {os.getloadavg()[0]:.1f}\n"
            )


if __name__ == "__main__":
    main()
