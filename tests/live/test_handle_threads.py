"""One handle, readers in other threads while it writes (``tidings watch``'s read endpoint)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import tidings


def test_readers_use_the_write_connection_while_writing(sample_db: Path) -> None:
    db = tidings.open(sample_db)
    with db.reading() as before:
        assert before.read_only
    seen: list[tuple[bool, int]] = []

    def read() -> None:
        with db.reading() as store:
            seen.append((store.read_only, db.count_events()))

    with db.writing() as writer:
        assert not writer.read_only
        reader = threading.Thread(target=read)
        reader.start()
        reader.join(timeout=30)
        assert seen and seen[0][0] is False and seen[0][1] > 0
    with db.reading() as after:  # the write lock is gone: read-only again
        assert after.read_only
    db.close()


def test_writing_waits_for_a_reader_in_flight(sample_db: Path) -> None:
    db = tidings.open(sample_db)
    order: list[str] = []
    inside = threading.Event()

    def slow_read() -> None:
        with db.reading() as store:
            assert store.read_only
            inside.set()
            time.sleep(0.5)
            order.append("read done")

    reader = threading.Thread(target=slow_read)
    reader.start()
    assert inside.wait(30)
    with db.writing():
        order.append("writing")
    reader.join(timeout=30)
    assert order == ["read done", "writing"]
    db.close()
