"""`tidings serve`: the REST API and web UI over one database, with uvicorn."""

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
            "(env TIDINGS_API_KEY); opens the database read-write.",
            envvar="TIDINGS_API_KEY",
        ),
    ] = None,
    query_timeout: Annotated[
        float,
        typer.Option(help="Seconds a request's reads may take before a 503 (0: no limit)."),
    ] = 30.0,
) -> None:
    """Serve the REST API (/events, /docs ...) and the web UI (/) over a database."""
    import uvicorn

    from tidings.api import create_app

    try:
        application = create_app(
            db, api_key=api_key, query_timeout_s=query_timeout if query_timeout > 0 else None
        )
    except TidingsError as exc:
        raise fail(str(exc)) from None
    # Reads are cancelled on disconnect and bounded by the budget; this bounds a shutdown's
    # wait for anything else still open (a long ingest, a stalled client).
    uvicorn.run(application, host=host, port=port, log_level="info", timeout_graceful_shutdown=5)
