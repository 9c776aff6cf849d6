"""The one read layer: filters in, pandas/polars/Arrow frames or JSON-ready records out.

No other package reads the store with SQL: the Python API (``tidings.db``), the CLI and the
REST API all call these functions with the same :class:`EventFilter`.
"""

from __future__ import annotations

from tidings.errors import QueryError, QueryTimeoutError
from tidings.query._budget import Budget, time_budget
from tidings.query.export import (
    GDELT_COLUMNS,
    events_table,
    export_gdelt,
    export_parquet_dataset,
    write_parquet,
)
from tidings.query.filters import DEFAULT_PAGE, MAX_PAGE, EventFilter
from tidings.query.reads import (
    actor,
    actors,
    article,
    articles,
    count_events,
    event,
    events,
    events_page,
    quotes,
    stats,
    stories,
    story,
    timeline,
)
from tidings.query.runs import runs

__all__ = [
    "Budget",
    "DEFAULT_PAGE",
    "GDELT_COLUMNS",
    "MAX_PAGE",
    "EventFilter",
    "QueryError",
    "QueryTimeoutError",
    "actor",
    "actors",
    "article",
    "articles",
    "count_events",
    "event",
    "events",
    "events_page",
    "events_table",
    "export_gdelt",
    "export_parquet_dataset",
    "quotes",
    "runs",
    "stats",
    "stories",
    "story",
    "time_budget",
    "timeline",
    "write_parquet",
]
