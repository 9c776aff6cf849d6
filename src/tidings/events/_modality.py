"""Negation, auxiliary-driven modality (future, hypothetical, conditional threats), the
subordinate-clause flag and the claimant (the speaker of reported speech) of one mention."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._compound_codes import THREAT_CODES
from tidings.events._governing import to_agree
from tidings.events._lexicon import Lexicon
from tidings.events._mention import COOPERATIVE, Mention, event_type

_SPEAKER_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})


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


# "will begin withdrawing", "will continue to strengthen": the phase verb carries the tense.
_PHASE_VERBS = frozenset({"begin", "start", "continue", "resume", "keep"})
# "was willing to withdraw", "is ready to talk": a stated readiness, an intent (not an act).
_READY_ADJ = frozenset({"willing", "ready", "prepared"})


def _clause_verb(tok: Token) -> Token:
    """The verb whose auxiliaries mark ``tok``'s act: the trigger verb itself, or for an event
    noun the nearest verb above it ("could go on the offensive": "go")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        if cur.dep_ not in ("pobj", "prep", "dobj", "attr", "nsubj", "nsubjpass"):
            break
        cur = cur.head
    return tok if tok.pos_ == "VERB" else tok.head


def _clause_aux(verb: Token) -> set[str]:
    """The auxiliaries of ``verb`` and of the phase verbs above it ("will begin V-ing")."""
    aux = syn.auxiliaries(verb)
    cur = verb
    while cur.dep_ == "xcomp" and cur.head.lemma_.lower() in _PHASE_VERBS:
        cur = cur.head
        aux |= syn.auxiliaries(cur)
    return aux


def _readiness(verb: Token) -> bool:
    """ "X was willing/ready/prepared to V": V is intended."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _READY_ADJ


def finish_mention(m: Mention, lex: Lexicon) -> None:
    """Negation, auxiliary-driven modality and the claimant of one mention."""
    verb = m.trigger if m.trigger.pos_ == "VERB" else _clause_verb(m.trigger)
    m.negated = (
        m.negated or syn.negated(m.trigger) or (m.trigger.pos_ != "VERB" and syn.negated(verb))
    )
    if m.governor is not None and syn.negated(m.governor):
        m.negated = True
    aux = _clause_aux(verb)
    if m.source is None and _readiness(verb):  # "Israel was willing to withdraw": Israel
        m.source = syn.first_child(verb.head.head, *syn.SUBJ)
    speaker = _claimant(m.trigger, lex)
    if speaker is not None and "would" in aux and verb.dep_ == "ccomp":
        aux = (aux - {"would"}) | {"will"}  # "said it would allow": future in the past
    if m.modality == "asserted":
        if syn.in_condition(verb) or aux & syn.HYPOTHETICAL_AUX:
            m.modality = "hypothetical"
        elif aux & syn.FUTURE_AUX or _readiness(verb):
            m.modality = "intended"
            etype = event_type(m, lex)
            if etype in THREAT_CODES and _on_condition(verb):
                # "Iraq would retaliate against X if they boost output": a conditional
                # future act of force is a threat (PLOVER THREATEN), not the act itself
                code, mode = THREAT_CODES[etype]
                m.code, m.plover_event, m.plover_mode = code, "THREATEN", mode
                m.modality = "threatened"
            elif etype in COOPERATIVE:
                to_agree(m, lex)
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


# Types that are statements about the future by nature: a hypothetical threat or request is
# still made ("could face sanctions, X warned" is coded by the governing verb).
_SAID_TYPES = frozenset({"THREATEN", "REQUEST", "ACCUSE", "REJECT", "AGREE"})


def counted_as_event(m: Mention, event: str) -> bool:
    """Whether a mention of PLOVER type ``event`` is stored: a hypothetical act ("could go on
    the offensive", "if he committed no sin they should release him", "the buildup would
    halt") is a possibility, not an event, unless the type is itself a statement; possible
    cooperation ("could hold talks in Istanbul") stays, with its modality, for the reader."""
    return m.modality != "hypothetical" or event in _SAID_TYPES or event in COOPERATIVE
