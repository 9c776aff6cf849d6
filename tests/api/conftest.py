"""Fixtures for REST tests: the tiny sample store in a file, and the real app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sample_store import build_sample
from tidings.api import create_app
from tidings.db import Tidings


@pytest.fixture(scope="module")
def api_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("api") / "tiny.duckdb"
    with Tidings(path) as db:
        ids = build_sample(db.store)
    return path, ids


@pytest.fixture(scope="module")
def client(api_sample: tuple[Path, dict[str, Any]]) -> Iterator[TestClient]:
    app = create_app(api_sample[0])  # a path: opened read-only, ingest disabled
    with TestClient(app) as c:
        yield c
    app.state.db.close()


@pytest.fixture(scope="module")
def ids(api_sample: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return api_sample[1]
