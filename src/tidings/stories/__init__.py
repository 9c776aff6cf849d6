"""Cluster articles into stories across outlets, flag near-duplicates, merge duplicate events.

Pure functions over the small records in ``records``; ``runner.update_stories`` is the one
entry point that reads and writes the store. Importing this package registers the embedders
``tidings.tfidf.v1`` and ``tidings.minilm.v1`` (kind "embedder").
"""

from __future__ import annotations

from tidings.stories.cluster import Assignment, StoryIndex, assign_stories, story_id_for
from tidings.stories.dedup import NearDuplicateIndex, near_duplicate_pairs, signature
from tidings.stories.embed import MiniLMEmbedder, TfidfEmbedder
from tidings.stories.records import (
    ArticleDigest,
    EventMention,
    Fingerprint,
    MergedEvent,
    StoryReport,
)
from tidings.stories.settings import StorySettings

__all__ = [
    "ArticleDigest",
    "Assignment",
    "EventMention",
    "Fingerprint",
    "MergedEvent",
    "MiniLMEmbedder",
    "NearDuplicateIndex",
    "StoryIndex",
    "StoryReport",
    "StorySettings",
    "TfidfEmbedder",
    "assign_stories",
    "near_duplicate_pairs",
    "signature",
    "story_id_for",
]
