"""Score toponym recognition and resolution on the geoparsing corpora (``tidings eval geo``).

Per corpus (never pooled): recognition P/R/F1 with exact spans (and the overlap variant);
resolution on correctly recognised toponyms with gold coordinates (accuracy within 161 km,
mean and median error km, exact GeoNames id where gold has one); and resolution on the gold
spans themselves. A toponym left unresolved counts as wrong, at 20,038 km (half the Earth's
circumference). Baseline in the same run: spaCy GPE/LOC/FAC entities, each resolved to the most
populous gazetteer place of that name. Headline figures are the macro mean over corpora.

``TIDINGS_GEO_EVAL_LIMIT=N`` scores only the first N documents of each corpus.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tidings.annotate import load_pipeline
from tidings.eval import eval_dir
from tidings.geo.geocoder import GazetteerGeocoder
from tidings.geo.recognise import Mention
from tidings.geo.resolve import resolve_mentions

CORPORA = ("lgl", "geovirus", "gwn", "trnews")
EARTH_KM = 6371.0
MISS_KM = math.pi * EARTH_KM  # an unresolved toponym: as far off as a point can be


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Pred:
    """One predicted toponym: span and resolved point (None when unresolved)."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None


def _gold(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in doc["toponyms"] if t.get("is_toponym") and t.get("span_ok", True)]


def _recognition(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]
) -> dict[str, float]:
    gs, ps = set(gold), set(pred)
    tp = len(gs & ps)
    ov_p = sum(1 for p in ps if any(p[0] < g[1] and g[0] < p[1] for g in gs))
    ov_g = sum(1 for g in gs if any(p[0] < g[1] and g[0] < p[1] for p in ps))
    return {
        "tp": tp,
        "n_gold": len(gs),
        "n_pred": len(ps),
        "ov_tp_pred": ov_p,
        "ov_tp_gold": ov_g,
    }


def _prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Scores:
    """Accumulates one system's counts and errors over one corpus."""

    def __init__(self) -> None:
        self.counts: dict[str, float] = {
            "tp": 0,
            "n_gold": 0,
            "n_pred": 0,
            "ov_tp_pred": 0,
            "ov_tp_gold": 0,
        }
        self.errors: list[float] = []
        self.id_hits = 0
        self.id_total = 0
        self.gold_errors: list[float] = []
        self.gold_id_hits = 0
        self.gold_id_total = 0

    def add_doc(self, gold: list[dict[str, Any]], preds: list[Pred], on_gold: list[Pred]) -> None:
        for k, v in _recognition(
            [(t["start"], t["end"]) for t in gold], [(p.start, p.end) for p in preds]
        ).items():
            self.counts[k] += v
        by_span = {(p.start, p.end): p for p in preds}
        for t in gold:
            p = by_span.get((t["start"], t["end"]))
            if p is not None:
                self._score(t, p, self.errors, "rec")
        for t, p in zip(gold, on_gold, strict=True):
            self._score(t, p, self.gold_errors, "gold")

    def _score(self, t: dict[str, Any], p: Pred, errors: list[float], which: str) -> None:
        if t.get("lat") is not None and t.get("lon") is not None:
            if p.lat is None or p.lon is None:
                errors.append(MISS_KM)
            else:
                errors.append(haversine_km(p.lat, p.lon, float(t["lat"]), float(t["lon"])))
        if t.get("geonameid"):
            hit = p.geonameid is not None and str(p.geonameid) == str(t["geonameid"])
            if which == "rec":
                self.id_total += 1
                self.id_hits += hit
            else:
                self.gold_id_total += 1
                self.gold_id_hits += hit

    def metrics(self) -> dict[str, Any]:
        c = self.counts
        p, r, f = _prf(c["tp"], c["n_pred"], c["n_gold"])
        op = c["ov_tp_pred"] / c["n_pred"] if c["n_pred"] else 0.0
        orr = c["ov_tp_gold"] / c["n_gold"] if c["n_gold"] else 0.0
        of = 2 * op * orr / (op + orr) if op + orr else 0.0

        def res(errs: list[float], hits: int, total: int) -> dict[str, Any]:
            return {
                "n": len(errs),
                "acc_161km": sum(e <= 161 for e in errs) / len(errs) if errs else 0.0,
                "mean_km": statistics.fmean(errs) if errs else 0.0,
                "median_km": statistics.median(errs) if errs else 0.0,
                "geonameid_acc": hits / total if total else None,
                "n_geonameid": total,
            }

        rec = res(self.errors, self.id_hits, self.id_total)
        return {
            "precision": p,
            "recall": r,
            "recognition_f1": f,
            "overlap_f1": of,
            "n_gold": c["n_gold"],
            "n_pred": c["n_pred"],
            "acc_161km": rec["acc_161km"],
            "median_km": rec["median_km"],
            "resolution": rec,
            "resolution_on_gold_spans": res(
                self.gold_errors, self.gold_id_hits, self.gold_id_total
            ),
        }


def _pred(
    place_lat: float | None, place_lon: float | None, gid: int | None, s: int, e: int
) -> Pred:
    return Pred(s, e, place_lat, place_lon, gid)


def _baseline(
    geo: GazetteerGeocoder, doc: Any, gold: list[dict[str, Any]]
) -> tuple[list[Pred], list[Pred]]:
    gaz = geo.gazetteer

    def top(name: str, s: int, e: int) -> Pred:
        cands = gaz.lookup(name)
        if not cands:
            return Pred(s, e, None, None, None)
        best = max(cands, key=lambda c: (c.population, -(c.geonameid or 0)))
        return Pred(s, e, best.lat, best.lon, best.geonameid)

    preds = [
        top(ent.text, ent.start_char, ent.end_char)
        for ent in doc.ents
        if ent.label_ in ("GPE", "LOC", "FAC")
    ]
    return preds, [top(t["name"], t["start"], t["end"]) for t in gold]


def _system(
    geo: GazetteerGeocoder, doc: Any, gold: list[dict[str, Any]]
) -> tuple[list[Pred], list[Pred]]:
    preds = [
        Pred(r.mention.start, r.mention.end, r.place.lat, r.place.lon, r.place.geonameid)
        for r in geo.resolve_doc(doc)
    ]
    mentions = [Mention(t["name"], t["start"], t["end"], "gold") for t in gold]
    on_gold = [
        Pred(r.mention.start, r.mention.end, r.place.lat, r.place.lon, r.place.geonameid)
        for r in resolve_mentions(doc.text, mentions, geo.gazetteer, geo.weights)
    ]
    return preds, on_gold


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _score_corpus(
    geo: GazetteerGeocoder, docs: Iterable[dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any], int]:
    nlp = load_pipeline()
    sys_s, base_s = _Scores(), _Scores()
    items = list(docs)
    for parsed, d in zip(nlp.pipe((d["text"] for d in items), batch_size=16), items, strict=True):
        gold = _gold(d)
        preds, on_gold = _system(geo, parsed, gold)
        sys_s.add_doc(gold, preds, on_gold)
        bpreds, bgold = _baseline(geo, parsed, gold)
        base_s.add_doc(gold, bpreds, bgold)
    return sys_s.metrics(), base_s.metrics(), len(items)


def evaluate(data: Path | None) -> dict[str, Any]:
    """Score the geocoder (and the baseline) per corpus; headline = macro mean over corpora."""
    limit_env = os.environ.get("TIDINGS_GEO_EVAL_LIMIT")
    limit = int(limit_env) if limit_env else None
    if data is not None:
        files = {Path(data).stem: Path(data)}
    else:
        base = eval_dir() / "geoparsing"
        files = {c: base / f"{c}.jsonl" for c in CORPORA if (base / f"{c}.jsonl").exists()}
    if not files:
        raise FileNotFoundError(f"no geoparsing corpora under {eval_dir() / 'geoparsing'}")
    geo = GazetteerGeocoder()
    t0 = time.perf_counter()
    per: dict[str, Any] = {}
    per_base: dict[str, Any] = {}
    n = 0
    for name, path in files.items():
        sys_m, base_m, k = _score_corpus(geo, _read(path, limit))
        per[name], per_base[name] = sys_m, base_m
        n += k
    seconds = time.perf_counter() - t0

    def macro(d: dict[str, Any], k: str) -> float:
        return statistics.fmean(v[k] for v in d.values())

    console = Console(width=160)  # eleven columns: never squeeze them to an 80-column pipe
    table = Table(title=f"Geoparsing per corpus ({n} docs, {seconds:.0f} s)")
    for col in (
        "corpus",
        "system",
        "P",
        "R",
        "F1",
        "ovl F1",
        "acc@161",
        "median km",
        "n res",
        "gold-span acc@161",
        "gold-span id acc",
    ):
        table.add_column(col)
    for name in per:
        for label, m in (("tidings", per[name]), ("baseline", per_base[name])):
            g = m["resolution_on_gold_spans"]
            gid = g["geonameid_acc"]
            table.add_row(
                name,
                label,
                f"{m['precision']:.3f}",
                f"{m['recall']:.3f}",
                f"{m['recognition_f1']:.3f}",
                f"{m['overlap_f1']:.3f}",
                f"{m['acc_161km']:.3f}",
                f"{m['median_km']:.0f}",
                str(m["resolution"]["n"]),
                f"{g['acc_161km']:.3f}",
                "-" if gid is None else f"{gid:.3f}",
            )
    console.print(table)
    return {
        "task": "geo",
        "data": str(data) if data is not None else str(eval_dir() / "geoparsing"),
        "n": n,
        "headline": "macro mean over corpora",
        "recognition_f1": macro(per, "recognition_f1"),
        "acc_161km": macro(per, "acc_161km"),
        "median_km": macro(per, "median_km"),
        "corpora": per,
        "seconds": round(seconds, 1),
        "baseline": {
            "recognition_f1": macro(per_base, "recognition_f1"),
            "acc_161km": macro(per_base, "acc_161km"),
            "median_km": macro(per_base, "median_km"),
            "corpora": per_base,
        },
    }


if __name__ == "__main__":  # until the CLI dispatches: python -m tidings.eval.geo [FILE]
    import sys

    result = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(json.dumps(result))
