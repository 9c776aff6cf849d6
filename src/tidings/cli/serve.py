"""`tidings serve`: the REST API and web UI over one database, with uvicorn.

Plain ``serve`` reads through short-lived read-only connections, so a ``tidings run`` in
another process can take the write lock between requests. ``--watch`` (or ``--api-key``) makes
the server the store's owner and only writer: it holds the write lock, ingests in its watch
loop, and registers itself beside the file so other processes' readers go through it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tidings.cli._app import app
from tidings.cli._options import ReadDb, fail
from tidings.errors import TidingsError


@app.command()
def serve(
    db: ReadDb = Path("tidings.duckdb"),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    api_key: Annotated[
        str | None,
        typer.Option(
            help="Enables POST /ingest for clients sending it as X-API-Key "
            "(env TIDINGS_API_KEY); the server then owns the store (write lock).",
            envvar="TIDINGS_API_KEY",
        ),
    ] = None,
    watch: Annotated[
        list[str] | None,
        typer.Option(
            "--watch",
            help="Folder, glob, feed file or feed URL to poll and ingest (repeatable); the "
            "server then owns the store and POST /ingest queues into the same loop.",
        ),
    ] = None,
    every: Annotated[str, typer.Option(help="Poll interval of --watch: 30s, 15m, 1h.")] = "15m",
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Origin allowed to call the API from a browser (repeatable)."),
    ] = None,
    query_timeout: Annotated[
        float,
        typer.Option(help="Seconds a request's reads may take before a 503 (0: no limit)."),
    ] = 30.0,
    cache: Annotated[
        bool,
        typer.Option(help="Answer repeated GETs from memory until the store file changes."),
    ] = True,
) -> None:
    """Serve the REST API (/events, /runs, /docs ...) and the web UI (/) over a database."""
    import uvicorn

    from tidings.api import create_app
    from tidings.db import Tidings
    from tidings.live.registry import register, unregister
    from tidings.live.watch import Watcher, parse_every

    sources = list(watch or [])
    owner = bool(sources) or api_key is not None
    try:
        interval = parse_every(every)
        tdb = Tidings(db, read_only=not owner, own=owner, linger=1.0)
        # The pipeline runs in a niced child process, so ingest does not starve requests.
        watcher = Watcher(tdb, sources, interval, offload=True) if sources else None
        application = create_app(
            tdb,
            api_key=api_key,
            watcher=watcher,
            cors_origins=tuple(cors_origin or ()),
            query_timeout_s=query_timeout if query_timeout > 0 else None,
            cache=cache,
        )
    except TidingsError as exc:
        raise fail(str(exc)) from None
    if owner:
        register(db, f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}")
    if watcher is not None:
        watcher.start()
    try:
        # Reads are cancelled on disconnect and bounded by the budget; this bounds a
        # shutdown's wait for anything else still open (a long ingest, a stalled client).
        uvicorn.run(
            application, host=host, port=port, log_level="info", timeout_graceful_shutdown=5
        )
    finally:
        if watcher is not None:
            watcher.stop()  # a run in progress ends as 'interrupted'
        if owner:
            unregister(db)
        tdb.close()
