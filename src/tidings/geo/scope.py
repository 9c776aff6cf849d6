"""Which places an event's clause may give it, beyond the grammar of ``locate``.

- A pledge of an act still to come ("will meet Bush in Kennebunkport", "said its troops
  would join forces in Saudi Arabia", "is expected to visit Baghdad") is made where it is
  said; the place the clause names is the later act's, so the pledge takes none from it.
- A telephone call ("talked trade during a telephone call", "spoke by phone") happens in no
  one place: neither the dateline nor the lead places it.
- The story's next act, dated from the incident the sentence before told ("opened fire on
  the Champs-Elysees Thursday night. The attack left one officer dead"), happened where that
  incident did (``narrative_place``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tidings.model import Event, Place

_NOT_YET = frozenset({"will", "'ll", "shall", "would", "wo"})
# Verbs whose infinitive tells a planned act: "is expected to visit", "plans to meet".
_PLANNING = frozenset(
    {"expect", "plan", "intend", "schedule", "set", "due", "agree", "promise", "pledge", "vow"}
    | {"hope", "want", "aim", "prepare", "offer", "decide", "go"}
)
# Modalities of a speech act about a later act (the pledge is dated and placed when told).
_TOLD = frozenset({"promised", "intended", "threatened", "requested"})
_PHONE = frozenset({"phone", "telephone", "video"})
_CALLS = frozenset({"call", "calls", "conversation", "conversations", "talk", "talks", "link"})


def _verb(token: Any) -> Any:
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head is not node:
        node = node.head
    return node


def future_act(trigger: Any) -> bool:
    """The trigger's verb tells an act still to come: "will meet", "would join", "is expected
    to visit", "plans to hold"."""
    verb = _verb(trigger)
    if any(c.dep_ == "aux" and c.lower_ in _NOT_YET for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLANNING


def pledge_of_later_act(event: Event, trigger: Any) -> bool:
    """A promise, plan, threat or request (or an AGREE) told of an act still to come."""
    told = event.modality in _TOLD or event.plover_type == "AGREE"
    return told and future_act(trigger)


def by_phone(trigger: Any) -> bool:
    """The act is a call: "in a phone call", "a telephone conversation", "spoke by phone",
    "talked over the telephone", "telephoned"; a phone as a thing ("seized his phone") is not."""
    for t in trigger.sent:
        if t.lower_ in ("phoned", "telephoned"):
            return True
        if t.lower_ not in _PHONE:
            continue
        before = {w.lower_ for w in t.doc[max(t.sent.start, t.i - 2) : t.i]}
        if t.head.lower_ in _CALLS or before & {"by", "over"}:
            return True
    return False


def narrative_place(event: Event, before: Sequence[Event]) -> Place | None:
    """The place of the incident an undated sentence goes on telling: the latest earlier
    event whose own clause named a place, dated by the same expression."""
    if event.extra.get("date_link") != "narrative" or event.date_text is None:
        return None
    for other in reversed(before):
        if other.evidence_end > event.evidence_start:
            continue
        if other.date_text != event.date_text or other.event_date != event.event_date:
            continue
        if other.place is not None and other.place_source == "text":
            return other.place
    return None
