"""Demands and threats the governing-verb fold (``_governing``) does not see:

- a demand with a penalty ("told X to leave or face arrest", "must cease or face further
  action", "asked it to comply or be deregistered") is an ultimatum: a REQUEST and a THREATEN;
- a promised or met hard response ("promised a proportional response", "any aggression will
  meet a decisive answer", "warned of serious consequences") is a THREATEN, not an AGREE;
- "X wants Y to V" is X's REQUEST to Y, and V is the requested act.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._arguments import usable_arg, verb_source
from tidings.events._compound_codes import THREAT_CODES
from tidings.events._governing import clause_requested, clause_text
from tidings.events._lexicon import Lexicon
from tidings.events._mention import Mention, event_type

# The penalty conjunct of a demand: "... or face arrest", "... or risk sanctions".
_PENALTY_VERBS = frozenset({"face", "risk", "suffer"})
# Hard responses: "a decisive answer", "a proportional response", "serious consequences".
_RESPONSE_NOUNS = frozenset({"response", "answer", "reply", "reaction", "retaliation"})
_CONSEQUENCE_NOUNS = frozenset({"consequence", "repercussion", "punishment"})
_HARD = frozenset(
    {
        "proportional",
        "proportionate",
        "decisive",
        "firm",
        "strong",
        "forceful",
        "tough",
        "harsh",
        "severe",
        "swift",
        "crushing",
        "resolute",
        "robust",
        "devastating",
        "painful",
        "military",
        "serious",
        "grave",
        "dire",
    }
)
# Verbs that promise or announce a response ("promised/vowed a firm response", "will meet a
# decisive answer", "will face a crushing response", "warned of grave consequences").
_RESPONSE_VERBS = frozenset(
    {"promise", "vow", "pledge", "warn", "threaten", "meet", "face", "receive", "get"}
)
# "wants Israel to halt strikes": wanting another party's act is asking for it.
_WANT_VERBS = frozenset({"want", "wish"})
_SELF = frozenset({"i", "we", "it", "he", "she", "they", "itself"})


def _penalty(inner: Token) -> Token | None:
    """The "or face X" / "or be V-ed" conjunct of a demanded act, if any."""
    for c in inner.children:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX"):
            continue
        ccs = [k for k in inner.children if k.dep_ == "cc" and inner.i < k.i < c.i]
        if not any(k.lower_ == "or" for k in ccs):
            continue
        if c.lemma_.lower() in _PENALTY_VERBS or syn.is_passive(c):
            return c
    return None


def penalty_threat(gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]) -> None:
    """A REQUEST whose asked-for act carries "or face X" / "or be V-ed" is an ultimatum (CAMEO
    139): the demand stays a REQUEST and the penalty is the same party's THREATEN to the one
    asked, triggered on the penalty verb."""
    m = cands.get(gov.i)
    if m is None or event_type(m, lex) != "REQUEST":
        return
    for inner in gov.children:
        if inner.dep_ not in ("xcomp", "ccomp") or inner.pos_ not in ("VERB", "AUX"):
            continue
        pen = _penalty(inner)
        if pen is None:
            continue
        penalty_m = cands.get(pen.i)
        kind = event_type(penalty_m, lex) if penalty_m is not None else ""
        code, mode = THREAT_CODES.get(kind, ("139", ""))
        entry = lex.verb_row("threaten")
        if entry is None:
            return
        threat = Mention(trigger=pen, entry=entry, code=code, plover_event="THREATEN")
        threat.plover_mode, threat.modality = mode, "threatened"
        threat.source, threat.hops = m.source, m.hops
        threat.target = m.target if m.target is not None else syn.subject(inner)[0]
        threat.object_text = clause_text(pen)
        if kind:
            threat.extra["threatened_type"] = kind
        cands[pen.i] = threat  # the threatened penalty itself has not happened
        return


def _hard_response(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in _RESPONSE_NOUNS:
        return any(c.dep_ == "amod" and c.lower_ in _HARD for c in noun.children)
    return lemma in _CONSEQUENCE_NOUNS and (
        noun.tag_ == "NNS" or any(c.dep_ == "amod" and c.lower_ in _HARD for c in noun.children)
    )


def _speaker(verb: Token, lex: Lexicon) -> tuple[Token | None, int]:
    """The subject of the speech verb that reports ``verb`` ("..., the army said")."""
    head = verb.head
    if verb.dep_ in ("ccomp", "parataxis") and "speech" in lex.governors.get(
        head.lemma_.lower(), {}
    ):
        return syn.subject(head)
    return None, 0


def response_threat(gov: Token, cands: dict[int, Mention], lex: Lexicon) -> None:
    """ "promised a proportional response", "will meet a decisive answer": a THREATEN."""
    if gov.lemma_.lower() not in _RESPONSE_VERBS:
        return
    objs = [c for c in gov.children if c.dep_ == "dobj"]
    objs += [o for p, o in syn.prep_objects(gov) if p in ("of", "with")]
    noun = next((o for o in objs if _hard_response(o)), None)
    if noun is None:
        return
    m = cands.get(gov.i)
    if m is None:
        entry = lex.verb_row("threaten")
        if entry is None:
            return
        m = Mention(trigger=gov, entry=entry, code="130")
        cands[gov.i] = m
    src, hops = verb_source(gov)
    if src is None or not (usable_arg(src) and src.pos_ in ("PROPN", "PRON") or src.ent_type_):
        # "Any aggression will meet a decisive answer, the army said": the speaker threatens
        speaker, s_hops = _speaker(gov, lex)
        if speaker is not None:
            src, hops = speaker, s_hops + 1
    m.source, m.hops = src, hops
    m.code, m.plover_event, m.plover_mode = "130", "THREATEN", ""
    m.modality = "threatened"
    m.object_text = clause_text(noun)


def want_request(gov: Token, cands: dict[int, Mention], lex: Lexicon) -> None:
    """ "Russia wants Britain to answer": Russia's REQUEST to Britain; the answer is asked for."""
    if gov.lemma_.lower() not in _WANT_VERBS or gov.i in cands:
        return
    for inner in gov.children:
        if inner.dep_ != "ccomp" or inner.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in inner.children):
            continue  # "wants that ...", "wants what they have": not an infinitive demand
        asked = syn.first_child(inner, "nsubj")
        if asked is None or asked.lower_ in _SELF or not usable_arg(asked):
            continue
        if not (asked.pos_ == "PROPN" or asked.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")):
            continue  # "wants prices to fall": only a named party is asked
        entry = lex.verb_row("ask")
        if entry is None:
            return
        m = Mention(trigger=gov, entry=entry, code="020")
        m.source, m.hops = verb_source(gov)
        m.target = asked
        m.object_text = clause_text(inner)
        inner_m = cands.get(inner.i)
        if inner_m is not None:
            clause_requested(inner_m, m, asked, lex)
        cands[gov.i] = m
        return
