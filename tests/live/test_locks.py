"""Who holds DuckDB's lock when: handles between calls hold none, run() only while it runs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import tidings
from tidings.errors import StoreError
from tidings.live.registry import lookup, register, registry_path, unregister
from tidings.store import Store, StoreLockedError

_HOLD = """
import duckdb, sys, time
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("held", flush=True)
time.sleep(60)
"""

_WRITE = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("CREATE TABLE IF NOT EXISTS probe (x INT)")
print("wrote")
"""


@pytest.fixture()
def holder(sample_db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock on the sample store."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(sample_db), "rw"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_an_open_handle_leaves_the_file_to_other_writers(sample_db: Path) -> None:
    db = tidings.open(sample_db)  # the notebook case
    assert len(db.events(limit=5)) > 0
    assert db.stats()["counts"]["events"] > 0
    # Between calls the handle holds no lock: another process can take the write lock.
    out = subprocess.run(
        [sys.executable, "-c", _WRITE, str(sample_db)], capture_output=True, text=True
    )
    assert out.stdout.strip() == "wrote", out.stderr
    db.close()


def test_read_meeting_a_writer_names_file_pid_and_what_to_do(
    sample_db: Path, holder: subprocess.Popen[str]
) -> None:
    db = tidings.open(sample_db, read_only=True)
    with pytest.raises(StoreLockedError) as err:
        db.events()
    message = str(err.value)
    assert "\n" not in message
    assert str(sample_db) in message
    assert f"PID {holder.pid}" in message
    assert "wait" in message
    assert err.value.pid == holder.pid


def test_read_meeting_a_registered_server_points_to_it(
    sample_db: Path, holder: subprocess.Popen[str]
) -> None:
    # Registered as the holder's PID, as `tidings serve --watch` registers itself.
    registry_path(sample_db).write_text(
        f'{{"pid": {holder.pid}, "url": "http://127.0.0.1:9"}}', encoding="utf-8"
    )
    with pytest.raises(StoreLockedError, match=r"read through its server at http://127\.0\.0\.1:9"):
        tidings.open(sample_db).stats()


def test_run_meeting_a_reader_waits_then_fails_in_one_line(sample_db: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(sample_db), "ro"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(
            StoreLockedError, match=f"in use by another process \\(PID {proc.pid}\\)"
        ):
            Store(sample_db, wait=0.3)
    finally:
        proc.kill()
        proc.wait()
    Store(sample_db, wait=1.0).close()  # the reader is gone: the lock is free


def test_registry_ignores_dead_servers_and_others_registrations(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert lookup(db) is None
    register(db, "http://127.0.0.1:8123")
    found = lookup(db)
    assert found is not None and found.url == "http://127.0.0.1:8123"
    unregister(db)
    assert lookup(db) is None
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    registry_path(db).write_text(
        f'{{"pid": {int(dead.stdout)}, "url": "http://x"}}', encoding="utf-8"
    )
    assert lookup(db) is None  # its process is gone
    registry_path(db).write_text("{not json", encoding="utf-8")
    assert lookup(db) is None


def test_read_only_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="database file not found"):
        tidings.open(tmp_path / "none.duckdb", read_only=True)
