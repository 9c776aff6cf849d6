"""Over a thousand hostile inputs among good documents: one error row per bad unit, every good
document stored once, and a rerun adds nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hostile import MAX_BYTES, make_corpus, marker  # tests/ingest/hostile.py, the generator

from tidings.config import load_config
from tidings.db import Tidings


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
def test_hostile_corpus_one_error_per_bad_unit(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    corpus = make_corpus(root, 1000)
    assert len(corpus.bad) >= 1000
    assert len(corpus.kinds()) >= 12
    # Stories are cross-article and not what this test is about; skip them to stay fast.
    config = load_config(ingest={"max_document_bytes": MAX_BYTES}, stories={"embedder": ""})
    with Tidings(tmp_path / "t.duckdb", config=config) as db:
        first = db.run([root])
        con = db.store.con
        errors = con.execute("SELECT source_uri, stage, message FROM errors").fetchall()
        by_source: dict[str, list[str]] = {}
        for uri, _, message in errors:
            by_source.setdefault(uri, []).append(message)
        expected = {uri: kind for kind, uri in corpus.bad}
        unexpected = {u: m for u, m in by_source.items() if u not in expected}
        assert unexpected == {}
        missing = sorted(f"{k}: {u}" for u, k in expected.items() if u not in by_source)
        assert missing == []
        doubled = {u: m for u, m in by_source.items() if len(m) > 1}
        assert doubled == {}
        assert len(errors) == len(corpus.bad)
        bodies = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
        for i in range(1, len(corpus.good) + 1):  # every good document stored, each once
            assert sum(f"{marker(i)} as" in body for body in bodies) == 1, corpus.good[i - 1]
        n_docs = con.execute("SELECT count(*) FROM documents").fetchone()
        assert n_docs == (len(corpus.good),)
        assert first.documents_new == len(corpus.good)
        tables = ("documents", "articles", "events", "quotes", "errors")
        before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables}
        again = db.run([root])
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in tables}
        assert again.documents_new == 0
        assert after == before
        assert len(again.errors) == len(corpus.bad)  # reported again, stored once
