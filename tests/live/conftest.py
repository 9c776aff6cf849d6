"""Fixtures of the live tests: the sample store on disk, and ``tidings serve --watch`` on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from live_server import Served, start_serve_watch

from sample_store import build_sample
from tidings.store import Store


@pytest.fixture()
def sample_db(tmp_path: Path) -> Path:
    """The sample store written to ``t.duckdb`` and closed (no lock held)."""
    path = tmp_path / "t.duckdb"
    store = Store(path)
    build_sample(store)
    store.close()
    return path


@pytest.fixture()
def serve_watch(tmp_path: Path) -> Iterator[Callable[[Path], Served]]:
    """``serve_watch(db)`` starts ``tidings serve --db DB --watch tmp_path/in`` and returns
    once it answers. A test may ``stop()`` it early (to check what happens after the server
    is gone); teardown stops whatever still runs."""
    started: list[Served] = []

    def start(db: Path) -> Served:
        started.append(start_serve_watch(db, tmp_path / "in"))
        return started[-1]

    yield start
    for served in started:
        served.stop()
