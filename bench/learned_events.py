"""Benchmark ``tidings.learned.v2`` next to the rule coder and a bare spaCy parse, one run.

Run: ``.venv/bin/python bench/learned_events.py [--articles N]``. Articles are built from the
hand-written test sentences (tests/events/cases.jsonl), 20 sentences each. Prints parse time,
each coder's time on the parsed docs, and MiniLM's share of the learned coder's time (it runs
only on sentences where the rules propose an event, batched once per article).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tidings.actors import make_actor_linker
from tidings.annotate import load_pipeline
from tidings.events import LearnedV2Coder, RuleCoder
from tidings.model import AnnotatedDoc, Article

CASES = Path(__file__).resolve().parent.parent / "tests" / "events" / "cases.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=20)
    args = ap.parse_args()
    sentences = [json.loads(line)["text"] for line in CASES.read_text().splitlines() if line]
    texts = [
        " ".join(sentences[(i * 20 + j) % len(sentences)] for j in range(20))
        for i in range(args.articles)
    ]
    nlp = load_pipeline()
    linker = make_actor_linker()  # one instance, as the pipeline shares it
    rules, learned = RuleCoder(actor_linker=linker), LearnedV2Coder(actor_linker=linker)
    warm = AnnotatedDoc(Article("warm", "warm", texts[0]), nlp(texts[0]))
    rules.code(warm)
    learned.code(warm)  # loads the linker and MiniLM outside the timings
    learned.encode_seconds, learned.sentences_encoded = 0.0, 0

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    n_sents = sum(len(list(d.sents)) for d in docs)
    timings = {}
    for name, coder in (("rules.v1", rules), ("learned.v2", learned)):
        t0 = time.perf_counter()
        for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
            coder.code(AnnotatedDoc(Article(f"a{i}", f"d{i}", text), doc))
        timings[name] = time.perf_counter() - t0
    lv2 = timings["learned.v2"]
    print(f"articles={len(texts)} sentences={n_sents} parse={parse:.2f} s")
    print(f"rules.v1   : {timings['rules.v1']:.2f} s = {timings['rules.v1'] / parse:.2f} x parse")
    print(f"learned.v2 : {lv2:.2f} s = {lv2 / parse:.2f} x parse")
    print(
        f"MiniLM     : {learned.encode_seconds:.2f} s on {learned.sentences_encoded} of "
        f"{n_sents} sentences = {learned.encode_seconds / lv2:.0%} of learned.v2 time"
    )
    print(f"parse + learned.v2 / parse = {(parse + lv2) / parse:.2f}")


if __name__ == "__main__":
    main()
