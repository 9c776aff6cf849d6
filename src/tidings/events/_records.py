"""Turn event mentions into ``Event`` records: CAMEO/PLOVER fields, linked actors, confidence."""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.tokens import Span, Token

from tidings.actors import OPPONENTS
from tidings.events import _syntax as syn
from tidings.events._arguments import usable_arg
from tidings.events._calibration import calibrate
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention
from tidings.events._modality import counted_as_event
from tidings.events._spurious import non_political
from tidings.interfaces import ActorLinker, DocActors
from tidings.model import ActorRef, AnnotatedDoc, Event, EventExtra, content_id

log = logging.getLogger(__name__)


class _NoActors:
    """Stand-in when no actor linker is configured: actors keep their text and span only."""

    def at(self, start: int, end: int) -> ActorRef | None:
        return None


def doc_actors(linker: ActorLinker | None, doc: AnnotatedDoc) -> DocActors:
    """The linker's per-article index, or a stand-in if there is none or it fails."""
    if linker is None:
        return _NoActors()
    try:
        return linker.link_doc(doc)
    except Exception:  # noqa: BLE001 - a linker bug must not lose the article's events
        log.exception(
            "actor linker failed on %s; events keep uncoded actors", doc.article.article_id
        )
        return _NoActors()


def _lookup(tok: Token, actors: DocActors) -> tuple[ActorRef | None, Span]:
    start_i, end_i = syn.np_span(tok)
    span = tok.doc[start_i:end_i]
    try:
        return actors.at(span.start_char, span.end_char), span
    except Exception:  # noqa: BLE001 - a linker bug must not lose the event
        log.exception("actor lookup failed for %r", span.text)
        return None, span


def actor_ref(tok: Token | None, actors: DocActors) -> ActorRef | None:
    """The linked actor for the noun phrase headed by ``tok`` (span in article offsets)."""
    if tok is None:
        return None
    tok = _named_apposition(_relative_antecedent(tok))
    ref, span = _lookup(tok, actors)
    of = next((o for p, o in syn.prep_objects(tok) if p == "of"), None)
    if tok.lower_ in OPPONENTS and of is not None:
        # "critics of the government": the phrase with its "of" object is one actor
        whole = tok.doc[syn.np_span(tok)[0] : syn.np_span(of)[1]]
        ref, span = actors.at(whole.start_char, whole.end_char), whole
    owner = syn.first_child(tok, "poss")
    uncoded = ref is None or not (ref.code or ref.country_iso3)
    owned = owner is not None and owner.pos_ == "PROPN"
    if uncoded and owned and owner is not None and tok.pos_ == "NOUN" and not tok.ent_type_:
        ref, span = _lookup(owner, actors)  # "Turkey's efforts" -> Turkey
    if ref is None or not ref.country_iso3:
        ref, span = _from_modifier(tok, ref, span, actors)
    start, end = span.start_char, span.end_char
    if ref is None:
        return ActorRef(text=span.text, start=start, end=end)
    if ref.start is None:
        ref = replace(ref, start=start, end=end)
    return ref


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_RELATIVES = frozenset({"who", "whom", "which", "that"})


def _relative_antecedent(tok: Token) -> Token:
    """A relative pronoun is the noun its clause describes: "Saddam, with whom the king
    met" -- "whom" is Saddam."""
    if tok.lower_ not in _RELATIVES or tok.tag_ not in ("WP", "WDT"):
        return tok
    if tok.lower_ in ("who", "whom"):
        # A person: the name just before, as the parser often hangs the clause on the
        # wrong noun ("a message from Saddam Hussein, with whom ...").
        for back in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
            prev = tok.doc[back]
            if prev.ent_type_ in _NAME_LABELS and prev.pos_ == "PROPN":
                return prev
            if not (prev.is_punct or prev.pos_ == "ADP"):
                break
    for up in tok.ancestors:
        if up.dep_ == "relcl":
            return up.head
    return tok


def _named_apposition(tok: Token) -> Token:
    """A common noun with a name in apposition is that name: "his successor, Donald Trump",
    "a fellow US ally in the Gulf, Qatar"."""
    if tok.pos_ != "NOUN":
        return tok
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in _NAME_LABELS:
            return c
    # The parser often hangs the name on the phrase's last noun: "a fellow US ally in the
    # Gulf, Qatar", "the leader of the group, Abu Bakr": the name is the head noun's.
    for _, obj in syn.prep_objects(tok):
        inner = [t.i for t in obj.subtree if t.dep_ != "appos" and not t.is_punct]
        last = obj.i == max(inner, default=obj.i)
        for c in obj.children:
            named = c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in _NAME_LABELS
            if named and last and c.i == obj.i + 2 and obj.doc[obj.i + 1].text == ",":
                return c
    return tok


def _is_party(ref: ActorRef | None) -> bool:
    return ref is not None and bool(ref.code or ref.country_iso3 or ref.sector or ref.entity_id)


# Prepositions whose object may be the party behind a thing ("an embargo on trade with Iraq").
_PARTY_PREPS = ("with", "against", "on", "to", "of", "for", "toward", "towards")


def party_within(tok: Token | None, actors: DocActors, depth: int = 2) -> ActorRef | None:
    """The first actor named inside a thing's phrase: its possessor or a prepositional
    object ("the return of the remains of Iranians", "trade with Iraq", "his rhetoric")."""
    if tok is None or depth < 0:
        return None
    inner = [c for c in tok.children if c.dep_ == "poss"]
    inner += [o for p, o in syn.prep_objects(tok) if p in _PARTY_PREPS]
    for c in inner:
        ref = actor_ref(c, actors)
        if _is_party(ref) and (ref is None or ref.code or ref.country_iso3 or ref.sector):
            return ref
    for c in inner:
        found = party_within(c, actors, depth - 1)
        if found is not None:
            return found
    return None


# Heads that only count or group the actual actors ("thousands of students", "members of X").
_GROUP_HEADS = frozenset(
    [
        "group",
        "member",
        "thousand",
        "hundred",
        "dozen",
        "ten",
        "million",
        "number",
        "some",
        "part",
        "many",
        "most",
    ]
)


def _from_modifier(
    tok: Token, ref: ActorRef | None, span: Span, actors: DocActors
) -> tuple[ActorRef | None, Span]:
    """Country from the phrase's own modifiers: "thousands of Nigerians" is the Nigerians;
    "opposition groups in Zimbabwe" are Zimbabwe's opposition."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "in", "from"):
            continue
        obj = syn.first_child(c, "pobj")
        if obj is None:
            continue
        inner, inner_span = _lookup(obj, actors)
        if inner is None or not (inner.country_iso3 or inner.code):
            continue
        grouped = c.lower_ == "of" and tok.lemma_.lower() in _GROUP_HEADS
        if grouped and (known_party(inner) or (ref is None and inner.sector not in (None, "CVL"))):
            return inner, inner_span  # "some of the rebel groups": the rebels
        if c.lower_ in ("in", "from") and inner.country_iso3:
            if ref is None:
                return ActorRef(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    code=inner.country_iso3,
                    country_iso3=inner.country_iso3,
                ), span
            code = inner.country_iso3 + (ref.sector or "")
            return replace(ref, country_iso3=inner.country_iso3, code=code), span
    return ref, span


# Codes of international and non-state bodies that have no country of their own.
_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UIS")


def known_party(ref: ActorRef | None) -> bool:
    """A party coded with a country or a known international/non-state organisation."""
    if ref is None:
        return False
    return bool(ref.country_iso3) or (ref.code or "").startswith(_ORG_PREFIXES)


def coded_actor(ref: ActorRef | None) -> bool:
    """What the relevance gate asks of at least one side: a country, a known organisation,
    or a CAMEO role even when its country is unknown ("the police", "striking workers"), as
    PETRARCH codes such agents ("---COP"); plain people ("a man", CVL) are not enough."""
    return known_party(ref) or (ref is not None and bool(ref.sector) and ref.sector != "CVL")


_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Links a trigger's clause shares its subject through: "agreed to allow", "donated and
# delivered", "were converging for a rally to protest".
_SHARED = frozenset({"conj", "xcomp", "advcl", "pobj", "prep", "dobj"})


def clause_subject(trigger: Token) -> Token | None:
    """The grammatical subject of the trigger's clause, climbing at most three links through
    which a clause shares its subject; None when a reported clause or the sentence root is
    reached first."""
    node = trigger
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            return subj
        if node.dep_ == "acl" and node.tag_ in ("VBD", "VBG"):
            return node.head  # "doctors from aid groups donated ...": the noun acts
        if node.dep_ not in _SHARED or node.head is node:
            return None
        node = node.head
    return None


def relevant(ev: Event, m: Mention, actors: DocActors) -> bool:
    """The relevance gate: a party coded with a country, a known organisation or a role; an
    event whose parties the coder could not fill passes when its clause's subject is such a
    party ("the Sudanese government and SPLM/A have agreed to allow ..."), since the act is
    still that actor's."""
    if coded_actor(ev.source) or coded_actor(ev.target):
        return True
    if ev.source is not None and ev.source.start is not None:
        return False  # the coder named a source, and it is not coded
    subj = clause_subject(m.trigger)
    if subj is None:
        return False
    words = [t for t in subj.subtree if t.i <= subj.i or t.dep_ in ("conj", "cc")]
    try:
        ref = actors.at(subj.idx, subj.idx + len(subj))
        if not coded_actor(ref):
            span = (min(t.idx for t in words), max(t.idx + len(t) for t in words))
            ref = actors.at(*span)
    except Exception:  # noqa: BLE001 - a linker bug must not lose the event
        return False
    ref, _ = situate(ref, m, actors)
    return coded_actor(ref)


def situate(
    ref: ActorRef | None, m: Mention, actors: DocActors
) -> tuple[ActorRef | None, str | None]:
    """A sector-only party ("police", "the government") takes its context's country: the
    event's own place ("police in Cairo"), else the article's country (its dateline, else
    the country it names most). Returns the party and where its country came from. A party
    foreign by its own words ("Western envoys", "foreign diplomats") takes none: it is
    there as another country's."""
    if ref is None or ref.country_iso3 or ref.sector in _ORG_PREFIXES:
        return ref, None
    if _FOREIGN & set(ref.text.lower().split()):
        return ref, None
    if not ref.sector and not ref.entity_id:
        inner = _of_complement(ref, m, actors)
        if inner is None:
            return ref, None  # a thing ("the plan"), not an actor
        if inner.country_iso3 or inner.sector in _ORG_PREFIXES:
            return replace(inner, text=ref.text, start=ref.start, end=ref.end), None
        ref = replace(ref, sector=inner.sector, code=inner.code)
    if (ref.code or "").startswith(_ORG_PREFIXES):
        return ref, None
    country, origin = None, None
    for where in (m.location, _clause_place(m.trigger)):
        loc = actor_ref(where, actors) if where is not None else None
        if loc is not None and loc.country_iso3:
            country, origin = loc.country_iso3, "event_place"
            break
    if country is None:
        country = getattr(actors, "country", None)
        origin = getattr(actors, "country_from", None) or "article"
    if not country:  # no article country (a lone sentence): the one country it names
        country, origin = _sentence_country(m.trigger, actors), "sentence"
    if not country:
        return ref, None
    return replace(ref, country_iso3=country, code=country + (ref.sector or "")), origin


# Words that make a party another country's, whatever country its context names: the
# envoys in Beirut are not Lebanon's.
_FOREIGN = frozenset(
    {"western", "foreign", "envoy", "envoys", "ambassador", "ambassadors", "emissary"}
    | {"emissaries", "diplomat", "diplomats", "expatriate", "expatriates"}
)


# Heads that count people without saying who they are: "tens of thousands of students",
# "a group of refugees" are the students, the refugees.
_COUNTS = frozenset(
    {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "group", "groups"}
    | {"crowd", "crowds", "number", "hundred", "thousand", "dozen", "band", "handful"}
)


def _of_complement(ref: ActorRef, m: Mention, actors: DocActors) -> ActorRef | None:
    """The actor a counting party stands for ("thousands of Nigerians" -> Nigerians), when
    that actor has a role or a country; None otherwise."""
    if ref.start is None or ref.end is None:
        return None
    doc = m.trigger.doc
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    for _ in range(3):  # "tens of thousands of students": up to three counting heads
        if node.lower_ not in _COUNTS:
            return None
        prep = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if obj is None:
            return None
        if obj.lower_ in _COUNTS:
            node = obj
            continue
        words = [t for t in obj.subtree if t.dep_ not in ("prep", "relcl", "acl")]
        first = min(t.idx for t in words)
        last = max(t.idx + len(t) for t in words if t.i <= obj.i)
        try:
            inner = actors.at(first, last)
        except Exception:  # noqa: BLE001 - a linker bug must not lose the event
            return None
        if inner is not None and (inner.sector or inner.country_iso3):
            return inner
        return None
    return None


# Object pronouns that cannot be their own clause's subject (reflexives aside).
_OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her"})


def _not_self(
    source: ActorRef | None, target: ActorRef | None, actors: DocActors
) -> ActorRef | None:
    """An object pronoun is not its clause's own subject ("Putin thanked him"; "He urged
    them" after "Scholz met the protesters' leaders" is not Scholz's government)."""
    if source is None or target is None or target.start is None:
        return target
    pronoun = target.text.strip().lower()
    if pronoun in _OBJECT_PRONOUNS and target.code and target.code == source.code:
        other_body = getattr(actors, "other_body", None)
        body = other_body(target.start, source.code) if other_body is not None else None
        if isinstance(body, ActorRef):
            return replace(body, text=target.text, start=target.start, end=target.end)
        return ActorRef(text=target.text, start=target.start, end=target.end)
    if not source.entity_id:
        return target
    if target.text.lower() not in ("him", "her") or target.entity_id != source.entity_id:
        return target
    other = getattr(actors, "other_person", None)
    found = other(target.start, source.entity_id) if other is not None else None
    if not isinstance(found, ActorRef):
        return ActorRef(text=target.text, start=target.start, end=target.end)
    return replace(found, text=target.text, start=target.start, end=target.end)


_IN = frozenset({"in", "near", "throughout", "across", "inside"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Acts two coordinated parties do with each other ("X and Y signed a treaty"), not together
# toward a third ("X and Y welcome the summit").
_JOINT = frozenset({"AGREE", "CONSULT", "COOPERATE"})
_JOINT_VERBS = frozenset({"sign", "ratify", "conclude", "negotiate"})


def _thing(tok: Token, lex: Lexicon) -> bool:
    """A common noun that names no actor ("trade", "the ruling"; not "an aide")."""
    if tok.pos_ not in ("NOUN", "PRON", "DET") or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    return tok.lemma_.lower() not in lex.agent_nouns and tok.lower_ not in lex.agent_nouns


def _speaker_for_first_person(
    source: ActorRef | None, target: ActorRef | None, m: Mention, actors: DocActors
) -> tuple[ActorRef | None, ActorRef | None]:
    """Reported speech: "Putin blamed me," Clinton said -- "me" is the speaker."""
    if m.claimed_by is None:
        return source, target
    speaker: ActorRef | None = None

    def me(ref: ActorRef | None) -> ActorRef | None:
        nonlocal speaker
        if ref is None or ref.text.strip().lower() not in _FIRST_PERSON or ref.code:
            return ref
        if speaker is None:
            speaker = actor_ref(m.claimed_by, actors)
        if speaker is None or not _is_party(speaker):
            return ref
        return replace(speaker, text=ref.text, start=ref.start, end=ref.end)

    return me(source), me(target)


def _second_conjunct(
    m: Mention, source: ActorRef | None, target: ActorRef | None, actors: DocActors
) -> ActorRef | None:
    """ "Kuchma of Ukraine and Yeltsin of Russia signed a plan": with no party as target, the
    second of two coordinated parties of different countries is the other side."""
    if m.source is None or source is None or not source.country_iso3:
        return target
    if target is not None and (target.country_iso3 or target.code):
        return target
    parties = syn.conjuncts(m.source)
    if len(parties) < 2:
        return target
    other = actor_ref(parties[1], actors)
    if other is None or not other.country_iso3 or other.country_iso3 == source.country_iso3:
        return target
    return other


# "the two men", "the two presidents": the two people named last; "the two countries": the
# two states named last.
_PAIR_PEOPLE = frozenset(
    {"men", "women", "leaders", "presidents", "ministers", "premiers", "sides", "officials"}
)
_PAIR_STATES = frozenset({"countries", "nations", "governments", "states", "neighbours"})


def _the_two(
    m: Mention, source: ActorRef | None, target: ActorRef | None, actors: DocActors
) -> tuple[ActorRef | None, ActorRef | None]:
    """ "The two men discussed ...": the pair named before is the source and the target (in
    text order), when the target is not already a coded party."""
    tok = m.source
    if tok is None or source is None or source.start is None or source.end is None:
        return source, target
    if target is not None and (target.country_iso3 or target.code):
        return source, target
    word = tok.lower_
    two = any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det") for c in tok.children)
    definite = any(c.lower_ in ("the", "both") for c in tok.children)
    if not (two and definite) or word not in _PAIR_PEOPLE | _PAIR_STATES:
        return source, target
    last_two = getattr(actors, "last_two", None)
    pair = last_two(source.start, word in _PAIR_PEOPLE) if last_two is not None else None
    if not isinstance(pair, tuple):
        return source, target
    first, second = pair
    return (
        replace(first, text=source.text, start=source.start, end=source.end),
        replace(second, text=source.text, start=source.start, end=source.end),
    )


def _sentence_country(trigger: Token, actors: DocActors) -> str | None:
    """The only country the event's sentence names (by name or demonym), if just one."""
    found: set[str] = set()
    for ent in trigger.sent.ents:
        if ent.label_ not in ("GPE", "NORP"):
            continue
        try:
            ref = actors.at(ent.start_char, ent.end_char)
        except Exception:  # noqa: BLE001 - a linker bug must not lose the event
            continue
        if ref is not None and ref.country_iso3:
            found.add(ref.country_iso3)
    return found.pop() if len(found) == 1 else None


def _clause_place(trigger: Token) -> Token | None:
    """A place named "in"/"near" inside the event's own clause, also on its parties
    ("police in Cairo arrested ...")."""
    for tok in trigger.subtree:
        if tok.ent_type_ != "GPE" or tok.dep_ != "pobj" or tok.head.lower_ not in _IN:
            continue
        path = list(tok.ancestors)
        upto = path[: path.index(trigger)] if trigger in path else None
        if upto is not None and not any(t.pos_ in ("VERB", "AUX") for t in upto):
            return tok
    return None


def _confidence(m: Mention, source: ActorRef | None, target: ActorRef | None) -> float:
    """Trigger specificity x argument completeness x parse-path directness, in [0.05, 0.99]."""
    e = m.entry
    if e.probability is not None:
        trig = 0.95 * e.probability
    elif e.pos == "NOUN":
        trig = 0.7 if m.extra.get("light_verb") else 0.5
    elif e.curated:
        trig = 0.85 if e.specificity else 0.75
    else:
        trig = 0.65 if e.specificity else 0.55
    args = 0.5
    if source is not None:
        args += 0.25 + (0.1 if source.code or source.country_iso3 else 0.0)
    if target is not None:
        args += 0.1 + (0.05 if target.code or target.country_iso3 else 0.0)
    path = 1.0 - 0.07 * min(m.hops, 3) - (0.1 if m.extra.get("source_from_speaker") else 0.0)
    if m.extra.get("subordinate"):
        path -= 0.2  # relative/participle/adverbial clauses are mostly background
    return round(max(0.05, min(0.99, trig * args * path / 0.85 * 0.95)), 3)


def confidence(m: Mention, source: ActorRef | None, target: ActorRef | None) -> tuple[float, float]:
    """(calibrated, raw) confidence; see ``_calibration`` for how the mapping was fitted."""
    raw = _confidence(m, source, target)
    return calibrate(raw), raw


# Unspecific violence codes that the weapon named in the sentence can make precise.
_GENERIC_VIOLENCE = frozenset({"180", "190", "1823", "18", "19"})


def _weapon_code(sent: Span, lex: Lexicon) -> str | None:
    """The CAMEO code of the first weapon word in the sentence ("car bomb" -> 1832)."""
    words = [t.lemma_.lower() for t in sent]
    for i, w in enumerate(words):
        pair = f"{w}-{words[i + 1]}" if i + 1 < len(words) else ""
        for key in (pair, w.replace(" ", "-")):
            if key and key in lex.instruments:
                return lex.instruments[key]
    return None


def _coded(ref: ActorRef | None) -> bool:
    return ref is not None and bool(ref.code or ref.country_iso3 or ref.sector)


def _visit_code(m: Mention, src: ActorRef | None, tgt: ActorRef | None, actors: DocActors) -> str:
    """Refine a bare meeting (040) by where it happened: visit (042/043) or third place (044)."""
    if m.code != "040" or m.location is None or m.reciprocal:
        return m.code
    loc = actor_ref(m.location, actors)
    where = loc.country_iso3 if loc else None
    s = src.country_iso3 if src else None
    t = tgt.country_iso3 if tgt else None
    if not where or not s or not t or s == t:
        return m.code
    if where == t:
        return "042"  # the source travelled to the target's country
    if where == s:
        return "043"  # the source hosted the target
    return "044"


def _host_government(target: ActorRef | None) -> ActorRef | None:
    """A visit to a country is a visit to its government (CAMEO 042: "visited China")."""
    if target is None or not target.country_iso3 or target.sector:
        return target
    if target.code not in (None, target.country_iso3):
        return target
    return replace(target, code=target.country_iso3 + "GOV", sector="GOV")


def make_event(
    m: Mention,
    *,
    doc: AnnotatedDoc,
    sent: Span,
    sent_idx: int,
    lex: Lexicon,
    actors: DocActors,
    coder: str,
    version: str,
    context_actors: bool = False,
    skip_non_political: bool = False,
) -> Event | None:
    """Build one ``Event`` from a mention; None when the code has no PLOVER type."""
    source = actor_ref(m.source, actors)
    target = actor_ref(m.target, actors)
    target = _not_self(source, target, actors)
    source, target = _the_two(m, source, target, actors)
    source, target = _speaker_for_first_person(source, target, m, actors)
    thing = m.target is not None and _thing(m.target, lex)
    bare_role = target is not None and not (target.country_iso3 or target.entity_id)
    if thing and bare_role and target is not None and target.sector:
        target = replace(target, code=None, sector=None)  # "official emails": no party
    if m.target is not None and not _is_party(target) and _thing(m.target, lex):
        target = party_within(m.target, actors) or target  # "an embargo on trade with Iraq"
    extra: EventExtra = {**m.extra}
    if context_actors:
        source, source_from = situate(source, m, actors)
        target, target_from = situate(target, m, actors)
        if source_from is not None:
            extra["source_country_from"] = source_from
        if target_from is not None:
            extra["target_country_from"] = target_from
    # PETRARCH-derived rows code only events between known actors, as PETRARCH does;
    # a row with object heads ("attack * base") needs a known source only.
    petrarch = not m.entry.curated and m.entry.probability is None
    if petrarch and (not _coded(source) or (not m.entry.specificity and not _coded(target))):
        return None
    code = (
        _visit_code(m, source, target, actors) if m.trigger.lemma_ in ("meet", "talk") else m.code
    )
    if code == "042":
        target = _host_government(target)
    if code in _GENERIC_VIOLENCE:
        code = _weapon_code(sent, lex) or code
    cameo = lex.code(code)
    if cameo is None:
        return None
    event = m.plover_event or cameo.plover_event
    if not event:
        return None
    if skip_non_political and non_political(m.trigger, sent, event, lex):
        return None
    if event in _JOINT or m.trigger.lemma_.lower() in _JOINT_VERBS:
        target = _second_conjunct(m, source, target, actors)
    if skip_non_political and event == "CONSULT" and not _coded(target) and not m.reciprocal:
        return None  # "soldiers visiting a local market", "parents visiting cities": nobody met
    # A future or hypothetical AGREE with no party to agree with is a stance, not an
    # agreement ("Ukraine would remain neutral", "we will defend our north").
    future_act = m.modality in ("intended", "hypothetical")
    if skip_non_political and event == "AGREE" and future_act and target is None:
        return None
    if skip_non_political and not counted_as_event(m, event):
        return None  # "the US could go on the offensive": a possibility, not an event
    mode = m.plover_mode or (cameo.plover_mode if (m.plover_event in ("", event)) else "")
    if mode and mode not in lex.plover_modes.get(event, set()):
        mode = ""
    trig = m.trigger
    claimed = None
    if m.claimed_by is not None:
        s, e = syn.np_span(m.claimed_by)
        span = trig.doc[s:e]
        claimed = span.text
        extra["claimed_by_span"] = [span.start_char, span.end_char]
    extra["cameo_name"] = cameo.name
    conf, extra["confidence_raw"] = confidence(m, source, target)
    return Event(
        event_id=content_id(doc.article.article_id, str(trig.idx), event, coder, prefix="ev_"),
        article_id=doc.article.article_id,
        sentence_idx=sent_idx,
        plover_type=event,
        plover_mode=mode or None,
        cameo_code=cameo.code,
        cameo_root=cameo.root,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        source=source,
        target=target,
        evidence_text=sent.text,
        evidence_start=sent.start_char,
        evidence_end=sent.end_char,
        trigger_text=trig.text,
        trigger_start=trig.idx,
        trigger_end=trig.idx + len(trig.text),
        coder=coder,
        coder_version=version,
        plover_context=cameo.plover_context,
        object_text=m.object_text,
        reciprocal=m.reciprocal,
        negated=m.negated,
        modality=m.modality,
        confidence=conf,
        claimed_by=claimed,
        extra=extra,
    )


def _target_token(m: Mention, target: ActorRef) -> Token | None:
    """The head token of the event's target phrase (the mention's own target, or the token
    the target was re-chosen to: an owner, an apposition, a party inside a thing)."""
    doc = m.trigger.doc
    if target.start is None or target.end is None:
        return m.target
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else m.target


def per_target(ev: Event, m: Mention, actors: DocActors) -> list[Event]:
    """One act against several parties is one event per directed pair: "accused the Syrian
    government and Iran", "urged Britain and France to answer" add an event for each further
    coordinated party that names its own country or organisation, other than the source's
    and those already taken. A coded source is needed (an unknown doer's act is not worth
    repeating); "X and other members" and plain people ("women, children") add nothing, and
    reciprocal events (the conjuncts are the two sides) add none."""
    if ev.reciprocal or ev.target is None or m.target is None or m.requested_by is not None:
        return []  # a requested act follows its REQUEST
    if not known_party(ev.source) or ev.source is None:
        return []
    head = _target_token(m, ev.target)
    if head is None:
        return []
    taken = {ev.target.country_iso3, ev.source.country_iso3}
    out: list[Event] = []
    for tok in syn.conjuncts(head)[1:]:
        if not usable_arg(tok) or any(c.lower_ in _REST for c in tok.children):
            continue
        ref = actor_ref(tok, actors)
        if ref is None or not known_party(ref) or ref.country_iso3 in taken:
            continue
        if (ref.code or "").startswith(_ORG_PREFIXES):
            taken.add(ref.code)
        else:
            taken.add(ref.country_iso3)
        extra: EventExtra = {**ev.extra, "conjunct_of_event": ev.event_id}
        extra.pop("target_country_from", None)
        out.append(
            replace(
                ev,
                event_id=content_id(ev.event_id, str(ref.start), prefix="ev_"),
                target=ref,
                extra=extra,
            )
        )
    return out


# "Venezuela and other OPEC members": the rest of a group, not one more named party.
_REST = frozenset({"other", "another", "several", "some", "many"})
