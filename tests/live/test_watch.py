"""The watch loop on the real pipeline: only new files, queued uploads, Ctrl-C, feed URLs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.db import Tidings
from tidings.errors import TidingsError
from tidings.live._synthetic import article_text, write_corpus
from tidings.live.fetch import fetch_feed
from tidings.live.watch import Stopped, Watcher, parse_every
from tidings.query import runs


def test_parse_every() -> None:
    assert parse_every("15m") == 900
    assert parse_every("30s") == 30
    assert parse_every("2") == 2
    assert parse_every("1h") == 3600
    for bad in ("soon", "0s", "9d", ""):
        with pytest.raises(TidingsError, match="--every"):
            parse_every(bad)


def test_poll_ingests_only_new_or_changed_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    db = Tidings(tmp_path / "w.duckdb")
    watcher = Watcher(db, [str(folder)], every=60)
    first = watcher.poll_once()
    assert first is not None and first.documents_new == 3
    assert watcher.poll_once() is None  # nothing changed: the pipeline is not even started
    write_corpus(folder, 1, start=10)
    (folder / "000000.txt").touch()  # same content, new mtime: read again, hash skips it
    again = watcher.poll_once()
    assert again is not None
    assert again.documents_seen == 2 and again.documents_new == 1
    assert db.count_events() > 0
    with db.reading() as store:
        statuses = [r["status"] for r in runs(store)]
    assert statuses == ["finished", "finished"]
    assert watcher.snapshot()["last_run"]["counts"]["documents_new"] == 1
    db.close()


def test_stop_mid_run_records_interrupted_and_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 40)
    db = Tidings(tmp_path / "w.duckdb")
    watcher = Watcher(db, [str(folder)], every=60)
    seen = {"n": 0}
    real = watcher._progress

    def stop_after_some(n: int) -> None:  # the server's shutdown arriving mid-run
        seen["n"] += n
        if seen["n"] == 35:
            watcher._stop.set()
        real(n)

    watcher._progress = stop_after_some  # type: ignore[method-assign]
    with pytest.raises(Stopped):
        watcher.poll_once()
    with db.reading() as store:
        assert [r["status"] for r in runs(store)] == ["interrupted"]
        stored = store.counts()["documents"]
    assert 0 < stored < 40  # whole batches committed before the stop stay
    rerun = Watcher(db, [str(folder)], every=60).poll_once()
    assert rerun is not None and rerun.documents_new == 40 - stored
    assert db.stats()["counts"]["documents"] == 40
    db.close()


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[TestClient, Watcher, Path]]:
    folder = tmp_path / "in"
    folder.mkdir()
    db = Tidings(tmp_path / "s.duckdb", own=True)
    watcher = Watcher(db, [str(folder)], every=0.2)
    app = create_app(db, api_key="k", watcher=watcher)
    watcher.start()
    with TestClient(app) as client:
        yield client, watcher, folder
    watcher.stop()
    db.close()


def _wait_for(client: TestClient, ok: Any, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get("/runs").json()
        if ok(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"timed out: {body}")


def test_serve_watch_new_file_and_queued_upload_appear_without_restart(
    served: tuple[TestClient, Watcher, Path],
) -> None:
    client, watcher, folder = served
    assert client.get("/events").json()["rows"] == []
    write_corpus(folder, 1)
    _wait_for(client, lambda b: (b["watch"]["last_run"] or {}).get("status") == "finished")
    assert client.get("/events").json()["total"] > 0
    r = client.post(
        "/ingest",
        json={"texts": [{"name": "up.txt", "text": article_text(7)}]},
        headers={"X-API-Key": "k"},
    )
    assert r.status_code == 202 and r.json()["queued"] is True
    # the queue empties when the upload's run starts; its counts exist once it has finished
    body = _wait_for(
        client,
        lambda b: (
            len(b["rows"]) >= 2
            and b["watch"]["queued"] == 0
            and all(row["status"] != "running" for row in b["rows"])
        ),
    )
    assert body["rows"][0]["counts"]["documents_new"] == 1
    assert {row["status"] for row in body["rows"]} == {"finished"}
    assert client.get("/stats").json()["counts"]["documents"] == 2


class _Feed(BaseHTTPRequestHandler):
    body = b""
    etag = '"v1"'
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).hits.append(self.headers.get("If-None-Match") or "")
        if self.headers.get("If-None-Match") == type(self).etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", type(self).etag)
        self.send_header("Last-Modified", formatdate(usegmt=True))
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(type(self).body)

    def log_message(self, *args: Any) -> None:
        pass


def _rss(n: int) -> bytes:
    items = "".join(
        f"<item><title>Item {i}</title><link>http://feed.test/{i}</link>"
        f"<guid>http://feed.test/{i}</guid><description>{article_text(i)}</description></item>"
        for i in range(n)
    )
    channel = f"<channel><title>Test Wire</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture()
def feed_url() -> Iterator[str]:
    _Feed.body, _Feed.etag, _Feed.hits = _rss(2), '"v1"', []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss"
    server.shutdown()


def test_fetch_is_conditional(tmp_path: Path, feed_url: str) -> None:
    first = fetch_feed(feed_url, tmp_path)
    assert first.changed and first.path is not None and first.path.read_bytes() == _Feed.body
    second = fetch_feed(feed_url, tmp_path)
    assert not second.changed and _Feed.hits[-1] == '"v1"'  # sent If-None-Match, got 304
    _Feed.body, _Feed.etag = _rss(3), '"v2"'
    third = fetch_feed(feed_url, tmp_path)
    assert third.changed and third.path is not None and b"Item 2" in third.path.read_bytes()
    bad = fetch_feed("http://127.0.0.1:9/none.rss", tmp_path)
    assert bad.error is not None and "cannot fetch" in bad.error


def test_watching_a_feed_url_ingests_new_entries_only(tmp_path: Path, feed_url: str) -> None:
    db = Tidings(tmp_path / "f.duckdb")
    watcher = Watcher(db, [feed_url], every=60, cache_dir=tmp_path / "cache")
    first = watcher.poll_once()
    assert first is not None and first.documents_new == 2
    assert watcher.poll_once() is None  # 304: nothing read
    _Feed.body, _Feed.etag = _rss(3), '"v2"'
    third = watcher.poll_once()
    assert third is not None and third.documents_new == 1 and third.documents_skipped == 2
    with db.reading() as store:
        fetched = store.con.execute("SELECT fetched_at FROM documents").fetchall()
    assert len(fetched) == 3 and all(row[0] for row in fetched)  # when the URL was fetched
    db.close()


def test_fetch_time_dates_relative_expressions_of_undated_pages(tmp_path: Path) -> None:
    page = tmp_path / "undated.txt"
    page.write_text(
        "President Joe Biden met Prime Minister Fumio Kishida in Tokyo yesterday to discuss "
        "trade, officials said.\n",
        encoding="utf-8",
    )
    db = Tidings(tmp_path / "d.duckdb")
    db.run([page], fetched_at={str(page): "2024-05-10T12:00:00+00:00"})
    rows = db.events(as_="records")
    assert rows and rows[0]["event_date"] == "2024-05-09"  # "yesterday" of the fetch
    with db.reading() as store:
        published = store.con.execute("SELECT published_at FROM articles").fetchall()
    assert published == [(None,)]  # the article still says it gave no date
    db.close()
