"""The Typer application object that every CLI module registers its commands on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="tidings",
    help="Turn raw news pages into political event data, with the evidence behind every record.",
    no_args_is_help=True,
    add_completion=False,
)
