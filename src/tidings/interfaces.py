"""Protocols every swappable component satisfies; implementations register in ``registry``.

Each protocol holds only what its callers use (the pipeline, and the coders' and quote
finder's use of the linker), so a fake for a test or a plugin needs no more than that.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from tidings.model import ActorRef, AnnotatedDoc, Article, Event, Place, Quote, TimeExpr

if TYPE_CHECKING:  # a type only: interfaces must not import an implementation at run time
    from tidings.actors.table import ActorRow


@runtime_checkable
class Annotator(Protocol):
    """Articles in, parsed documents out (batched)."""

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedDoc]: ...


@runtime_checkable
class DocActors(Protocol):
    """The actors of one article, with within-article aliases and pronouns resolved."""

    def at(self, start: int, end: int) -> ActorRef | None:
        """The actor mentioned at character span [start, end) of the article text, if any."""
        ...


@runtime_checkable
class ActorLinker(Protocol):
    """Resolve actor mentions to codes (country + sector) and a canonical entity."""

    def link(self, text: str, *, when: datetime | None = None, context: str = "") -> ActorRef:
        """One mention without article context (``when`` picks the role valid at that date)."""
        ...

    def link_doc(self, doc: AnnotatedDoc) -> DocActors:
        """Index every actor mention of an article (aliases, "he", titles) for ``at`` lookups."""
        ...

    def entity_rows(self, only: Collection[str]) -> list[ActorRow]:
        """Rows of the ``actors`` table for the entity ids in ``only`` that this linker knows
        (the pipeline fills the table with the entities stored events name)."""
        ...

    def date_roles(self, events: Sequence[Event]) -> list[Event]:
        """The actors stage's step after temporal: parties' roles as of each event's date."""
        ...


@runtime_checkable
class EventCoder(Protocol):
    """Find and code the events of one parsed document."""

    def code(self, doc: AnnotatedDoc) -> list[Event]: ...


@runtime_checkable
class TimeResolver(Protocol):
    """Give events their dates (and return the time expressions found)."""

    def date_events(
        self, doc: AnnotatedDoc, events: Sequence[Event]
    ) -> tuple[list[Event], list[TimeExpr]]: ...


@runtime_checkable
class Geocoder(Protocol):
    """Locate events (and return the places found)."""

    def locate_events(
        self, doc: AnnotatedDoc, events: Sequence[Event]
    ) -> tuple[list[Event], list[Place]]: ...


@runtime_checkable
class QuoteFinder(Protocol):
    """Find quotes and attribute events to who claims them."""

    def find(self, doc: AnnotatedDoc) -> list[Quote]: ...

    def attribute_events(
        self, doc: AnnotatedDoc, events: Sequence[Event], quotes: Sequence[Quote]
    ) -> tuple[list[Event], list[Quote]]: ...


@runtime_checkable
class Embedder(Protocol):
    """Texts to dense vectors (rows L2-normalised)."""

    def embed(self, texts: Sequence[str]) -> Any: ...  # numpy.ndarray, shape (n, dim)
