"""Roles by the event's own date: the actors stage's step after temporal dating.

Actors are first coded at the publication date; an event the text dates elsewhere ("toppled
Assad last Sunday", "met in 2021") takes the role its people held on that date. The linker
component runs this step (``ActorLinker.date_roles``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from tidings.model import ActorRef, Event


class OneMentionLinker(Protocol):
    """What this step uses of a linker: one mention read at a date."""

    def link(self, text: str, *, when: datetime | None = None, context: str = "") -> ActorRef: ...


def roles_at_event_dates(events: Sequence[Event], linker: OneMentionLinker) -> list[Event]:
    """``events`` with each known person's role as of the event's date (see module doc)."""
    return [roles_at_event_date(e, linker) for e in events]


def roles_at_event_date(event: Event, linker: OneMentionLinker) -> Event:
    """One event with its parties' roles as of its text-given date; unchanged otherwise."""
    if event.date_source != "text" or not event.event_date:
        return event
    when = datetime.fromisoformat(event.event_date)
    source, target = _role_at(event.source, linker, when), _role_at(event.target, linker, when)
    if source is event.source and target is event.target:
        return event
    return replace(event, source=source, target=target)


def _role_at(ref: ActorRef | None, linker: OneMentionLinker, when: datetime) -> ActorRef | None:
    if ref is None or not ref.entity_id or not ref.name:
        return ref
    fresh = linker.link(ref.name, when=when)
    if fresh.entity_id != ref.entity_id or not fresh.code or fresh.code == ref.code:
        return ref
    return replace(ref, code=fresh.code, country_iso3=fresh.country_iso3, sector=fresh.sector)
