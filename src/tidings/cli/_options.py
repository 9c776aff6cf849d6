"""Command-line options shared by the read commands: the database and the event filter.

Each option is one field of ``tidings.query.EventFilter``, so a filter means the same thing in
the CLI, in REST and in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from tidings.db import Tidings
from tidings.errors import TidingsError
from tidings.live.registry import lookup
from tidings.live.remote import RemoteReader
from tidings.query import event as query_event
from tidings.query import events as query_events
from tidings.query import stats as query_stats
from tidings.query.filters import EventFilter
from tidings.store import StoreLockedError

err_console = Console(stderr=True)

ReadDb = Annotated[
    Path,
    typer.Option("--db", help="DuckDB file to read (env TIDINGS_DB).", envvar="TIDINGS_DB"),
]

Actor = Annotated[str | None, typer.Option(help="Actor code prefix, ISO3 country or name part.")]
Side = Annotated[str, typer.Option(help="Which side --actor matches: either|source|target.")]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")]
CameoRoot = Annotated[str | None, typer.Option(help="CAMEO root(s) 01..20, comma-separated.")]
QuadClass = Annotated[int | None, typer.Option(help="QuadClass 1..4.")]
Country = Annotated[str | None, typer.Option(help="ISO3 of the event place or either actor.")]
Lat = Annotated[float | None, typer.Option(help="Latitude of the --km radius centre.")]
Lon = Annotated[float | None, typer.Option(help="Longitude of the --km radius centre.")]
Km = Annotated[float | None, typer.Option(help="Radius in km around --lat/--lon.")]
Since = Annotated[str | None, typer.Option(help="First event date YYYY-MM-DD (inclusive).")]
Until = Annotated[str | None, typer.Option(help="Last event date YYYY-MM-DD (inclusive).")]
Outlet = Annotated[str | None, typer.Option(help="An outlet that reported the event.")]
Modality = Annotated[
    str | None,
    typer.Option(
        help="asserted, requested, promised, threatened, intended, hypothetical or denied."
    ),
]
Negated = Annotated[
    bool | None,
    typer.Option(
        "--negated/--affirmed", help="Only negated or only affirmed events.", show_default=False
    ),
]
MinConfidence = Annotated[float | None, typer.Option(help="Minimum confidence 0..1.")]
Q = Annotated[str | None, typer.Option("--q", help="Text the evidence sentence contains.")]
StoryId = Annotated[str | None, typer.Option(help="Story id.")]
Mentions = Annotated[bool, typer.Option(help="Every mention, not only canonical events.")]
Limit = Annotated[int, typer.Option(help="Page size (max 1000).")]
Offset = Annotated[int, typer.Option(help="Rows to skip.")]


# The filter options every event command shares, by parameter name; `type_` is `type`.
FILTER_PARAMS = (
    "actor", "side", "type_", "cameo_root", "quad_class", "country", "lat", "lon", "km",
    "since", "until", "outlet", "modality", "negated", "min_confidence", "q", "story_id",
    "mentions", "limit", "offset",
)  # fmt: skip


def filter_from(params: dict[str, Any]) -> EventFilter:
    """The ``EventFilter`` of a command's parameters (pass ``locals()``): one place maps the
    shared options onto the filter, so every command filters alike. None means unset;
    invalid values raise ``QueryError``."""
    return EventFilter.make(
        **{name.rstrip("_"): params[name] for name in FILTER_PARAMS if name in params}
    )


def fail(message: str) -> typer.Exit:
    """Print a one-line error to stderr; the caller raises the returned exit (code 1)."""
    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


@contextmanager
def open_db(path: Path, read_only: bool = True) -> Iterator[Tidings]:
    """Open the database for a command; library errors become one-line CLI errors."""
    try:
        db = Tidings(path, read_only=read_only)
    except TidingsError as exc:
        raise fail(str(exc)) from None
    try:
        yield db
    except TidingsError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()


@contextmanager
def open_reader(path: Path) -> Iterator[Tidings | RemoteReader]:
    """The store to read for ``events``/``show``/``stats``: read-only, or, when another
    process holds the write lock and is a registered Tidings server, that server's REST API."""
    try:
        db = Tidings(path, read_only=True)
        db.store  # noqa: B018 - open now, so that a lock conflict shows here
    except StoreLockedError as exc:
        server = lookup(path)
        if server is None:
            raise fail(str(exc)) from None
        err_console.print(
            f"{path} is being written by PID {server.pid}; reading through {server.url}",
            style="dim",
            highlight=False,
            markup=False,
        )
        try:
            yield RemoteReader(server.url)
        except TidingsError as exc2:
            raise fail(str(exc2)) from None
        return
    except TidingsError as exc:
        raise fail(str(exc)) from None
    try:
        yield db
    except TidingsError as exc:
        raise fail(str(exc)) from None
    finally:
        db.close()


def read_events(src: Tidings | RemoteReader, filt: EventFilter) -> list[dict[str, Any]]:
    """One page of events as records, from the store or through its server."""
    if isinstance(src, RemoteReader):
        return src.events(filt)
    rows: list[dict[str, Any]] = query_events(src.store, filt, "records")
    return rows


def read_event(src: Tidings | RemoteReader, event_id: str) -> dict[str, Any] | None:
    if isinstance(src, RemoteReader):
        return src.event(event_id)
    found: dict[str, Any] | None = query_event(src.store, event_id)
    return found


def read_stats(src: Tidings | RemoteReader) -> dict[str, Any]:
    if isinstance(src, RemoteReader):
        return src.stats()
    found: dict[str, Any] = query_stats(src.store)
    return found
