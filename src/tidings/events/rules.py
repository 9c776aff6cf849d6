"""The default event coder: spaCy Matcher over the bundled lexicons, arguments from the parse."""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from tidings.config import default_setting
from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon, load_lexicon
from tidings.events._mention import Mention
from tidings.events._mentions import find_mentions
from tidings.events._records import doc_actors, make_event, per_target, relevant
from tidings.events._repeats import drop_repeats
from tidings.events._trigger_choice import Chooser, lexicon_entry
from tidings.interfaces import ActorLinker, DocActors
from tidings.model import AnnotatedDoc, Event
from tidings.registry import register

log = logging.getLogger(__name__)

VERSION = "1.0.0"
MAX_SENT_TOKENS = 150  # longer "sentences" are lists or tables, not prose


class RuleCoder:
    """Code PLOVER/CAMEO events with lexicon triggers and dependency-parse arguments."""

    name = "tidings.rules.v1"
    version = VERSION

    def __init__(
        self,
        actor_linker: ActorLinker | None = None,
        keep_background: bool = False,
        require_actor: bool = False,
        context_actors: bool = False,
        skip_non_political: bool = False,
    ) -> None:
        """``keep_background``: also emit events of subordinate clauses ("..., where 28
        people were killed") when the sentence has a main-clause event; off by default.
        ``require_actor``: emit no event without at least one party coded with a country or
        a known organisation (the relevance gate). ``context_actors``: a sector-only party
        ("the police") takes its context's country (event place, dateline, article).
        ``skip_non_political``: no event from a clause about weather, markets, accidents or
        quantities ("prices hit record levels", see ``_spurious``)."""
        self.keep_background = keep_background
        self.require_actor = require_actor
        self.context_actors = context_actors
        self.skip_non_political = skip_non_political
        self.lexicon: Lexicon = load_lexicon()
        self.choose: Chooser = lexicon_entry
        self._matchers: dict[int, tuple[Vocab, Matcher]] = {}
        # Passed in (``registry.resolve`` builds it from the configured name); None: actors
        # stay uncoded.
        self.linker = actor_linker

    def _matcher(self, vocab: Vocab) -> Matcher:
        got = self._matchers.get(id(vocab))
        if got is not None and got[0] is vocab:
            return got[1]
        matcher = Matcher(vocab)
        lex = self.lexicon
        matcher.add("VERB", [[{"LEMMA": {"IN": sorted(lex.verbs)}, "POS": "VERB"}]])
        nouns = sorted(lex.nouns)
        matcher.add("NOUN", [[{"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
        matcher.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
        self._matchers[id(vocab)] = (vocab, matcher)
        return matcher

    def triggers(self, doc: Doc) -> list[Token]:
        """Tokens whose lemma is in the verb or noun lexicon (one Matcher pass over the doc)."""
        seen: set[int] = set()
        out: list[Token] = []
        for _, start, _end in self._matcher(doc.vocab)(doc):
            if start not in seen:
                seen.add(start)
                out.append(doc[start])
        return sorted(out, key=lambda t: t.i)

    def code(self, doc: AnnotatedDoc) -> list[Event]:
        """All events of one article, in text order."""
        todo = self.candidate_sentences(doc.doc)
        if not todo:
            return []
        actors = doc_actors(self.linker, doc)
        events: list[Event] = []
        for sent_idx, sent, mine in todo:
            events.extend(self.sentence_events(doc, sent, sent_idx, mine, actors))
        return drop_repeats(events)

    def candidate_sentences(self, sdoc: Doc) -> list[tuple[int, Span, list[Token]]]:
        """(index, sentence, its trigger candidates) for each sentence worth coding: one with
        a candidate, not too long, not a shouted headline."""
        if len(sdoc) < 3 or not sdoc.has_annotation("DEP"):
            return []
        triggers = self.triggers(sdoc)
        todo: list[tuple[int, Span, list[Token]]] = []
        t = 0
        for sent_idx, sent in enumerate(sdoc.sents):
            if t >= len(triggers):
                break
            mine: list[Token] = []
            while t < len(triggers) and triggers[t].i < sent.end:
                if triggers[t].i >= sent.start:
                    mine.append(triggers[t])
                t += 1
            if not mine or len(sent) > MAX_SENT_TOKENS or syn.is_shouting(sent):
                continue
            todo.append((sent_idx, sent, mine))
        return todo

    def mentions(self, sent: Span, mine: list[Token]) -> list[Mention]:
        """The event mentions of one sentence (the learned.v2 coder re-picks their roles)."""
        return find_mentions(sent, self.lexicon, mine, self.choose)

    def sentence_events(
        self, doc: AnnotatedDoc, sent: Span, sent_idx: int, mine: list[Token], actors: DocActors
    ) -> list[Event]:
        """The events of one sentence, given its trigger candidates (the learned.v2 coder
        reuses this and gates its output)."""
        made: dict[int, tuple[Mention, Event]] = {}
        more: list[Event] = []  # one event per further coordinated target
        for m in self.mentions(sent, mine):
            ev = make_event(
                m,
                doc=doc,
                sent=sent,
                sent_idx=sent_idx,
                lex=self.lexicon,
                actors=actors,
                coder=self.name,
                version=self.version,
                context_actors=self.context_actors,
                skip_non_political=self.skip_non_political,
            )
            if ev is not None and self.require_actor and not relevant(ev, m, actors):
                continue
            if ev is not None:
                made[id(m)] = (m, ev)
                more.extend(per_target(ev, m, actors))
        found = _link_requests(made)
        if more:
            found = sorted([*found, *more], key=lambda e: e.trigger_start)
        if not self.keep_background and any(not e.extra.get("subordinate") for e in found):
            found = [e for e in found if not e.extra.get("subordinate")]
        return found


def _link_requests(made: dict[int, tuple[Mention, Event]]) -> list[Event]:
    """Events in order; a requested act carries its REQUEST's id, or is dropped without it."""
    out: list[Event] = []
    for m, ev in made.values():
        if m.requested_by is None:
            out.append(ev)
            continue
        req = made.get(id(m.requested_by))
        if req is not None:
            out.append(replace(ev, extra={**ev.extra, "requested_by_event": req[1].event_id}))
    return sorted(out, key=lambda e: e.trigger_start)


@register("event_coder", "tidings.rules.v1")
def make_rule_coder(
    actor_linker: ActorLinker | None = None,
    keep_background: bool = bool(default_setting("event_coder", "keep_background")),
    require_actor: bool = bool(default_setting("event_coder", "require_actor")),
    context_actors: bool = bool(default_setting("event_coder", "context_actors")),
    skip_non_political: bool = bool(default_setting("event_coder", "skip_non_political")),
) -> RuleCoder:
    return RuleCoder(
        actor_linker=actor_linker,
        keep_background=keep_background,
        require_actor=require_actor,
        context_actors=context_actors,
        skip_non_political=skip_non_political,
    )
