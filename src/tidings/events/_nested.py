"""Event nouns named inside other events, with their parties in their own noun phrase:
"Iran condemned Iraq's invasion of Kuwait", "after the police killing of an unarmed man",
"repelled repeated attacks by government troops", "the poisoning of a former spy".

A noun of a material act (force, coercion, sanctions, retreat, mobilisation, aid) counts
wherever the parser hangs it (object of any verb, object of any preposition) when its phrase
names who did it (a possessor, a nation or organisation modifier, an actor-noun compound such
as "police", a "by" phrase) or whom it was done to (an "of/on/against/upon" object that is an
actor). Such a noun is a second event, not the argument of the verb above it: the verb is a
statement about the act, the act is told too (the annotation guideline: code the concrete
events a sentence reports). A bare "the attack" or "the sanctions" names no party and stays
the verb's argument.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention, event_type

# PLOVER's material types: a noun of one of these is an act with parties of its own.
MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "AID"})
# Prepositions whose object is the one acted on ("invasion of Kuwait", "embargo on Qatar").
_TARGET_PREPS = frozenset({"of", "on", "against", "upon"})
_ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _actor(tok: Token, lex: Lexicon) -> bool:
    """A name, a nation-qualified noun or an actor noun ("civilians", "a former spy")."""
    if tok.ent_type_ in _NOT_ACTOR_ENTS:
        return False  # "attacks by militants on Monday": a date, not the one attacked
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    return lemma in lex.agent_nouns or tok.lower_ in lex.agent_nouns


def _modifier_actor(tok: Token, lex: Lexicon) -> bool:
    """A modifier that names the doer: a nationality, an organisation, an actor noun. A place
    name is not one ("the Kuwait invasion" names where, or whom), nor a plain adjective."""
    if tok.ent_type_ in ("NORP", "ORG"):
        return True
    if tok.ent_type_ == "GPE" or tok.pos_ == "ADJ":
        return False  # "a naval blockade", "military sweeps": how, not who
    return tok.lemma_.lower() in lex.agent_nouns


def owner(noun: Token, lex: Lexicon) -> Token | None:
    """Who did the act the noun names, from its own phrase."""
    poss = syn.first_child(noun, "poss")
    if poss is not None and poss.pos_ != "PRON":
        return poss
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and _modifier_actor(c, lex):
            return c  # "Israeli strikes", "a police sweep", "the army offensive"
    for prep, obj in syn.prep_objects(noun):
        if prep == "by" and _actor(obj, lex):
            return obj
    return None


def acted_on(noun: Token, lex: Lexicon) -> Token | None:
    """Whom the act the noun names was done to, from its own phrase."""
    for prep, obj in syn.prep_objects(noun):
        if prep in _TARGET_PREPS and _actor(obj, lex):
            return obj
    return None


def names_parties(noun: Token, lex: Lexicon) -> bool:
    """The noun's own phrase names a doer or an actor acted on, and the noun is not what
    someone calls for or blames ("calling for Israel's withdrawal", "blamed X for the attack
    on Y": asked for, or told as the object of a charge)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return False
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.governors:
        return False  # "demanded the release of prisoners": the act asked for, not done
    return owner(noun, lex) is not None or acted_on(noun, lex) is not None


def nested_act(m: Mention, lex: Lexicon) -> bool:
    """A noun mention of a material act whose phrase names both its parties, doer and the one
    acted on ("Iraq's invasion of Kuwait"): an act of its own wherever it stands. A noun that
    names only one ("the invasions of Dagestan", "two Israeli air raids") is most often the
    topic of the statement above it and stays its argument; a noun that is the subject of a
    coded verb ("US attacks have killed eight leaders") is that verb's act told twice."""
    tok = m.trigger
    if tok.pos_ == "VERB" or event_type(m, lex) not in MATERIAL:
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") or not names_parties(tok, lex):
        return False
    return owner(tok, lex) is not None and acted_on(tok, lex) is not None


def fill_owner(m: Mention, lex: Lexicon) -> None:
    """A noun act's doer named in its own phrase beats one borrowed from the verb above it
    ("protests erupted after the police killing of a man": police, not the protests)."""
    if m.trigger.pos_ == "VERB" or event_type(m, lex) not in MATERIAL:
        return
    if "light_verb" not in m.extra:
        m.source = owner(m.trigger, lex) or m.source
        if m.target is None:
            m.target = _undergoer(m.trigger)


def _undergoer(noun: Token) -> Token | None:
    """ "she was put under police surveillance", "was taken into custody": the subject of the
    passive verb that puts someone under or into the act is the one it was done to."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("under", "into"):
        return None
    if prep.dep_ != "prep" or not syn.is_passive(prep.head):
        return None
    return syn.first_child(prep.head, *syn.PASS_SUBJ)
