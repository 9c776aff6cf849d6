"""Benchmark the rule event coder: sentences coded per second vs a bare spaCy parse.

Run: ``.venv/bin/python bench/events.py [--articles N]``. Articles are built from the
hand-written test sentences (tests/events/cases.jsonl), 20 sentences each. Prints the parse
rate, the coding rate (coder only, on already parsed docs, actor linking included) and the
ratio of coding time to parsing time, all measured in this one run.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tidings.actors import make_actor_linker
from tidings.annotate import load_pipeline
from tidings.events import RuleCoder
from tidings.model import AnnotatedDoc, Article

CASES = Path(__file__).resolve().parent.parent / "tests" / "events" / "cases.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args()
    sentences = [json.loads(line)["text"] for line in CASES.read_text().splitlines() if line]
    texts = []
    for i in range(args.articles):
        chunk = [sentences[(i * 20 + j) % len(sentences)] for j in range(20)]
        texts.append(" ".join(chunk))
    nlp = load_pipeline()
    coder = RuleCoder(actor_linker=make_actor_linker())
    coder.code(AnnotatedDoc(Article("warm", "warm", texts[0]), nlp(texts[0])))  # load linker

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    n_sents = sum(len(list(d.sents)) for d in docs)

    t0 = time.perf_counter()
    n_events = 0
    for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        n_events += len(coder.code(AnnotatedDoc(Article(f"a{i}", f"d{i}", text), doc)))
    code = time.perf_counter() - t0

    print(f"articles={len(texts)} sentences={n_sents} events={n_events}")
    print(f"spaCy parse : {n_sents / parse:8.1f} sentences/s ({parse:.2f} s)")
    print(f"rule coder  : {n_sents / code:8.1f} sentences/s ({code:.2f} s)")
    print(f"coder time / parse time = {code / parse:.3f}")
    print(f"parse + code: {n_sents / (parse + code):8.1f} sentences/s")


if __name__ == "__main__":
    main()
