"""Scorers behind ``tidings eval TASK``: one module per task, each next to a baseline."""

from __future__ import annotations

import os
from pathlib import Path


def eval_dir() -> Path:
    """Gold data folder: ``$TIDINGS_EVAL_DIR``, else ``../shared/eval`` from the working folder."""
    env = os.environ.get("TIDINGS_EVAL_DIR")
    return Path(env) if env else Path.cwd().parent / "shared" / "eval"
