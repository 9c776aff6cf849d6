"""Repeated GETs are answered from memory until the store file changes (``api/_cache.py``)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from sample_store import build_sample
from tidings.api import create_app
from tidings.api._cache import ReadCache, file_signature
from tidings.db import Tidings


def test_repeats_are_hits_until_a_commit_changes_the_file(tmp_path: Path) -> None:
    db = Tidings(tmp_path / "c.duckdb", own=True)  # the server owns the store and writes
    build_sample(db.store)
    with TestClient(create_app(db)) as client:
        first = client.get("/events?limit=5")
        assert first.status_code == 200 and first.headers["x-tidings-cache"] == "miss"
        again = client.get("/events?limit=5")
        assert again.headers["x-tidings-cache"] == "hit"
        assert again.json() == first.json()
        assert client.get("/events?limit=4").headers["x-tidings-cache"] == "miss"  # other key
        csv = client.get("/events?limit=5", headers={"accept": "text/csv"})
        assert csv.headers["content-type"].startswith("text/csv")  # Accept is in the key

        gone = first.json()["rows"][0]["event_id"]
        before = file_signature(db.path)
        db.store.con.execute("DELETE FROM events WHERE event_id = ?", [gone])  # one commit
        assert file_signature(db.path) != before
        after = client.get("/events?limit=5")
        assert after.headers["x-tidings-cache"] == "miss"
        assert gone not in [r["event_id"] for r in after.json()["rows"]]
        assert client.get("/events?limit=5").headers["x-tidings-cache"] == "hit"

        assert "x-tidings-cache" not in client.get("/runs").headers  # watch state: never kept
        bad = client.get("/events?limit=0")
        assert bad.status_code == 400
        assert client.get("/events?limit=0").headers["x-tidings-cache"] == "miss"  # errors too
    db.close()


def test_signature_of_a_missing_file_disables_the_cache(tmp_path: Path) -> None:
    assert file_signature(str(tmp_path / "none.duckdb")) is None


def _counting_app(status: int) -> tuple[Any, list[int]]:
    """An ASGI app answering ``status`` after yielding to the loop; counts its calls."""
    calls: list[int] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(1)
        await asyncio.sleep(0.05)  # the other requests arrive while this one runs
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b'{"rows": []}'})

    return app, calls


async def _get_many(cache: ReadCache, n: int) -> list[bytes]:
    scope = {"type": "http", "method": "GET", "path": "/events", "query_string": b"limit=5",
             "headers": [(b"host", b"t")]}  # fmt: skip
    how: list[bytes] = []

    async def one() -> None:
        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                how.append(dict(message["headers"]).get(b"x-tidings-cache", b""))

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        await cache(scope, receive, send)

    await asyncio.gather(*(one() for _ in range(n)))
    return how


def test_identical_concurrent_misses_run_once() -> None:
    app, calls = _counting_app(200)
    cache = ReadCache(app, signature=lambda: (1, 1, 1, 1))
    how = asyncio.run(_get_many(cache, 10))
    assert len(calls) == 1  # one query for ten clients missing together
    assert sorted(how) == [b"miss"] + [b"shared"] * 9
    assert cache.shared == 9


def test_waiters_run_themselves_when_the_first_keeps_nothing() -> None:
    app, calls = _counting_app(503)  # an error answer is never kept nor shared
    cache = ReadCache(app, signature=lambda: (1, 1, 1, 1))
    asyncio.run(_get_many(cache, 4))
    assert len(calls) == 4
