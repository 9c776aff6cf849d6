"""End-to-end throughput: documents/s of the whole pipeline vs a bare spaCy parse, one run.

Runs the demo corpus (its valid documents, copied N times with a distinguishing line so that
no copy is skipped as already stored) through:
  1. ingest + extract only,
  2. ingest + extract + spaCy parse (``nlp.pipe``),
  3. the full pipeline into an in-memory store (coding, dates, places, quotes, stories),
and prints docs/s and the ratios, so one run on a noisy machine still compares like with like.
Components load their tables (actor KB, gazetteer) on first use: one warm-up document is
processed before the timings, and that one-off cost is printed on its own line.

    .venv/bin/python bench/pipeline.py [--copies 6]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from tidings.annotate import load_pipeline
from tidings.config import load_config
from tidings.extract import extract_articles
from tidings.ingest import read_sources
from tidings.model import RawDoc
from tidings.pipeline import Pipeline, process_documents
from tidings.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def build_corpus(root: Path, copies: int) -> None:
    """Copies of the demo's text pages and exports, each made unique by an added line."""
    for i in range(copies):
        for src in sorted((DEMO / "pages").glob("*.txt")) + sorted((DEMO / "feeds").glob("*")):
            dst = root / f"copy{i}" / src.relative_to(DEMO)
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.suffix in {".txt"}:
                dst.write_text(src.read_text(encoding="utf-8") + f"\n(Copy {i}.)\n", "utf-8")
            elif src.suffix == ".jsonl":
                lines = src.read_text(encoding="utf-8").splitlines()
                dst.write_text(
                    "\n".join(ln.replace('"text": "', f'"text": "(Copy {i}.) ', 1) for ln in lines)
                    + "\n",
                    "utf-8",
                )
            else:
                shutil.copy(src, dst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6)
    args = parser.parse_args()
    config = load_config()
    nlp = load_pipeline(config["annotate"]["model"])
    pipeline = Pipeline(Store(":memory:"), config)  # loads every model once, outside the timing
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_corpus(root, args.copies)
        warm = [d for d in read_sources([str(sorted((DEMO / "pages").glob("*.txt"))[0])], config)]
        t0 = time.perf_counter()
        process_documents([d for d in warm if isinstance(d, RawDoc)], pipeline.parts, config)
        t_warm = time.perf_counter() - t0

        t0 = time.perf_counter()
        docs = [d for d in read_sources([str(root)], config) if isinstance(d, RawDoc)]
        articles = [a for d in docs for a in extract_articles(d, config)]
        t_extract = time.perf_counter() - t0

        t0 = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=32):
            pass
        t_parse = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = pipeline.run([str(root)])
        t_full = time.perf_counter() - t0

    n = len(docs)
    print(f"documents: {n}  articles: {len(articles)}  events stored: {report.events}")
    print(f"first use (tables load, one warm-up doc) {t_warm:6.2f} s")
    print(f"ingest+extract        {n / t_extract:8.1f} docs/s")
    print(f"ingest+extract+parse  {n / (t_extract + t_parse):8.1f} docs/s")
    print(f"full pipeline         {n / t_full:8.1f} docs/s")
    print(f"ratio full / (extract+parse): {(t_extract + t_parse) / t_full:.2f}")


if __name__ == "__main__":
    main()
