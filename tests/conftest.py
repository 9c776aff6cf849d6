"""Shared fixtures: the spaCy pipeline (loaded once), paths to gold data and test pages."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    """Gold data folder: $TIDINGS_EVAL_DIR, else ../shared/eval beside the repository."""
    env = os.environ.get("TIDINGS_EVAL_DIR")
    return Path(env) if env else REPO.parent / "shared" / "eval"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@cache
def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pinned_gold(relative: str | Path, sha256: str) -> Path:
    """The gold file a quality floor is pinned on, under :func:`eval_dir`.

    Absent: the test skips on a workstation but FAILS with ``CI=true``, so a gate cannot pass
    by not running. Present with another content than ``sha256`` (the hash of the file the
    floor was measured on, a prefix of ``sha256sum`` is enough): fails, because the floor no
    longer says anything about that data; re-measure and pin the new hash.
    """
    path = eval_dir() / relative
    if not path.is_file():
        message = f"{path}: gold data for this quality floor is missing"
        if in_ci():
            pytest.fail(f"{message} (CI=true: floors must run; set TIDINGS_EVAL_DIR)")
        pytest.skip(message)
    found = _sha256(path)
    if not found.startswith(sha256.lower()):
        pytest.fail(
            f"{path}: sha256 {found[:16]} is not the {sha256[:16]} this floor was measured on; "
            "re-measure the floor on this data and pin its hash"
        )
    return path


def need_modules(*names: str) -> None:
    """Skip when an optional module is absent; fail instead with ``CI=true`` (CI installs it)."""
    missing = [n for n in names if importlib.util.find_spec(n) is None]
    if not missing:
        return
    message = f"optional module(s) {', '.join(missing)} not installed"
    if in_ci():
        pytest.fail(f"{message} (CI=true: install the test extra)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def need() -> Callable[..., None]:
    """:func:`need_modules` for tests of optional components."""
    return need_modules


@pytest.fixture(scope="session")
def floor_data() -> Callable[[str | Path, str], Path]:
    """:func:`pinned_gold` for quality-floor tests: ``floor_data("geo/x.jsonl", "9c3a...")``."""
    return pinned_gold


@pytest.fixture(scope="session")
def nlp() -> Any:
    from tidings.annotate import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = eval_dir()
    if not path.is_dir():
        if in_ci():
            pytest.fail(f"gold data not found at {path} (CI=true: set TIDINGS_EVAL_DIR)")
        pytest.skip(f"gold data not found at {path}")
    return path


@pytest.fixture(scope="session")
def demo_corpus() -> Path:
    return REPO / "demo" / "corpus"
