"""Score quote finding on PolNeAR: content span P/R/F1 (overlap and exact) and source P/R/F1.

``tidings eval quotes [--data FILE]`` (default ``quotes/polnear_dev.jsonl`` under the eval
directory). Contents match one-to-one, greedily by largest character overlap; the exact variant
needs identical first start and last end. Over overlap-matched pairs a source is correct when
the predicted speaker span overlaps a gold source fragment. All attributions and the direct
subset (content holding quotation marks) are scored separately. The baseline in the same run:
text in double quotes (three words or more) and the capitalised name next to the nearest "said".
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tidings import registry
from tidings.annotate import load_pipeline
from tidings.eval import eval_dir
from tidings.model import AnnotatedDoc, Article

DEFAULT_FILE = Path("quotes") / "polnear_dev.jsonl"
_MARKS = '“”"«»'


@dataclass(frozen=True)
class Item:
    """One content span (gold or predicted) with its source spans."""

    doc: int
    fragments: tuple[tuple[int, int], ...]
    sources: tuple[tuple[int, int], ...]
    direct: bool

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pred: Sequence[Item], gold: Sequence[Item]) -> dict[str, float]:
    """Content (overlap, exact) and source precision/recall/F1 of ``pred`` against ``gold``."""
    pairs: list[tuple[int, int, int]] = []
    by_doc: dict[int, list[int]] = {}
    for gi, g in enumerate(gold):
        by_doc.setdefault(g.doc, []).append(gi)
    for pi, p in enumerate(pred):
        for gi in by_doc.get(p.doc, []):
            ov = sum(_overlap(pf, gf) for pf in p.fragments for gf in gold[gi].fragments)
            if ov > 0:
                pairs.append((ov, pi, gi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        matched.append((pi, gi))
    exact_keys: dict[tuple[int, int, int], int] = {}
    for g in gold:
        key = (g.doc, g.start, g.end)
        exact_keys[key] = exact_keys.get(key, 0) + 1
    exact = 0
    for p in pred:
        key = (p.doc, p.start, p.end)
        if exact_keys.get(key, 0) > 0:
            exact_keys[key] -= 1
            exact += 1
    src_ok = sum(
        1
        for pi, gi in matched
        if pred[pi].sources
        and any(_overlap(ps, gs) > 0 for ps in pred[pi].sources for gs in gold[gi].sources)
    )
    n_pred_src = sum(1 for p in pred if p.sources)
    n_gold_src = sum(1 for g in gold if g.sources)
    cp = len(matched) / len(pred) if pred else 0.0
    cr = len(matched) / len(gold) if gold else 0.0
    ep = exact / len(pred) if pred else 0.0
    er = exact / len(gold) if gold else 0.0
    sp = src_ok / n_pred_src if n_pred_src else 0.0
    sr = src_ok / n_gold_src if n_gold_src else 0.0
    return {
        "content_precision": cp,
        "content_recall": cr,
        "content_f1": _f1(cp, cr),
        "content_exact_precision": ep,
        "content_exact_recall": er,
        "content_exact_f1": _f1(ep, er),
        "source_precision": sp,
        "source_recall": sr,
        "source_f1": _f1(sp, sr),
    }


def gold_items(records: Sequence[dict[str, Any]]) -> list[Item]:
    out: list[Item] = []
    for d, rec in enumerate(records):
        for a in rec["attributions"]:
            frags = tuple(sorted((c["start"], c["end"]) for c in a["content"]))
            if not frags:
                continue
            srcs = tuple((s["start"], s["end"]) for s in a["source"])
            out.append(Item(d, frags, srcs, bool(a["direct"])))
    return out


def system_items(records: Sequence[dict[str, Any]]) -> tuple[list[Item], float, float]:
    """Run ``tidings.quotes.v1`` over the records; returns items, parse and find seconds."""
    nlp = load_pipeline()
    finder = registry.resolve("quote_finder", "tidings.quotes.v1")  # its defaults and linker
    t0 = time.perf_counter()
    texts = ((r["text"], i) for i, r in enumerate(records))
    docs = list(nlp.pipe(texts, as_tuples=True, batch_size=16))
    t1 = time.perf_counter()
    out: list[Item] = []
    for doc, d in docs:
        art = Article(article_id=str(d), doc_id=str(d), text=records[d]["text"])
        for q in finder.find(AnnotatedDoc(article=art, doc=doc)):
            src: tuple[tuple[int, int], ...] = ()
            if q.speaker_start is not None and q.speaker_end is not None:
                src = ((q.speaker_start, q.speaker_end),)
            # the gold file's own rule for "direct": the content holds a quotation mark character
            direct = any(ch in q.content for ch in _MARKS)
            out.append(Item(d, ((q.start, q.end),), src, direct))
    return out, t1 - t0, time.perf_counter() - t1


_QUOTED = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
_SAID = re.compile(r"\bsaid\b")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+$")
_NAME_AFTER = re.compile(r"^\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)")


def baseline_items(records: Sequence[dict[str, Any]], max_gap: int = 150) -> list[Item]:
    """Double-quoted text (3+ words) with the capitalised name next to the nearest "said"."""
    out: list[Item] = []
    for d, rec in enumerate(records):
        text = rec["text"]
        saids = [m.start() for m in _SAID.finditer(text)]
        for m in _QUOTED.finditer(text):
            if len(m.group(1).split()) < 3:
                continue
            s, e = m.start(), m.end()
            near = [x for x in saids if (s - max_gap <= x < s) or (e <= x < e + max_gap)]
            src: tuple[tuple[int, int], ...] = ()
            if near:
                x = min(near, key=lambda x: min(abs(x - s), abs(x - e)))
                before = _NAME_BEFORE.search(text[max(0, x - 60) : x])
                after = _NAME_AFTER.search(text[x + 4 : x + 64])
                if before:
                    src = ((max(0, x - 60) + before.start(1), max(0, x - 60) + before.end(1)),)
                elif after:
                    src = ((x + 4 + after.start(1), x + 4 + after.end(1)),)
            out.append(Item(d, ((s, e),), src, True))
    return out


def _both(pred: Sequence[Item], gold: Sequence[Item]) -> dict[str, float]:
    allm = score(pred, gold)
    direct = score([p for p in pred if p.direct], [g for g in gold if g.direct])
    allm.update({f"direct_{k}": v for k, v in direct.items()})
    return allm


def evaluate(data: Path | None) -> dict[str, Any]:
    """Score ``tidings.quotes.v1`` and the baseline; print a table, return the metrics."""
    path = data if data is not None else eval_dir() / DEFAULT_FILE
    with open(path, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    gold = gold_items(records)
    pred, parse_s, find_s = system_items(records)
    base = baseline_items(records)
    ours = _both(pred, gold)
    theirs = _both(base, gold)
    table = Table(title=f"quotes: {path.name} ({len(records)} docs, {len(gold)} gold attributions)")
    table.add_column("system")
    table.add_column("subset")
    for col in ("content P/R/F1", "exact P/R/F1", "source P/R/F1"):
        table.add_column(col, justify="right")
    for label, m in (("tidings.quotes.v1", ours), ("baseline", theirs)):
        for subset, pre in (("all", ""), ("direct", "direct_")):
            cells = [
                "/".join(f"{m[f'{pre}{k}_{x}']:.3f}" for x in ("precision", "recall", "f1"))
                for k in ("content", "content_exact", "source")
            ]
            table.add_row(label, subset, *cells)
    Console(width=140).print(table)
    Console().print(
        f"spaCy parse {parse_s:.1f} s + quote finding {find_s:.1f} s for {len(records)} "
        f"articles; {len(pred)} quotes"
    )
    return {
        "task": "quotes",
        "data": str(path),
        "n": len(records),
        "n_gold": len(gold),
        "n_pred": len(pred),
        "parse_seconds": round(parse_s, 2),
        "find_seconds": round(find_s, 2),
        **{k: round(v, 4) for k, v in ours.items()},
        "baseline": {k: round(v, 4) for k, v in theirs.items()},
    }


if __name__ == "__main__":
    print(json.dumps(evaluate(None)))
