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
    as_text: Annotated[
        str | None,
        typer.Option("--as-text", help="extract only: render pages to text (inscriptis|dom)."),
    ] = None,
    glued: Annotated[
        bool, typer.Option("--glued", help="extract --as-text only: also score glued pairs.")
    ] = False,
) -> None:
    """Evaluate TASK on its dev set (or --data) next to a baseline; last line is JSON."""
    if task not in TASKS:
        raise typer.BadParameter(f"unknown task {task!r}; choose one of: {', '.join(TASKS)}")
    if data is not None and not data.exists():
        raise typer.BadParameter(f"{data}: file not found")
    if coder is not None and task not in CODER_TASKS:
        raise typer.BadParameter(f"--coder applies to {', '.join(CODER_TASKS)}, not {task!r}")
    if (as_text is not None or glued) and task != "extract":
        raise typer.BadParameter("--as-text and --glued apply to the extract task only")
    if glued and as_text is None:
        raise typer.BadParameter("--glued needs --as-text inscriptis|dom")
    if as_text is not None and as_text not in ("inscriptis", "dom"):
        raise typer.BadParameter(f"--as-text {as_text!r}: choose inscriptis or dom")
    module = importlib.import_module(f"tidings.eval.{task}")
    extra: dict[str, object] = {}
    if coder is not None:
        extra["coder"] = coder
    if as_text is not None:
        extra.update(as_text=as_text, glued=glued)
    result = module.evaluate(data, **extra)
    typer.echo(json.dumps(result, default=str))
