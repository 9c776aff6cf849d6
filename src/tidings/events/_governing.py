"""Governing verbs fold the act they govern into one mention: "promised to", "threatened to",
"refused to", "denied", "failed to", "plans to", "asked/urged X to" (a REQUEST, and the asked-for
act with modality ``requested``), and "X said Y must V" (X's demand on Y)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events import _syntax as syn
from tidings.events._arguments import (
    owner_of,
    place_target,
    prep_target,
    set_reciprocal,
    usable_arg,
    verb_source,
)
from tidings.events._compound_codes import INTENT_CODES, REFUSE_CODES, REQUEST_CODES, THREAT_CODES
from tidings.events._lexicon import Lexicon
from tidings.events._mention import CONFLICT, COOPERATIVE, Mention, event_type

# "X said Y must do Z" is X's demand on Y; "we must", "it must" bind the speaker.
_SELF_PRONOUNS = frozenset({"i", "we", "it"})


# Verbs that demand with a mandative clause ("demanded that he resign") and claim with an
# indicative one ("insisted they have a right").
_CLAIM_OR_DEMAND = frozenset({"demand", "insist"})


# Auxiliaries only an indicative clause has ("insisted Ottawa would not agree", "had done").
_INDICATIVE_AUX = frozenset(
    {"would", "will", "'ll", "can", "could", "may", "might", "has", "have", "had", "do", "does"}
)


def _mandative(inner: Token) -> bool:
    """A clause that states what must be done: "should"/"must", or a subjunctive ("that he
    resign", "that they be released", "that the US cancel"; the tagger often writes VBP); a
    clause plainly in the indicative ("insist they have a right", "insisted it was") is not."""
    aux = {a.lower() for a in syn.auxiliaries(inner)}
    if aux & {"should", "must"}:
        return True
    if aux & _INDICATIVE_AUX or inner.tag_ in ("VBZ", "VBD"):
        return False
    return not (inner.tag_ == "VBP" and inner.lemma_.lower() in ("be", "have"))


def _inner_verbs(gov: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in gov.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX")]


def clause_text(tok: Token) -> str:
    """The text of the clause headed by ``tok`` without its leading "to"/"that"."""
    toks = [t for t in tok.subtree if not (t.i < tok.i and t.dep_ in ("aux", "mark", "nsubj"))]
    if not toks:
        return tok.text
    return tok.doc[toks[0].i : toks[-1].i + 1].text


def fold_governed(gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]) -> None:
    """Fold the event under a governing verb ("promised to work") into one mention."""
    roles = lex.governors.get(gov.lemma_.lower(), {})
    xcomps = _inner_verbs(gov, ("xcomp",))
    ccomps = _inner_verbs(gov, ("ccomp",))
    own = cands.get(gov.i)
    claim = gov.lemma_.lower() in _CLAIM_OR_DEMAND and not xcomps and ccomps
    if claim and syn.first_child(gov, "dobj") is None and not _mandative(ccomps[0]):
        # "insisted they have a legal right", "insisted Ottawa wouldn't agree": a claim
        # (CAMEO 01x, uncoded), not a demand; the claimed act stays its own event
        if own is not None:
            consumed.add(gov.i)
        return
    if "request" in roles and (xcomps or (ccomps and gov.lemma_.lower() in _CLAIM_OR_DEMAND)):
        inner = (xcomps or ccomps)[0]
        target = syn.first_child(gov, "dobj")
        if target is not None:
            target = owner_of(target, lex) or target
        if target is None:
            preps = dict(syn.prep_objects(gov))  # "called on X", "appealed to X"
            target = preps.get("on") or preps.get("to")
            target = target if usable_arg(target) else None
        if target is None and not xcomps:
            target, _ = syn.subject(inner)
        if target is None and own is None:
            return  # "want to", "hope to": not a request to someone
        inner_m = cands.get(inner.i)
        if own is None:
            entry = lex.verb_row("ask")
            if entry is None:
                return
            own = Mention(trigger=gov, entry=entry, code="020")
            own.source, own.hops = verb_source(gov)
            cands[gov.i] = own
        own.target = target if target is not None else own.target
        own.object_text = clause_text(inner)
        own.modality = "asserted"
        if inner_m is not None:
            inner_type = event_type(inner_m, lex)
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
            own.object_text = clause_text(inner)
            if own.target is None:  # "threatened to cut off electricity to X"
                own.target = prep_target(inner, True, own.entry, lex) or place_target(inner)
            for role in ("promise", "threat"):
                if role in roles:
                    own.modality = roles[role]
        return
    inner_type = event_type(inner_m, lex)
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
            to_agree(inner_m, lex)
        return
    folded = inner_m
    folded.governor = gov
    folded.extra["inner_trigger"] = [inner.idx, inner.idx + len(inner.text)]
    if "refuse" in roles:
        folded.code = (
            "1243" if inner_m.code.startswith("084") else REFUSE_CODES.get(inner_type, "120")
        )
        folded.plover_event, folded.plover_mode = "", ""
        folded.object_text = clause_text(inner)
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
            to_agree(folded, lex)
        elif inner_type in ("CONCEDE", "RETREAT"):
            folded.plover_event, folded.plover_mode = "CONCEDE", ""
            folded.modality = roles["promise"]
    else:
        return
    # The governor's subject is the actor; the trigger becomes the governing verb.
    folded.trigger = gov
    src, hops = verb_source(gov)
    if src is not None:
        folded.source, folded.hops = src, hops
    if folded.target is None and own is not None:
        folded.target = own.target
    folded.entry = own.entry if own is not None else folded.entry
    set_reciprocal(folded, lex)
    consumed.add(inner.i)
    cands[gov.i] = folded


def reported_demand(
    gov: Token, cands: dict[int, Mention], lex: Lexicon, consumed: set[int]
) -> None:
    """ "Russia said Sudan must return the helicopter": a demand by the speaker (REQUEST)."""
    if "speech" not in lex.governors.get(gov.lemma_.lower(), {}) or gov.i in cands:
        return
    for inner in _inner_verbs(gov, ("ccomp",)):
        aux = syn.auxiliaries(inner)
        if "must" not in aux and ("should" not in aux or inner.i not in cands):
            continue  # "parties should promote peace": advice; "should release him": a demand
        entry = lex.verb_row("demand")
        speaker, hops = syn.subject(gov)
        if entry is None or speaker is None:
            return
        doer, _ = syn.subject(inner)
        patient = _named_patient(inner)
        if "must" not in aux and not _named(doer) and patient is None:
            continue  # "relevant parties should ...", "the issue should be dealt with": advice
        if doer is not None and (
            doer.lower_ in _SELF_PRONOUNS or doer.lemma_.lower() == speaker.lemma_.lower()
        ):
            return  # "China said it must adopt countermeasures": its own duty, not a demand
        m = Mention(trigger=gov, entry=entry, code="100", source=speaker, hops=hops)
        # "X should be released": asked of whoever holds X, who is not named
        m.target = None if patient is not None else syn.subject(inner)[0]
        m.object_text = clause_text(inner)
        inner_m = cands.get(inner.i)
        if inner_m is not None:
            m.extra["requested_type"] = event_type(inner_m, lex)
            _requested(inner_m, m, None)
        m.extra["inner_trigger"] = [inner.idx, inner.idx + len(inner.text)]
        cands[gov.i] = m
        return


def _named(tok: Token | None) -> bool:
    """A named party ("Israel should release him"), not "they" or "relevant parties"."""
    if tok is None or syn.is_passive(tok.head):
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def _named_patient(inner: Token) -> Token | None:
    """ "Wang should be released", "the journalists must be freed": a passive demanded act on
    a named party or person (the patient), asked of whoever can do it."""
    if not syn.is_passive(inner):
        return None
    patient = syn.first_child(inner, "nsubjpass")
    if patient is None or not (patient.pos_ == "PROPN" or patient.ent_type_ == "PERSON"):
        return None
    return patient


def _requested(act: Mention, request: Mention, asked: Token | None) -> None:
    """The act a request asks for is its own event: modality ``requested``, done by the one
    asked ("urged Israel to halt strikes": Israel halts), linked to the request."""
    act.modality = "requested"
    act.requested_by = request
    if asked is not None:
        act.source, act.hops = asked, act.hops + 1
        if act.target is not None and act.target.i == asked.i:
            act.target = None


def clause_requested(act: Mention, request: Mention, asked: Token | None, lex: Lexicon) -> None:
    """Link a request to the act it asks for: the request's CAMEO code by the act's type
    ("wants Israel to halt strikes": an appeal to yield) and the act made ``requested``."""
    inner_type = event_type(act, lex)
    request.extra["requested_type"] = inner_type
    if request.code[:2] == "02" and inner_type in REQUEST_CODES:
        request.code = REQUEST_CODES[inner_type]
    _requested(act, request, asked)


def to_agree(m: Mention, lex: Lexicon) -> None:
    """PLOVER: promised/planned cooperation is AGREE (CAMEO 03x "express intent")."""
    c = lex.code(m.code)
    root = c.root if c else m.code[:2]
    m.extra["plover_type_as_act"] = event_type(m, lex)
    m.code = INTENT_CODES.get(root, "030")
    m.plover_event, m.plover_mode = "AGREE", ""
