"""Benchmark story clustering: articles/s and peak memory at 10k and 100k synthetic articles.

Run: .venv/bin/python bench/stories.py [--sizes 10000 100000] [--no-merge]

Synthetic articles: each story has its own names and topic words and runs for a few days; the
corpus keeps a constant number of articles per day, so the date window holds about the same
number of stories at any size and near-linear growth shows as a time ratio close to the size
ratio. Measured per size in one run: embedding (hashed TF-IDF), MinHash signatures and
incremental assignment; memory is the growth of the peak resident set size of a fresh process
per size while clustering (the corpus itself excluded).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import time
from datetime import UTC, datetime, timedelta

import numpy as np

from tidings.stories import ArticleDigest, StorySettings, TfidfEmbedder, assign_stories, signature
from tidings.stories.text import top_names

SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "dan", "qui", "po", "zer", "an"]
PER_DAY = 400  # articles per day, whatever the corpus size
PER_STORY = 8  # articles per story on average


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def corpus(n: int, seed: int = 7) -> tuple[list[ArticleDigest], list[int]]:
    rng = random.Random(seed)
    common = [_word(rng, 2) for _ in range(3000)]
    n_stories = max(1, n // PER_STORY)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    stories = []
    for s in range(n_stories):
        names = [_word(rng, 3).capitalize() for _ in range(4)]
        topic = [_word(rng, 3) for _ in range(25)]
        day = s * PER_STORY / PER_DAY
        stories.append((names, topic, day))
    docs, gold = [], []
    for i in range(n):
        s = rng.randrange(n_stories)
        names, topic, day = stories[s]
        body = []
        for _ in range(6):
            sent = [rng.choice(common) for _ in range(8)] + [rng.choice(topic) for _ in range(4)]
            sent.insert(rng.randrange(len(sent)), rng.choice(names))
            body.append(" ".join(sent).capitalize() + ".")
        text = " ".join(body)
        when = start + timedelta(days=day + rng.random() * 3)
        docs.append(
            ArticleDigest(
                article_id=f"a{i:07d}", outlet=f"outlet{rng.randrange(50)}", published_at=when,
                title=" ".join(rng.sample(topic, 4)), text=text,
                entities=top_names(text, 12),
            )
        )  # fmt: skip
        gold.append(s)
    return docs, gold


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run(n: int, settings: StorySettings) -> dict[str, float]:
    docs, gold = corpus(n)
    rss_before = _rss_kb()
    t0 = time.perf_counter()
    embedder = TfidfEmbedder(dim=settings.dim)
    vectors = np.concatenate(
        [embedder.embed([d.text for d in docs[i : i + 5000]]) for i in range(0, n, 5000)]
    )
    sigs = [
        signature(d.text, num_perm=settings.num_perm, shingle_words=settings.shingle_words)
        for d in docs
    ]
    t1 = time.perf_counter()
    assignments = assign_stories(docs, vectors, settings, signatures=list(sigs))
    t2 = time.perf_counter()
    peak = max(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
    from tidings.eval.stories import bcubed

    f1 = bcubed([a.story_id for a in assignments], gold)[2]
    return {
        "n": n, "seconds": t2 - t0, "features_s": t1 - t0, "assign_s": t2 - t1,
        "articles_per_s": n / (t2 - t0), "peak_mb": peak / 2**20, "bcubed_f1": f1,
        "stories": len({a.story_id for a in assignments}),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--no-merge", action="store_true", help="single greedy pass (no average-link merge pass)"
    )
    args = parser.parse_args()
    settings = StorySettings(merge=not args.no_merge)
    ctx = multiprocessing.get_context("spawn")  # a fresh process per size: honest peak memory
    results = []
    for n in args.sizes:
        with ctx.Pool(1) as pool:
            results.append(pool.apply(run, (n, settings)))
    print(f"{'n':>8} {'total s':>8} {'feat s':>7} {'assign s':>8} {'art/s':>7} "
          f"{'peak MB':>8} {'stories':>8} {'B3 F1':>6}")  # fmt: skip
    for r in results:
        print(
            f"{r['n']:>8} {r['seconds']:>8.1f} {r['features_s']:>7.1f} {r['assign_s']:>8.1f} "
            f"{r['articles_per_s']:>7.0f} {r['peak_mb']:>8.0f} {r['stories']:>8} "
            f"{r['bcubed_f1']:>6.3f}"
        )
    if len(results) >= 2:
        a, b = results[0], results[-1]
        size = b["n"] / a["n"]
        print(
            f"size x{size:.0f}: time x{b['seconds'] / a['seconds']:.1f} "
            f"(assign x{b['assign_s'] / a['assign_s']:.1f}), "
            f"memory x{b['peak_mb'] / a['peak_mb']:.1f}, "
            f"throughput ratio {b['articles_per_s'] / a['articles_per_s']:.2f} (1.00 = linear)"
        )


if __name__ == "__main__":
    main()
