"""SIGKILL during `tidings run` / `tidings watch`, then a rerun, stores what one clean run does.

Every batch commits its documents with all their rows in one transaction, so a killed run
leaves whole documents or none; the rerun's content-hash check stores exactly the rest, and
the cross-article steps (stories, merges) run over everything at its end.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tidings.live._synthetic import write_corpus

N_ARTICLES = 2000
TIDINGS = [sys.executable, "-c", "from tidings.cli import main; main()"]


def _cli(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COLUMNS": "120"}
    return subprocess.Popen(
        [*TIDINGS, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )


def _content(path: Path) -> dict[str, Any]:
    """The rows a run derives from the inputs (run ids and timestamps left out)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        q = {
            "documents": "SELECT doc_id, sha256 FROM documents ORDER BY 1",
            "articles": "SELECT article_id, doc_id, title, published_at FROM articles ORDER BY 1",
            "events": "SELECT event_id, plover_type, cameo_code, source_code, target_code, "
            "event_date, evidence_start FROM events ORDER BY 1",
            "quotes": "SELECT quote_id, speaker_text, content FROM quotes ORDER BY 1",
            "clustered": "SELECT count(*) FROM article_fingerprints",
            "story_sizes": "SELECT n_articles FROM stories ORDER BY 1",
        }
        return {k: con.execute(sql).fetchall() for k, sql in q.items()}
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, N_ARTICLES)
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    done = _cli("run", str(corpus), "--db", str(clean))
    assert done.wait(timeout=900) == 0, done.stderr.read() if done.stderr else ""

    kills = 0
    for command, after_s in (("run", 16.0), ("watch", 22.0), ("run", 28.0)):
        args = ["run", str(corpus)] if command == "run" else ["watch", str(corpus), "--once"]
        proc = _cli(*args, "--db", str(crashed))
        time.sleep(after_s)  # model loading takes seconds: these land mid-ingest or mid-stories
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 2, "the runs ended before they could be killed: raise N_ARTICLES"
    rerun = _cli("run", str(corpus), "--db", str(crashed))
    assert rerun.wait(timeout=900) == 0, rerun.stderr.read() if rerun.stderr else ""

    got, want = _content(crashed), _content(clean)
    for key in want:
        assert got[key] == want[key], key
    con = duckdb.connect(str(crashed), read_only=True)
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started").fetchall()]
    con.close()
    assert statuses[-1] == "finished"
    assert "running" not in statuses  # each killed run was found dead by the next writer
    # A process killed while loading models never opened a run; the others were marked.
    assert 1 <= statuses.count("killed") <= kills


@pytest.mark.slow
def test_ctrl_c_stops_with_a_message_and_an_interrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 600)
    db = tmp_path / "t.duckdb"
    proc = _cli("run", str(corpus), "--db", str(db))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the run holds the write lock
        time.sleep(0.5)
        if not db.exists():
            continue
        try:
            con = duckdb.connect(str(db), read_only=True)
        except duckdb.Error as exc:
            if "lock" in str(exc):
                break
            continue
        con.close()
    time.sleep(12.0)  # past model loading, into the documents
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    line = " ".join(err.decode().split())
    assert proc.returncode == 1
    assert "interrupted: what was stored so far stays in" in line
    con = duckdb.connect(str(db), read_only=True)
    status = con.execute("SELECT status FROM runs").fetchall()
    con.close()
    assert status == [("interrupted",)]
