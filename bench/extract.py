"""Throughput of ingest + extract on HTML pages, against bare ``trafilatura.extract``, one run.

Run: .venv/bin/python bench/extract.py [--docs N]
Pages: the demo corpus HTML pages and WARC records, plus trafilatura's evaluation pages when
../shared/eval is present, repeated up to N documents. Both systems see the same pages.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import trafilatura

from tidings.config import load_config
from tidings.errors import TidingsError
from tidings.extract import extract_articles
from tidings.ingest import read_sources
from tidings.model import RawDoc

REPO = Path(__file__).resolve().parents[1]


def pages(limit: int) -> list[str]:
    config = load_config()
    found = [
        d.body
        for d in read_sources([str(REPO / "demo" / "corpus")], config)
        if isinstance(d, RawDoc) and d.content_type == "html"
    ]
    eval_root = Path(os.environ.get("TIDINGS_EVAL_DIR", REPO.parent / "shared" / "eval"))
    eval_file = eval_root / "article_extraction" / "trafilatura_eval.jsonl.gz"
    if eval_file.exists():
        from tidings.eval.extract import read_records

        found += [r["html"] for r in islice(read_records(eval_file), limit)]
    return list(islice(cycle(found), limit))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    args = parser.parse_args()
    html = pages(args.docs)
    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, page in enumerate(html):
            (folder / f"{i:05d}.html").write_text(page, encoding="utf-8")
        start = time.perf_counter()
        n_docs = n_articles = 0
        for item in read_sources([str(folder)], config):
            if not isinstance(item, RawDoc):
                continue
            n_docs += 1
            with contextlib.suppress(TidingsError):  # failures count as documents, not articles
                n_articles += len(extract_articles(item, config))
        ours = time.perf_counter() - start
    start = time.perf_counter()
    for page in html:
        trafilatura.extract(page)
    bare = time.perf_counter() - start
    print(f"pages: {len(html)} HTML documents ({n_docs} ingested, {n_articles} articles)")
    print(f"tidings ingest+extract: {n_docs / ours:8.1f} docs/s ({ours:.2f} s)")
    print(f"bare trafilatura.extract: {len(html) / bare:8.1f} docs/s ({bare:.2f} s)")
    print(f"ratio tidings / trafilatura throughput: {bare / ours:.2f}")


if __name__ == "__main__":
    sys.exit(main())
