"""Small frozen records the story stage works on: digests, fingerprints, mentions, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import numpy.typing as npt

Vector = npt.NDArray[np.float32]


@dataclass(frozen=True)
class ArticleDigest:
    """What clustering needs to know about one article."""

    article_id: str
    outlet: str | None
    published_at: datetime | None
    title: str | None
    text: str
    entities: tuple[str, ...] = ()  # normalised names (lower case), e.g. "antony blinken"


@dataclass(frozen=True)
class Fingerprint:
    """The stored state of one clustered article: enough to cluster later articles against."""

    article_id: str
    story_id: str
    outlet: str | None
    published_at: datetime | None
    title: str | None
    minhash: npt.NDArray[np.uint64]
    vector: Vector
    entities: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # blocking keys: entities and top keywords
    near_duplicate_of: str | None = None
    undated: bool = False
    embedder: str = ""


@dataclass(frozen=True)
class EventMention:
    """One coded event mention, reduced to what decides whether two mentions are one event."""

    event_id: str
    article_id: str
    outlet: str | None
    plover_type: str
    source_key: str | None  # entity id, else actor code, else normalised text
    target_key: str | None
    event_date: date | None = None
    date_precision: str | None = None
    published_at: datetime | None = None
    reciprocal: bool = False
    negated: bool = False
    modality: str = "asserted"
    canonical_id: str | None = None


@dataclass(frozen=True)
class MergedEvent:
    """Mentions judged to be one real-world event; ``canonical_id`` is one of them."""

    canonical_id: str
    mentions: tuple[EventMention, ...]

    @property
    def n_articles(self) -> int:
        return len({m.article_id for m in self.mentions})

    @property
    def n_outlets(self) -> int:
        return len({m.outlet or m.article_id for m in self.mentions})


@dataclass
class StoryReport:
    """What one ``update_stories`` call did."""

    articles_assigned: int = 0
    stories_new: int = 0
    stories_touched: int = 0
    near_duplicates: int = 0
    undated: int = 0
    events_merged: int = 0  # mentions now pointing at another mention's canonical event
    merged_groups: int = 0
    touched_story_ids: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "articles_assigned": self.articles_assigned,
            "stories_new": self.stories_new,
            "stories_touched": self.stories_touched,
            "near_duplicates": self.near_duplicates,
            "undated": self.undated,
            "events_merged": self.events_merged,
            "merged_groups": self.merged_groups,
        }
