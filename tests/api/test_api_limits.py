"""Bounds the API keeps under hostile requests: offsets, body size, methods, CORS, locks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app

HUGE = "9223372036854775808"  # 2**63: one past DuckDB's BIGINT


ROUTES = ["/events", "/stories", "/articles", "/quotes", "/actors", "/runs"]


@pytest.mark.parametrize("route", ROUTES)
def test_offset_past_bigint_is_a_400(client: TestClient, route: str) -> None:
    r = client.get(route, params={"offset": HUGE, "limit": 1000})
    assert r.status_code == 400, r.text
    assert "offset" in r.json()["error"]


def test_largest_allowed_offset_is_an_empty_page(client: TestClient) -> None:
    r = client.get("/events", params={"offset": 1_000_000_000, "limit": 1000})
    assert r.status_code == 200
    assert r.json()["rows"] == []


def test_undeclared_method_is_405_with_allow(client: TestClient) -> None:
    r = client.delete("/events")
    assert r.status_code == 405
    assert "GET" in r.headers["allow"]
    assert r.json()["error"]


def test_body_above_the_limit_is_413(api_sample: tuple[Path, dict[str, Any]]) -> None:
    app = create_app(api_sample[0], max_body_bytes=1000)
    try:
        with TestClient(app) as c:
            r = c.post("/ingest", content=b"x" * 5000, headers={"Content-Type": "application/json"})
            assert r.status_code == 413
            assert "1000 bytes" in r.json()["error"]
            assert c.get("/stats").status_code == 200  # GETs are unaffected
    finally:
        app.state.db.close()


def test_cors_is_closed_by_default(client: TestClient) -> None:
    r = client.get("/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/stats",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_opens_only_for_listed_origins(api_sample: tuple[Path, dict[str, Any]]) -> None:
    app = create_app(api_sample[0], cors_origins=["https://ui.example"])
    try:
        with TestClient(app) as c:
            ok = c.get("/stats", headers={"Origin": "https://ui.example"})
            assert ok.headers["access-control-allow-origin"] == "https://ui.example"
            other = c.get("/stats", headers={"Origin": "https://elsewhere.example"})
            assert "access-control-allow-origin" not in other.headers
    finally:
        app.state.db.close()


def test_every_answer_is_declared_in_openapi(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    events = doc["paths"]["/events"]["get"]["responses"]
    assert {"200", "400", "413", "503"} <= set(events)
    assert "text/csv" in events["200"]["content"]
    assert "/runs" in doc["paths"]


_HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


def test_reads_meet_a_writer_with_503_naming_the_pid(
    tmp_path: Path, api_sample: tuple[Path, dict[str, Any]]
) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(api_sample[0].read_bytes())
    app = create_app(path)  # read-only: every request opens, reads, closes
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        with TestClient(app) as c:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            r = c.get("/events")
            assert r.status_code == 503
            assert f"PID {holder.pid}" in r.json()["error"]
            assert str(path) in r.json()["error"]
            assert r.headers["retry-after"]
            holder.kill()
            holder.wait()
            time.sleep(0.1)
            assert c.get("/events").status_code == 200  # the lock is gone: reads resume
    finally:
        if holder.poll() is None:
            holder.kill()
        app.state.db.close()
    assert os.path.exists(path)
