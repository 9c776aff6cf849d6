"""A CLI reader meeting a plain `tidings watch`'s write lock reads through its endpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from sample_store import build_sample
from tidings.live._synthetic import write_corpus
from tidings.live.registry import lookup
from tidings.store import Store

TIDINGS = [sys.executable, "-c", "from tidings.cli import main; main()"]
ENV = {**os.environ, "COLUMNS": "200"}


def _watch_state(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{url}/runs", timeout=30) as resp:
        state: dict[str, Any] = json.loads(resp.read())["watch"]
    return state


def _events(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*TIDINGS, "events", "--db", str(db), "--format", "json", "--type", "CONSULT"],
        capture_output=True, text=True, env=ENV,
    )  # fmt: skip


@pytest.mark.slow
def test_cli_reads_through_plain_watch_during_a_poll(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    store = Store(db)
    build_sample(store)
    store.close()
    # Enough generated articles that the first poll holds the write lock for a while.
    write_corpus(tmp_path / "in", 300)
    watcher = subprocess.Popen(
        [*TIDINGS, "watch", str(tmp_path / "in"), "--db", str(db), "--every", "1h"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    try:
        reg = None
        for _ in range(600):
            reg = lookup(db)
            if reg is not None or watcher.poll() is not None:
                break
            time.sleep(0.1)
        assert reg is not None and reg.pid == watcher.pid, watcher.stderr
        assert reg.url.startswith("http://127.0.0.1:")
        for _ in range(600):
            if _watch_state(reg.url)["status"] == "running":
                break
            time.sleep(0.1)
        during = _events(db)
        assert during.returncode == 0, during.stderr
        assert f"reading through {reg.url}" in during.stderr
        rows = json.loads(during.stdout)
        assert rows and {r["plover_type"] for r in rows} == {"CONSULT"}
        stats = subprocess.run(
            [*TIDINGS, "stats", "--db", str(db)], capture_output=True, text=True, env=ENV
        )
        assert stats.returncode == 0 and "events" in stats.stdout, stats.stderr
        assert _watch_state(reg.url)["status"] == "running"  # the reads above met the lock
        for _ in range(3000):
            state = _watch_state(reg.url)
            if state["status"] == "idle" and state["last_run"] is not None:
                break
            time.sleep(0.1)
        assert state["last_run"]["status"] == "finished", state
        # Between polls the reader opens the file itself, and sees what the poll stored.
        after = _events(db)
        assert after.returncode == 0, after.stderr
        assert "reading through" not in after.stderr
        assert len(json.loads(after.stdout)) > len(rows)
    finally:
        watcher.send_signal(2)
        out, err = watcher.communicate(timeout=60)
    assert lookup(db) is None  # unregistered on the way out
    assert "interrupted" in err


def test_watch_once_registers_no_endpoint(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    write_corpus(tmp_path / "in", 1)
    out = subprocess.run(
        [*TIDINGS, "watch", str(tmp_path / "in"), "--db", str(db), "--once"],
        capture_output=True, text=True, env=ENV,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "reads during a poll via" not in out.stdout
    assert lookup(db) is None


_HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


def test_cli_reader_meeting_an_unregistered_writer_gets_the_lock_line(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    store = Store(db)
    build_sample(store)
    store.close()
    # A writer that registers nothing (e.g. `tidings watch --no-serve-reads` during a poll).
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert lookup(db) is None
        out = _events(db)
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 1
    line = " ".join(out.stderr.split())
    assert "reading through" not in line
    assert str(db) in line and f"PID {holder.pid}" in line
