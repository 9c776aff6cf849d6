"""Source and target of one event mention: subjects, objects, passive agents, prepositional
targets, recipients, the owners of act nouns, and reciprocal parties ("X and Y met")."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._lexicon import Lexicon, TriggerEntry
from tidings.events._mention import Mention, event_type
from tidings.events._trigger_choice import munition
from tidings.events._word_classes import word_class

# Receiving verbs: the giver is the "from" object, the subject is the recipient.
_CONVERSE = word_class("receiving_verb")
# Working people whose intransitive "strike" is a walkout.
_WORKERS = word_class("worker_noun")
_BAD_ARG_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def usable_arg(tok: Token | None) -> bool:
    if tok is None:
        return False
    counted = tok.ent_type_ == "CARDINAL" or tok.pos_ == "NUM"
    if counted and any(c.lower_ == "of" for c in tok.children):
        return True  # "thousands of people", "dozens of protesters"
    if tok.ent_type_ in _BAD_ARG_ENTS or tok.pos_ in ("VERB", "AUX", "NUM", "ADV"):
        return False
    return tok.lower_ not in ("each", "other")


def prep_target(
    tok: Token, verb: bool, entry: TriggerEntry | None = None, lex: Lexicon | None = None
) -> Token | None:
    """The first usable object of a target preposition (the entry's own prepositions first)."""
    found: dict[str, Token] = {}
    for p, o in syn.prep_objects(tok):
        if p not in found and usable_arg(o):
            found[p] = o  # the first usable one: "on Tuesday imposed tariffs on X" is X
    order = (*(entry.preps if entry else ()), *syn.TARGET_PREPS)
    for prep in order:
        if verb and prep == "of":
            continue
        obj = found.get(prep)
        if not usable_arg(obj) or obj is None:
            continue
        obj = through_amount(obj)
        if entry is not None and lex is not None:
            if _is_thing(obj, entry, lex, strict=True):
                continue
            loose = prep not in entry.preps and prep != "between"
            if loose and not (_actorish(obj) or _agent(obj, lex)):
                continue  # "at the ministry", "to the capital": places and things
        return obj
    return None


_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def through_amount(tok: Token) -> Token:
    """An amount of goods stands for whose goods they are: "duties on $3 billion of U.S.
    goods" (the goods: U.S.), "tariffs on $50 billion of imports from China" (China)."""
    if tok.ent_type_ not in _AMOUNTS:
        return tok
    goods = next((o for p, o in syn.prep_objects(tok) if p == "of"), None)
    if goods is None:
        return tok
    origin = next((o for p, o in syn.prep_objects(goods) if p == "from"), None)
    if not _actorish(goods) and origin is not None and origin.ent_type_ in ("GPE", "NORP"):
        return origin
    return goods


def _actorish(tok: Token) -> bool:
    """Names, pronouns, and nouns owned or qualified by a nation ("the French ambassador")."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    return any(
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"))
        for c in tok.children
    )


def _is_thing(tok: Token, entry: TriggerEntry, lex: Lexicon, strict: bool = False) -> bool:
    """The object is the thing acted on ("sent weapons", "held talks"), not an actor.

    ``strict``: only lexicon words count (for prepositional objects); otherwise a bare common
    noun is a thing too, but a name or a nation-qualified noun never is.
    """
    if not strict and _own_forces(tok):
        return True
    if _actorish(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma in lex.nouns or any(lemma in g or tok.lower_ in g for g in entry.heads):
        return True
    if strict:
        return False
    return tok.pos_ == "NOUN" and not tok.ent_type_ and not _agent(tok, lex)


_OWN_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})


def _own_forces(tok: Token) -> bool:
    """ "withdrew its troops", "lay down their arms": the subject's own means, not a target."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    return any(c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS for c in tok.children)


def _agent(tok: Token, lex: Lexicon) -> bool:
    """A common noun that names an actor ("minister", "troops", "government")."""
    return tok.lemma_.lower() in lex.agent_nouns or tok.lower_ in lex.agent_nouns


def _verb_target(verb: Token, entry: TriggerEntry, lex: Lexicon) -> tuple[Token | None, str | None]:
    """The target actor of a verb and, when the direct object is a thing, that thing's text."""
    if not syn.is_passive(verb):
        for c in verb.children:
            thing = _is_thing(c, entry, lex) or munition(c, lex.instruments)
            if c.dep_ == "dobj" and usable_arg(c) and thing:
                prep = prep_target(verb, True, entry, lex) or prep_target(c, True, entry, lex)
                prep = prep or _recipient(verb, c, lex)
                acted_on = None
                if prep is None and c.lemma_.lower() in lex.nouns:
                    acted_on = prep_target(c, False)  # "launched an attack on the stronghold"
                prep = prep or acted_on or owner_of(c, lex) or place_target(verb) or place_target(c)
                ok = prep is not None and (_actorish(prep) or _agent(prep, lex))
                if prep is not None and (ok or entry.symmetric or prep is acted_on):
                    s, e = syn.np_span(c)
                    return prep, verb.doc[s:e].text
                lemma = c.lemma_.lower()
                named = any(lemma in g or c.lower_ in g for g in entry.heads)
                if named and _agent(c, lex) and _conflict_code(entry, lex):
                    return c, None  # "fired his minister", "dispersed protesters": acted on
                if entry.symmetric or lemma in lex.nouns or named:
                    return None, verb.doc[slice(*syn.np_span(c))].text
    return _plain_target(verb, entry, lex), None


def _conflict_code(entry: TriggerEntry, lex: Lexicon) -> bool:
    """Material conflict acts on the people it names; a force posture ("sent troops") moves
    one's own (CAMEO 15)."""
    rec = lex.code(entry.cameo_code)
    return rec is not None and rec.quad_class == 4 and rec.root != "15"


def _act_owner(act: Token) -> Token | None:
    """Who did the act a noun names: "Russia's attack", "the Israeli strikes", "attack by X"."""
    owner = syn.first_child(act, "poss")
    if owner is not None:
        return owner
    for c in act.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    return dict(syn.prep_objects(act)).get("by")


def _recipient(verb: Token, thing: Token, lex: Lexicon) -> Token | None:
    """The indirect object: "gave Ukraine aid", "sent Israel weapons" (a dative, or a name the
    parser hung on the thing as ``nmod``)."""
    for c in verb.children:
        if c.dep_ == "dative" and usable_arg(c) and (_actorish(c) or _agent(c, lex)):
            return c
    for c in thing.children:
        if c.dep_ == "nmod" and c.i < thing.i and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            return c
    return None


def _plain_target(verb: Token, entry: TriggerEntry, lex: Lexicon) -> Token | None:
    if syn.is_passive(verb):
        tgt = syn.first_child(verb, *syn.PASS_SUBJ)
        if tgt is not None and tgt.lower_ in syn.REL_PRONOUNS:
            tgt = syn.relative_head(verb)
        if tgt is None and verb.dep_ == "acl":  # "bases attacked by militias"
            tgt = verb.head
        if tgt is not None and tgt.pos_ == "NOUN" and tgt.lemma_.lower() in lex.nouns:
            tgt = prep_target(tgt, False)  # "the sanctions on Iran were extended": Iran
        return tgt if usable_arg(tgt) else None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and usable_arg(c):
            if c.lower_ in syn.REL_PRONOUNS and syn.relative_head(verb) is not None:
                return syn.relative_head(verb)
            return owner_of(c, lex) or c
    return prep_target(verb, True, entry, lex) or place_target(verb)


def owner_of(thing: Token, lex: Lexicon) -> Token | None:
    """The actor behind an act-noun object: "the withdrawal of Serbian forces", "calls by X"."""
    if _actorish(thing):
        return None
    for prep, obj in syn.prep_objects(thing):
        if prep in ("of", "by", "from") and (_actorish(obj) or _agent(obj, lex)):
            return obj
    return None


def place_target(tok: Token) -> Token | None:
    """ "lifted a curfew in Montenegro": the country or city where it happens, as target."""
    for prep, obj in syn.prep_objects(tok):
        if prep == "in" and obj.ent_type_ == "GPE":
            return obj
    return None


def _raised_subject(verb: Token) -> Token | None:
    """ "The minister is expected to visit Tehran", "Putin was invited to speak": the
    passive subject of the governing verb is who does the infinitive's act."""
    if verb.tag_ == "VBN":
        return None  # "were reported killed": a participle is the victims' side, not an act
    node = verb
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head is node:
            return None
        node = node.head
        subj = syn.first_child(node, *syn.PASS_SUBJ)
        if subj is not None:
            return subj if subj.lower_ not in syn.REL_PRONOUNS else syn.relative_head(node)
        if syn.first_child(node, *syn.SUBJ) is not None:
            return None
    return None


def verb_source(verb: Token) -> tuple[Token | None, int]:
    if syn.is_passive(verb):
        return syn.agent(verb), 0
    subj, hops = syn.subject(verb)
    if subj is None:
        subj, hops = _raised_subject(verb), 1
    return (subj if usable_arg(subj) or (subj is not None and subj.pos_ == "PRON") else None), hops


_ACT_PREPS = frozenset({"in", "during", "after", "amid", "following"})
# "a series of raids", "a wave of strikes": the act is the "of" object.
_SERIES = word_class("series_noun")


def _agent_of_act(verb: Token, lex: Lexicon) -> Token | None:
    """The doer of a passive with no "by" phrase, from the act it happened in: "killed in a
    PKK attack" (PKK), "arrested during a series of raids by police" (police)."""
    for prep, obj in syn.prep_objects(verb):
        if prep not in _ACT_PREPS:
            continue
        series = obj if obj.lemma_.lower() in _SERIES else None
        if series is not None:
            obj = dict(syn.prep_objects(series)).get("of", series)
        if obj.lemma_.lower() not in lex.nouns:
            continue
        owner = _act_owner(obj) or (_act_owner(series) if series is not None else None)
        # "a Taliban ambush": a proper-noun modifier the tagger left without an entity type
        owner = owner or next(
            (c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None
        )
        if owner is not None and usable_arg(owner):
            return owner
    return None


# Two-sided fighting a passive's victims died in ("killed in clashes between X and Y").
_FIGHTING = frozenset(
    {"clash", "clashes", "fighting", "fight", "battle", "battles", "skirmish", "skirmishes"}
    | {"gunbattle", "gunfight", "firefight", "confrontation", "confrontations"}
)


def _fighting_sides(verb: Token) -> tuple[Token, Token] | None:
    """The two sides of the fighting a passive act happened in, the first named as source
    (two-sided fighting is one event per directed pair; the text order gives one)."""
    for prep, obj in syn.prep_objects(verb):
        if prep not in _ACT_PREPS or obj.lower_ not in _FIGHTING:
            continue
        between = dict(syn.prep_objects(obj)).get("between")
        sides = syn.conjuncts(between) if between is not None else []
        if len(sides) == 2 and all(usable_arg(t) for t in sides):
            return sides[0], sides[1]
    return None


def _location(tok: Token) -> Token | None:
    for prep, obj in syn.prep_objects(tok):
        if prep == "in" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
            return obj
    return None


def _inanimate(tok: Token, lex: Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    if _actorish(tok) or _agent(tok, lex) or lemma.endswith(("man", "men", "er")):
        return False
    return lemma in lex.instruments or lemma in lex.nouns


def _giver(verb: Token) -> Token | None:
    """The "from" object of a receiving verb or of the thing received."""
    heads = [verb, *syn.children(verb, "dobj")]
    for prep, obj in (po for h in heads for po in syn.prep_objects(h)):
        if prep == "from" and usable_arg(obj):
            return obj
    return None


def verb_mention(tok: Token, entry: TriggerEntry, lex: Lexicon) -> Mention | None:
    code = entry.cameo_code
    if syn.is_passive(tok) and entry.cameo_code_passive:
        code = entry.cameo_code_passive
    if code == "---":
        return None
    src, hops = verb_source(tok)
    if src is None and syn.is_passive(tok):
        src = _agent_of_act(tok, lex)  # "killed in a PKK attack", "arrested during raids by X"
    if src is not None and src.pos_ == "NOUN" and src.lemma_.lower() in lex.nouns:
        src, hops = _act_owner(src), hops + 1  # "Russia's attack killed": Russia
    elif src is not None and _inanimate(src, lex):
        src = None  # "killed by a roadside bomb": a weapon or an event, not an actor
    tgt, thing = _verb_target(tok, entry, lex)
    passive = syn.is_passive(tok) or (tok.tag_ == "VBN" and tok.dep_ == "xcomp")
    sides = _fighting_sides(tok) if src is None and passive else None
    if sides is not None:
        # "51 people were killed in clashes between X and Y": X fought Y (the victims are
        # counted among the sides, not a party of their own)
        src, tgt, hops = sides[0], sides[1], hops + 1
    if entry.lemma in _CONVERSE and code[:2] == "07" and not syn.is_passive(tok):
        src, tgt, hops = _giver(tok), src, 0  # "X received weapons from Y": Y gives to X
    m = Mention(
        trigger=tok,
        entry=entry,
        code=code,
        plover_event=entry.plover_event,
        plover_mode=entry.plover_mode,
        source=src,
        target=tgt,
        hops=hops,
        location=_location(tok),
        object_text=thing,
    )
    doer = _striker(tok, src, tgt)
    if doer is not None:
        # "teachers striking in West Virginia", "cabin crew are preparing to strike": a walkout
        m.code, m.plover_event, m.plover_mode = "143", "PROTEST", "strike"
        m.source, m.target = src or doer, None
    set_reciprocal(m, lex)
    return m


def _striker(tok: Token, src: Token | None, tgt: Token | None) -> Token | None:
    """The working people whose intransitive "strike" is a walkout, not an attack."""
    if tok.lemma_.lower() != "strike" or any(syn.children(tok, "dobj")):
        return None
    if tgt is not None and not (tgt.head.dep_ == "prep" and tgt.head.lower_ in ("in", "at")):
        return None  # struck someone; a place ("in West Virginia") is only where
    doer = src
    if doer is None and tok.dep_ == "acl":
        doer = tok.head  # "teachers striking"
    elif doer is None and tok.dep_ == "xcomp":
        doer = syn.first_child(tok.head, "nsubj")  # "workers are preparing to strike"
    if doer is not None and (doer.like_num or doer.pos_ == "NUM" or doer.ent_type_ == "CARDINAL"):
        counted = [o for p in syn.children(doer, "prep") if p.lower_ == "of" for o in p.children]
        doer = counted[0] if counted else doer  # "thousands of workers"
    return doer if doer is not None and doer.lemma_.lower() in _WORKERS else None


def noun_mention(tok: Token, entry: TriggerEntry, lex: Lexicon) -> Mention | None:
    head = tok.head
    light = tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs
    src: Token | None = None
    hops = 0
    if light:
        src, hops = verb_source(head)
    if src is None:
        src = syn.first_child(tok, "poss")
    if src is None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                src = c
                break
    tgt = prep_target(tok, verb=False)
    if tgt is None and (light or tok.dep_ in ("nsubj", "nsubjpass")):
        tgt = prep_target(head, verb=True)
    if src is None:
        for prep, obj in syn.prep_objects(tok):
            if prep == "by":
                src = obj
    if src is None and tok.dep_ == "pobj" and head.head.pos_ == "VERB":
        # "raised the issue during talks with X": who acts in the setting is the verb's subject
        src, hops = verb_source(head.head)
    m = Mention(
        trigger=tok,
        entry=entry,
        code=entry.cameo_code,
        plover_event=entry.plover_event,
        plover_mode=entry.plover_mode,
        source=src,
        target=tgt,
        hops=hops + (0 if light else 1),
        location=_location(head if light else tok),
    )
    if light:
        m.extra["light_verb"] = head.text
    between = dict(syn.prep_objects(tok)).get("between")
    if between is not None and len(syn.conjuncts(between)) > 1:
        m.source, m.target, m.reciprocal = between, syn.conjuncts(between)[1], True
    else:
        set_reciprocal(m, lex)
    return m


def set_reciprocal(m: Mention, lex: Lexicon) -> None:
    """ "X and Y met": both parties, no invented direction (source first, target second)."""
    symmetric = m.entry.symmetric or event_type(m, lex) in ("CONSULT", "COOPERATE")
    if not symmetric or m.source is None:
        return
    parties = syn.conjuncts(m.source)
    loose = m.target is None or m.target.lower_ in ("other", "each")
    loose = loose or (m.target is not None and m.target.head.lower_ == "in")  # a place
    loose = loose or not (m.target is not None and (_actorish(m.target) or _agent(m.target, lex)))
    if len(parties) > 1 and loose:
        if m.target is not None and m.object_text is None:
            m.object_text = m.target.doc[slice(*syn.np_span(m.target))].text
        m.target, m.reciprocal = parties[1], True
    elif m.target is None and m.source.tag_ in ("NNS", "NNPS") and m.trigger.pos_ == "VERB":
        m.reciprocal = True  # "the two sides met": parties named together
