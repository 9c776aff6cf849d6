"""Whole pipeline vs a bare spaCy parse on real-length news articles (300-600 words), one run.

The texts are the news-events dev articles of the eval directory (``../shared/eval`` or
``$TIDINGS_EVAL_DIR``) read at run time, kept when 300-600 words long; without that folder,
the demo corpus's text pages (``demo/corpus/pages``). No text is stored in the repository.
Both sides run on the same texts in the same process, so one run on a noisy machine still
compares like with like:

  1. bare: ``nlp.pipe`` of the configured spaCy model over the texts;
  2. pipeline: extract, annotate, then each configured stage (event coder, dates, places,
     quotes) timed on its own, with the default config (``tidings.rules.v1`` unless the
     config says otherwise).

It prints articles/s of both, the ratio (goal: pipeline >= 0.4x the bare parse) and each
stage's share of the pipeline's time. Tables (actor KB, gazetteer, models) load on a warm-up
article before the timings.

    .venv/bin/python bench/articles.py [--rounds 3] [--coder tidings.learned.v2]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from tidings import registry
from tidings.annotate import load_pipeline
from tidings.config import load_config
from tidings.eval import eval_dir
from tidings.extract import extract_articles
from tidings.model import AnnotatedDoc, RawDoc
from tidings.pipeline import Components

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus" / "pages"
MIN_WORDS, MAX_WORDS = 300, 600


def texts() -> tuple[str, list[tuple[str, str | None]]]:
    """(where the texts came from, [(text, published)]) of 300-600 words."""
    folder = eval_dir() / "news_events"
    found: list[tuple[str, str | None]] = []
    for path in sorted(folder.glob("*.dev.jsonl")) if folder.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                found.append((rec["text"], rec.get("published")))
    where = str(folder)
    if not found:
        found = [(p.read_text(encoding="utf-8"), None) for p in sorted(DEMO.glob("*.txt"))]
        where = str(DEMO)
    return where, [(t, p) for t, p in found if MIN_WORDS <= len(t.split()) <= MAX_WORDS]


def _raw(i: int, text: str, published: str | None) -> RawDoc:
    return RawDoc(
        doc_id=f"bench-{i}",
        source_uri=f"bench-{i}.txt",
        content_type="text",
        body=text,
        sha256=f"bench-{i}",
        published=published,
    )


class Clock:
    """Seconds spent per stage: ``with clock("dates"): ...``."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.spent[stage] += time.perf_counter() - t0


def run_pipeline(parts: Components, config: Any, docs: list[RawDoc], clock: Clock) -> int:
    """The pipeline's per-article work on ``docs``, each stage on the clock; events made."""
    n_events = 0
    for raw in docs:
        with clock("extract"):
            articles = extract_articles(raw, config)
        with clock("parse (annotator)"):
            annotated: list[AnnotatedDoc] = list(parts.annotator.annotate(articles))
        for doc in annotated:
            events: list[Any] = []
            if parts.coder is not None:
                with clock("event coder"):
                    events = list(parts.coder.code(doc))
            if parts.time_resolver is not None:
                with clock("dates"):
                    events, _ = parts.time_resolver.date_events(doc, events)
            if parts.geocoder is not None:
                with clock("places"):
                    events, _ = parts.geocoder.locate_events(doc, events)
            if parts.quote_finder is not None:
                with clock("quotes"):
                    found = parts.quote_finder.find(doc)
                    events, _ = parts.quote_finder.attribute_events(doc, events, found)
            n_events += len(events)
    return n_events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--coder", default=None, help="event coder name (default: config)")
    args = parser.parse_args()
    config = load_config()
    where, items = texts()
    if not items:
        raise SystemExit(f"{where}: no article of {MIN_WORDS}-{MAX_WORDS} words")
    docs = [_raw(i, t, p) for i, (t, p) in enumerate(items)]
    words = sum(len(t.split()) for t, _ in items)
    nlp = load_pipeline(config["annotate"]["model"])
    parts = Components.from_config(config)
    if args.coder:
        coder = registry.resolve("event_coder", args.coder, actor_linker=parts.actor_linker)
        parts = replace(parts, coder=coder)
    run_pipeline(parts, config, docs[:1], Clock())  # warm-up: tables and models load once
    list(nlp.pipe([t for t, _ in items[:1]]))
    bare = pipe = 0.0
    clock = Clock()
    n_events = 0
    for _ in range(args.rounds):  # alternate, so drift in machine load hits both sides
        t0 = time.perf_counter()
        list(nlp.pipe([t for t, _ in items]))
        bare += time.perf_counter() - t0
        t0 = time.perf_counter()
        n_events = run_pipeline(parts, config, docs, clock)
        pipe += time.perf_counter() - t0
    n = len(items) * args.rounds
    coder_name = type(parts.coder).__name__ if parts.coder else "none"
    print(f"texts: {len(items)} articles, {words} words ({where}); {args.rounds} rounds")
    print(f"coder: {args.coder or config['event_coder']['name']} ({coder_name})")
    print(f"bare spaCy parse: {n / bare:6.2f} articles/s")
    print(f"whole pipeline:   {n / pipe:6.2f} articles/s ({n_events} events a round)")
    print(f"ratio pipeline / bare parse: {bare / pipe:.2f}x (goal >= 0.4x)")
    total = sum(clock.spent.values())
    for stage, secs in sorted(clock.spent.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<18} {secs / total:6.1%}  ({secs / n * 1000:7.1f} ms/article)")


if __name__ == "__main__":
    main()
