"""Retreats announced, not done: "Israel was willing to withdraw from Lebanon", "Saddam said
he will begin withdrawing troops ... and release prisoners", "Israel wants to withdraw".
PLOVER codes an announced future retreat as CONCEDE (its coding notes), as ``_modality``
does for a retreat under its own "will"; here the future or the willingness sits on the verb
or adjective that governs the retreat ("will begin V-ing", "willing/ready to V", "wants to
V" and the retreats coordinated with it).
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention, event_type

# "willing to withdraw", "ready to release": a stated readiness, not the act.
_READY = frozenset({"willing", "ready", "prepared", "eager", "open"})
# Modalities of a retreat not (yet) done.
_UNDONE = frozenset({"intended", "promised"})


def _governing_chain(tok: Token) -> list[Token]:
    """The verbs and adjectives above the trigger through xcomp/conj links (at most 3)."""
    out: list[Token] = []
    while tok.dep_ in ("xcomp", "conj") and len(out) < 3 and tok.head is not tok:
        tok = tok.head
        out.append(tok)
    return out


def _ready_subject(chain: list[Token]) -> Token | None:
    """ "Israel was willing to withdraw": the subject of the verb the adjective completes."""
    for t in chain:
        if t.lower_ in _READY and t.dep_ == "acomp":
            return syn.first_child(t.head, "nsubj")
    return None


def announce_retreats(mentions: list[Mention], lex: Lexicon) -> None:
    """Recode each retreat only announced as CONCEDE (after modality is set)."""
    for m in mentions:
        if event_type(m, lex) != "RETREAT" or m.negated:
            continue
        chain = _governing_chain(m.trigger)
        ready = any(t.lower_ in _READY for t in chain)
        future = any(syn.auxiliaries(t) & syn.FUTURE_AUX for t in chain if t.pos_ != "ADJ")
        if not (ready or future or m.modality in _UNDONE):
            continue
        m.extra["plover_type_as_act"] = "RETREAT"
        m.plover_event, m.plover_mode = "CONCEDE", ""
        if m.modality == "asserted":
            m.modality = "intended"
        if m.source is None:
            m.source = _ready_subject(chain)
