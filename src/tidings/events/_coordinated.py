"""Coordinated verbs that tell one act: "police shot and killed the attacker", "were convicted
and sentenced to prison", "arrested and detained". The parser hangs the shared object on the
last verb and the shared subject on the first, so each verb alone has half the act; the
annotation guideline codes the act once.

A second verb of the same material PLOVER type, coordinated with the first and without a
subject of its own, is folded into the first unless the two tell different acts: two direct
objects ("arrested five protesters and detained two journalists"), two different parties or
two different modes. Statements are never folded (a speaker who welcomes and supports has
said two things, as ``_repeats`` counts them).
"""

from __future__ import annotations

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention, event_type
from tidings.events._repeats import VERBAL


def _mode(m: Mention, lex: Lexicon) -> str:
    if m.plover_mode:
        return m.plover_mode
    c = lex.code(m.code)
    return c.plover_mode if c else ""


def _two_acts(first: Mention, m: Mention, lex: Lexicon) -> bool:
    """The two verbs tell different acts: each has its own object ("cut ties with Cuba and
    imposed an embargo"), they name different parties ("bombed two towns and fired shells at a
    police station") or two different modes ("shelling villages and detonating a car bomb")."""
    if any(syn.children(first.trigger, "dobj")) and any(syn.children(m.trigger, "dobj")):
        return True
    a, b = first.target, m.target
    # "were convicted and sentenced to prison": the second participle shares the passive
    shared_patient = syn.is_passive(first.trigger) and m.trigger.tag_ == "VBN"
    if a is not None and b is not None and a.i != b.i and not shared_patient:
        return True
    ma, mb = _mode(first, lex), _mode(m, lex)
    return bool(ma and mb and ma != mb)


def fold_coordinated(cands: dict[int, Mention], lex: Lexicon) -> None:
    """Fold each coordinated same-type material verb into the verb it is coordinated with."""
    for i in sorted(i for i, m in cands.items() if m.trigger.pos_ == "VERB"):
        m = cands.get(i)
        if m is None or m.trigger.dep_ != "conj":
            continue
        first = cands.get(m.trigger.head.i)
        if first is None or first.trigger.pos_ != "VERB":
            continue
        kind = event_type(first, lex)
        if kind in VERBAL or kind != event_type(m, lex):
            continue  # "welcome and support": a speaker's two statements
        if syn.negated(first.trigger) != syn.negated(m.trigger):
            continue
        if syn.first_child(m.trigger, *syn.SUBJ, *syn.PASS_SUBJ) is not None:
            continue  # "police arrested X and they detained Y": a clause of its own
        if _two_acts(first, m, lex):
            continue
        if first.target is None:
            # "shot and killed the attacker": the object hangs on the last verb
            first.target = m.target
            first.object_text = first.object_text or m.object_text
        first.source = first.source or m.source
        del cands[i]
