"""A learned event coder: logistic regression over trigger features (lexicon + own sentences).

Training data are the bundled lexicon rows themselves (curated triggers and PETRARCH2 verb
patterns, each a lemma with its particle, object heads and prepositions, labelled with a
CAMEO code; discard rows and CAMEO 01x statement verbs are the "no event" class; curated
rows weigh more), plus parsed tokens of our own written sentences (``learned_examples.jsonl``,
real argument slots and real non-event verbs). No gold evaluation sentence is used. At
coding time every verb (and every lexicon noun) is a candidate; the classifier's code
replaces the lexicon lookup, and arguments, modality and negation come from the same parse
rules as ``tidings.rules.v1``.
"""

from __future__ import annotations

import json
import logging
import warnings
from functools import lru_cache
from importlib.resources import files

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, Token

from tidings.config import default_setting
from tidings.events._lexicon import Lexicon, TriggerEntry, load_lexicon
from tidings.events._trigger_choice import argument_slots
from tidings.events.rules import RuleCoder
from tidings.interfaces import ActorLinker
from tidings.registry import register

log = logging.getLogger(__name__)

NONE = "NONE"
# Sample weights: a parsed sentence token is real usage (several lexicon rows' worth); a
# curated row overrides PETRARCH rows of the same lemma in the rule coder.
SENTENCE_WEIGHT = 5.0
CURATED_WEIGHT = 3.0


def entry_features(e: TriggerEntry, head: str | None) -> dict[str, float]:
    """Features of one lexicon row (one of its head alternatives)."""
    f = {f"lemma={e.lemma}": 1.0, f"pos={e.pos}": 1.0}
    if e.particle:
        f[f"prep={e.particle}"] = 1.0
        f[f"lemma+prep={e.lemma}+{e.particle}"] = 1.0
    for p in e.preps:
        f[f"prep={p}"] = 1.0
        f[f"lemma+prep={e.lemma}+{p}"] = 1.0
    if head:
        f[f"head={head}"] = 1.0
        f[f"lemma+head={e.lemma}+{head}"] = 1.0
    return f


def token_features(tok: Token) -> dict[str, float]:
    """The same features read off a parsed trigger candidate."""
    lemma = tok.lemma_.lower()
    f = {f"lemma={lemma}": 1.0, f"pos={'VERB' if tok.pos_ == 'VERB' else 'NOUN'}": 1.0}
    slots, preps = argument_slots(tok)
    for p in preps:
        f[f"prep={p}"] = 1.0
        f[f"lemma+prep={lemma}+{p}"] = 1.0
    for h in slots:
        f[f"head={h}"] = 1.0
        f[f"lemma+head={lemma}+{h}"] = 1.0
    return f


def _label(e: TriggerEntry, lex: Lexicon) -> str:
    """The PLOVER type of a lexicon row, or NONE."""
    c = lex.code(e.cameo_code) if e.cameo_code != "---" else None
    if c is None:
        return NONE
    return e.plover_event or c.plover_event or NONE


def _examples(lex: Lexicon) -> tuple[list[dict[str, float]], list[str]]:
    xs, ys, _ = _weighted_examples(lex)
    return xs, ys


def _weighted_examples(lex: Lexicon) -> tuple[list[dict[str, float]], list[str], list[float]]:
    """Lexicon rows (curated rows count more: they override PETRARCH's in the rule coder)."""
    xs: list[dict[str, float]] = []
    ys: list[str] = []
    ws: list[float] = []
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            for e in entries:
                label = _label(e, lex)
                heads = [sorted(g)[:3] for g in e.heads] or [[""]]
                for group in heads:
                    for h in group:
                        xs.append(entry_features(e, h or None))
                        ys.append(label)
                        ws.append(CURATED_WEIGHT if e.curated else 1.0)
    return xs, ys, ws


def sentence_examples() -> tuple[list[dict[str, float]], list[str]]:
    """Parsed-token rows from our own written sentences (``learned_examples.jsonl``, built by
    ``scripts/build_event_lexicon.py --learned-examples``; no evaluation gold)."""
    path = files("tidings").joinpath("data", "events", "learned_examples.jsonl")
    if not path.is_file():
        return [], []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r["features"] for r in rows], [r["label"] for r in rows]


@lru_cache(maxsize=1)
def type_codes() -> dict[tuple[str, str], str]:
    """(lemma, PLOVER type) -> the lexicon's most general CAMEO code for it."""
    lex = load_lexicon()
    out: dict[tuple[str, str], str] = {}
    for table in (lex.verbs, lex.nouns):
        for lemma, entries in table.items():
            for e in sorted(entries, key=lambda e: (e.specificity, not e.curated)):
                out.setdefault((lemma, _label(e, lex)), e.cameo_code)
    roots = {t: r["cameo_roots"].split(";")[0] + "0" for t, r in lex.plover_types.items()}
    for t, code in roots.items():
        out[("", t)] = code
    return out


@lru_cache(maxsize=1)
def train(c: float = 4.0) -> tuple[DictVectorizer, LogisticRegression]:
    """Fit the classifier on the lexicon-derived examples (cached per process)."""
    xs, ys, ws = _weighted_examples(load_lexicon())
    sx, sy = sentence_examples()
    xs, ys, ws = xs + sx, ys + sy, ws + [SENTENCE_WEIGHT] * len(sy)
    vec = DictVectorizer()
    x = vec.fit_transform(xs).tocsr()
    # saga is ~100x faster than lbfgs here; scikit-learn wants 32-bit sparse indices.
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)
    model = LogisticRegression(C=c, solver="saga", max_iter=200)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(x, ys, sample_weight=np.asarray(ws))
    log.info(
        "learned coder trained on %d lexicon + %d sentence examples, %d classes",
        len(ys) - len(sy),
        len(sy),
        len(set(ys)),
    )
    return vec, model


class LearnedCoder(RuleCoder):
    """Rule-coder arguments with a trained classifier choosing each trigger's CAMEO code."""

    name = "tidings.learned.v1"
    version = "1.0.0"

    def __init__(
        self,
        actor_linker: ActorLinker | None = None,
        threshold: float = 0.4,
        keep_background: bool = False,
        require_actor: bool = True,
        context_actors: bool = True,
        skip_non_political: bool = True,
    ) -> None:
        super().__init__(
            actor_linker=actor_linker,
            keep_background=keep_background,
            require_actor=require_actor,
            context_actors=context_actors,
            skip_non_political=skip_non_political,
        )
        self.threshold = threshold
        self.vectorizer, self.model = train()
        self.choose = self._choose

    def triggers(self, doc: Doc) -> list[Token]:
        """Every verb, and nouns the lexicon knows, are candidates."""
        nouns = self.lexicon.nouns
        return [
            t for t in doc if t.pos_ == "VERB" or (t.pos_ == "NOUN" and (t.lemma_.lower() in nouns))
        ]

    def _choose(self, tok: Token, lex: Lexicon) -> TriggerEntry | None:
        x = self.vectorizer.transform([token_features(tok)])
        probs = self.model.predict_proba(x)[0]
        best = int(probs.argmax())
        label = str(self.model.classes_[best])
        if label == NONE or probs[best] < self.threshold:
            return None
        codes = type_codes()
        lemma = tok.lemma_.lower()
        code = codes.get((lemma, label)) or codes[("", label)]
        return TriggerEntry(
            pos="VERB" if tok.pos_ == "VERB" else "NOUN",
            lemma=tok.lemma_.lower(),
            particle="",
            heads=(),
            preps=(),
            cameo_code=code,
            cameo_code_passive="",
            plover_event=label,
            plover_mode="",
            symmetric=False,
            curated=False,
            probability=float(probs[best]),
        )


@register("event_coder", "tidings.learned.v1")
def make_learned_coder(
    actor_linker: ActorLinker | None = None,
    threshold: float = 0.4,
    keep_background: bool = bool(default_setting("event_coder", "keep_background")),
    require_actor: bool = bool(default_setting("event_coder", "require_actor")),
    context_actors: bool = bool(default_setting("event_coder", "context_actors")),
    skip_non_political: bool = bool(default_setting("event_coder", "skip_non_political")),
) -> LearnedCoder:
    return LearnedCoder(
        actor_linker=actor_linker,
        threshold=threshold,
        keep_background=keep_background,
        require_actor=require_actor,
        context_actors=context_actors,
        skip_non_political=skip_non_political,
    )
