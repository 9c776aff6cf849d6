"""Find event mentions in one parsed sentence: triggers, arguments, modality, negation.

The steps are written out in ``find_mentions``: triggers coded from the lexicon
(``_trigger_choice``) with their arguments (``_arguments``), then governing verbs ("promised
to", "asked X to", "threatened to", "denied", "refused to") fold the event they govern into one
mention (``_governing``), then auxiliaries and conditions set modality and reported speech
records who claims the event (``_modality``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.events._announced import announce_retreats
from tidings.events._arguments import noun_mention, verb_mention
from tidings.events._coordinated import fold_coordinated
from tidings.events._demands import penalty_threat, response_threat, want_request
from tidings.events._governing import clause_text, fold_governed, reported_demand
from tidings.events._judgements import (
    denied_charges,
    named_by_epithet,
    reported_judgement,
    voiced_concern,
)
from tidings.events._lexicon import Lexicon
from tidings.events._mention import CONFLICT, Mention, event_type
from tidings.events._modality import finish_mention
from tidings.events._nested import acted_on, fill_owner, names_parties, nested_act, owner
from tidings.events._sanction_means import penalty_means
from tidings.events._trigger_choice import Chooser, lexicon_entry
from tidings.events._word_classes import word_class

__all__ = ["find_mentions"]

_NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "ROOT", "attr", "appos")
# "arrested on a march", "during a telephone call with X": an event noun that the parser
# hangs on a preposition of time or setting is an event of its own.
_SETTING_PREPS = ("on", "in", "during", "under", "after", "amid", "amidst")
# "stopped attacking": a stop verb whose object act is not a second event.
_CEASE = word_class("cease_verb")


def _setting_noun(tok: Token) -> bool:
    """An event noun under a preposition of time or setting ("during questioning")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _SETTING_PREPS


def find_mentions(
    sent: Span, lex: Lexicon, triggers: list[Token], choose: Chooser = lexicon_entry
) -> list[Mention]:
    """All event mentions of one sentence, given candidate trigger tokens.

    ``choose`` picks the coding of one trigger (the lexicon by default; the learned coder
    passes its classifier).
    """
    cands: dict[int, Mention] = {}
    for tok in triggers:
        if tok.pos_ == "VERB":
            if tok.dep_ in ("amod", "compound"):  # "Iranian-backed": a modifier, not an act
                continue
            if tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children):
                continue  # "... to prevent a resurgence": a purpose, not an event
            entry = choose(tok, lex)
            m = verb_mention(tok, entry, lex) if entry else None
            if m is not None:
                penalty_means(m, lex)  # "hit goods with tariffs": SANCTION
        else:
            placed = tok.dep_ in _NOUN_DEPS or _setting_noun(tok)
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() not in lex.light_verbs:
                placed = False  # "violating a ceasefire": the noun is what the verb acts on
            if not placed and not names_parties(tok, lex):
                continue
            entry = choose(tok, lex)
            m = noun_mention(tok, entry, lex) if entry else None
            if m is not None and not placed:
                # "condemned Iraq's invasion of Kuwait": an act inside another, with the
                # parties its own phrase names
                if not nested_act(m, lex):
                    continue
                m.source, m.target = owner(tok, lex), acted_on(tok, lex)
            if m is not None:
                fill_owner(m, lex)
        if m is not None:
            cands[tok.i] = m
    # "expressed support": a light verb coded only by its bare PETRARCH row yields to the
    # event noun it carries.
    for i in [i for i, m in cands.items() if m.trigger.pos_ == "VERB"]:
        m = cands[i]
        if m.entry.curated or m.entry.specificity or m.entry.probability is not None:
            continue
        if m.trigger.lemma_.lower() not in lex.light_verbs:
            continue
        if any(c.dep_ == "dobj" and c.i in cands for c in m.trigger.children):
            del cands[i]
    # "stopped attacking", "ceased firing": the coded stop is the event; the stopped act is
    # its object, not a second (asserted) event.
    for i in [i for i, m in cands.items() if m.trigger.pos_ == "VERB"]:
        m = cands[i]
        tok = m.trigger
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in _CEASE:
            continue
        if tok.head.i in cands:
            del cands[i]
        elif event_type(m, lex) in CONFLICT:  # an uncoded stop of violence: de-escalation
            m.extra["ceased_type"] = event_type(m, lex)
            m.code, m.plover_event, m.plover_mode = "087", "RETREAT", ""
            m.object_text = clause_text(tok)
            m.trigger = tok.head
            del cands[i]
            cands[tok.head.i] = m
    # A noun event that is the object of a coded verb ("condemned the attack") is that
    # verb's argument, not a second event; so is a noun after a coded light verb.
    # An act noun naming its own parties is an event of its own (``_nested``).
    for i in [i for i, m in cands.items() if m.trigger.pos_ != "VERB"]:
        head = cands[i].trigger.head
        if head.i in cands and head.i != i and not nested_act(cands[i], lex):
            del cands[i]
    # "killed in an attack": a setting noun under a coded verb is that event's setting.
    for i in [i for i, m in cands.items() if m.trigger.dep_ == "pobj"]:
        if cands[i].trigger.head.head.i in cands:
            del cands[i]
    # "shot and killed the attacker", "convicted and sentenced": one act told by two verbs.
    fold_coordinated(cands, lex)
    consumed: set[int] = set()
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.governors:
            fold_governed(tok, cands, lex, consumed)
            reported_demand(tok, cands, lex, consumed)
        if tok.pos_ == "VERB":  # demands with a penalty, hard responses, "wants X to V"
            want_request(tok, cands, lex)
            penalty_threat(tok, cands, lex, consumed)
            response_threat(tok, cands, lex)
        reported_judgement(tok, cands, lex, consumed)
        voiced_concern(tok, cands, lex)
        named_by_epithet(tok, cands, lex)
    denied_charges(cands, lex)
    out: list[Mention] = []
    for i, m in sorted(cands.items()):
        if i in consumed:
            continue
        finish_mention(m, lex)
        out.append(m)
    announce_retreats(out, lex)  # "willing to withdraw": CONCEDE, not RETREAT
    return out
