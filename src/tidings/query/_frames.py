"""Run a read-only SQL statement on a store and return it as pandas, polars, Arrow or records."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from typing import Any, Literal, Protocol

import duckdb
import pyarrow as pa

from tidings.errors import QueryError
from tidings.query._budget import guarded

As = Literal["pandas", "polars", "arrow", "records"]
FORMATS: tuple[str, ...] = ("pandas", "polars", "arrow", "records")


class HasConnection(Protocol):
    """Anything holding a DuckDB connection as ``con`` (a ``tidings.store.Store``)."""

    con: duckdb.DuckDBPyConnection


Source = HasConnection | duckdb.DuckDBPyConnection


@contextmanager
def cursor(src: Source) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own, so that concurrent readers (REST threads) never share state.

    Its queries run under the current time budget, if any (``tidings.query.time_budget``).
    """
    con = src if isinstance(src, duckdb.DuckDBPyConnection) else src.con
    cur = con.cursor()
    try:
        with guarded(cur):
            yield cur
    finally:
        cur.close()


def jsonable(value: Any) -> Any:
    """A DuckDB value as a JSON-ready Python value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def fetch(src: Source, sql: str, params: list[Any], as_: As = "pandas") -> Any:
    """Execute ``sql`` with ``params`` and convert the result as asked."""
    if as_ not in FORMATS:
        raise QueryError(f"unknown result format {as_!r}; known: {', '.join(FORMATS)}")
    with cursor(src) as cur:
        res = cur.execute(sql, params)
        if as_ == "pandas":
            with warnings.catch_warnings():  # DuckDB's converter trips a pandas 3 deprecation
                warnings.simplefilter("ignore", DeprecationWarning)
                return res.df()
        if as_ == "arrow":
            return arrow_table(res)
        if as_ == "polars":
            return res.pl()
        names = [d[0] for d in res.description or []]
        return [{n: jsonable(v) for n, v in zip(names, row, strict=True)} for row in res.fetchall()]


def arrow_table(res: duckdb.DuckDBPyConnection) -> pa.Table:
    """The whole result as an Arrow table (``to_arrow_table`` on DuckDB >= 1.4)."""
    to_arrow = getattr(res, "to_arrow_table", None) or res.fetch_arrow_table
    table: pa.Table = to_arrow()
    return table


def late_materialization(cur: duckdb.DuckDBPyConnection) -> None:
    """Let DuckDB fetch wide rows only for a top-N page of up to MAX_PAGE rows (DuckDB >= 1.3)."""
    with suppress(duckdb.Error):  # older DuckDB has no such setting: only slower
        cur.execute("SET late_materialization_max_rows = 1000")


def convert(table: pa.Table, as_: As) -> Any:
    """An Arrow table as pandas (dates as datetime64), polars, Arrow or JSON-ready records."""
    if as_ not in FORMATS:
        raise QueryError(f"unknown result format {as_!r}; known: {', '.join(FORMATS)}")
    if as_ == "arrow":
        return table
    if as_ == "pandas":
        return table.to_pandas(date_as_object=False)
    if as_ == "polars":
        import polars as pl

        return pl.from_arrow(table)
    return [{k: jsonable(v) for k, v in row.items()} for row in table.to_pylist()]


def records(src: Source, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts."""
    out: list[dict[str, Any]] = fetch(src, sql, params, "records")
    return out


def scalar(src: Source, sql: str, params: list[Any]) -> Any:
    """The first column of the first row, or None."""
    with cursor(src) as cur:
        row = cur.execute(sql, params).fetchone()
    return None if row is None else row[0]
