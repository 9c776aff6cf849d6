"""Repeated GETs are answered from memory until the store file changes (``api/_cache.py``)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from sample_store import build_sample
from tidings.api import create_app
from tidings.api._cache import file_signature
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
