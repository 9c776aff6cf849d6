"""``tidings.learned.v2``: MiniLM sentence heads gate and check the rule coder's events.

The rule coder's lexicon triggers and parse rules propose events with their arguments,
modality and negation; a sentence model (linear heads over frozen all-MiniLM-L6-v2 vectors,
trained on the team's own corpus in ``training/events/``, see ``learned_v2_model``) then
keeps an event only when its PLOVER type is likely for the sentence and "no political event"
is not. MiniLM runs once per document, batched, and only on sentences that have a candidate
trigger, so prose with no event verb costs nothing beyond the parse. Arguments stay the rule
coder's: on our measurements the learned heads win as a gate (precision), not as role pickers.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from spacy.tokens import Span, Token

from tidings.config import default_setting
from tidings.events._mention import Mention
from tidings.events._records import doc_actors
from tidings.events.learned_v2_model import (
    LABELS,
    MODALITIES,
    NONE,
    Encoder,
    Heads,
    load_heads,
    weights_path,
)
from tidings.events.learned_v2_roles import RoleModel, candidates, load_roles
from tidings.events.rules import RuleCoder
from tidings.interfaces import ActorLinker
from tidings.model import AnnotatedDoc, Event, EventExtra
from tidings.registry import register

log = logging.getLogger(__name__)

# One encoder per process: loading MiniLM takes seconds; the heads are tiny.
_ENCODER: Encoder | None = None


def _encoder() -> Encoder:
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = Encoder()
    return _ENCODER


class LearnedV2Coder(RuleCoder):
    """Rule-coder events kept only where the sentence model agrees on their type."""

    name = "tidings.learned.v2"
    version = "2.0.0"

    def __init__(
        self,
        actor_linker: ActorLinker | None = None,
        threshold: float = 0.0,
        none_threshold: float = 0.95,
        keep_background: bool = False,
        require_actor: bool = True,
        context_actors: bool = True,
        skip_non_political: bool = True,
        learned_roles: bool = True,
        role_threshold: float = 0.5,
    ) -> None:
        """Rule-coder settings as in ``RuleCoder``. ``threshold``: least sentence probability
        of an event's type to keep it (0: off; the type heads do not carry over from our
        corpus to real news, see docs/architecture.md); ``none_threshold``: drop every event
        of a sentence whose "no political event" probability reaches this;
        ``learned_roles``: the role model re-picks source and target where it is at least
        ``role_threshold`` sure (else the rule coder's parse arguments stay)."""
        super().__init__(
            actor_linker=actor_linker,
            keep_background=keep_background,
            require_actor=require_actor,
            context_actors=context_actors,
            skip_non_political=skip_non_political,
        )
        self.heads: Heads = load_heads()  # fails here, at start, when the file is missing
        path = weights_path()
        self.roles: RoleModel | None = (
            load_roles(path.with_name(path.stem + "_roles.npz")) if learned_roles else None
        )
        self.role_threshold = role_threshold
        self.threshold = threshold
        self.none_threshold = none_threshold
        self.encode_seconds = 0.0  # MiniLM time, for the benchmark's share
        self.sentences_encoded = 0

    def mentions(self, sent: Span, mine: list[Token]) -> list[Mention]:
        """The rule coder's mentions, with source and target re-picked by the role model."""
        found = super().mentions(sent, mine)
        if self.roles is None or not found:
            return found
        cands = candidates(sent)
        for m in found:
            if m.extra.get("source_from_speaker") or m.reciprocal:
                continue
            src, tgt = self.roles.choose(m.trigger, cands, self.role_threshold)
            if src is not None and src is not m.target:
                m.source = src
            if tgt is not None and tgt is not m.source:
                m.target = tgt
        return found

    def code(self, doc: AnnotatedDoc) -> list[Event]:
        todo = self.candidate_sentences(doc.doc)
        if not todo:
            return []
        actors = doc_actors(self.linker, doc)
        proposed = [self.sentence_events(doc, s, i, mine, actors) for i, s, mine in todo]
        keep = [k for k, evs in enumerate(proposed) if evs]
        if not keep:
            return []
        began = time.perf_counter()
        x = _encoder().encode([todo[k][1].text for k in keep])
        self.encode_seconds += time.perf_counter() - began
        self.sentences_encoded += len(keep)
        types = self.heads.type_probs(x)
        mods = self.heads.modality_probs(x)
        negs = self.heads.negation_probs(x)
        events: list[Event] = []
        for row, k in enumerate(keep):
            p = types[row]
            p_none = float(p[LABELS.index(NONE)])
            if p_none >= self.none_threshold:
                continue
            for ev in proposed[k]:
                if ev.plover_type not in LABELS:
                    continue
                p_type = float(p[LABELS.index(ev.plover_type)])
                if p_type < self.threshold:
                    continue
                extra: EventExtra = {
                    **ev.extra,
                    "type_probability": round(p_type, 4),
                    "no_event_probability": round(p_none, 4),
                    "model_modality": MODALITIES[int(mods[row].argmax())],
                    "model_negated": bool(negs[row] >= 0.5),
                }
                events.append(replace(ev, extra=extra))
        return _relink(events)


def _relink(events: list[Event]) -> list[Event]:
    """A requested act whose REQUEST was gated out goes with it (as in the rule coder)."""
    ids = {e.event_id for e in events}
    return [
        e
        for e in events
        if "requested_by_event" not in e.extra or e.extra["requested_by_event"] in ids
    ]


@register("event_coder", "tidings.learned.v2")
def make_learned_v2_coder(
    actor_linker: ActorLinker | None = None,
    threshold: float = 0.0,
    none_threshold: float = 0.95,
    keep_background: bool = bool(default_setting("event_coder", "keep_background")),
    require_actor: bool = bool(default_setting("event_coder", "require_actor")),
    context_actors: bool = bool(default_setting("event_coder", "context_actors")),
    skip_non_political: bool = bool(default_setting("event_coder", "skip_non_political")),
    learned_roles: bool = True,
    role_threshold: float = 0.5,
) -> LearnedV2Coder:
    return LearnedV2Coder(
        actor_linker=actor_linker,
        threshold=threshold,
        none_threshold=none_threshold,
        keep_background=keep_background,
        require_actor=require_actor,
        context_actors=context_actors,
        skip_non_political=skip_non_political,
        learned_roles=learned_roles,
        role_threshold=role_threshold,
    )
