"""Shared fixtures: the spaCy pipeline (loaded once), paths to gold data and test pages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    """Gold data folder: $TIDINGS_EVAL_DIR, else ../shared/eval beside the repository."""
    env = os.environ.get("TIDINGS_EVAL_DIR")
    return Path(env) if env else REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp() -> Any:
    from tidings.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = eval_dir()
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path}")
    return path


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return REPO / "demo" / "corpus"
