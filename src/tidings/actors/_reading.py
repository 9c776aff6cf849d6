"""What one actor mention reads as (``Reading``), shared by the linker and the document index.

``_mention.py`` produces readings and ``doc.py`` consumes them; ``doc.py`` needs only the small
``MentionLinker`` view of a linker, so the import flow is one way: linker -> doc -> _reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from tidings.actors._kb import Entity, KnowledgeBase, Role, entity_id_for
from tidings.model import ActorRef


class MentionLinker(Protocol):
    """What the document index uses of a linker: its knowledge base and one-mention reads."""

    @property
    def kb(self) -> KnowledgeBase: ...

    def read(self, text: str, when: datetime | date | None = None) -> Reading: ...


@dataclass
class Hit:
    """A dictionary match over tokens [i, j)."""

    i: int
    j: int
    kind: str  # entity | place | agent
    key: str


@dataclass
class Reading:
    """What one mention resolved to, with the cues that the document resolver needs."""

    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    entity: Entity | None = None
    role: Role | None = None
    sponsor: str | None = None
    person: bool = False  # names (or describes) one person
    titled: bool = False  # has a title/agent noun ("the minister")
    named: bool = False  # contains a proper name
    definite: bool = False  # starts with "the"
    community: str | None = None  # ethnic/religious modifier key ("kurdish", "shiite")
    opposed: bool = False  # "opponents of X": X's opposition, not X (nor a person inside)
    hits: list[Hit] = field(default_factory=list)

    def ref(self, text: str, start: int | None, end: int | None, kb: KnowledgeBase) -> ActorRef:
        ent = self.entity
        entity_id = ent.entity_id if ent else None
        if ent is None and self.name:
            entity_id = entity_id_for(self.name, None, kb.variants)
        return ActorRef(
            text=text,
            start=start,
            end=end,
            code=self.code,
            country_iso3=self.country,
            sector=self.sector,
            entity_id=entity_id,
            name=ent.name if ent else self.name,
            sponsor_iso3=self.sponsor,
            wikidata_id=ent.wikidata_id if ent else None,
        )


def as_date(when: datetime | date | None) -> date | None:
    if isinstance(when, datetime):
        return when.date()
    return when


def make_code(country: str | None, sector: str | None) -> str | None:
    return (country or "") + (sector or "") or None
