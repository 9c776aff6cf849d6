"""One event per act: an article that tells the same act twice ("three Kenyan soldiers were
killed near Mandera" ... "officials said the three soldiers were killed when ...") yields it
once (the annotation guideline: the same act told twice is coded once).

Two events are the same act when they have the same PLOVER type, a compatible mode (an arrest
and a search by the same police are two acts), negation and modality (a
requested or promised act is not the act done) and the same resolved parties (by entity or
actor code, order kept unless the event is reciprocal); a retelling that drops the doer (a
passive with no agent) is the same act as an earlier one on the same target. At least one
party must be resolved, so two uncoded "attacks" are never merged, and a target counted
differently or marked as new ("12 protesters" ... "two more protesters") is another act.
The first telling is kept: news leads with the act, later sentences recall it. Only material
acts are merged: verbal ones (ACCUSE, REQUEST, SUPPORT, REJECT, THREATEN, AGREE, CONSULT) are
each their own event, since a speaker who says it again, or two leaders who talk again, have
acted again.
"""

from __future__ import annotations

from collections.abc import Iterable

from tidings.events._word_classes import word_class
from tidings.model import ActorRef, Event

# PLOVER's verbal types (CAMEO QuadClass 1 and 3): a repeated statement is a new act.
VERBAL = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "CONSULT"})


def _party(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return ref.entity_id or ref.code


# "two more protesters", "another soldier": new people; number words tell counts apart.
_NEW = word_class("new_marker")
_NUMBER_WORDS = word_class("number_word")


def _counts(text: str) -> tuple[frozenset[str], bool]:
    """The number words of a target phrase, and whether it marks its people as new."""
    words = [w.strip(".,;:\"'()").lower() for w in text.split()]
    nums = frozenset(w for w in words if w.isdigit() or w in _NUMBER_WORDS)
    return nums, any(w in _NEW for w in words)


def _same_people(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two target phrases can name the same people: neither is new, the counts agree."""
    if a is None or b is None:
        return a is b
    (na, newa), (nb, newb) = _counts(a.text), _counts(b.text)
    return not (newa or newb) and (not na or not nb or na == nb)


def _same_mode(a: Event, b: Event) -> bool:
    """Two modes can be one act: equal, or one telling leaves the mode open ("were killed"
    retells "shot dead"); an arrest and a search by the same police are two acts."""
    return a.plover_mode is None or b.plover_mode is None or a.plover_mode == b.plover_mode


def _kind(ev: Event) -> tuple[str, ...]:
    return (ev.plover_type, str(ev.negated), ev.modality)


def act_key(ev: Event) -> tuple[str, ...] | None:
    """What makes two events one act; None for a statement or when neither party is resolved."""
    src, tgt = _party(ev.source), _party(ev.target)
    if ev.plover_type in VERBAL or (src is None and tgt is None):
        return None
    parties = sorted((src or "", tgt or "")) if ev.reciprocal else [src or "", tgt or ""]
    return (*_kind(ev), *parties)


def drop_repeats(events: Iterable[Event]) -> list[Event]:
    """The events in order, each act once (its first telling); an act requested by a
    dropped REQUEST goes with it."""
    seen: dict[tuple[str, ...], list[Event]] = {}
    targets: dict[tuple[str, ...], list[Event]] = {}  # (kind, target) of the acts told so far
    dropped: set[str] = set()
    out: list[Event] = []
    for ev in events:
        key = act_key(ev)
        tgt = _party(ev.target)
        on_target = (*_kind(ev), tgt or "")
        earlier = seen.get(key, []) if key is not None else []
        if key is not None and _party(ev.source) is None and tgt is not None:
            earlier = earlier + targets.get(on_target, [])
        again = any(_same_people(e.target, ev.target) and _same_mode(e, ev) for e in earlier)
        if again or ev.extra.get("requested_by_event") in dropped:
            dropped.add(ev.event_id)
            continue
        if key is not None:
            seen.setdefault(key, []).append(ev)
            if tgt is not None and not ev.reciprocal:
                targets.setdefault(on_target, []).append(ev)
        out.append(ev)
    return out
