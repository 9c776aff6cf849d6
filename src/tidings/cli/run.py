"""`tidings run` and `tidings demo`: ingest sources into a store with a Rich progress bar."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from tidings.cli._app import app
from tidings.cli._options import fail
from tidings.config import load_config
from tidings.errors import TidingsError, is_interrupt
from tidings.pipeline import Pipeline, RunReport
from tidings.store import Store

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file to write (created if missing).")]
WaitOption = Annotated[
    float,
    typer.Option(
        "--wait", help="Seconds to wait for another process's lock on --db before failing."
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML file overriding default_config.toml.")
]


def run_with_progress(
    store: Store,
    sources: list[str],
    config_path: Path | None,
    dask: str | None = None,
    workers: int = 2,
) -> RunReport:
    """Run the pipeline over ``sources`` showing documents/s; print each error as one line."""
    config = load_config(config_path)
    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("tidings", total=None, rate="0.0")

        def advance(n: int) -> None:
            done = progress.tasks[task].completed + n
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=n, rate=f"{rate:.1f}")

        if dask:
            from tidings.scale import run_dask

            report = run_dask(
                store, sources, config, scheduler=dask, workers=workers, progress=advance
            )
        else:
            report = Pipeline(store, config).run(sources, progress=advance)
    for line in report.errors:
        err_console.print(f"[red]error[/red] {line}", highlight=False, markup=True, soft_wrap=True)
    return report


def print_summary(store: Store, report: RunReport) -> None:
    """What this run added and what the store now holds."""
    table = Table(title=f"run {report.run_id}")
    table.add_column("what")
    table.add_column("this run", justify="right")
    table.add_column("in store", justify="right")
    totals = store.counts()
    rows = [
        ("documents", report.documents_new, totals["documents"]),
        ("articles", report.articles, totals["articles"]),
        ("events", report.events, totals["events"]),
        ("quotes", report.quotes, totals["quotes"]),
        ("stories", None, totals["stories"]),
        ("errors", len(report.errors), totals["errors"]),
    ]
    for name, this_run, total in rows:
        table.add_row(name, "" if this_run is None else str(this_run), str(total))
    console.print(table)
    if report.documents_skipped:
        console.print(f"{report.documents_skipped} documents were already stored (unchanged).")


@app.command()
def run(
    sources: Annotated[list[str], typer.Argument(help="Files, folders or globs to ingest.")],
    db: DbOption = Path("tidings.duckdb"),
    config: ConfigOption = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", help="Run on Dask: 'local' for a local cluster, or a scheduler address."
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Workers of the local Dask cluster.")] = 2,
    wait: WaitOption = 0.0,
) -> None:
    """Ingest SOURCES (txt, html, jsonl, csv, warc, rss/atom, .gz, folders, globs) into --db."""
    try:
        store = Store(db, wait=wait)
    except TidingsError as exc:
        raise fail(str(exc)) from None
    try:
        report = run_with_progress(store, sources, config, dask, workers)
        print_summary(store, report)
    except (KeyboardInterrupt, RuntimeError, duckdb.Error) as exc:
        if not is_interrupt(exc):
            raise
        raise fail(
            f"interrupted: what was stored so far stays in {db} (the run is recorded as "
            "interrupted); run the same command again to continue"
        ) from None
    except TidingsError as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()  # let go of the write lock at once
    if report.errors:
        raise typer.Exit(code=1)


def demo_corpus_path() -> Path:
    """The demo corpus: bundled in the repository as ``demo/corpus``."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "demo" / "corpus"
        if candidate.is_dir():
            return candidate
    raise typer.BadParameter("demo corpus not found: run from a clone of the tidings repository")


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    config: ConfigOption = None,
) -> None:
    """Run Tidings on the bundled demo corpus (broken files included) and show what it stored."""
    corpus = demo_corpus_path()
    store = Store(db)
    report = run_with_progress(store, [str(corpus)], config)
    print_summary(store, report)
    console.print(
        f"Stored in {db}. Broken demo files are expected to give the errors above. "
        f"Try: tidings events --db {db}"
    )
