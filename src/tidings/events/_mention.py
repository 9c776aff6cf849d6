"""The event mention: the intermediate record one sentence's rules build (trigger token, chosen
lexicon entry, argument tokens) before ``_records`` turns it into an ``Event``."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from tidings.events._lexicon import Lexicon, TriggerEntry
from tidings.model import EventExtra

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})


CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})


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


def event_type(m: Mention, lex: Lexicon) -> str:
    if m.plover_event:
        return m.plover_event
    c = lex.code(m.code)
    return c.plover_event if c else ""
