"""Hostile patterns and runaway reads: LIKE wildcards are literal, every request has a budget."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from tidings import query
from tidings.api import create_app
from tidings.query._frames import fetch

# A cross join DuckDB cannot finish in any test's lifetime, on any machine.
_RUNAWAY = "SELECT count(*) FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = 7"
WILD = "%_" * 100  # 200 characters, under every length limit


@pytest.mark.parametrize(
    "url",
    [f"/quotes?q={WILD}", f"/quotes?speaker={WILD}", f"/actors?q={WILD[:100]}"],
)
def test_wildcard_pattern_answers_fast_and_matches_literally(client: TestClient, url: str) -> None:
    started = time.monotonic()
    r = client.get(url.replace("%", "%25"))
    assert time.monotonic() - started < 2.0
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == []


def test_percent_alone_is_not_match_everything(client: TestClient) -> None:
    every = client.get("/quotes").json()["rows"]
    assert every  # the sample has quotes, so an unescaped % would return them all
    assert client.get("/quotes?q=%25").json()["rows"] == []
    assert client.get("/actors?q=%25").json()["rows"] == []
    assert client.get("/quotes?q=work%20together").json()["rows"]  # plain text still matches


def test_budget_interrupts_a_runaway_read() -> None:
    con = duckdb.connect()
    started = time.monotonic()
    with pytest.raises(query.QueryTimeoutError, match="0.3 s limit"), query.time_budget(0.3):
        fetch(con, _RUNAWAY, [], "records")
    assert time.monotonic() - started < 2.0
    con.close()


@pytest.fixture
def runaway_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(src: Any, **_: Any) -> Any:
        return fetch(src, _RUNAWAY, [], "records")

    monkeypatch.setattr(query, "quotes", slow)


def test_runaway_request_is_503_with_a_clear_message(
    api_sample: tuple[Path, dict[str, Any]], runaway_quotes: None
) -> None:
    app = create_app(api_sample[0], query_timeout_s=0.5)
    with TestClient(app) as c:
        started = time.monotonic()
        r = c.get("/quotes")
        assert time.monotonic() - started < 3.0
        assert r.status_code == 503
        assert r.json() == {"error": "query took longer than the 0.5 s limit; narrow the request"}
        assert c.get("/stats").status_code == 200  # the next request has its own budget
    app.state.db.close()


def test_client_that_goes_away_cancels_its_query(
    api_sample: tuple[Path, dict[str, Any]], runaway_quotes: None
) -> None:
    app = create_app(api_sample[0], query_timeout_s=None)  # only the disconnect can stop it
    sent: list[dict[str, Any]] = []

    async def call() -> float:
        started = time.monotonic()
        messages = [{"type": "http.request", "body": b"", "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop()
            await asyncio.sleep(0.3)  # the client leaves while its query runs
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/quotes",
            "raw_path": b"/quotes",
            "query_string": b"",
            "root_path": "",
            "headers": [],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        await app(scope, receive, send)
        return time.monotonic() - started

    assert asyncio.run(call()) < 3.0
    assert sent[0]["status"] == 503
    app.state.db.close()


def test_cancelled_request_stops_its_query(
    api_sample: tuple[Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server shutting down cancels request tasks: the query in the worker thread stops."""
    app = create_app(api_sample[0], query_timeout_s=None)
    ended: list[float] = []

    def slow(src: Any, **_: Any) -> Any:
        try:
            return fetch(src, _RUNAWAY, [], "records")
        finally:
            ended.append(time.monotonic())

    monkeypatch.setattr(query, "quotes", slow)

    async def call() -> float:
        async def receive() -> dict[str, Any]:
            await asyncio.sleep(3600)  # a client that stays connected
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            pass

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": "/quotes",
            "raw_path": b"/quotes",
            "query_string": b"",
            "root_path": "",
            "headers": [],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
        }
        task = asyncio.create_task(app(scope, receive, send))
        await asyncio.sleep(0.5)
        cancelled_at = time.monotonic()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        for _ in range(60):
            if ended:
                break
            await asyncio.sleep(0.05)
        return cancelled_at

    cancelled_at = asyncio.run(call())
    assert ended and ended[0] - cancelled_at < 3.0
    app.state.db.close()
