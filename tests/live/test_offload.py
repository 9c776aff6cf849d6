"""The server's watch loop runs the pipeline's stages in a niced child: same rows as in-process."""

from __future__ import annotations

import os
from pathlib import Path

from tidings.db import Tidings
from tidings.live._synthetic import write_corpus
from tidings.live.offload import ParseWorker
from tidings.live.watch import Watcher
from tidings.query import runs

QUERIES = {
    "articles": "SELECT article_id, title, published_at FROM articles",
    "events": "SELECT event_id, plover_type, source_code, target_code, event_date FROM events",
    "quotes": "SELECT quote_id, speaker_text FROM quotes",
    "errors": "SELECT source_uri, stage FROM errors",
}


def _rows(db: Tidings) -> dict[str, list[tuple[object, ...]]]:
    with db.reading() as store:
        return {
            t: sorted(store.con.execute(sql).fetchall(), key=repr) for t, sql in QUERIES.items()
        }


def test_offloaded_watch_stores_what_an_in_process_run_stores(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, 12)
    (folder / "bad.html").write_bytes(b"\xff\xfe\x00<html")  # one bad input: an errors row
    plain = Tidings(tmp_path / "plain.duckdb")
    plain.run([str(folder)])
    off = Tidings(tmp_path / "off.duckdb")
    watcher = Watcher(off, [str(folder)], every=60, offload=True)
    try:
        report = watcher.poll_once()
        assert report is not None and report.documents_new >= 12
        assert watcher._worker is not None  # the stages really ran in the child
        write_corpus(folder, 2, start=50)
        again = watcher.poll_once()  # the child (and its models) serve the next run too
        assert again is not None and again.documents_new == 2
    finally:
        watcher.close()
    plain.run([str(folder)])
    got, want = _rows(off), _rows(plain)
    assert got["events"], "the corpus codes events"
    assert got == want
    with off.reading() as store:
        assert [r["status"] for r in runs(store)] == ["finished", "finished"]
    plain.close()
    off.close()


def test_worker_is_niced_and_ignores_ctrl_c(tmp_path: Path) -> None:
    from tidings.config import load_config

    worker = ParseWorker(load_config(), nice=5)
    try:
        pool = worker._executor()
        own = os.nice(0)
        child = pool.submit(os.nice, 0).result(timeout=120)
        assert child >= own + 5 or child == 19
    finally:
        worker.close()
