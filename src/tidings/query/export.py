"""Exports of whole filtered result sets: GDELT 2.0 event table (TSV) and partitioned Parquet.

Exports ignore the filter's page (limit/offset): they stream every matching canonical event.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tidings.errors import QueryError
from tidings.query._frames import Source, arrow_table, cursor
from tidings.query.cells import safe_cell
from tidings.query.filters import EventFilter
from tidings.query.reads import EVENT_ORDER, EVENT_SELECT

# The 61 GDELT 2.0 event-table columns in file order; (name, SQL expression or None = blank).
_ACTOR_BLANKS = ("KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _clean(expr: str) -> str:
    # GDELT files are unquoted TSV: tabs and newlines inside a value would break a row.
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor(n: int, side: str) -> list[tuple[str, str | None]]:
    cols: list[tuple[str, str | None]] = [
        (f"Actor{n}Code", f"e.{side}_code"),
        (f"Actor{n}Name", _clean(f"upper(coalesce(e.{side}_name, e.{side}_text))")),
        (f"Actor{n}CountryCode", f"e.{side}_country"),
    ]
    cols += [(f"Actor{n}{b}", None) for b in _ACTOR_BLANKS]
    cols += [
        (f"Actor{n}Type1Code", f"e.{side}_sector"),
        (f"Actor{n}Type2Code", None),
        (f"Actor{n}Type3Code", None),
    ]
    return cols


GDELT_COLUMNS: list[tuple[str, str | None]] = [
    ("GLOBALEVENTID", "CAST(('0x' || substr(md5(e.event_id), 1, 15)) AS BIGINT)"),
    ("SQLDATE", "strftime(e.event_date, '%Y%m%d')"),
    ("MonthYear", "strftime(e.event_date, '%Y%m')"),
    ("Year", "strftime(e.event_date, '%Y')"),
    ("FractionDate", "round(year(e.event_date) + (dayofyear(e.event_date) - 1) / 365.0, 4)"),
    *_actor(1, "source"),
    *_actor(2, "target"),
    ("IsRootEvent", "CASE WHEN e.sentence_idx = 0 THEN 1 ELSE 0 END"),
    ("EventCode", "e.cameo_code"),
    ("EventBaseCode", "substr(e.cameo_code, 1, 3)"),
    ("EventRootCode", "e.cameo_root"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.event_id)"),
    ("NumSources", "e.n_outlets"),
    ("NumArticles", "e.n_articles"),
    ("AvgTone", None),
    *[(f"Actor1Geo_{g}", None) for g in _GEO],
    *[(f"Actor2Geo_{g}", None) for g in _GEO],
    (
        "ActionGeo_Type",
        "CASE WHEN e.lat IS NULL AND e.country_iso3 IS NULL THEN NULL "
        "WHEN e.geonameid IS NULL THEN 1 WHEN e.country_iso3 = 'USA' THEN 3 ELSE 4 END",
    ),
    ("ActionGeo_FullName", _clean("e.place_name")),
    ("ActionGeo_CountryCode", "e.country_iso3"),
    ("ActionGeo_ADM1Code", "e.admin1"),
    ("ActionGeo_ADM2Code", None),
    ("ActionGeo_Lat", "e.lat"),
    ("ActionGeo_Long", "e.lon"),
    ("ActionGeo_FeatureID", "e.geonameid"),
    ("DATEADDED", "strftime(d.ingested_at, '%Y%m%d%H%M%S')"),
    ("SOURCEURL", _clean("a.url")),
]


# Columns holding numbers (cast to text for the TSV); every other column is text.
_NUMERIC = frozenset(
    {
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent",
        "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "ActionGeo_Type", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED",
    }
)  # fmt: skip


def export_gdelt(
    src: Source,
    out: IO[str],
    filt: EventFilter | None = None,
    header: bool = False,
    raw: bool = False,
) -> int:
    """Write matching canonical events as GDELT 2.0 event rows (TSV); returns the row count.

    Text cells a spreadsheet would run as a formula get a leading ``'`` unless ``raw``
    (see ``tidings.query.cells``); numeric columns never do.
    """
    filt = filt or EventFilter()
    where, params = filt.where()
    select = ", ".join(
        f'CAST({expr} AS VARCHAR) AS "{name}"' if expr else f'NULL AS "{name}"'
        for name, expr in GDELT_COLUMNS
    )
    sql = (
        f"SELECT {select} FROM events e LEFT JOIN articles a ON a.article_id = e.article_id "
        f"LEFT JOIN documents d ON d.doc_id = a.doc_id WHERE {where} "
        "ORDER BY e.event_date NULLS LAST, e.event_id"
    )
    # Unquoted: a '"' in a name is an ordinary character of GDELT TSV (with the default
    # quotechar, csv refused such a row and the export stopped).
    writer = csv.writer(
        out,
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
        quotechar=None,
        escapechar=None,
        lineterminator="\n",
    )
    if header:
        writer.writerow([name for name, _ in GDELT_COLUMNS])
    text = [not raw and name not in _NUMERIC for name, _ in GDELT_COLUMNS]
    n = 0
    with cursor(src) as cur:
        res = cur.execute(sql, params)
        while batch := res.fetchmany(10_000):
            writer.writerows(
                [
                    "" if v is None else safe_cell(v) if t else v
                    for v, t in zip(row, text, strict=True)
                ]
                for row in batch
            )
            n += len(batch)
    return n


def events_table(src: Source, filt: EventFilter | None = None) -> pa.Table:
    """Every matching event (all pages) as one Arrow table."""
    filt = filt or EventFilter()
    where, params = filt.where()
    with cursor(src) as cur:
        res = cur.execute(f"{EVENT_SELECT} WHERE {where} {EVENT_ORDER}", params)
        return arrow_table(res)


def write_parquet(src: Source, path: str | Path, filt: EventFilter | None = None) -> int:
    """Every matching event to one Parquet file; returns the row count."""
    table = events_table(src, filt)
    pq.write_table(table, str(path))
    return int(table.num_rows)


def export_parquet_dataset(
    src: Source, directory: str | Path, filt: EventFilter | None = None
) -> int:
    """A Parquet dataset partitioned by event month (``event_month=2024-12/``, hive style).

    Events without a date go to ``event_month=undated``. A non-empty directory is refused
    rather than overwritten.
    """
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise QueryError(f"{directory}: directory exists and is not empty; choose a new one")
    return write_month_dataset(events_table(src, filt), directory)


def write_month_dataset(table: pa.Table, directory: str | Path) -> int:
    """``table`` (``events_table`` rows, e.g. read back from a server's Parquet export) as the
    month-partitioned dataset of ``export_parquet_dataset``; returns the row count."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise QueryError(f"{directory}: directory exists and is not empty; choose a new one")
    months: list[Any] = [
        d.strftime("%Y-%m") if d is not None else "undated"
        for d in table.column("event_date").to_pylist()
    ]
    table = table.append_column("event_month", pa.array(months, pa.string()))
    ds.write_dataset(
        table,
        str(directory),
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("event_month", pa.string())]), flavor="hive"),
        existing_data_behavior="overwrite_or_ignore",
    )
    return int(table.num_rows)
