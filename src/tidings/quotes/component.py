"""The registered quote finder ``tidings.quotes.v1``: find quotes, then attribute events."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from tidings import registry
from tidings.interfaces import ActorLinker, DocActors
from tidings.model import AnnotatedDoc, Event, Quote
from tidings.quotes.attribution import attribute
from tidings.quotes.finder import FinderSettings, QuoteExtractor

log = logging.getLogger(__name__)


class QuoteFinderV1:
    """Rule-based quote finder over the spaCy parse (satisfies ``QuoteFinder``)."""

    name = "tidings.quotes.v1"

    def __init__(
        self, settings: FinderSettings | None = None, actor_linker: ActorLinker | None = None
    ) -> None:
        """``actor_linker``: resolves speakers when given; None: the finder's own rules."""
        self.extractor = QuoteExtractor(settings)
        self._linker = actor_linker

    def _actors(self, doc: AnnotatedDoc) -> DocActors | None:
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
    actor_linker: ActorLinker | None = None,
    min_unattributed_words: int = FinderSettings.min_unattributed_words,
    max_open_chars: int = FinderSettings.max_open_chars,
    max_cue_gap_chars: int = FinderSettings.max_cue_gap_chars,
    min_indirect_tokens: int = FinderSettings.min_indirect_tokens,
) -> QuoteFinderV1:
    """Build the finder; the thresholds are ``FinderSettings`` fields."""
    settings = FinderSettings(
        min_unattributed_words=min_unattributed_words,
        max_open_chars=max_open_chars,
        max_cue_gap_chars=max_cue_gap_chars,
        min_indirect_tokens=min_indirect_tokens,
    )
    return QuoteFinderV1(settings, actor_linker=actor_linker)
