"""Score the whole pipeline on whole real news articles (``tidings eval news``).

Gold: ``news_events/*.dev.jsonl`` in the eval directory (or ``--data FILE``): one article a line
with every codable event (evidence sentence, PLOVER type, source/target codes, date, place,
``background``). Each article is fed as a text document with its title and ``published`` date
through the configured stages (extract, annotate, code, dates, places, quotes), the way a user
meets it. Matching rule (the data README):

- a system event and a gold event *type-match* when their evidence sentences share at least half
  the words of the shorter one and their PLOVER types are equal;
- they *dyad-match* when they type-match and both parties' countries agree (first three letters
  of the codes; a party missing on one side must be missing on the other; CONSULT unordered);
- one-to-one, greedy within each article, dyad matches first (best word overlap first), then
  type matches among what is left; a dyad match counts as a type match too.

"Without background" drops the gold events flagged ``background`` and the system events matched
to them. Date accuracy (event date at the system's precision equals the gold date; undated equals
null; a week, which the gold cannot write, is scored as the month of its Thursday) and
place-country accuracy (the place's country equals the gold one; no place equals null)
are over type-matched events. A requested act ("urged X to halt strikes") is a sub-record of its
REQUEST and is not scored, as in ``tidings eval events``.

The baseline in the same run is the rule coder ``tidings.rules.v1`` with the settings it had
before the relevance gate and context actors existed (``BASELINE_SETTINGS``), on the same stages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tidings import registry
from tidings.config import Config, load_config
from tidings.eval import eval_dir
from tidings.extract import extract_articles
from tidings.model import AnnotatedDoc, Event, RawDoc

BASELINE = "tidings.rules.v1"
# What the rule coder did before this measure existed: no relevance gate, no context actors,
# no non-political filter (its other fixes, and the dates/places stages, are shared).
BASELINE_SETTINGS: dict[str, Any] = {
    "require_actor": False,
    "context_actors": False,
    "skip_non_political": False,
}
FOLDER = "news_events"
_STOP = frozenset({"the", "a", "an", "of", "s", "and", "to", "in", "on", "at", "for", "by"})
RECIPROCAL = frozenset({"CONSULT"})


@dataclass(frozen=True)
class Item:
    """A gold or system event, reduced to what the matcher and scorer compare."""

    words: frozenset[str]
    type: str
    source: str | None  # first three letters of the code, None when the party is missing
    target: str | None
    date: str | None
    place_country: str | None
    background: bool = False


def words(text: str) -> frozenset[str]:
    """Content words of a sentence, lower-cased (the unit of the evidence overlap)."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the shorter sentence's words (0 when either is empty)."""
    short = min(len(a), len(b))
    return len(a & b) / short if short else 0.0


def same_sentence(a: Item, b: Item) -> bool:
    return overlap(a.words, b.words) >= 0.5


def dyad_ok(sys: Item, gold: Item) -> bool:
    """Both countries agree (a missing party matches only a missing one); CONSULT unordered."""
    if (sys.source, sys.target) == (gold.source, gold.target):
        return True
    return gold.type in RECIPROCAL and (sys.source, sys.target) == (gold.target, gold.source)


def match(system: Sequence[Item], gold: Sequence[Item]) -> dict[int, tuple[int, bool]]:
    """Greedy one-to-one matching of one article: system index -> (gold index, dyad match)."""
    pairs: list[tuple[bool, float, int, int]] = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if s.type == g.type and same_sentence(s, g):
                pairs.append((dyad_ok(s, g), overlap(s.words, g.words), i, j))
    # Dyad matches first, then the best evidence overlap; text order breaks ties.
    pairs.sort(key=lambda p: (not p[0], -p[1], p[2], p[3]))
    out: dict[int, tuple[int, bool]] = {}
    used: set[int] = set()
    for dyad, _, i, j in pairs:
        if i in out or j in used:
            continue
        out[i] = (j, dyad)
        used.add(j)
    return out


def _country(code: str | None) -> str | None:
    return code[:3].upper() if code else None


def gold_item(ev: dict[str, Any]) -> Item:
    place = ev.get("place") or {}
    return Item(
        words=words(ev["evidence"]),
        type=ev["type"],
        source=_country((ev.get("source") or {}).get("code")),
        target=_country((ev.get("target") or {}).get("code")),
        date=ev.get("date"),
        place_country=place.get("country"),
        background=bool(ev.get("background")),
    )


_PRECISION_CHARS = {"day": 10, "month": 7, "year": 4}


def _party_code(ref: Any) -> str | None:
    if ref is None:
        return None
    code = ref.code or ref.country_iso3
    return _country(code)


def scored_date(event_date: str | None, precision: str | None) -> str | None:
    """The system date as the gold writes it: cut to its precision. The gold has no week
    precision (its annotators write "last week" as the month), so a week, which Tidings keeps
    as its Monday with precision ``week``, is scored as the month holding its Thursday (the
    ISO rule for the month and year a week belongs to); a week is never scored as a day."""
    if not event_date:
        return event_date
    if precision == "week":
        thursday = dt.date.fromisoformat(event_date[:10]) + dt.timedelta(days=3)
        return thursday.isoformat()[:7]
    if precision in _PRECISION_CHARS:
        return event_date[: _PRECISION_CHARS[precision]]
    return event_date


def system_item(ev: Event) -> Item:
    date = scored_date(ev.event_date, ev.date_precision)
    return Item(
        words=words(ev.evidence_text),
        type=ev.plover_type,
        source=_party_code(ev.source),
        target=_party_code(ev.target),
        date=date,
        place_country=ev.place.country_iso3 if ev.place else None,
    )


@dataclass
class Tally:
    """Counts of one coder over the corpus, with and without background events."""

    n_sys: int = 0
    n_gold: int = 0
    type_tp: int = 0
    dyad_tp: int = 0
    date_ok: int = 0
    place_ok: int = 0
    fg_sys: int = 0
    fg_gold: int = 0
    fg_type_tp: int = 0
    fg_dyad_tp: int = 0

    def __post_init__(self) -> None:
        self.per_type: dict[str, Counter[str]] = {}

    def _type(self, t: str) -> Counter[str]:
        return self.per_type.setdefault(t, Counter())

    def add(self, system: Sequence[Item], gold: Sequence[Item]) -> None:
        pairs = match(system, gold)
        self.n_sys += len(system)
        self.n_gold += len(gold)
        on_background = {i for i, (j, _) in pairs.items() if gold[j].background}
        self.fg_sys += len(system) - len(on_background)
        self.fg_gold += sum(not g.background for g in gold)
        for i, s in enumerate(system):
            self._type(s.type)["sys"] += 1
            if i not in pairs:
                continue
            j, dyad = pairs[i]
            g = gold[j]
            self.type_tp += 1
            self.dyad_tp += dyad
            self._type(s.type)["tp"] += 1
            self.date_ok += s.date == g.date
            self.place_ok += s.place_country == g.place_country
            if not g.background:
                self.fg_type_tp += 1
                self.fg_dyad_tp += dyad
        for g in gold:
            self._type(g.type)["gold"] += 1

    def scores(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n_system": self.n_sys,
            "n_gold": self.n_gold,
            "type": prf(self.type_tp, self.n_sys, self.n_gold),
            "dyad": prf(self.dyad_tp, self.n_sys, self.n_gold),
            "type_no_background": prf(self.fg_type_tp, self.fg_sys, self.fg_gold),
            "dyad_no_background": prf(self.fg_dyad_tp, self.fg_sys, self.fg_gold),
            "date_acc": self.date_ok / self.type_tp if self.type_tp else 0.0,
            "place_country_acc": self.place_ok / self.type_tp if self.type_tp else 0.0,
            "matched": self.type_tp,
            "per_type": {
                t: {"gold": c["gold"], **prf(c["tp"], c["sys"], c["gold"])}
                for t, c in sorted(self.per_type.items())
            },
        }
        return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load(paths: Iterable[Path]) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    return records


def _raw(rec: dict[str, Any]) -> RawDoc:
    return RawDoc(
        doc_id=rec["doc_id"],
        source_uri=f"{rec['doc_id']}.txt",
        content_type="text",
        body=rec["text"],
        sha256=rec["doc_id"],
        title=rec.get("title"),
        published=rec.get("published"),
        outlet=rec.get("outlet"),
    )


def _scored(events: Iterable[Event]) -> list[Item]:
    return [system_item(e) for e in events if "requested_by_event" not in e.extra]


def run_coders(
    records: Sequence[dict[str, Any]], config: Config, parts: Any, coders: dict[str, Any]
) -> dict[str, list[list[Item]]]:
    """Each coder's scored events per record (a coder of None: the configured one); the
    articles are extracted and parsed once for all coders."""
    from tidings.pipeline import process_annotated

    out: dict[str, list[list[Item]]] = {name: [] for name in coders}
    for rec in records:
        articles = extract_articles(_raw(rec), config)
        docs: list[AnnotatedDoc] = list(parts.annotator.annotate(articles))
        for name, coder in coders.items():
            mine = replace(parts, coder=coder if coder is not None else parts.coder)
            found = [e for d in docs for e in process_annotated(d, mine).events]
            out[name].append(_scored(found))
    return out


def evaluate(
    data: Path | None, coder: str | None = None, config: Config | None = None
) -> dict[str, Any]:
    """Score the configured coder (or ``coder``) and the rule-coder baseline in one run."""
    config = config if config is not None else load_config()
    paths = [data] if data else sorted((eval_dir() / FOLDER).glob("*.dev.jsonl"))
    if not paths:
        raise FileNotFoundError(
            f"{eval_dir() / FOLDER}: no *.dev.jsonl evaluation files (set TIDINGS_EVAL_DIR)"
        )
    records = load(paths)
    section = dict(config.get("event_coder", {}))
    system_name = coder or str(section.get("name", BASELINE))
    from tidings.pipeline import Components

    parts = Components.from_config(config)
    coders: dict[str, Any] = {"system": None}  # None: the configured coder, with its settings
    if coder is not None and coder != section.get("name"):
        coders["system"] = registry.resolve("event_coder", coder, actor_linker=parts.actor_linker)
    coders["baseline"] = registry.resolve(
        "event_coder", BASELINE, actor_linker=parts.actor_linker, **BASELINE_SETTINGS
    )
    items = run_coders(records, config, parts, coders)
    gold = [[gold_item(e) for e in r["events"]] for r in records]
    scores: dict[str, dict[str, Any]] = {}
    for name in coders:
        tally = Tally()
        for sys_items, gold_items in zip(items[name], gold, strict=True):
            tally.add(sys_items, gold_items)
        scores[name] = tally.scores()
    _print(Console(), system_name, scores["system"], scores["baseline"], len(records))
    return _summary(paths, system_name, scores, len(records))


def _f(x: float) -> str:
    return f"{x:.3f}"


def _print(console: Console, name: str, s: dict[str, Any], b: dict[str, Any], n_docs: int) -> None:
    table = Table(title=f"news events: {n_docs} articles, {s['n_gold']} gold events")
    for h in ("metric", name, f"baseline {BASELINE}"):
        table.add_column(h)
    for key, label in (
        ("type", "type"),
        ("dyad", "dyad"),
        ("type_no_background", "type, no background"),
        ("dyad_no_background", "dyad, no background"),
    ):
        for part in ("p", "r", "f1"):
            table.add_row(f"{label} {part.upper()}", _f(s[key][part]), _f(b[key][part]))
    table.add_row("date acc (matched)", _f(s["date_acc"]), _f(b["date_acc"]))
    table.add_row(
        "place country acc (matched)", _f(s["place_country_acc"]), _f(b["place_country_acc"])
    )
    table.add_row("events emitted", str(s["n_system"]), str(b["n_system"]))
    table.add_row("type-matched events", str(s["matched"]), str(b["matched"]))
    console.print(table)
    per = Table(title=f"news events: per-type F1 ({name} / baseline)")
    for h in ("type", "gold", "P", "R", "F1", "baseline F1"):
        per.add_column(h)
    for t, v in sorted(s["per_type"].items(), key=lambda kv: -kv[1]["gold"]):
        base = b["per_type"].get(t, {"f1": 0.0})
        per.add_row(t, str(v["gold"]), _f(v["p"]), _f(v["r"]), _f(v["f1"]), _f(base["f1"]))
    console.print(per)


def _pick(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "type_p": round(s["type"]["p"], 4),
        "type_r": round(s["type"]["r"], 4),
        "type_f1": round(s["type"]["f1"], 4),
        "dyad_p": round(s["dyad"]["p"], 4),
        "dyad_r": round(s["dyad"]["r"], 4),
        "dyad_f1": round(s["dyad"]["f1"], 4),
        "type_f1_no_background": round(s["type_no_background"]["f1"], 4),
        "dyad_f1_no_background": round(s["dyad_no_background"]["f1"], 4),
        "date_acc": round(s["date_acc"], 4),
        "place_country_acc": round(s["place_country_acc"], 4),
        "n_system": s["n_system"],
        "matched": s["matched"],
    }


def _summary(
    paths: Sequence[Path], name: str, scores: dict[str, dict[str, Any]], n_docs: int
) -> dict[str, Any]:
    s = scores["system"]
    return {
        "task": "news",
        "data": ",".join(str(p) for p in paths),
        "n": n_docs,
        "n_gold": s["n_gold"],
        "coder": name,
        **_pick(s),
        "per_type_f1": {t: round(v["f1"], 4) for t, v in s["per_type"].items() if v["gold"]},
        "baseline": {"coder": BASELINE, **_pick(scores["baseline"])},
    }
