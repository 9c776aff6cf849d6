"""Read the ``[stories]`` configuration section into one typed settings record."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tidings.errors import ConfigError


@dataclass(frozen=True)
class StorySettings:
    """Thresholds and sizes of story clustering, near-duplicate detection and event merging.

    Defaults mirror ``default_config.toml``; the config file is the place to change them.
    """

    embedder: str = "tidings.tfidf.v1"
    window_days: int = 7
    threshold: float = 0.40  # minimum article-to-story score to join a story
    entity_weight: float = 0.15  # share of the score given to entity overlap (rest: cosine)
    story_entities: int = 12  # most frequent entities of a story compared with an article's
    block_keywords: int = 8  # top keywords used, with entities, as blocking keys
    max_block: int = 400  # a blocking key shared by more stories is too common to block on
    max_candidates: int = 50  # stories scored per article, at most
    merge: bool = True  # second pass: merge this run's new stories by average link
    merge_threshold: float = 0.275  # minimum average-link score for that merge
    merge_keys: int = 24  # a story's most used blocking keys looked up in that pass
    near_dup_threshold: float = 0.8  # estimated Jaccard of word shingles
    shingle_words: int = 5
    num_perm: int = 64
    event_days: int = 1  # mentions of one event may differ by this many days
    report_lag_days: int = 3  # an undated mention may be published this long after the event
    dim: int = 1024  # hashed TF-IDF vector size
    reciprocal_types: tuple[str, ...] = ("CONSULT",)  # actor order does not matter for these

    @classmethod
    def from_config(cls, section: dict[str, Any] | None) -> StorySettings:
        """Build from a ``[stories]`` section; unknown keys fail listing the known ones."""
        section = dict(section or {})
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(section) - set(known))
        if unknown:
            raise ConfigError(
                f"[stories]: unknown setting(s) {', '.join(unknown)}; known: {', '.join(known)}"
            )
        values: dict[str, Any] = {}
        for key, value in section.items():
            default = getattr(cls, key)
            try:
                values[key] = tuple(value) if isinstance(default, tuple) else type(default)(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"[stories] {key}: invalid value {value!r}") from exc
        return cls(**values)
