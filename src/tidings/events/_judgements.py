"""Reported judgements: a speaker's clause that blames or condemns a named party is the
speaker's ACCUSE against that party.

Shapes (the words are data, ``data/events/judgement_words.tsv``):

- a wrongdoing pinned on the clause subject: "X said Y was responsible for / involved in /
  behind the attack" (allege); "said Y was cheating / undermining / failing to" (allege);
- a judging predicate: "said Y's move was an abuse of power", "said Y was a brutal dictator",
  "said the plan was illegal" (disapprove);
- a judged subject: "Y's unfair and illegal practices have destroyed ..." (disapprove): the
  clause's own act is the speaker's charge, not an asserted event.

The judged party must be named (a proper noun or a national/organisational entity, or a noun
such a word modifies: "the Russian government"); "said Russia was involved in the talks" and
"said the meeting was useful" are no judgement.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._arguments import verb_source
from tidings.events._judgement_words import judged as _judged
from tidings.events._judgement_words import words
from tidings.events._lexicon import Lexicon
from tidings.events._mention import CONFLICT, Mention, event_type

_NAMED_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
# CAMEO 112 (accuse) for an asserted wrongdoing, 111 (criticize) for a judgement.
_ALLEGE, _DISAPPROVE = ("112", "allege", "accuse"), ("111", "disapprove", "criticize")


def _named(tok: Token) -> bool:
    """A named party, or a noun a national/organisational word modifies ("Kurdish militants")."""
    if tok.pos_ == "PRON":
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in _NAMED_ENTS:
        return True
    return any(
        c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED_ENTS)
        for c in tok.children
    )


def _party(subj: Token | None, lex: Lexicon) -> Token | None:
    """The judged party of a clause subject: the owner of a judged thing ("the registrar's
    move", "China's practices"), else the subject itself; None when it names no one. An
    actor noun ("the government", "the minister") is a party; the actor linker codes it."""
    if subj is None:
        return None
    owner = syn.first_child(subj, "poss")
    actor = subj.lemma_.lower() in lex.agent_nouns  # "Belarus's president" is the party
    if (
        owner is not None
        and not actor
        and (_named(owner) or owner.lemma_.lower() in lex.agent_nouns)
    ):
        return owner
    return subj if _named(subj) or subj.lemma_.lower() in lex.agent_nouns else None


def _wrongdoing(tok: Token, cands: dict[int, Mention], lex: Lexicon) -> bool:
    """A noun naming a wrongdoing ("the attack", "the nerve agent poisoning")."""
    if tok.lemma_.lower() in words()["wrongdoing"] or tok.lower_ in words()["wrongdoing"]:
        return True
    m = cands.get(tok.i)
    return m is not None and event_type(m, lex) in CONFLICT


def _about_wrongdoing(pred: Token, cands: dict[int, Mention], lex: Lexicon) -> bool:
    """A blame predicate whose object is a wrongdoing: "responsible for the bombing"."""
    objs = [o for p, o in syn.prep_objects(pred)]
    if pred.lower_ == "behind" or pred.lemma_.lower() == "behind":
        objs += [c for c in pred.children if c.dep_ == "pobj"]
    return any(_wrongdoing(o, cands, lex) for o in objs)


def blame(
    clause: Token, cands: dict[int, Mention], lex: Lexicon
) -> tuple[Token, tuple[str, str, str]] | None:
    """The party a clause blames and the kind of charge, or None for no judgement."""
    if syn.negated(clause):
        return None  # "said Y was not responsible": a defence, not a charge
    w = words()
    subj = syn.first_child(clause, "nsubj", "nsubjpass")
    lemma = clause.lemma_.lower()
    tried = syn.first_child(clause, "xcomp")
    if clause.pos_ == "VERB" and tried is not None and tried.lemma_.lower() in w["blame_verb"]:
        clause, lemma = tried, tried.lemma_.lower()  # "Y was trying to destabilize the region"
    if clause.pos_ == "VERB" and lemma in w["blame_verb"]:
        if lemma == "fail" and syn.first_child(clause, "xcomp") is None:
            return None
        party = _party(subj, lex)
        return (party, _ALLEGE) if party is not None else None
    if lemma == "involve" and _about_wrongdoing(clause, cands, lex):
        party = _party(subj, lex)
        return (party, _ALLEGE) if party is not None else None
    if lemma == "be":
        for c in clause.children:
            blamed = c.lemma_.lower() in w["blame_predicate"] and c.dep_ in ("acomp", "prep")
            if blamed and _about_wrongdoing(c, cands, lex):
                party = _party(subj, lex)
                return (party, _ALLEGE) if party is not None else None
            if c.dep_ in ("attr", "acomp") and _judged(c):
                party = _party(subj, lex)
                return (party, _DISAPPROVE) if party is not None else None
        return None
    # "Y's unfair and illegal practices have destroyed ...": a judged thing of a named owner.
    if subj is not None and syn.first_child(subj, "poss") is not None and _judged(subj):
        party = _party(subj, lex)
        if party is not None and party.i != subj.i:
            return party, _DISAPPROVE
    return None


def _clauses(gov: Token) -> list[Token]:
    """The clauses a speech verb reports: its complement clauses and their conjuncts, or the
    clause it trails ("Y was a dictator, X said")."""
    out = [c for c in gov.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    trails = gov.dep_ in ("parataxis", "ccomp") and gov.head.i < gov.i
    if not out and trails and gov.head.pos_ in ("VERB", "AUX"):
        out = [gov.head]
    later = [k for c in out for k in c.conjuncts if k.i > c.i and k.pos_ in ("VERB", "AUX")]
    return [*out, *later]  # "... and Y is cheating": a coordinated clause is reported too


def is_judging_speech(gov: Token, lex: Lexicon) -> bool:
    lemma = gov.lemma_.lower()
    return "speech" in lex.governors.get(lemma, {}) or lemma in words()["judging_speech"]


def reported_judgement(
    gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]
) -> None:
    """ "X said Y was responsible for the attack": X accuses Y (one mention on the speech
    verb); the judged clause's own act, when coded, is the charge, not a second event."""
    if gov.pos_ != "VERB" or not is_judging_speech(gov, lex):
        return
    own = cands.get(gov.i)
    if own is not None and own.target is not None:
        return  # "complained to X", "claimed the territory": the verb's own event stands
    speaker, hops = verb_source(gov)
    if speaker is None:
        return
    for clause in _clauses(gov):
        got = blame(clause, cands, lex)
        if got is None:
            continue
        party, (code, mode, lemma) = got
        if party.lemma_.lower() == speaker.lemma_.lower():
            continue  # "Russia said Russia was ...": no one accused
        entry = lex.verb_row(lemma)
        if entry is None:
            return
        m = Mention(trigger=gov, entry=entry, code=code, source=speaker, target=party, hops=hops)
        m.plover_event, m.plover_mode = "ACCUSE", mode
        toks = list(clause.subtree)
        m.object_text = gov.doc[toks[0].i : toks[-1].i + 1].text
        m.extra["inner_trigger"] = [clause.idx, clause.idx + len(clause.text)]
        if clause.i in cands:
            consumed.add(clause.i)
        cands[gov.i] = m
        return


def voiced_concern(be: Token, cands: dict[int, Mention], lex: Lexicon) -> None:
    """ "Russia is concerned over the US attempts to ...": disapproval of the named owner of
    the worrying thing (the adjective twin of "expressed concern over")."""
    if be.lemma_.lower() != "be" or be.i in cands or syn.negated(be):
        return
    for adj in syn.children(be, "acomp"):
        if adj.lemma_.lower() not in words()["concern_adjective"]:
            continue
        worry = next((o for p, o in syn.prep_objects(adj) if p in ("over", "about", "by")), None)
        party = _party(worry, lex) if worry is not None else None
        speaker, hops = verb_source(be)
        entry = lex.verb_row("criticize")
        if party is None or speaker is None or entry is None:
            return
        m = Mention(trigger=be, entry=entry, code="110", source=speaker, target=party, hops=hops)
        m.plover_event, m.plover_mode = "ACCUSE", "disapprove"
        toks = list(worry.subtree) if worry is not None else [adj]
        m.object_text = be.doc[toks[0].i : toks[-1].i + 1].text
        cands[be.i] = m
        return


def denied_charges(cands: dict[int, Mention], lex: Lexicon) -> None:
    """ "Qatar denied Amnesty's claims": the denial (REJECT) presupposes the named owner's
    accusation, an ACCUSE from that owner against the one who denies."""
    entry = lex.verb_row("accuse")
    if entry is None:
        return
    for m in list(cands.values()):
        verb = m.trigger
        if verb.lemma_.lower() != "deny" or event_type(m, lex) != "REJECT":
            continue
        for charge in syn.children(verb, "dobj"):
            owner = syn.first_child(charge, "poss")
            if charge.lower_ not in words()["charge_noun"] or owner is None:
                continue
            if not _named(owner) or charge.i in cands:
                continue
            acc = Mention(trigger=charge, entry=entry, code="112", source=owner, target=m.source)
            acc.plover_event, acc.plover_mode = "ACCUSE", "allege"
            cands[charge.i] = acc


def _epithets(verb: Token, thing: Token) -> list[Token]:
    """What a naming verb calls its object: "branded X \"a liar\"" (the parser's appos or
    oprd), "described X as illegal" (the "as" phrase)."""
    out = [c for c in thing.children if c.dep_ == "appos" or (c.dep_ == "amod" and c.i > thing.i)]
    out += [c for c in verb.children if c.dep_ == "oprd"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
        out += list(prep.children)
    return out


def named_by_epithet(verb: Token, cands: dict[int, Mention], lex: Lexicon) -> None:
    """ "Caracas branded the envoy \"a liar\"", "described the sanctions as illegal": criticism
    of the named party (or of the owner of the named thing); a neutral or kind word is none."""
    if verb.pos_ != "VERB" or verb.i in cands:
        return
    if verb.lemma_.lower() not in words()["naming_verb"] or syn.negated(verb):
        return
    thing = syn.first_child(verb, "dobj")
    if thing is None or not any(_judged(e) for e in _epithets(verb, thing)):
        return
    party = _party(thing, lex)
    speaker, hops = verb_source(verb)
    entry = lex.verb_row("criticize")
    if party is None or speaker is None or entry is None:
        return
    m = Mention(trigger=verb, entry=entry, code="111", source=speaker, target=party, hops=hops)
    m.plover_event, m.plover_mode = "ACCUSE", "disapprove"
    cands[verb.i] = m
