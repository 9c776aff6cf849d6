"""Give an event the place its own clause puts it in ("met Sudani in Baghdad" -> Baghdad)."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from typing import Any

from tidings.geo.resolve import Resolution

# Clause-internal relations a locative phrase may hang from on its way up to the trigger
# (the trigger's object, "struck targets in Syria"; a noun trigger, "the attack in Kabul").
_CLAUSE_STOP = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "xcomp", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod"})
_VISITS = frozenset({"visit", "tour"})
# Prepositions that, on a noun, tell where a thing comes from or whom it concerns, not where
# an act happens: "duties on imports from China", "an embargo on trade with Iraq", "a war
# against Syria". On the trigger itself ("withdrew troops from Syria") they may still place it.
_ORIGIN_PREPS = frozenset({"from", "with", "against", "about", "for", "between"})
# Nouns a place name may modify and still be the place: "Helmand province", "Gaza city".
_PLACE_HEADS = frozenset(
    [
        "province",
        "city",
        "region",
        "district",
        "state",
        "county",
        "town",
        "village",
        "area",
        "governorate",
        "capital",
        "island",
        "islands",
        "valley",
        "prefecture",
        "municipality",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "border",
        "coast",
        "port",
        "camp",
        "strip",
        # places inside a town: "on Paris' Champs-Elysees boulevard" happened in Paris
        "boulevard",
        "avenue",
        "street",
        "square",
        "airport",
        "station",
        "market",
        "bridge",
        "highway",
    ]
)


def _trigger_token(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _path_to_trigger(
    token: Any,
    trigger: Any,
    preps: Collection[str],
    max_path: int,
    topic_nouns: Collection[str] = (),
) -> int | None:
    """Steps from a place's head token up to ``trigger`` through a locative preposition.

    A noun of ``topic_nouns`` on the way ("discussed the situation in Syria") makes the
    place the topic's, not the event's."""
    node = token
    saw_locative = False
    first_prep = True
    for step in range(1, max_path + 1):
        if node.dep_ == "prep" or node.dep_ == "agent":
            text = _prep_text(node)
            if first_prep and text in _ORIGIN_PREPS and node.head.i != trigger.i:
                return None  # "imports from China": the thing's origin, not the act's place
            first_prep = False
            saw_locative = saw_locative or text in preps
        if node.head is node:
            return None
        if node is not token and node.dep_ in _CLAUSE_STOP:
            return None  # left the trigger's clause
        if node is not token and node.pos_ in ("NOUN", "PROPN") and _is_topic(node, topic_nouns):
            return None
        node = node.head
        if node.i == trigger.i:
            return step if saw_locative else None
        if node.pos_ in ("VERB", "AUX") and node.i != trigger.i:
            return None  # another verb's phrase: named here, not where the event happened
    return None


def _is_topic(tok: Any, topic_nouns: Collection[str]) -> bool:
    return bool(topic_nouns) and (tok.lemma_.lower() in topic_nouns or tok.lower_ in topic_nouns)


def _prep_text(tok: Any) -> str:
    # multiword prepositions: "outside of" is "outside" + prep "of" in spaCy; "along with
    # Russia" is company, not a route
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "along" and nxt is not None and nxt.lower_ == "with":
        return "along with"
    return str(tok.lower_)


def conjunct_head(trigger: Any) -> Any | None:
    """The verb a subjectless conjoined verb shares its subject with ("met ... and asked")."""
    if trigger.dep_ != "conj" or trigger.head is trigger:
        return None
    head = trigger.head
    if trigger.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(child.dep_ in _SUBJECTS for child in trigger.children):
        return None  # its own subject: its own clause, its own place
    return head


class ByOffset(list[Resolution]):
    """Resolutions sorted by mention start (stable), for ``between`` lookups by bisect: one
    event looks only at its own clause's places, not at every place of a long article."""

    def __init__(self, resolutions: Sequence[Resolution]) -> None:
        super().__init__(sorted(resolutions, key=lambda r: r.mention.start))
        self.starts = [r.mention.start for r in self]

    def between(self, lo: int, hi: int) -> list[Resolution]:
        """Resolutions whose mention starts within [lo, hi]."""
        return self[bisect.bisect_left(self.starts, lo) : bisect.bisect_right(self.starts, hi)]


def _closest(
    doc: Any,
    trigger: Any,
    bounds: tuple[int, int],
    resolutions: Sequence[Resolution],
    preps: Collection[str],
    max_path: int,
    topic_nouns: Collection[str],
) -> Resolution | None:
    best: tuple[int, int, Resolution] | None = None
    lo, hi = bounds
    candidates = resolutions.between(lo, hi) if isinstance(resolutions, ByOffset) else resolutions
    for res in candidates:
        m = res.mention
        # "Iraqi forces" names whose forces, not where: a demonym never places an event
        if m.source == "demonym" or m.start < lo or m.end > hi:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in _MODIFIERS and root.head.lemma_.lower() not in _PLACE_HEADS:
            continue  # "at a US warship", "Kenyan police": whose, not where
        steps = _path_to_trigger(span.root, trigger, preps, max_path, topic_nouns)
        if steps is None:
            continue
        rank = (steps, abs(span.root.i - trigger.i))
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], res)
    return best[2] if best else None


def locate(
    doc: Any,
    trigger_start: int,
    trigger_end: int,
    evidence: tuple[int, int],
    resolutions: Sequence[Resolution],
    preps: Collection[str],
    max_path: int,
    topic_nouns: Collection[str] = (),
) -> Resolution | None:
    """The resolved place attached to the trigger by a locative phrase, closest first; a
    conjoined verb with none of its own takes its head verb's ("met X in Baghdad and asked")."""
    trigger = _trigger_token(doc, trigger_start, trigger_end)
    if trigger is None:
        return None
    hit = _closest(doc, trigger, evidence, resolutions, preps, max_path, topic_nouns)
    if hit is None and trigger.lemma_.lower() in _VISITS:
        hit = _visited(doc, trigger, resolutions)
    if hit is None and trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        # "staged demonstrations in Jakarta", "held talks in Doha": the light verb's place
        hit = _closest(doc, trigger.head, evidence, resolutions, preps, max_path, topic_nouns)
    head = conjunct_head(trigger)
    seen = {trigger.i}
    while hit is None and head is not None and head.i not in seen:
        seen.add(head.i)
        # the head's locative may lie outside the conjunct's own evidence, never its sentence
        sent = head.sent
        bounds = (sent.start_char, sent.end_char)
        hit = _closest(doc, head, bounds, resolutions, preps, max_path, topic_nouns)
        head = conjunct_head(head)
    if hit is None:
        hit = _scene(trigger, resolutions)
    return hit


# Prepositions of a fronted scene-setting phrase ("In Washington, ...", "At the UN, ...").
_SCENE_PREPS = frozenset({"in", "at"})


def _scene(trigger: Any, resolutions: Sequence[Resolution]) -> Resolution | None:
    """ "In Washington, diplomats being expelled were seen boarding a bus": a sentence that
    opens on a locative phrase and a comma sets the scene of every act it tells, except acts
    a speaker reports ("In Moscow, officials said Kyiv struck ..."), which may lie elsewhere."""
    sent = trigger.sent
    first = sent[0]
    if first.lower_ not in _SCENE_PREPS or first.head.i != sent.root.i or len(sent) < 4:
        return None
    comma = first.right_edge.i + 1
    if comma >= sent.end or first.doc[comma].text != ",":
        return None
    node = trigger
    while node.i != sent.root.i and node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis"):
            return None
        node = node.head
    lo, hi = first.idx, first.doc[comma].idx
    candidates = resolutions.between(lo, hi) if isinstance(resolutions, ByOffset) else resolutions
    for res in candidates:
        m = res.mention
        if m.source != "demonym" and res.entry is not None and lo <= m.start and m.end <= hi:
            return res
    return None


def _visited(doc: Any, trigger: Any, resolutions: Sequence[Resolution]) -> Resolution | None:
    """ "visited Damascus": the visited place is where the visit happened."""
    objects = {c.i for c in trigger.children if c.dep_ == "dobj"}
    for res in resolutions:
        span = doc.char_span(res.mention.start, res.mention.end, alignment_mode="expand")
        # a visit to a name the gazetteer lacks is mostly to a firm or person ("Gazprom")
        known = res.entry is not None and res.mention.source != "demonym"
        if span is not None and span.root.i in objects and known:
            return res
    return None
