"""A CLI reader meeting the owning server's write lock reads through that server instead."""

from __future__ import annotations

import io
import json
import os
import subprocess
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from live_server import TIDINGS, Served

from sample_store import build_sample
from tidings.live.registry import lookup
from tidings.query import export_gdelt, export_parquet_dataset
from tidings.query.filters import EventFilter
from tidings.store import Store


@pytest.mark.slow
def test_cli_reads_through_serve_watch(
    tmp_path: Path, serve_watch: Callable[[Path], Served]
) -> None:
    db = tmp_path / "t.duckdb"
    store = Store(db)
    ids = build_sample(store)
    local = io.StringIO()
    export_gdelt(store, local, EventFilter.make(type="CONSULT,ACCUSE"), header=True)
    export_parquet_dataset(store, tmp_path / "local-parquet")
    store.close()
    server = serve_watch(db)
    base = server.url
    try:
        reg = lookup(db)
        assert reg is not None and reg.pid == server.process.pid and reg.url == base
        env = {**os.environ, "COLUMNS": "200"}
        out = subprocess.run(
            [*TIDINGS, "events", "--db", str(db), "--format", "json", "--type", "CONSULT"],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert f"reading through {base}" in out.stderr
        with urllib.request.urlopen(f"{base}/events?type=CONSULT") as resp:
            rest = json.loads(resp.read())["rows"]
        assert json.loads(out.stdout) == rest and rest
        shown = subprocess.run(
            [*TIDINGS, "show", rest[0]["event_id"], "--db", str(db)],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert shown.returncode == 0 and "CONSULT" in shown.stdout
        stats = subprocess.run(
            [*TIDINGS, "stats", "--db", str(db)], capture_output=True, text=True, env=env
        )
        assert stats.returncode == 0 and "events" in stats.stdout
        gdelt = subprocess.run(
            [*TIDINGS, "export", "--db", str(db), "--type", "CONSULT,ACCUSE", "--header"],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert gdelt.returncode == 0, gdelt.stderr
        assert f"reading through {base}" in gdelt.stderr
        assert gdelt.stdout == local.getvalue() and gdelt.stdout.count("\n") > 1
        rows = gdelt.stdout.count("\n") - 1
        assert f"{rows} events exported" in gdelt.stderr
        parquet = subprocess.run(
            [*TIDINGS, "export", "--db", str(db), "--format", "parquet",
             "--output", str(tmp_path / "remote-parquet")],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert parquet.returncode == 0, parquet.stderr
        want = pq.read_table(tmp_path / "local-parquet").sort_by("event_id")
        got = pq.read_table(tmp_path / "remote-parquet").sort_by("event_id")
        assert got.num_rows == want.num_rows > 0
        assert got.column("event_id").to_pylist() == want.column("event_id").to_pylist()
        assert sorted(p.name for p in (tmp_path / "remote-parquet").iterdir()) == sorted(
            p.name for p in (tmp_path / "local-parquet").iterdir()
        )
        blocked = subprocess.run(
            [*TIDINGS, "run", str(server.inbox), "--db", str(db)],
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert blocked.returncode == 1
        line = " ".join(blocked.stderr.split())
        assert f"in use by another process (PID {server.process.pid})" in line
        assert str(db) in line
    finally:
        server.stop()
    assert lookup(db) is None  # unregistered on the way out
    assert ids
