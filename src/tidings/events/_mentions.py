"""Find event mentions in one parsed sentence: triggers, arguments, modality, negation.

A mention is an intermediate record (trigger token, chosen lexicon entry, argument tokens);
``_records`` turns it into an ``Event``. The steps are written out in ``find_mentions``:
triggers from the lexicon, then governing verbs ("promised to", "asked X to", "threatened
to", "denied", "refused to") fold the event they govern into one mention, then auxiliaries
and conditions set modality, and reported speech records who claims the event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tidings.events import _syntax as syn
from tidings.events._compound_codes import compound_codes
from tidings.events._lexicon import Lexicon, TriggerEntry
from tidings.model import EventExtra

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# CAMEO codes of compound acts (data/events/compound_codes.tsv). Future cooperation is AGREE
# (PLOVER coding notes) with the CAMEO "intent" code by root; what a threat threatens, by the
# type of the threatened act: (CAMEO code, PLOVER mode); refusals (CAMEO 12x) and requests
# (CAMEO 02x appeals) by the type of the refused or requested act.
_COMPOUND = compound_codes()
INTENT_CODES = {root: code for root, (code, _) in _COMPOUND["intent"].items()}
THREAT_CODES = _COMPOUND["threat"]
REFUSE_CODES = {kind: code for kind, (code, _) in _COMPOUND["refuse"].items()}
REQUEST_CODES = {kind: code for kind, (code, _) in _COMPOUND["request"].items()}
_SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
# "X said Y must do Z" is X's demand on Y; "we must", "it must" bind the speaker.
_SELF_PRONOUNS = frozenset({"i", "we", "it"})
_CEASE = frozenset({"stop", "cease", "halt", "end", "quit", "suspend"})
# Pseudo-slots the lexicon's heads column can name: a predicative epithet ("called it
# illegal") and a yes/no question complement ("asked whether ...").
NAMED_AS = "<named-as>"
QUESTION = "<question>"
# Epithets of praise: "called the talks constructive" is not criticism.
_PRAISE = frozenset(
    {
        "constructive",
        "productive",
        "positive",
        "good",
        "great",
        "success",
        "historic",
        "important",
        "excellent",
        "friend",
        "hero",
        "partner",
        "ally",
        "breakthrough",
        "welcome",
        "useful",
        "fruitful",
        "fair",
        "brave",
        "courageous",
        "visionary",
    }
)
_QUANTIFIERS = frozenset({"some", "many", "dozens", "hundreds", "scores", "most", "all", "none"})
_NOUN_DEPS = ("dobj", "nsubj", "nsubjpass", "ROOT", "attr", "appos")
# Receiving verbs: the giver is the "from" object, the subject is the recipient.
_CONVERSE = frozenset({"receive", "obtain", "get", "accept", "acquire"})
_BAD_ARG_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass
class Mention:
    """One event mention found in a sentence, before actor linking."""

    trigger: Token
    entry: TriggerEntry
    code: str
    plover_event: str = ""  # override; "" = from the CAMEO code
    plover_mode: str = ""
    source: Token | None = None
    target: Token | None = None
    reciprocal: bool = False
    negated: bool = False
    modality: str = "asserted"
    object_text: str | None = None
    claimed_by: Token | None = None
    hops: int = 0
    governor: Token | None = None
    location: Token | None = None
    extra: EventExtra = field(default_factory=EventExtra)
    requested_by: Mention | None = None  # the REQUEST that asks for this act


def _munition(tok: Token, instruments: Mapping[str, str]) -> bool:
    """A fired or launched thing: "shells", "artillery shells", "missiles"."""
    words = [tok.lemma_.lower(), *(c.lemma_.lower() for c in syn.children(tok, "compound"))]
    return any(w in instruments for w in words)


def _slots(tok: Token, instruments: Mapping[str, str] | None = None) -> tuple[set[str], set[str]]:
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
            if c.dep_ == "dobj" and _munition(c, instruments):
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
    slots, preps = _slots(tok, instruments)
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


def _usable_arg(tok: Token | None) -> bool:
    if tok is None:
        return False
    counted = tok.ent_type_ == "CARDINAL" or tok.pos_ == "NUM"
    if counted and any(c.lower_ == "of" for c in tok.children):
        return True  # "thousands of people", "dozens of protesters"
    if tok.ent_type_ in _BAD_ARG_ENTS or tok.pos_ in ("VERB", "AUX", "NUM", "ADV"):
        return False
    return tok.lower_ not in ("each", "other")


def _prep_target(
    tok: Token, verb: bool, entry: TriggerEntry | None = None, lex: Lexicon | None = None
) -> Token | None:
    """The first usable object of a target preposition (the entry's own prepositions first)."""
    found = dict(reversed(list(syn.prep_objects(tok))))
    order = (*(entry.preps if entry else ()), *syn.TARGET_PREPS)
    for prep in order:
        if verb and prep == "of":
            continue
        obj = found.get(prep)
        if not _usable_arg(obj) or obj is None:
            continue
        if entry is not None and lex is not None:
            if _is_thing(obj, entry, lex, strict=True):
                continue
            loose = prep not in entry.preps and prep != "between"
            if loose and not (_actorish(obj) or _agent(obj, lex)):
                continue  # "at the ministry", "to the capital": places and things
        return obj
    return None


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
            thing = _is_thing(c, entry, lex) or _munition(c, lex.instruments)
            if c.dep_ == "dobj" and _usable_arg(c) and thing:
                prep = _prep_target(verb, True, entry, lex) or _prep_target(c, True, entry, lex)
                prep = prep or _recipient(verb, c, lex)
                acted_on = None
                if prep is None and c.lemma_.lower() in lex.nouns:
                    acted_on = _prep_target(c, False)  # "launched an attack on the stronghold"
                prep = prep or acted_on or _owner(c, lex) or _place(verb) or _place(c)
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
        if c.dep_ == "dative" and _usable_arg(c) and (_actorish(c) or _agent(c, lex)):
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
            tgt = _prep_target(tgt, False)  # "the sanctions on Iran were extended": Iran
        return tgt if _usable_arg(tgt) else None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and _usable_arg(c):
            if c.lower_ in syn.REL_PRONOUNS and syn.relative_head(verb) is not None:
                return syn.relative_head(verb)
            return _owner(c, lex) or c
    return _prep_target(verb, True, entry, lex) or _place(verb)


def _owner(thing: Token, lex: Lexicon) -> Token | None:
    """The actor behind an act-noun object: "the withdrawal of Serbian forces", "calls by X"."""
    if _actorish(thing):
        return None
    for prep, obj in syn.prep_objects(thing):
        if prep in ("of", "by", "from") and (_actorish(obj) or _agent(obj, lex)):
            return obj
    return None


def _place(tok: Token) -> Token | None:
    """ "lifted a curfew in Montenegro": the country or city where it happens, as target."""
    for prep, obj in syn.prep_objects(tok):
        if prep == "in" and obj.ent_type_ == "GPE":
            return obj
    return None


def _verb_source(verb: Token) -> tuple[Token | None, int]:
    if syn.is_passive(verb):
        return syn.agent(verb), 0
    subj, hops = syn.subject(verb)
    return (subj if _usable_arg(subj) or (subj is not None and subj.pos_ == "PRON") else None), hops


_ACT_PREPS = frozenset({"in", "during", "after", "amid", "following"})
_SERIES = frozenset({"series", "wave", "spate", "string", "number"})


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
        if owner is not None and _usable_arg(owner):
            return owner
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
        if prep == "from" and _usable_arg(obj):
            return obj
    return None


def _verb_mention(tok: Token, entry: TriggerEntry, lex: Lexicon) -> Mention | None:
    code = entry.cameo_code
    if syn.is_passive(tok) and entry.cameo_code_passive:
        code = entry.cameo_code_passive
    if code == "---":
        return None
    src, hops = _verb_source(tok)
    if src is None and syn.is_passive(tok):
        src = _agent_of_act(tok, lex)  # "killed in a PKK attack", "arrested during raids by X"
    if src is not None and src.pos_ == "NOUN" and src.lemma_.lower() in lex.nouns:
        src, hops = _act_owner(src), hops + 1  # "Russia's attack killed": Russia
    elif src is not None and _inanimate(src, lex):
        src = None  # "killed by a roadside bomb": a weapon or an event, not an actor
    tgt, thing = _verb_target(tok, entry, lex)
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
    _reciprocal(m, lex)
    return m


def _noun_mention(tok: Token, entry: TriggerEntry, lex: Lexicon) -> Mention | None:
    head = tok.head
    light = tok.dep_ == "dobj" and head.lemma_.lower() in lex.light_verbs
    src: Token | None = None
    hops = 0
    if light:
        src, hops = _verb_source(head)
    if src is None:
        src = syn.first_child(tok, "poss")
    if src is None:
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                src = c
                break
    tgt = _prep_target(tok, verb=False)
    if tgt is None and (light or tok.dep_ in ("nsubj", "nsubjpass")):
        tgt = _prep_target(head, verb=True)
    if src is None:
        for prep, obj in syn.prep_objects(tok):
            if prep == "by":
                src = obj
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
        _reciprocal(m, lex)
    return m


def _reciprocal(m: Mention, lex: Lexicon) -> None:
    """ "X and Y met": both parties, no invented direction (source first, target second)."""
    symmetric = m.entry.symmetric or _event_type(m, lex) in ("CONSULT", "COOPERATE")
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


def _inner_verbs(gov: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in gov.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX")]


def _phrase(tok: Token) -> str:
    """The text of the clause headed by ``tok`` without its leading "to"/"that"."""
    toks = [t for t in tok.subtree if not (t.i < tok.i and t.dep_ in ("aux", "mark", "nsubj"))]
    if not toks:
        return tok.text
    return tok.doc[toks[0].i : toks[-1].i + 1].text


def _event_type(m: Mention, lex: Lexicon) -> str:
    if m.plover_event:
        return m.plover_event
    c = lex.code(m.code)
    return c.plover_event if c else ""


def _governed(gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]) -> None:
    """Fold the event under a governing verb ("promised to work") into one mention."""
    roles = lex.governors.get(gov.lemma_.lower(), {})
    xcomps = _inner_verbs(gov, ("xcomp",))
    ccomps = _inner_verbs(gov, ("ccomp",))
    own = cands.get(gov.i)
    if "request" in roles and (xcomps or (ccomps and gov.lemma_.lower() in ("demand", "insist"))):
        inner = (xcomps or ccomps)[0]
        target = syn.first_child(gov, "dobj")
        if target is not None:
            target = _owner(target, lex) or target
        if target is None:
            preps = dict(syn.prep_objects(gov))  # "called on X", "appealed to X"
            target = preps.get("on") or preps.get("to")
            target = target if _usable_arg(target) else None
        if target is None and not xcomps:
            target, _ = syn.subject(inner)
        if target is None and own is None:
            return  # "want to", "hope to": not a request to someone
        inner_m = cands.get(inner.i)
        if own is None:
            entry = next(iter(lex.verbs.get("ask", [])), None)
            if entry is None:
                return
            own = Mention(trigger=gov, entry=entry, code="020")
            own.source, own.hops = _verb_source(gov)
            cands[gov.i] = own
        own.target = target if target is not None else own.target
        own.object_text = _phrase(inner)
        own.modality = "asserted"
        if inner_m is not None:
            inner_type = _event_type(inner_m, lex)
            own.extra["requested_type"] = inner_type
            if own.code[:2] == "02" and inner_type in REQUEST_CODES:
                own.code = REQUEST_CODES[inner_type]
            _requested(inner_m, own, target)
        return
    inner_list = xcomps or [c for c in ccomps if syn.auxiliaries(c) & (syn.FUTURE_AUX | {"would"})]
    if "deny" in roles:
        inner_list = xcomps or ccomps
    if not inner_list:
        if own is not None and roles.keys() & {"promise", "threat", "refuse"}:
            own.modality = next(iter(roles.values()))
        return
    inner = inner_list[0]
    inner_m = cands.get(inner.i)
    if inner_m is None:
        if own is not None:
            own.object_text = _phrase(inner)
            if own.target is None:  # "threatened to cut off electricity to X"
                own.target = _prep_target(inner, True, own.entry, lex) or _place(inner)
            for role in ("promise", "threat"):
                if role in roles:
                    own.modality = roles[role]
        return
    inner_type = _event_type(inner_m, lex)
    if roles.keys() & {"deny", "fail", "intent"} and own is not None:
        consumed.add(gov.i)  # "plans to visit": the visit is the event, not the plan
    if "deny" in roles:
        inner_m.modality = "denied"
        inner_m.governor = gov
        if inner_m.source is not None and inner_m.source.pos_ == "PRON":
            inner_m.source, inner_m.hops = syn.subject(gov)[0], inner_m.hops + 1
        return
    if "fail" in roles:
        inner_m.negated = True
        inner_m.governor = gov
        return
    if "intent" in roles:
        inner_m.modality = "intended"
        inner_m.governor = gov
        if inner_type in COOPERATIVE:
            _to_agree(inner_m, lex)
        return
    folded = inner_m
    folded.governor = gov
    folded.extra["inner_trigger"] = [inner.idx, inner.idx + len(inner.text)]
    if "refuse" in roles:
        folded.code = (
            "1243" if inner_m.code.startswith("084") else REFUSE_CODES.get(inner_type, "120")
        )
        folded.plover_event, folded.plover_mode = "", ""
        folded.object_text = _phrase(inner)
        folded.extra["refused_type"] = inner_type
    elif "threat" in roles or (
        "promise" in roles
        and inner_type in CONFLICT - {"MOBILIZE", "PROTEST"}
        and gov.lemma_.lower() != "offer"
    ):
        code, mode = THREAT_CODES.get(inner_type, ("130", ""))
        folded.code, folded.plover_event, folded.plover_mode = code, "THREATEN", mode
        folded.modality = "threatened"
        folded.extra["threatened_type"] = inner_type
    elif "promise" in roles:
        folded.modality = roles["promise"] if gov.lemma_.lower() != "agree" else "asserted"
        # Agreeing/offering to do anything is AGREE (GSR practice; "agreed to resign").
        agreeing = gov.lemma_.lower() in ("agree", "offer")
        if inner_type in COOPERATIVE or inner_type == "AGREE" or agreeing:
            _to_agree(folded, lex)
        elif inner_type in ("CONCEDE", "RETREAT"):
            folded.plover_event, folded.plover_mode = "CONCEDE", ""
            folded.modality = roles["promise"]
    else:
        return
    # The governor's subject is the actor; the trigger becomes the governing verb.
    folded.trigger = gov
    src, hops = _verb_source(gov)
    if src is not None:
        folded.source, folded.hops = src, hops
    if folded.target is None and own is not None:
        folded.target = own.target
    folded.entry = own.entry if own is not None else folded.entry
    _reciprocal(folded, lex)
    consumed.add(inner.i)
    cands[gov.i] = folded


def _reported_demand(
    gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]
) -> None:
    """ "Russia said Sudan must return the helicopter": a demand by the speaker (REQUEST)."""
    if "speech" not in lex.governors.get(gov.lemma_.lower(), {}) or gov.i in cands:
        return
    for inner in _inner_verbs(gov, ("ccomp",)):
        aux = syn.auxiliaries(inner)
        if "must" not in aux and ("should" not in aux or inner.i not in cands):
            continue  # "parties should promote peace": advice; "should release him": a demand
        entry = next(iter(lex.verbs.get("demand", [])), None)
        speaker, hops = syn.subject(gov)
        if entry is None or speaker is None:
            return
        doer, _ = syn.subject(inner)
        if doer is not None and (
            doer.lower_ in _SELF_PRONOUNS or doer.lemma_.lower() == speaker.lemma_.lower()
        ):
            return  # "China said it must adopt countermeasures": its own duty, not a demand
        m = Mention(trigger=gov, entry=entry, code="100", source=speaker, hops=hops)
        m.target, _ = syn.subject(inner)
        m.object_text = _phrase(inner)
        inner_m = cands.get(inner.i)
        if inner_m is not None:
            m.extra["requested_type"] = _event_type(inner_m, lex)
            _requested(inner_m, m, None)
        m.extra["inner_trigger"] = [inner.idx, inner.idx + len(inner.text)]
        cands[gov.i] = m
        return


def _requested(act: Mention, request: Mention, asked: Token | None) -> None:
    """The act a request asks for is its own event: modality ``requested``, done by the one
    asked ("urged Israel to halt strikes": Israel halts), linked to the request."""
    act.modality = "requested"
    act.requested_by = request
    if asked is not None:
        act.source, act.hops = asked, act.hops + 1
        if act.target is not None and act.target.i == asked.i:
            act.target = None


def _to_agree(m: Mention, lex: Lexicon) -> None:
    """PLOVER: promised/planned cooperation is AGREE (CAMEO 03x "express intent")."""
    c = lex.code(m.code)
    root = c.root if c else m.code[:2]
    m.extra["plover_type_as_act"] = _event_type(m, lex)
    m.code = INTENT_CODES.get(root, "030")
    m.plover_event, m.plover_mode = "AGREE", ""


def _claimant(tok: Token, lex: Lexicon) -> Token | None:
    """The speaker when ``tok`` sits in a clause reported by a speech verb ("X said ...")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("ccomp", "parataxis"):
            gov = cur.head
            if "speech" in lex.governors.get(gov.lemma_.lower(), {}):
                speaker, _ = syn.subject(gov)
                return speaker
        if cur.head is cur:
            break
        cur = cur.head
    for c in tok.sent:
        if c.lower_ == "according" and c.i + 2 < len(tok.doc) and tok.doc[c.i + 1].lower_ == "to":
            return next(syn.children(tok.doc[c.i + 1], "pobj"), None)
    # "..., X said." with the event verb as the root and the speech verb as a parataxis/ccomp
    for c in tok.children:
        if c.dep_ in ("parataxis", "ccomp") and "speech" in lex.governors.get(c.lemma_.lower(), {}):
            return syn.first_child(c, *syn.SUBJ)
    return None


Chooser = Callable[[Token, Lexicon], TriggerEntry | None]


def lexicon_entry(tok: Token, lex: Lexicon) -> TriggerEntry | None:
    """The default chooser: the most specific matching lexicon row for ``tok``."""
    if tok.pos_ == "VERB":
        return choose_entry(tok, lex.verbs.get(tok.lemma_.lower(), []), lex.instruments)
    entries = lex.nouns.get(tok.lemma_.lower(), []) or lex.nouns.get(tok.lower_, [])
    return choose_entry(tok, entries)


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
            m = _verb_mention(tok, entry, lex) if entry else None
        else:
            if tok.dep_ not in _NOUN_DEPS:
                continue
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() not in lex.light_verbs:
                continue  # "violating a ceasefire": the noun is what the verb acts on
            entry = choose(tok, lex)
            m = _noun_mention(tok, entry, lex) if entry else None
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
        elif _event_type(m, lex) in CONFLICT:  # an uncoded stop of violence: de-escalation
            m.extra["ceased_type"] = _event_type(m, lex)
            m.code, m.plover_event, m.plover_mode = "087", "RETREAT", ""
            m.object_text = _phrase(tok)
            m.trigger = tok.head
            del cands[i]
            cands[tok.head.i] = m
    # A noun event that is the object of a coded verb ("condemned the attack") is that
    # verb's argument, not a second event; so is a noun after a coded light verb.
    for i in [i for i, m in cands.items() if m.trigger.pos_ != "VERB"]:
        head = cands[i].trigger.head
        if head.i in cands and head.i != i:
            del cands[i]
    consumed: set[int] = set()
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.governors:
            _governed(tok, cands, lex, consumed)
            _reported_demand(tok, cands, lex, consumed)
    out: list[Mention] = []
    for i, m in sorted(cands.items()):
        if i in consumed:
            continue
        _finish(m, lex)
        out.append(m)
    return out


_BACKGROUND_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp", "pobj", "csubj"})


def _background(tok: Token) -> bool:
    """Inside a relative, participle, adverbial or prepositional clause (any level up)."""
    cur = tok if tok.pos_ == "VERB" else tok.head
    for _ in range(8):
        if cur.dep_ in _BACKGROUND_DEPS:
            return True
        if cur.dep_ in ("ROOT",) or cur.head is cur:
            return False
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "attr"):
            return False
        cur = cur.head
    return False


def _on_condition(verb: Token) -> bool:
    """The verb carries its own "if"/"unless" clause ("will fight back if the US persists")."""
    return any(
        c.dep_ == "advcl"
        and any(k.dep_ == "mark" and k.lower_ in syn.CONDITION_MARKS for k in c.children)
        for c in verb.children
    )


def _finish(m: Mention, lex: Lexicon) -> None:
    """Negation, auxiliary-driven modality and the claimant of one mention."""
    verb = m.trigger if m.trigger.pos_ == "VERB" else m.trigger.head
    m.negated = (
        m.negated or syn.negated(m.trigger) or (m.trigger.pos_ != "VERB" and syn.negated(verb))
    )
    if m.governor is not None and syn.negated(m.governor):
        m.negated = True
    aux = syn.auxiliaries(verb)
    speaker = _claimant(m.trigger, lex)
    if speaker is not None and "would" in aux and verb.dep_ == "ccomp":
        aux = (aux - {"would"}) | {"will"}  # "said it would allow": future in the past
    if m.modality == "asserted":
        if syn.in_condition(verb) or aux & syn.HYPOTHETICAL_AUX:
            m.modality = "hypothetical"
        elif aux & syn.FUTURE_AUX:
            m.modality = "intended"
            etype = _event_type(m, lex)
            if etype in THREAT_CODES and _on_condition(verb):
                # "Iraq would retaliate against X if they boost output": a conditional
                # future act of force is a threat (PLOVER THREATEN), not the act itself
                code, mode = THREAT_CODES[etype]
                m.code, m.plover_event, m.plover_mode = code, "THREATEN", mode
                m.modality = "threatened"
            elif etype in COOPERATIVE:
                _to_agree(m, lex)
            elif etype == "RETREAT":  # announced future retreats are CONCEDE (PLOVER note)
                m.plover_event, m.plover_mode = "CONCEDE", ""
    if _background(m.trigger if m.governor is None else m.governor):
        m.extra["subordinate"] = True
    if speaker is not None and speaker not in (m.source, m.target):
        m.claimed_by = speaker
    if m.source is not None and m.source.lower_ in _SPEAKER_PRONOUNS and speaker is not None:
        # "Hungary said it will support ...": the pronoun is the speaker.
        m.source, m.hops = speaker, m.hops + 1
        m.extra["source_from_speaker"] = True
