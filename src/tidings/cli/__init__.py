"""The `tidings` command line: a thin shell over the Python API (one module per command group)."""

from __future__ import annotations

import logging

from tidings.cli import evaluate as _evaluate  # noqa: F401  (registers `eval`)
from tidings.cli import query as _query  # noqa: F401  (events, show, stats, export, serve)
from tidings.cli import run as _run  # noqa: F401  (registers `run`, `demo`)
from tidings.cli import watch as _watch  # noqa: F401  (registers `watch`)
from tidings.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the `tidings` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
