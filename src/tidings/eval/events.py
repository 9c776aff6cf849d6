"""Score event coding on the gold CAMEO/PLOVER sentences: types, actors, full tuples.

``tidings eval events [--data FILE]``. Without ``--data`` both dev files under
``events/`` in the eval directory are scored: ``plover_gsr.dev.jsonl`` gives the headline
metrics (PLOVER types, actor codes), ``cameo_manual_examples.dev.jsonl`` the CAMEO-root
metrics (under ``"cameo"``). Definitions (from the data README):

- type micro/macro F1: per sentence, gold set of types vs the set of types emitted;
- source/target accuracy: per gold event, the best emitted event of the same type; its
  actor's country/IGO code must equal one gold actor's code (text overlap on the CAMEO file,
  which has no codes); an empty gold side is matched by an empty predicted side;
- tuple accuracy: same type + source text overlapping one gold source + target text
  overlapping one gold target (unordered parties for reciprocal events).

The keyword baseline (same run) emits the type of the first lexicon trigger, no actors.
A reliability table bins emitted events by confidence against their type precision.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tidings import registry
from tidings.annotate import load_pipeline
from tidings.config import load_config
from tidings.eval import eval_dir
from tidings.model import ActorRef, AnnotatedDoc, Article, Event

FILES = ("plover_gsr.dev.jsonl", "cameo_manual_examples.dev.jsonl")
# CAMEO-2016 country codes in the gold data that differ from ISO 3166 alpha-3.
_OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "GER": "DEU", "UKG": "GBR"}
_STOP = frozenset({"the", "a", "an", "of", "s", "'s", "and", "its", "their", "his", "her"})


@dataclass
class Pred:
    """What a coder emitted for one record, reduced to what is scored."""

    events: list[Event] = field(default_factory=list)
    types: set[str] = field(default_factory=set)


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP}


def _text_match(ref: ActorRef | None, gold: list[dict[str, Any]]) -> bool:
    if not gold:
        return ref is None
    if ref is None:
        return False
    mine = _words(ref.text) | _words(ref.name)
    return any(mine & _words(g.get("text")) for g in gold)


def _code_of(ref: ActorRef) -> str | None:
    code = ref.code or ""
    if (
        code.startswith("IGO")
        or ref.sector == "IGO"
        or (not ref.country_iso3 and code[:3] == "IGO")
    ):
        return "IGO"
    return ref.country_iso3 or (code[:3] if code else None)


def _code_match(ref: ActorRef | None, gold: list[dict[str, Any]]) -> bool:
    if not gold:
        return ref is None
    if ref is None:
        return False
    if all(g.get("code") is None for g in gold):
        return _text_match(ref, gold)
    mine = _code_of(ref)
    return any(_OLD_CODES.get(g.get("code") or "", g.get("code")) == mine for g in gold)


def _parties_match(ev: Event, gold: dict[str, Any]) -> bool:
    if gold.get("reciprocal") or ev.reciprocal:
        parties = [a for a in (ev.source, ev.target) if a is not None]
        everyone = gold.get("source", []) + gold.get("target", [])
        return bool(parties) and all(_text_match(p, everyone) for p in parties)
    return _text_match(ev.source, gold.get("source", [])) and _text_match(
        ev.target, gold.get("target", [])
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _type_scores(gold: list[set[str]], pred: list[set[str]]) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for t in g & p:
            tp[t] += 1
        for t in p - g:
            fp[t] += 1
        for t in g - p:
            fn[t] += 1
    p_, r_, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    labels = sorted(set(tp) | set(fn))  # types present in the gold data
    per = {t: _prf(tp[t], fp[t], fn[t]) for t in labels}
    macro = sum(v[2] for v in per.values()) / len(per) if per else 0.0
    support = Counter({t: tp[t] + fn[t] for t in labels})
    return {
        "precision": p_,
        "recall": r_,
        "micro_f1": f,
        "macro_f1": macro,
        "per_type": per,
        "support": support,
    }


def _gold_type(ev: dict[str, Any], cameo: bool) -> str | None:
    if cameo:
        return ev.get("cameo_root")
    return ev.get("plover_event")


def _pred_type(ev: Event, cameo: bool) -> str | None:
    return ev.cameo_root if cameo else ev.plover_type


def score(records: list[dict[str, Any]], preds: list[Pred], *, cameo: bool) -> dict[str, Any]:
    """All metrics of one file for one coder's predictions."""
    gold_sets = [{t for e in r["events"] if (t := _gold_type(e, cameo))} for r in records]
    pred_sets = [{t for e in p.events if (t := _pred_type(e, cameo))} for p in preds]
    if not cameo:
        pred_sets = [p.types or s for p, s in zip(preds, pred_sets, strict=True)]
    out = _type_scores(gold_sets, pred_sets)
    n_gold = src_ok = tgt_ok = tup_ok = mode_n = mode_ok = 0
    for rec, pred in zip(records, preds, strict=True):
        for g in rec["events"]:
            gtype = _gold_type(g, cameo)
            if gtype is None:
                continue
            n_gold += 1
            same = [e for e in pred.events if _pred_type(e, cameo) == gtype]
            src_ok += any(_code_match(e.source, g.get("source", [])) for e in same)
            tgt_ok += any(_code_match(e.target, g.get("target", [])) for e in same)
            tup_ok += any(_parties_match(e, g) for e in same)
            if not cameo and g.get("plover_mode"):
                mode_n += 1
                mode_ok += any(e.plover_mode == g["plover_mode"] for e in same)
    out.update(
        n_records=len(records),
        n_gold_events=n_gold,
        source_acc=src_ok / n_gold if n_gold else 0.0,
        target_acc=tgt_ok / n_gold if n_gold else 0.0,
        tuple_acc=tup_ok / n_gold if n_gold else 0.0,
        tuple_matched=tup_ok,
        mode_acc=mode_ok / mode_n if mode_n else None,
        mode_n=mode_n,
    )
    if cameo:
        quiet = [
            not p.events
            for r, p in zip(records, preds, strict=True)
            if all(e.get("plover_event_crosswalk") is None for e in r["events"])
        ]
        out["no_plover_records"] = len(quiet)
        out["no_plover_emitted_nothing"] = sum(quiet) / len(quiet) if quiet else None
    return out


def reliability(
    records: list[dict[str, Any]], preds: list[Pred], *, cameo: bool, bins: int = 5
) -> list[dict[str, Any]]:
    """Confidence bins of emitted events vs the share whose type is in the gold set."""
    rows: list[dict[str, Any]] = [
        {"lo": i / bins, "hi": (i + 1) / bins, "n": 0, "correct": 0} for i in range(bins)
    ]
    for rec, pred in zip(records, preds, strict=True):
        gold = {t for e in rec["events"] if (t := _gold_type(e, cameo))}
        for ev in pred.events:
            row = rows[min(bins - 1, int(ev.confidence * bins))]
            row["n"] += 1
            row["correct"] += _pred_type(ev, cameo) in gold
            row["conf_sum"] = row.get("conf_sum", 0.0) + ev.confidence
    for row in rows:
        row["precision"] = row["correct"] / row["n"] if row["n"] else None
        row["mean_confidence"] = row.pop("conf_sum", 0.0) / row["n"] if row["n"] else None
    return rows


def calibration_error(
    records: list[dict[str, Any]], preds: list[Pred], *, cameo: bool, raw: bool = False
) -> dict[str, float | None]:
    """Brier score and expected calibration error (10 bins) of confidence vs type correctness;
    ``raw``: of the uncalibrated score kept in ``extra["confidence_raw"]``."""
    pairs: list[tuple[float, float]] = []
    for rec, pred in zip(records, preds, strict=True):
        gold = {t for e in rec["events"] if (t := _gold_type(e, cameo))}
        for ev in pred.events:
            c = float(ev.extra.get("confidence_raw", ev.confidence)) if raw else ev.confidence
            pairs.append((c, 1.0 if _pred_type(ev, cameo) in gold else 0.0))
    if not pairs:
        return {"brier": None, "ece": None}
    brier = sum((c - y) ** 2 for c, y in pairs) / len(pairs)
    groups: dict[int, list[tuple[float, float]]] = {}
    for c, y in pairs:
        groups.setdefault(min(9, int(c * 10)), []).append((c, y))
    ece = sum(
        abs(sum(c for c, _ in g) - sum(y for _, y in g)) / len(pairs) for g in groups.values()
    )
    return {"brier": round(brier, 4), "ece": round(ece, 4)}


def keyword_baseline() -> Callable[[Any], Pred]:
    """First lexicon trigger word (bare-verb entry, or noun) -> its type; no actors."""
    from tidings.events._lexicon import load_lexicon

    lex = load_lexicon()

    def bare(entries: Iterable[Any]) -> str | None:
        for e in entries:
            if e.specificity == 0 and e.cameo_code != "---":
                c = lex.code(e.cameo_code)
                if c is not None:
                    return c.code
        return None

    def run(sdoc: Any) -> Pred:
        for tok in sdoc:
            table = lex.verbs if tok.pos_ == "VERB" else lex.nouns if tok.pos_ == "NOUN" else {}
            code = bare(table.get(tok.lemma_.lower(), []))
            if code is not None:
                c = lex.code(code)
                assert c is not None
                ev = _bare_event(c.code, c.root, c.plover_event)
                return Pred(events=[ev], types={c.plover_event} if c.plover_event else set())
        return Pred()

    return run


def _bare_event(code: str, root: str, plover: str) -> Event:
    return Event(
        event_id="baseline",
        article_id="baseline",
        sentence_idx=0,
        plover_type=plover,
        plover_mode=None,
        cameo_code=code,
        cameo_root=root,
        quad_class=None,
        goldstein=None,
        source=None,
        target=None,
        evidence_text="",
        evidence_start=0,
        evidence_end=0,
        trigger_text="",
        trigger_start=0,
        trigger_end=0,
        coder="keyword-baseline",
        coder_version="1",
        confidence=0.5,
    )


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _table(title: str, rows: Sequence[Sequence[str]], header: Sequence[str]) -> Table:
    t = Table(title=title)
    for h in header:
        t.add_column(h)
    for r in rows:
        t.add_row(*r)
    return t


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def evaluate(data: Path | None, coder: str | None = None) -> dict[str, Any]:
    """Score the configured coder (default the rule coder) and the keyword baseline."""
    coder_name = coder or os.environ.get("TIDINGS_EVENT_CODER", "tidings.rules.v1")
    paths = [data] if data else [eval_dir() / "events" / f for f in FILES]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"{p}: evaluation file not found (set TIDINGS_EVAL_DIR)")
    nlp = load_pipeline()
    # The configured coder is scored with its configured settings (relevance gate, context
    # actors ...); any other coder with its defaults.
    section = dict(load_config().get("event_coder", {}))
    settings = (
        {k: v for k, v in section.items() if k not in ("name", "actor_linker")}
        if coder_name == section.get("name")
        else {}
    )
    system = registry.resolve("event_coder", coder_name, **settings)
    base = keyword_baseline()
    console = Console()
    results: dict[str, dict[str, Any]] = {}
    for path in paths:
        records = _load(path)
        cameo = records[0].get("dataset") == "cameo_manual_examples" if records else False
        preds: list[Pred] = []
        bpreds: list[Pred] = []
        for i, rec in enumerate(records):
            art = Article(article_id=f"eval-{i}", doc_id=f"eval-{i}", text=rec["text"])
            sdoc = nlp(rec["text"])
            # A requested act ("urged X to halt strikes") is a sub-record of its REQUEST; the
            # gold codes the request only, so the requested act is not scored as an event.
            evs = [
                e
                for e in system.code(AnnotatedDoc(article=art, doc=sdoc))
                if "requested_by_event" not in e.extra
            ]
            preds.append(Pred(events=evs, types={e.plover_type for e in evs}))
            bpreds.append(base(sdoc))
        s = score(records, preds, cameo=cameo)
        b = score(records, bpreds, cameo=cameo)
        s["reliability"] = reliability(records, preds, cameo=cameo)
        s["calibration"] = calibration_error(records, preds, cameo=cameo)
        s["calibration_raw"] = calibration_error(records, preds, cameo=cameo, raw=True)
        results[path.name] = {"system": s, "baseline": b, "cameo": cameo, "path": str(path)}
        _print(console, path.name, coder_name, s, b, cameo)
    return _summary(results, coder_name, paths)


def _print(
    console: Console, name: str, coder: str, s: dict[str, Any], b: dict[str, Any], cameo: bool
) -> None:
    unit = "CAMEO root" if cameo else "PLOVER type"
    keys = ("micro_f1", "macro_f1", "precision", "recall", "source_acc", "target_acc", "tuple_acc")
    rows = [(k, _f(s[k]), _f(b[k])) for k in keys]
    if s.get("mode_acc") is not None:
        rows.append((f"mode_acc (n={s['mode_n']})", _f(s["mode_acc"]), _f(b["mode_acc"])))
    if cameo:
        rows.append(
            (
                f"01/02 records emitting no event (n={s['no_plover_records']})",
                _f(s["no_plover_emitted_nothing"]),
                _f(b["no_plover_emitted_nothing"]),
            )
        )
    console.print(
        _table(
            f"{name}: {unit} ({s['n_records']} records, {s['n_gold_events']} gold events)",
            rows,
            ("metric", coder, "keyword baseline"),
        )
    )
    top = [t for t, _ in s["support"].most_common(5)]
    console.print(
        _table(
            f"{name}: per-{unit} F1, 5 most frequent",
            [(t, str(s["support"][t]), *(f"{v:.3f}" for v in s["per_type"][t])) for t in top],
            ("type", "gold", "P", "R", "F1"),
        )
    )
    console.print(
        _table(
            f"{name}: reliability (confidence bin vs type precision)",
            [
                (
                    f"[{r['lo']:.1f},{r['hi']:.1f})",
                    str(r["n"]),
                    _f(r["mean_confidence"]),
                    _f(r["precision"]),
                )
                for r in s["reliability"]
            ],
            ("confidence", "events", "mean confidence", "precision"),
        )
    )
    cal, raw = s["calibration"], s["calibration_raw"]
    console.print(
        f"{name}: Brier {_f(cal['brier'])} (raw score {_f(raw['brier'])}), "
        f"ECE {_f(cal['ece'])} (raw score {_f(raw['ece'])})"
    )


def _pick(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "type_micro_f1": round(s["micro_f1"], 4),
        "type_macro_f1": round(s["macro_f1"], 4),
        "source_acc": round(s["source_acc"], 4),
        "target_acc": round(s["target_acc"], 4),
        "tuple_acc": round(s["tuple_acc"], 4),
    }


def _summary(results: dict[str, dict[str, Any]], coder: str, paths: list[Path]) -> dict[str, Any]:
    head_name = next((n for n, r in results.items() if not r["cameo"]), next(iter(results)))
    head = results[head_name]
    out: dict[str, Any] = {
        "task": "events",
        "data": ",".join(str(p) for p in paths),
        "n": head["system"]["n_records"],
        "coder": coder,
        **_pick(head["system"]),
        "mode_acc": head["system"].get("mode_acc"),
        "per_type_f1": {
            t: round(head["system"]["per_type"][t][2], 4)
            for t, _ in head["system"]["support"].most_common(5)
        },
        "reliability": [
            {
                "bin": f"{r['lo']:.1f}-{r['hi']:.1f}",
                "n": r["n"],
                "mean_confidence": r["mean_confidence"],
                "precision": r["precision"],
            }
            for r in head["system"]["reliability"]
        ],
        "calibration": head["system"]["calibration"],
        "calibration_raw": head["system"]["calibration_raw"],
        "baseline": _pick(head["baseline"]),
    }
    for name, r in results.items():
        if r["cameo"] and name != head_name:
            out["cameo"] = {
                "n": r["system"]["n_records"],
                **_pick(r["system"]),
                "no_plover_emitted_nothing": r["system"]["no_plover_emitted_nothing"],
                "baseline": _pick(r["baseline"]),
            }
    return out
