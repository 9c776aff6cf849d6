"""``tidings.open()`` meeting the owning server's write lock reads through that server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from live_server import Served

import tidings
from sample_store import build_sample
from tidings.query import count_events, event, events, events_table, stats
from tidings.query.filters import EventFilter
from tidings.store import Store, StoreLockedError


@pytest.mark.slow
def test_open_reads_through_serve_watch(
    tmp_path: Path, serve_watch: Callable[[Path], Served]
) -> None:
    db_path = tmp_path / "t.duckdb"
    store = Store(db_path)
    build_sample(store)
    consult = EventFilter.make(type="CONSULT,ACCUSE", limit=3)
    want_page = events(store, consult, "records")
    want_count = count_events(store, EventFilter.make(type="CONSULT,ACCUSE"))
    want_all = events_table(store, EventFilter.make()).sort_by("event_id")
    want_event = event(store, want_page[0]["event_id"])
    want_stats = stats(store)
    store.close()
    server = serve_watch(db_path)
    try:
        db = tidings.open(db_path, read_only=True)
        with pytest.raises(StoreLockedError):  # the raw store is not readable: it is held
            db.store  # noqa: B018
        page = db.events(type="CONSULT,ACCUSE", limit=3, as_="records")
        assert [r["event_id"] for r in page] == [r["event_id"] for r in want_page]
        frame = db.events(type="CONSULT,ACCUSE", limit=3)
        assert list(frame["event_id"]) == [r["event_id"] for r in want_page]
        assert db.count_events(type="CONSULT,ACCUSE") == want_count > 0
        every = db.events(limit=None, as_="arrow").sort_by("event_id")
        assert every.column("event_id").to_pylist() == want_all.column("event_id").to_pylist()
        assert every.schema.field("event_date").type == want_all.schema.field("event_date").type
        one = db.event(want_page[0]["event_id"])
        assert one is not None and want_event is not None
        assert one["event"]["event_id"] == want_event["event"]["event_id"]
        assert db.event("no-such-event") is None
        assert db.stats()["counts"] == want_stats["counts"]
        n = db.export_parquet(tmp_path / "pq")
        assert n == want_all.num_rows == pq.read_table(tmp_path / "pq").num_rows
    finally:
        server.stop()
    # Once the server is gone the same handle reads the file itself again.
    assert db.count_events(type="CONSULT,ACCUSE") == want_count
