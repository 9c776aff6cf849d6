"""The central object: one Tidings database, passed to the CLI, the REST app and notebooks.

    >>> import tidings
    >>> db = tidings.open("tidings.duckdb")
    >>> db.run(["feeds/", "crawl.warc.gz"])          # doctest: +SKIP
    >>> df = db.events(actor="IRQ", type="CONSULT", since="2024-12-01")

Reads go through ``tidings.query`` (the one read layer); writes through ``tidings.store``.

Locks: DuckDB lets one process write a file, or many read it, never both. So a handle holds
no connection between calls: each read opens a short-lived read-only connection, and ``run()``
takes the write lock only while it runs. ``own=True`` (the server process) holds one
read-write connection for its lifetime instead, and every read there uses a cursor of it.
A read meeting the write lock of a registered server (``serve --watch``, a polling ``watch``)
is answered by that server's REST API instead (``events``, ``count_events``, ``event``,
``stats``, ``export_parquet``), as the CLI's reads are.
"""

from __future__ import annotations

import builtins
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from tidings import query
from tidings.config import Config, load_config
from tidings.errors import QueryError, StoreError
from tidings.query._frames import As, convert
from tidings.query.export import write_month_dataset
from tidings.query.filters import EventFilter
from tidings.store import Store, StoreLockedError

if TYPE_CHECKING:  # the pipeline pulls in every stage; only ``run`` needs it
    from tidings.live.remote import RemoteReader
    from tidings.pipeline import RunReport

__all__ = ["Tidings", "open"]

T = TypeVar("T")


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
    ``own`` keeps the write lock for the handle's lifetime (the process that owns the store,
    e.g. ``tidings serve --watch``); otherwise reads take no lock between calls and ``run()``
    holds the write lock only while it runs, waiting up to ``wait`` seconds for it.
    ``linger`` keeps a read-only connection open that many seconds after its last reader (a
    server: opening one per request costs tens of milliseconds); 0 closes it at once.
    """

    def __init__(
        self,
        path: str | Path = "tidings.duckdb",
        config: Config | str | Path | None = None,
        read_only: bool = False,
        *,
        own: bool = False,
        wait: float = 0.0,
        linger: float = 0.0,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.wait = wait
        self.linger = linger
        self._shared: Store | None = None  # the lingering read-only connection
        self._users = 0
        self._released = 0.0
        self._pool = threading.Lock()
        # Signalled when readers leave and when ``writing()`` opens or closes its store.
        self._idle = threading.Condition(self._pool)
        self._writing = False  # a ``writing()`` block of this handle is open (or opening)
        if config is None or isinstance(config, dict):
            self._config: Config | None = config
        else:
            self._config = load_config(config)
        self._held: Store | None = None
        if self.path == ":memory:":  # nothing else can see it: one connection for good
            self._held = Store(self.path, read_only=False)
        elif own and not read_only:
            self._held = Store(self.path, wait=wait)
        elif read_only:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: database file not found")
        elif not Path(self.path).exists():
            Store(self.path, wait=wait).close()  # create it (schema), then let go of the lock

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Tidings {self.path} ({mode})>"

    @property
    def owns(self) -> bool:
        """Whether this handle holds the store open (the write lock, unless ``read_only``)."""
        return self._held is not None

    @property
    def store(self) -> Store:
        """The raw store, held open until ``close()``: read-only for a read-only handle, else
        read-write (the write lock, since its caller may write). Prefer the handle's methods,
        ``reading()`` and ``writing()``, which hold a lock only for one call."""
        if self._held is None:
            if self.read_only:
                self._held = self._open_reader()
            else:
                self._held = Store(self.path, wait=self.wait)
        return self._held

    def _open_reader(self) -> Store:
        from tidings.live.registry import lookup

        server = lookup(self.path)
        hint = None
        if server is not None:
            hint = f"read through its server at {server.url} or wait for it to finish"
        try:
            return Store(self.path, read_only=True, wait=self.wait)
        except StoreLockedError as exc:
            if hint is None:
                raise
            raise StoreLockedError(self.path, exc.pid, hint, read_only=True) from None

    def _through_server(self, exc: StoreLockedError, call: Callable[[RemoteReader], T]) -> T:
        """``call`` answered by the registered server that holds the write lock ``exc``
        reports; ``exc`` again when none is registered, it does not answer, or this handle
        owns the store."""
        from tidings.live.registry import lookup
        from tidings.live.remote import RemoteReader, ServerUnreachableError

        server = lookup(self.path) if self._held is None else None
        if server is None:
            raise exc
        try:
            return call(RemoteReader(server.url))
        except ServerUnreachableError:
            raise exc from None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A store to read from: the held one, else a short-lived read-only connection
        (shared by overlapping readers, closed ``linger`` seconds after the last one)."""
        if self._held is not None:
            yield self._held
            return
        with self._pool:
            # While this handle's ``writing()`` opens its store, this process cannot open the
            # file read-only; once open, readers share it (cursors, as in the owning server).
            while self._writing and self._shared is None:
                self._idle.wait()
            if self._shared is None:
                self._shared = self._open_reader()
            self._users += 1
            store = self._shared
        try:
            yield store
        finally:
            with self._pool:
                self._users -= 1
                self._released = time.monotonic()
                idle = self._users == 0
                if idle:
                    self._idle.notify_all()
            if idle and store.read_only:
                if self.linger <= 0:
                    self._close_idle(0.0)
                else:
                    timer = threading.Timer(self.linger, self._close_idle, (self.linger,))
                    timer.daemon = True
                    timer.start()

    def _close_idle(self, linger: float) -> None:
        """Close the shared read-only connection if no reader used it for ``linger`` s."""
        with self._pool:
            quiet = time.monotonic() - self._released >= linger * 0.99
            if self._shared is not None and self._users == 0 and quiet and not self._writing:
                self._shared.close()
                self._shared = None

    def __enter__(self) -> Tidings:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection, if one is held."""
        with self._pool:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
        if self._held is not None:
            self._held.close()
            self._held = None

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
        *,
        fetched_at: dict[str, str] | None = None,
    ) -> RunReport:
        """Ingest ``sources`` (files, folders, globs, WARC, feeds) and store what they give.

        ``progress`` is called with 1 per document read; ``names`` renames source paths in
        what is stored (see ``Pipeline.run``); ``fetched_at`` maps source files to their fetch
        time (ISO 8601), stored on their documents. Returns the ``RunReport``.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot run the pipeline")
        from tidings.pipeline import Pipeline

        with self.writing() as store:
            return Pipeline(store, self.config).run(
                [str(s) for s in sources], progress, names=names, fetched_at=fetched_at
            )

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The store to write to: the held read-write one, else the write lock just for the
        block (a read-only connection this handle kept is closed first)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot write")
        if self._held is not None and not self._held.read_only:
            yield self._held
            return
        with self._pool:
            # Readers of this handle in other threads (``tidings watch``'s read endpoint)
            # finish on the read-only connection, which must close before the write lock.
            while self._users or self._writing:
                self._idle.wait()
            self._writing = True
            if self._shared is not None:
                self._shared.close()
                self._shared = None
        store: Store | None = None
        try:
            store = Store(self.path, wait=self.wait)
            with self._pool:
                self._shared = store  # readers meanwhile read through the write connection
                self._idle.notify_all()
            yield store
        finally:
            with self._pool:
                while self._users:
                    self._idle.wait()
                self._shared = None
                self._writing = False
                if store is not None:
                    store.close()
                self._idle.notify_all()

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
            try:
                with self.reading() as store:
                    return convert(query.events_table(store, filt), as_)
            except StoreLockedError as exc:
                table = self._through_server(exc, lambda r: self._remote_events_table(r, filt))
                return convert(table, as_)
        filt = _filter(filters, filter)
        try:
            with self.reading() as store:
                return query.events(store, filt, as_)
        except StoreLockedError as exc:
            rows = self._through_server(exc, lambda r: r.events(filt))  # a page of JSON rows
            if as_ == "records":
                return rows
            return convert(pa.Table.from_pylist(rows), as_)

    @staticmethod
    def _remote_events_table(remote: RemoteReader, filt: EventFilter) -> pa.Table:
        """Every event matching ``filt``, from the server's ``GET /export?format=parquet``
        (typed columns, unlike the JSON pages)."""
        with tempfile.TemporaryFile() as buf:
            remote.export(filt, buf, "parquet")
            buf.seek(0)
            return pq.read_table(buf)

    def count_events(self, *, filter: EventFilter | None = None, **filters: Any) -> int:
        """How many events match (over all pages)."""
        filt = _filter(filters, filter)
        try:
            with self.reading() as store:
                return query.count_events(store, filt)
        except StoreLockedError as exc:
            return self._through_server(exc, lambda r: r.count_events(filt))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event: ``{"event": row, "mentions": [...], "quotes": [...]}``, or None.

        ``mentions`` lists every article reporting the event (outlet, title, url, evidence and
        spans of that article's mention); ``quotes`` the quotes linked to any mention.
        """
        try:
            with self.reading() as store:
                return query.event(store, event_id)
        except StoreLockedError as exc:
            return self._through_server(exc, lambda r: r.event(event_id))

    def timeline(
        self, bucket: str = "day", *, filter: EventFilter | None = None, **filters: Any
    ) -> builtins.list[dict[str, Any]]:
        """Event counts by date bucket and PLOVER type, for matching events."""
        with self.reading() as store:
            result: builtins.list[dict[str, Any]] = query.timeline(
                store, _filter(filters, filter), bucket
            )
        return result

    # -- other tables -----------------------------------------------------------------
    def stories(self, *, limit: int = 100, offset: int = 0, as_: As = "pandas") -> Any:
        """Stories (clusters of articles about one happening), most recent first."""
        with self.reading() as store:
            return query.stories(store, limit=limit, offset=offset, as_=as_)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its articles, events, and what each outlet reported; or None."""
        with self.reading() as store:
            return query.story(store, story_id)

    def quotes(self, *, as_: As = "pandas", **filters: Any) -> Any:
        """Quotes; filters ``speaker q article_id event_id limit offset``."""
        with self.reading() as store:
            return query.quotes(store, as_=as_, **filters)

    def articles(self, *, as_: As = "pandas", **filters: Any) -> Any:
        """Articles without text; filters ``outlet story_id limit offset``."""
        with self.reading() as store:
            return query.articles(store, as_=as_, **filters)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, events and quotes; or None."""
        with self.reading() as store:
            return query.article(store, article_id)

    def actors(
        self, *, q: str | None = None, limit: int = 100, offset: int = 0, as_: As = "pandas"
    ) -> Any:
        """Actor codes seen in events with their usual name and counts per side."""
        with self.reading() as store:
            return query.actors(store, q=q, limit=limit, offset=offset, as_=as_)

    def actor(self, code: str) -> dict[str, Any] | None:
        """One actor code with its names and dyads; or None."""
        with self.reading() as store:
            return query.actor(store, code)

    def stats(self) -> dict[str, Any]:
        """Table counts, event date range, counts by type, QuadClass and outlet."""
        try:
            with self.reading() as store:
                return query.stats(store)
        except StoreLockedError as exc:
            return self._through_server(exc, lambda r: r.stats())

    # -- exports ----------------------------------------------------------------------
    def export_gdelt(
        self, out: str | Path | IO[str], *, header: bool = False, raw: bool = False, **filters: Any
    ) -> int:
        """Write matching events as GDELT 2.0 event-table TSV; returns the row count.

        Text cells starting with = + - @ get a leading ' unless ``raw``."""
        filters.setdefault("limit", 1)  # exports stream every row; the page is ignored
        filt = _filter(filters, None)
        if isinstance(out, str | Path):
            with (
                builtins.open(out, "w", encoding="utf-8", newline="") as fh,
                self.reading() as store,
            ):
                return query.export_gdelt(store, fh, filt, header, raw)
        with self.reading() as store:
            return query.export_gdelt(store, out, filt, header, raw)

    def export_parquet(self, directory: str | Path, **filters: Any) -> int:
        """Write matching events as a Parquet dataset partitioned by event month."""
        filters.setdefault("limit", 1)
        filt = _filter(filters, None)
        try:
            with self.reading() as store:
                return query.export_parquet_dataset(store, directory, filt)
        except StoreLockedError as exc:
            table = self._through_server(exc, lambda r: self._remote_events_table(r, filt))
            return write_month_dataset(table, directory)


def open(  # noqa: A001 - mirrors the builtin on purpose: ``tidings.open(path)``
    path: str | Path = "tidings.duckdb",
    config: Config | str | Path | None = None,
    read_only: bool = False,
) -> Tidings:
    """Open (or create) a Tidings database; it holds no lock until a call needs one."""
    return Tidings(path, config=config, read_only=read_only)
