"""`tidings eval TASK`: score one stage on gold data; a table, then one JSON line last."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli._app import app

TASKS = ("extract", "events", "temporal", "geo", "quotes", "stories", "news")
CODER_TASKS = ("events", "news")  # tasks that score an event coder chosen with --coder


@app.command("eval")
def evaluate(
    task: Annotated[str, typer.Argument(help=f"One of: {', '.join(TASKS)}.")],
    data: Annotated[
        Path | None, typer.Option("--data", help="Gold file (default: the dev set).")
    ] = None,
    coder: Annotated[
        str | None,
        typer.Option("--coder", help="Event coder to score (events, news; default: configured)."),
    ] = None,
) -> None:
    """Evaluate TASK on its dev set (or --data) next to a baseline; last line is JSON."""
    if task not in TASKS:
        raise typer.BadParameter(f"unknown task {task!r}; choose one of: {', '.join(TASKS)}")
    if data is not None and not data.exists():
        raise typer.BadParameter(f"{data}: file not found")
    if coder is not None and task not in CODER_TASKS:
        raise typer.BadParameter(f"--coder applies to {', '.join(CODER_TASKS)}, not {task!r}")
    module = importlib.import_module(f"tidings.eval.{task}")
    result = module.evaluate(data) if coder is None else module.evaluate(data, coder=coder)
    typer.echo(json.dumps(result, default=str))
