"""`tidings watch SOURCES... --every 15m`: keep ingesting folders, globs and feeds as they grow.

The write lock is taken only while a poll ingests something, so readers (the CLI, notebooks,
a plain ``tidings serve``) get in between polls. During a poll, CLI readers read through a
read-only endpoint this command runs on 127.0.0.1 (``tidings.live.endpoint``, registered in
``<db>.server.json``). To serve the web UI while watching, use ``tidings serve --watch``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console

from tidings.cli._app import app
from tidings.cli._options import fail
from tidings.errors import TidingsError, is_interrupt

console = Console()


@app.command()
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="Folders, globs, feed files or feed URLs to poll.")
    ],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write.")] = Path(
        "tidings.duckdb"
    ),
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 15m, 1h.")] = "15m",
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML file overriding default_config.toml.")
    ] = None,
    wait: Annotated[
        float, typer.Option("--wait", help="Seconds to wait for another process's lock.")
    ] = 60.0,
    once: Annotated[bool, typer.Option(help="Poll once and exit.")] = False,
    serve_reads: Annotated[
        bool,
        typer.Option(
            help="Answer other processes' CLI reads during a poll through a read-only "
            "endpoint on 127.0.0.1 (any free port, registered in <db>.server.json)."
        ),
    ] = True,
) -> None:
    """Poll SOURCES every --every and ingest what is new into --db, until Ctrl-C."""
    from tidings.db import Tidings
    from tidings.live.watch import Watcher, parse_every

    try:
        interval = parse_every(every)
        tdb = Tidings(db, config=config, wait=wait)
    except TidingsError as exc:
        raise fail(str(exc)) from None
    watcher = Watcher(tdb, sources, interval)
    endpoint = None
    if serve_reads and not once:
        from tidings.live.endpoint import ReadEndpoint
        from tidings.live.registry import register

        endpoint = ReadEndpoint(tdb, watcher)
        try:
            register(db, endpoint.start())
        except TidingsError as exc:
            tdb.close()
            raise fail(str(exc)) from None
    reads = f"; reads during a poll via {endpoint.url}" if endpoint is not None else ""
    console.print(
        f"watching {len(sources)} source(s) every {every} into {db}{reads}; Ctrl-C stops",
        highlight=False,
        markup=False,
    )
    try:
        if once:
            watcher.poll_once()
            _report(watcher)
            return
        last = None
        while True:
            watcher.poll_once()
            snap = watcher.snapshot()["last_run"]
            if snap is not None and snap is not last:
                _report(watcher)
                last = snap
            watcher.idle(interval)
    except (KeyboardInterrupt, RuntimeError, duckdb.Error) as exc:
        if not is_interrupt(exc):
            raise
        raise fail(
            f"interrupted: what was stored so far stays in {db} (a run in progress is "
            "recorded as interrupted); start the same command again to continue"
        ) from None
    finally:
        if endpoint is not None:
            from tidings.live.registry import unregister

            unregister(db)  # first: no reader is sent to an endpoint that is going away
            endpoint.stop()
        tdb.close()


def _report(watcher: object) -> None:
    from tidings.live.watch import Watcher

    assert isinstance(watcher, Watcher)
    run = watcher.snapshot()["last_run"]
    if run is None:
        console.print("nothing new", style="dim", highlight=False, markup=False)
        return
    counts = run.get("counts") or {}
    console.print(
        f"{run.get('finished')} run {run.get('run_id', '-')} {run['status']}: "
        f"{counts.get('documents_new', 0)} new documents, {counts.get('events', 0)} events, "
        f"{counts.get('errors', 0)} errors",
        highlight=False,
        markup=False,
    )
    for line in run.get("errors") or ():
        console.print(f"error {line}", style="red", highlight=False, markup=False)
