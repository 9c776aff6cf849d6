"""The ``tidings.actors.v1`` component: link mentions to codes (country + sector) and entities.

It owns the knowledge base (loaded once per process) and offers the actors stage's steps:
``link`` reads one mention (``_mention.py``), ``link_doc`` indexes an article for in-context
lookups (``doc.py``), and ``date_roles`` re-codes known people by their events' own dates once
temporal has dated them (``roles.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from tidings.actors._kb import KnowledgeBase, load_kb
from tidings.actors._mention import MentionReader
from tidings.actors._reading import Reading, as_date
from tidings.actors.doc import ArticleActors, index_doc
from tidings.actors.roles import roles_at_event_dates
from tidings.actors.table import ActorRow, entity_rows
from tidings.config import default_setting
from tidings.model import ActorRef, AnnotatedDoc, Event

__all__ = ["ActorLinker", "MentionReader"]


class ActorLinker:
    """The ``tidings.actors.v1`` linker: KB + lexicons, loaded once per process."""

    name = "tidings.actors.v1"

    def __init__(
        self, extra_kb: list[str] | tuple[str, ...] = (), fuzzy_threshold: float | None = None
    ) -> None:
        """``fuzzy_threshold`` None: the packaged ``[actor_linker]`` default (one source)."""
        self.extra_kb = tuple(str(p) for p in extra_kb)
        if fuzzy_threshold is None:
            fuzzy_threshold = float(default_setting("actor_linker", "fuzzy_threshold"))
        self.fuzzy_threshold = fuzzy_threshold
        self._reader: MentionReader | None = None
        # The last article indexed: the event coder and the quote finder both ask for the
        # same AnnotatedDoc object in turn, and building the index is the linker's main cost.
        self._last: tuple[AnnotatedDoc, ArticleActors] | None = None

    def __getstate__(self) -> dict[str, object]:
        # Ship settings, not the 20k-entity KB: each process loads (and caches) its own.
        return {
            "extra_kb": self.extra_kb,
            "fuzzy_threshold": self.fuzzy_threshold,
            "_reader": None,
            "_last": None,
        }

    @property
    def reader(self) -> MentionReader:
        if self._reader is None:
            self._reader = MentionReader(load_kb(self.extra_kb), self.fuzzy_threshold)
        return self._reader

    @property
    def kb(self) -> KnowledgeBase:
        return self.reader.kb

    def entity_rows(self, only: Collection[str]) -> list[ActorRow]:
        """Rows of the store's ``actors`` table for the KB entities in ``only``."""
        return entity_rows(self.kb, only)

    def read(self, text: str, when: datetime | date | None = None) -> Reading:
        return self.reader.read(text, as_date(when))

    def link(
        self,
        text: str,
        *,
        when: datetime | date | None = None,
        context: str = "",
        start: int | None = None,
        end: int | None = None,
    ) -> ActorRef:
        """One mention without article context; ``context`` is accepted and currently unused."""
        return self.read(text, when).ref(text, start, end, self.kb)

    def link_doc(self, doc: AnnotatedDoc) -> ArticleActors:
        """Index an article's mentions; ``at(start, end)`` then resolves any span of it.

        Asked again for the very same ``doc`` object, returns the same index: once built, an
        index's answers depend only on the article (``at`` memoises pure lookups), so sharing
        it between stages gives what two fresh indexes would. Identity, not equality, keys
        the reuse, and the held reference keeps that identity from being recycled.
        """
        last = self._last
        if last is not None and last[0] is doc:
            return last[1]
        actors = index_doc(self, doc)
        self._last = (doc, actors)
        return actors

    def date_roles(self, events: Sequence[Event]) -> list[Event]:
        """The actors stage's step after temporal: each known person's role as of the date the
        text gives the event ("toppled Assad last Sunday"), not the publication date."""
        return roles_at_event_dates(events, self)
