"""Choose the lexicon row that codes one trigger: the most specific entry whose particle,
required heads and prepositions are present in the trigger's argument slots."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon, TriggerEntry
from tidings.events._word_classes import word_class

# Pseudo-slots the lexicon's heads column can name: a predicative epithet ("called it
# illegal") and a yes/no question complement ("asked whether ...").
NAMED_AS = "<named-as>"


QUESTION = "<question>"

# Epithets of praise: "called the talks constructive" is not criticism.
_PRAISE = word_class("praise")
# "expelled 23 of the diplomats", "some of the protesters": counted, not the object itself.
_QUANTIFIERS = word_class("quantifier")


def munition(tok: Token, instruments: Mapping[str, str]) -> bool:
    """A fired or launched thing: "shells", "artillery shells", "missiles"."""
    words = [tok.lemma_.lower(), *(c.lemma_.lower() for c in syn.children(tok, "compound"))]
    return any(w in instruments for w in words)


def argument_slots(
    tok: Token, instruments: Mapping[str, str] | None = None
) -> tuple[set[str], set[str]]:
    """Lemmas in the trigger's argument slots, and the prepositions/particles attached."""
    instruments = instruments or {}
    slots: set[str] = set()
    preps: set[str] = set()
    for c in tok.children:
        if _epithet(c):
            # "called the move unjustified", "called the decision \"reckless\"": naming
            # something by an epithet (lexicon rows keyed on NAMED_AS code it as criticism)
            slots.add(NAMED_AS)
        if c.dep_ == "prep" and _only_time(c):
            continue  # "fired his minister on Tuesday" is not "fired on"
        if c.dep_ in ("prep", "agent", "prt"):
            preps.add(c.lower_)
            for obj in syn.children(c, "pobj"):
                slots.add(obj.lemma_.lower())
                slots.add(obj.lower_)
                slots.update(m.lemma_.lower() for m in syn.children(obj, "compound", "amod"))
        elif c.dep_ in (*syn.OBJ, "nsubjpass", "advmod", "acomp", "npadvmod", "compound", "amod"):
            slots.add(c.lemma_.lower())
            slots.add(c.lower_)
            slots.update(m.lemma_.lower() for m in syn.children(c, "compound", "amod"))
            if c.dep_ == "dobj" and munition(c, instruments):
                # "fired two shells at Seoul": the parser hangs "at" on the munition
                preps.update(p.lower_ for p in syn.children(c, "prep") if not _only_time(p))
        elif c.dep_ in ("xcomp",):
            slots.add(c.lemma_.lower())
        elif c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") for m in c.children):
            slots.add(QUESTION)  # "asked whether it could ...": a question, not a demand
    for c in syn.children(tok, "dobj"):
        for obj in (o for p in syn.children(c, "prep") if p.lower_ == "from" for o in p.children):
            # "expelled the group from the talks": the parser often hangs "from" on the object
            slots.update((obj.lemma_.lower(), obj.lower_))
        if c.like_num or c.lemma_.lower() in _QUANTIFIERS:
            # "expelled 23 of the diplomats": the counted noun is the real object
            for obj in (o for p in syn.children(c, "prep") for o in syn.children(p, "pobj")):
                slots.update((obj.lemma_.lower(), obj.lower_))
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        # "the diplomats being expelled": the modified noun is the passive subject
        slots.update((tok.head.lemma_.lower(), tok.head.lower_))
    return slots, preps


def _epithet(c: Token) -> bool:
    """A predicative complement, or a quoted/post-nominal adjective on the object (the parser
    often hangs "called the decision \"reckless\"" as an amod); praise words are not one."""
    if c.dep_ == "oprd":
        return c.lemma_.lower() not in _PRAISE
    if c.dep_ != "dobj":
        return False
    return any(
        a.dep_ == "amod" and a.i > c.i and a.lemma_.lower() not in _PRAISE for a in c.children
    )


def _only_time(prep: Token) -> bool:
    objs = list(syn.children(prep, "pobj"))
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def choose_entry(
    tok: Token, entries: list[TriggerEntry], instruments: Mapping[str, str] | None = None
) -> TriggerEntry | None:
    """The most specific lexicon entry whose particle, heads and prepositions are present."""
    slots, preps = argument_slots(tok, instruments)
    best: TriggerEntry | None = None
    for e in entries:
        if e.particle and e.particle not in preps:
            continue
        if any(not (group & slots) for group in e.heads):
            continue
        if any(p not in preps for p in e.preps):
            continue
        if best is None or (e.curated, e.specificity) > (best.curated, best.specificity):
            best = e
    return best


Chooser = Callable[[Token, Lexicon], TriggerEntry | None]


def lexicon_entry(tok: Token, lex: Lexicon) -> TriggerEntry | None:
    """The default chooser: the most specific matching lexicon row for ``tok``."""
    if tok.pos_ == "VERB":
        return choose_entry(tok, lex.verbs.get(tok.lemma_.lower(), []), lex.instruments)
    entries = lex.nouns.get(tok.lemma_.lower(), []) or lex.nouns.get(tok.lower_, [])
    return choose_entry(tok, entries)
