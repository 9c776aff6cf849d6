"""Score story clustering on ECB+ (gold subtopics) with B-cubed and pairwise P/R/F1.

``tidings eval stories [--data FILE]``: thresholds are tuned on the ``train`` split and scored
on ``dev`` (all dev documents clustered together, the topic never given). The same run scores
the reference baseline (TF-IDF fitted on the split, average-link cosine clustering with a
distance threshold tuned on train) and a confounder check against the coarser gold topics.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from itertools import product
from pathlib import Path
from typing import Any

from tidings.eval import eval_dir
from tidings.stories import ArticleDigest, StorySettings, TfidfEmbedder, assign_stories
from tidings.stories.records import Vector
from tidings.stories.text import top_names

DEFAULT_FILE = Path("story_clustering") / "ecbplus_train_dev.jsonl.gz"
THRESHOLDS = tuple(round(0.3 + 0.025 * i, 3) for i in range(7))  # 0.30 .. 0.45
MERGE_THRESHOLDS = tuple(round(0.15 + 0.025 * i, 3) for i in range(9))  # 0.15 .. 0.35
ENTITY_WEIGHTS = (0.0, 0.15, 0.3)
BASELINE_DISTANCES = tuple(round(0.5 + 0.02 * i, 2) for i in range(25))  # 0.50 .. 0.98


def load_records(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# -- scores --------------------------------------------------------------------------------
def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of one clustering."""
    n = len(pred)
    if n == 0:
        return 0.0, 0.0, 0.0
    both = Counter(zip(pred, gold, strict=True))
    p_size, g_size = Counter(pred), Counter(gold)
    p = sum(both[(a, b)] / p_size[a] for a, b in zip(pred, gold, strict=True)) / n
    r = sum(both[(a, b)] / g_size[b] for a, b in zip(pred, gold, strict=True)) / n
    return p, r, _f1(p, r)


def pairwise(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 over unordered document pairs put in one cluster."""

    def pairs(counts: Iterable[int]) -> int:
        return sum(c * (c - 1) // 2 for c in counts)

    both = pairs(Counter(zip(pred, gold, strict=True)).values())
    n_pred, n_gold = pairs(Counter(pred).values()), pairs(Counter(gold).values())
    p = both / n_pred if n_pred else 0.0
    r = both / n_gold if n_gold else 0.0
    return p, r, _f1(p, r)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# -- systems -------------------------------------------------------------------------------
def digests(records: Sequence[dict[str, Any]], settings: StorySettings) -> list[ArticleDigest]:
    """ECB+ documents as undated, outlet-less digests (the corpus gives neither)."""
    return [
        ArticleDigest(
            article_id=str(r["doc_id"]), outlet=None, published_at=None, title=None,
            text=str(r["text"]), entities=top_names(str(r["text"]), settings.story_entities),
        )
        for r in records
    ]  # fmt: skip


def prepare(
    records: Sequence[dict[str, Any]], settings: StorySettings
) -> tuple[list[ArticleDigest], Vector]:
    """Digests and vectors with the default embedder, stateless as in the runner."""
    docs = digests(records, settings)
    return docs, TfidfEmbedder(dim=settings.dim).embed([d.text for d in docs])


def system_clusters(
    records: Sequence[dict[str, Any]],
    settings: StorySettings,
    prepared: tuple[list[ArticleDigest], Vector] | None = None,
) -> list[str]:
    """Story ids from ``assign_stories`` (all records in one run, as a first store update)."""
    docs, vectors = prepared if prepared is not None else prepare(records, settings)
    return [a.story_id for a in assign_stories(docs, vectors, settings)]


def baseline_clusters(records: Sequence[dict[str, Any]], distance: float) -> list[int]:
    """Reference baseline: TF-IDF + average-link agglomerative clustering on cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [str(r["text"]) for r in records]
    )
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    )
    return [int(c) for c in model.fit_predict(x.toarray())]


def tune_system(
    train: Sequence[dict[str, Any]], base: StorySettings
) -> tuple[StorySettings, float]:
    """Grid-search join threshold, merge threshold and entity weight on train (B-cubed F1)."""
    best, best_f1 = base, -1.0
    gold = [r["subtopic"] for r in train]
    prepared = prepare(train, base)
    for w, t, m in product(ENTITY_WEIGHTS, THRESHOLDS, MERGE_THRESHOLDS):
        s = replace(base, threshold=t, entity_weight=w, merge_threshold=m)
        f1 = bcubed(system_clusters(train, s, prepared), gold)[2]
        if f1 > best_f1 + 1e-9:
            best, best_f1 = s, f1
    return best, best_f1


def tune_baseline(train: Sequence[dict[str, Any]]) -> tuple[float, float]:
    gold = [r["subtopic"] for r in train]
    scored = [(bcubed(baseline_clusters(train, d), gold)[2], -d) for d in BASELINE_DISTANCES]
    f1, neg_d = max(scored)
    return -neg_d, f1


def _scores(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return {
        "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf,
        "pairwise_p": pp, "pairwise_r": pr, "pairwise_f1": pf,
        "n_clusters": float(len(set(pred))),
    }  # fmt: skip


def evaluate(data: Path | None) -> dict[str, Any]:
    """Tune on train, score the system and the baseline on dev; print a table, return metrics."""
    from rich.console import Console
    from rich.table import Table

    path = data if data is not None else eval_dir() / DEFAULT_FILE
    records = load_records(path)
    train = [r for r in records if r.get("split") == "train"]
    dev = [r for r in records if r.get("split") == "dev"] or records
    base = StorySettings()
    settings, train_f1 = tune_system(train, base) if train else (base, float("nan"))
    distance, base_train_f1 = tune_baseline(train) if train else (0.86, float("nan"))

    gold_sub = [r["subtopic"] for r in dev]
    gold_topic = [r["topic"] for r in dev]
    prepared = prepare(dev, base)
    pred = system_clusters(dev, settings, prepared)
    pred_default = system_clusters(dev, base, prepared)
    pred_single = system_clusters(dev, replace(base, merge=False), prepared)
    pred_base = baseline_clusters(dev, distance)
    sys_sub, sys_topic = _scores(pred, gold_sub), _scores(pred, gold_topic)
    base_sub, base_topic = _scores(pred_base, gold_sub), _scores(pred_base, gold_topic)
    default_sub = _scores(pred_default, gold_sub)
    single_sub = _scores(pred_single, gold_sub)

    table = Table(title=f"Story clustering on {path.name} (dev, {len(dev)} docs)")
    for col in ("system", "gold", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "k"):
        table.add_column(col)
    rows = [
        (
            f"tidings tuned on train (t={settings.threshold}, m={settings.merge_threshold}, "
            f"w={settings.entity_weight})",
            "subtopic",
            sys_sub,
        ),
        ("tidings, default config", "subtopic", default_sub),
        ("tidings, default config, merge pass off", "subtopic", single_sub),
        (f"baseline tfidf avg-link (d={distance})", "subtopic", base_sub),
        ("tidings (tuned)", "topic", sys_topic),
        ("baseline", "topic", base_topic),
    ]
    for name, gold, sc in rows:
        table.add_row(
            name, gold, *(f"{sc[k]:.3f}" for k in ("bcubed_p", "bcubed_r", "bcubed_f1",
            "pairwise_p", "pairwise_r", "pairwise_f1")), str(int(sc["n_clusters"])),
        )  # fmt: skip
    Console().print(table)
    return {
        "task": "stories",
        "data": str(path),
        "n": len(dev),
        **{k: round(v, 4) for k, v in sys_sub.items()},
        "gold_clusters": len(set(gold_sub)),
        "tuned": {"threshold": settings.threshold, "merge_threshold": settings.merge_threshold,
                  "entity_weight": settings.entity_weight,
                  "train_bcubed_f1": round(train_f1, 4)},
        "default_config": {k: round(default_sub[k], 4) for k in ("bcubed_f1", "pairwise_f1")},
        "single_pass": {k: round(single_sub[k], 4) for k in ("bcubed_f1", "pairwise_f1")},
        "topic": {k: round(sys_topic[k], 4) for k in ("bcubed_f1", "pairwise_f1")},
        "baseline": {
            **{k: round(v, 4) for k, v in base_sub.items()},
            "distance_threshold": distance,
            "train_bcubed_f1": round(base_train_f1, 4),
            "topic": {k: round(base_topic[k], 4) for k in ("bcubed_f1", "pairwise_f1")},
        },
    }  # fmt: skip
