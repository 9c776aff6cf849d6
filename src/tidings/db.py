"""The central object: one Tidings database, passed to the CLI, the REST app and notebooks.

    >>> import tidings
    >>> db = tidings.open("tidings.duckdb")
    >>> db.run(["feeds/", "crawl.warc.gz"])          # doctest: +SKIP
    >>> df = db.events(actor="IRQ", type="CONSULT", since="2024-12-01")

Reads go through ``tidings.query`` (the one read layer); writes through ``tidings.store``.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidings import query
from tidings.config import Config, load_config
from tidings.errors import QueryError, StoreError
from tidings.query._frames import As, convert
from tidings.query.filters import EventFilter
from tidings.store import Store

if TYPE_CHECKING:  # the pipeline pulls in every stage; only ``run`` needs it
    from tidings.pipeline import RunReport

__all__ = ["Tidings", "open"]


def _filter(filters: dict[str, Any], filt: EventFilter | None) -> EventFilter:
    if filt is not None:
        if filters:
            raise QueryError("give either filter= or keyword filters, not both")
        return filt
    clean: dict[str, Any] = {}
    for key, value in filters.items():
        if isinstance(value, list | tuple | set):  # type=["CONSULT", "REQUEST"]
            value = ",".join(str(v) for v in value)
        elif key == "cameo_root" and isinstance(value, int):
            value = str(value)
        clean[key] = value
    return EventFilter.make(**clean)


class Tidings:
    """A Tidings database: run the pipeline into it and query it.

    ``path`` is a DuckDB file (created if missing unless ``read_only``) or ``":memory:"``.
    ``config`` is a config dict or the path of a TOML file overlaying the defaults.
    """

    def __init__(
        self,
        path: str | Path = "tidings.duckdb",
        config: Config | str | Path | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        if config is None or isinstance(config, dict):
            self._config: Config | None = config
        else:
            self._config = load_config(config)
        self.store = Store(self.path, read_only=read_only)

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Tidings {self.path} ({mode})>"

    def __enter__(self) -> Tidings:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.store.close()

    @property
    def config(self) -> Config:
        """The effective configuration (packaged defaults unless one was given)."""
        if self._config is None:
            self._config = load_config()
        return self._config

    # -- writing ----------------------------------------------------------------------
    def run(
        self,
        sources: Sequence[str | Path],
        progress: Callable[[int], None] | None = None,
        names: Mapping[str, str] | None = None,
    ) -> RunReport:
        """Ingest ``sources`` (files, folders, globs, WARC, feeds) and store what they give.

        ``progress`` is called with 1 per document read; ``names`` renames source paths in
        what is stored (see ``Pipeline.run``). Returns the run's ``RunReport``.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot run the pipeline")
        from tidings.pipeline import Pipeline

        return Pipeline(self.store, self.config).run(
            [str(s) for s in sources], progress, names=names
        )

    # -- events -----------------------------------------------------------------------
    def events(
        self, *, filter: EventFilter | None = None, as_: As = "pandas", **filters: Any
    ) -> Any:
        """Events matching the keyword filters, newest first (see ``EventFilter``).

        Filters: ``actor side type cameo_root quad_class country lat lon km since until outlet
        modality negated min_confidence q story_id mentions limit offset``. ``limit=None``
        returns every matching row (the 1000-row page cap applies to the CLI and REST pages).
        Returns a pandas DataFrame (``as_="polars"``, ``"arrow"`` or ``"records"`` on request).
        Invalid values raise ``QueryError``.
        """
        if "limit" in filters and filters["limit"] is None:
            filters.pop("limit")
            filt = _filter(filters, filter)
            return convert(query.events_table(self.store, filt), as_)
        return query.events(self.store, _filter(filters, filter), as_)

    def count_events(self, *, filter: EventFilter | None = None, **filters: Any) -> int:
        """How many events match (over all pages)."""
        return query.count_events(self.store, _filter(filters, filter))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event: ``{"event": row, "mentions": [...], "quotes": [...]}``, or None.

        ``mentions`` lists every article reporting the event (outlet, title, url, evidence and
        spans of that article's mention); ``quotes`` the quotes linked to any mention.
        """
        return query.event(self.store, event_id)

    def timeline(
        self, bucket: str = "day", *, filter: EventFilter | None = None, **filters: Any
    ) -> builtins.list[dict[str, Any]]:
        """Event counts by date bucket and PLOVER type, for matching events."""
        result: builtins.list[dict[str, Any]] = query.timeline(
            self.store, _filter(filters, filter), bucket
        )
        return result

    # -- other tables -----------------------------------------------------------------
    def stories(self, *, limit: int = 100, offset: int = 0, as_: As = "pandas") -> Any:
        """Stories (clusters of articles about one happening), most recent first."""
        return query.stories(self.store, limit=limit, offset=offset, as_=as_)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles, events, and what each outlet reported; or None."""
        return query.story(self.store, story_id)

    def quotes(self, *, as_: As = "pandas", **filters: Any) -> Any:
        """Quotes; filters ``speaker q article_id event_id limit offset``."""
        return query.quotes(self.store, as_=as_, **filters)

    def articles(self, *, as_: As = "pandas", **filters: Any) -> Any:
        """Articles without text; filters ``outlet story_id limit offset``."""
        return query.articles(self.store, as_=as_, **filters)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, events and quotes; or None."""
        return query.article(self.store, article_id)

    def actors(
        self, *, q: str | None = None, limit: int = 100, offset: int = 0, as_: As = "pandas"
    ) -> Any:
        """Actor codes seen in events with their usual name and counts per side."""
        return query.actors(self.store, q=q, limit=limit, offset=offset, as_=as_)

    def actor(self, code: str) -> dict[str, Any] | None:
        """One actor code with its names and dyads; or None."""
        return query.actor(self.store, code)

    def stats(self) -> dict[str, Any]:
        """Table counts, event date range, counts by type, QuadClass and outlet."""
        return query.stats(self.store)

    # -- exports ----------------------------------------------------------------------
    def export_gdelt(
        self, out: str | Path | IO[str], *, header: bool = False, raw: bool = False, **filters: Any
    ) -> int:
        """Write matching events as GDELT 2.0 event-table TSV; returns the row count.

        Text cells starting with = + - @ get a leading ' unless ``raw``."""
        filters.setdefault("limit", 1)  # exports stream every row; the page is ignored
        filt = _filter(filters, None)
        if isinstance(out, str | Path):
            with builtins.open(out, "w", encoding="utf-8", newline="") as fh:
                return query.export_gdelt(self.store, fh, filt, header, raw)
        return query.export_gdelt(self.store, out, filt, header, raw)

    def export_parquet(self, directory: str | Path, **filters: Any) -> int:
        """Write matching events as a Parquet dataset partitioned by event month."""
        filters.setdefault("limit", 1)
        return query.export_parquet_dataset(self.store, directory, _filter(filters, None))


def open(  # noqa: A001 - mirrors the builtin on purpose: ``tidings.open(path)``
    path: str | Path = "tidings.duckdb",
    config: Config | str | Path | None = None,
    read_only: bool = False,
) -> Tidings:
    """Open (or create) a Tidings database."""
    return Tidings(path, config=config, read_only=read_only)
