"""The registered quote finder ``tidings.quotes.v1``: find quotes, then attribute events."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from tidings import registry
from tidings.errors import TidingsError
from tidings.interfaces import ActorLinker, DocActors
from tidings.model import AnnotatedDoc, Event, Quote
from tidings.quotes.attribution import attribute
from tidings.quotes.finder import FinderSettings, QuoteExtractor

log = logging.getLogger(__name__)


class QuoteFinderV1:
    """Rule-based quote finder over the spaCy parse (satisfies ``QuoteFinder``)."""

    name = "tidings.quotes.v1"

    def __init__(
        self, settings: FinderSettings | None = None, actor_linker: str | ActorLinker = ""
    ) -> None:
        """``actor_linker``: a registry name resolved on first use, or a linker instance."""
        self.extractor = QuoteExtractor(settings)
        given = not isinstance(actor_linker, str)
        self.linker_name = "" if not isinstance(actor_linker, str) else actor_linker
        self._linker: ActorLinker | None = None if isinstance(actor_linker, str) else actor_linker
        self._linker_tried = given

    def _actors(self, doc: AnnotatedDoc) -> DocActors | None:
        if not self.linker_name and self._linker is None:
            return None
        if not self._linker_tried:
            self._linker_tried = True
            try:
                self._linker = registry.resolve("actor_linker", self.linker_name)
            except (TidingsError, ImportError) as exc:
                log.info(
                    "quotes: actor linker %s unavailable (%s); using own rules",
                    self.linker_name,
                    exc,
                )
        if self._linker is None:
            return None
        try:
            return self._linker.link_doc(doc)
        except Exception:  # noqa: BLE001 - speakers still resolve without the linker
            log.warning("quotes: actor linker failed on %s", doc.article.article_id, exc_info=True)
            return None

    def find(self, doc: AnnotatedDoc) -> list[Quote]:
        return self.extractor.find(doc, self._actors(doc))

    def attribute_events(
        self, doc: AnnotatedDoc, events: Sequence[Event], quotes: Sequence[Quote]
    ) -> tuple[list[Event], list[Quote]]:
        return attribute(events, quotes)


@registry.register("quote_finder", "tidings.quotes.v1")
def make_quote_finder(
    actor_linker: str | ActorLinker = "tidings.actors.v1", **settings: Any
) -> QuoteFinderV1:
    """Build the finder; ``settings`` are ``FinderSettings`` fields (unknown keys ignored)."""
    known = {k: v for k, v in settings.items() if k in FinderSettings.__dataclass_fields__}
    return QuoteFinderV1(FinderSettings(**known), actor_linker=actor_linker)
