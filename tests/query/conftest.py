"""Fixtures for query tests: the tiny hand-written store from ``tidings.query._sample``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from sample_store import build_sample
from tidings.db import Tidings


@pytest.fixture(scope="module")
def sample() -> Iterator[tuple[Tidings, dict[str, Any]]]:
    db = Tidings(":memory:")
    ids = build_sample(db.store)
    yield db, ids
    db.close()


@pytest.fixture(scope="module")
def db(sample: tuple[Tidings, dict[str, Any]]) -> Tidings:
    return sample[0]


@pytest.fixture(scope="module")
def ids(sample: tuple[Tidings, dict[str, Any]]) -> dict[str, Any]:
    return sample[1]
