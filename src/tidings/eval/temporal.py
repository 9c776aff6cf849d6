"""Score time-expression recognition and normalisation on TimeML gold (TempEval-3 Task A).

``tidings eval temporal [--data FILE]``: by default both TBAQ files under
``$TIDINGS_EVAL_DIR/temporal`` (``../shared/eval`` from the working directory). Metrics:
strict and relaxed span F1, value and type F1 over relaxed matches, and value accuracy on gold
spans, for tidings.temporal.v1 (tense from the spaCy parse, and from words only) and for the
baseline ``dateparser.search.search_dates`` with the document creation time as RELATIVE_BASE.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tidings.eval import eval_dir
from tidings.model import AnnotatedDoc, Article

FILES = ("tbaq_timebank.jsonl", "tbaq_aquaint.jsonl")


@dataclass(frozen=True)
class Span:
    """A time expression as scored: span, type and value."""

    start: int
    end: int
    kind: str
    value: str | None


def default_files() -> list[Path]:
    return [eval_dir() / "temporal" / name for name in FILES]


def read_docs(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def _dct(doc: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(doc["dct"])[:10])


def _match(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def _prf(correct_p: int, n_pred: int, correct_g: int, n_gold: int) -> tuple[float, float, float]:
    p = correct_p / n_pred if n_pred else 0.0
    r = correct_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    """Counts for one system over a corpus."""

    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    kind: int = 0
    gold_span_value: int = 0

    def add(self, gold: list[Span], pred: list[Span]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        gold_spans = {(g.start, g.end) for g in gold}
        self.strict += sum(1 for p in pred if (p.start, p.end) in gold_spans)
        pairs = _match(gold, pred)
        self.relaxed += len(pairs)
        self.value += sum(1 for g, p in pairs if p.value is not None and g.value == p.value)
        self.kind += sum(1 for g, p in pairs if g.kind == p.kind)

    def metrics(self) -> dict[str, float]:
        sp, sr, sf = _prf(self.strict, self.n_pred, self.strict, self.n_gold)
        rp, rr, rf = _prf(self.relaxed, self.n_pred, self.relaxed, self.n_gold)
        vp, vr, vf = _prf(self.value, self.n_pred, self.value, self.n_gold)
        _, _, tf = _prf(self.kind, self.n_pred, self.kind, self.n_gold)
        return {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "value_p": vp, "value_r": vr, "value_f1": vf,
            "type_f1": tf,
            "value_acc_gold_spans": self.gold_span_value / self.n_gold if self.n_gold else 0.0,
        }  # fmt: skip


def _gold(doc: dict[str, Any]) -> list[Span]:
    return [Span(t["start"], t["end"], t["type"], t.get("value")) for t in doc["timexes"]]


def _baseline_spans(text: str, dct: datetime) -> list[Span]:
    from dateparser.search import search_dates

    settings: Any = {"RELATIVE_BASE": dct, "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(text, languages=["en"], settings=settings) or []
    out: list[Span] = []
    pos = 0
    for substring, when in found:
        at = text.find(substring, pos)
        if at < 0:
            continue
        pos = at + len(substring)
        out.append(Span(at, pos, "DATE", when.date().isoformat()))
    return out


def _baseline_gold_value(text: str, dct: datetime) -> str | None:
    import dateparser

    settings: Any = {"RELATIVE_BASE": dct, "RETURN_AS_TIMEZONE_AWARE": False}
    when = dateparser.parse(text, languages=["en"], settings=settings)
    return when.date().isoformat() if when else None


def _system_gold_value(
    text: str, g: Span, ref: date, by_span: dict[tuple[int, int], Span]
) -> str | None:
    """Our value for a gold span: the system's own when it found exactly that span, else
    the longest expression recognised inside the gold text, with the tense of its sentence."""
    from tidings.temporal.normalise import normalise
    from tidings.temporal.recognise import Mention, recognise
    from tidings.temporal.tense import tense_from_text

    if (g.start, g.end) in by_span:
        return by_span[(g.start, g.end)].value
    inner = recognise(text[g.start : g.end])
    if not inner:
        return None
    best = max(inner, key=lambda m: m.end - m.start)
    m = Mention(g.start + best.start, g.start + best.end, best.text, best.rule, best.fields)
    return normalise(m, ref, tense_from_text(text, m.start, m.end)).value


def evaluate(data: Path | None) -> dict[str, Any]:
    """Score tidings.temporal.v1 and the dateparser baseline; print a table; return metrics."""
    from rich.console import Console
    from rich.table import Table

    from tidings.annotate import load_pipeline
    from tidings.temporal.attach import find_in_doc
    from tidings.temporal.resolver import TemporalResolver

    paths = [Path(data)] if data is not None else default_files()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"evaluation data not found: {', '.join(missing)}")
    docs = list(read_docs(paths))
    resolver = TemporalResolver()
    nlp = load_pipeline()
    parsed = nlp.pipe((d["text"] for d in docs), batch_size=16)
    system, words, baseline = Tally(), Tally(), Tally()
    per_corpus: dict[str, Tally] = {}
    for d, sdoc in zip(docs, parsed, strict=True):
        dct = _dct(d)
        gold = _gold(d)
        text = d["text"]
        article = Article(article_id=d["doc_id"], doc_id=d["doc_id"], text=text, published_at=dct)
        found = [f.to_time_expr() for f in find_in_doc(AnnotatedDoc(article=article, doc=sdoc))]
        pred = [Span(t.start, t.end, t.kind, t.value) for t in found]
        by_span = {(p.start, p.end): p for p in pred}
        on_gold = sum(
            1 for g in gold if _system_gold_value(text, g, dct.date(), by_span) == g.value
        )
        corpus = per_corpus.setdefault(str(d.get("corpus") or "all"), Tally())
        for tally in (system, corpus):
            tally.add(gold, pred)
            tally.gold_span_value += on_gold
        wpred = [Span(t.start, t.end, t.kind, t.value) for t in resolver.find(text, dct)]
        words.add(gold, wpred)
        wby_span = {(p.start, p.end): p for p in wpred}
        words.gold_span_value += sum(
            1 for g in gold if _system_gold_value(text, g, dct.date(), wby_span) == g.value
        )
        baseline.add(gold, _baseline_spans(text, dct))
        baseline.gold_span_value += sum(
            1 for g in gold if _baseline_gold_value(text[g.start : g.end], dct) == g.value
        )
    sm, wm, bm = system.metrics(), words.metrics(), baseline.metrics()
    table = Table(title=f"Time expressions, TempEval-3 Task A ({system.n_gold} gold TIMEX3)")
    table.add_column("metric")
    names = ["tidings", "tidings, tense from words", "dateparser (baseline)"]
    names += [f"tidings on {c}" for c in per_corpus] if len(per_corpus) > 1 else []
    for name in names:
        table.add_column(name, justify="right")
    corpus_metrics = {c: t.metrics() for c, t in per_corpus.items()} if len(per_corpus) > 1 else {}
    for key in sm:
        extra = [f"{m[key]:.3f}" for m in corpus_metrics.values()]
        table.add_row(key, f"{sm[key]:.3f}", f"{wm[key]:.3f}", f"{bm[key]:.3f}", *extra)
    extra = [str(t.n_gold) for t in per_corpus.values()] if corpus_metrics else []
    table.add_row("gold", str(system.n_gold), str(words.n_gold), str(baseline.n_gold), *extra)
    extra = [str(t.n_pred) for t in per_corpus.values()] if corpus_metrics else []
    table.add_row("predicted", str(system.n_pred), str(words.n_pred), str(baseline.n_pred), *extra)
    Console(width=160).print(table)
    return {
        "task": "temporal",
        "data": ",".join(str(p) for p in paths),
        "n": len(docs),
        "n_gold": system.n_gold,
        "n_pred": system.n_pred,
        **sm,
        "words_only_tense": wm,
        "per_corpus": corpus_metrics,
        "baseline": {"name": "dateparser.search.search_dates", **bm, "n_pred": baseline.n_pred},
    }
