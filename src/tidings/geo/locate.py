"""Give an event the place its own clause puts it in ("met Sudani in Baghdad" -> Baghdad)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from tidings.geo.resolve import Resolution

# Clause-internal relations a locative phrase may hang from on its way up to the trigger
# (the trigger's object, "struck targets in Syria"; a noun trigger, "the attack in Kabul").
_CLAUSE_STOP = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "xcomp", "acl"})


def _trigger_token(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _path_to_trigger(token: Any, trigger: Any, preps: Collection[str], max_path: int) -> int | None:
    """Steps from a place's head token up to ``trigger`` through a locative preposition."""
    node = token
    saw_locative = False
    for step in range(1, max_path + 1):
        if node.dep_ == "prep" or node.dep_ == "agent":
            saw_locative = saw_locative or _prep_text(node) in preps
        if node.head is node:
            return None
        if node is not token and node.dep_ in _CLAUSE_STOP:
            return None  # left the trigger's clause
        node = node.head
        if node.i == trigger.i:
            return step if saw_locative else None
        if node.pos_ in ("VERB", "AUX") and node.i != trigger.i:
            return None  # another verb's phrase: named here, not where the event happened
    return None


def _prep_text(tok: Any) -> str:
    # multiword prepositions: "outside of" is "outside" + prep "of" in spaCy
    return str(tok.lower_)


def locate(
    doc: Any,
    trigger_start: int,
    trigger_end: int,
    evidence: tuple[int, int],
    resolutions: Sequence[Resolution],
    preps: Collection[str],
    max_path: int,
) -> Resolution | None:
    """The resolved place attached to the trigger by a locative phrase, closest first."""
    trigger = _trigger_token(doc, trigger_start, trigger_end)
    if trigger is None:
        return None
    best: tuple[int, int, Resolution] | None = None
    lo, hi = evidence
    for res in resolutions:
        m = res.mention
        if m.start < lo or m.end > hi:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        steps = _path_to_trigger(span.root, trigger, preps, max_path)
        if steps is None:
            continue
        rank = (steps, abs(span.root.i - trigger.i))
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], res)
    return best[2] if best else None
