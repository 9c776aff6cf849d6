"""Read the ``[stories]`` configuration section into one typed settings record."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tidings.config import default_config
from tidings.errors import ConfigError

_TOML = default_config()["stories"]


@dataclass(frozen=True)
class StorySettings:
    """Thresholds and sizes of story clustering, near-duplicate detection and event merging.

    The defaults are read from ``default_config.toml`` (the one place they are written); the
    config file is the place to change them.
    """

    embedder: str = _TOML["embedder"]
    window_days: int = _TOML["window_days"]
    threshold: float = _TOML["threshold"]  # minimum article-to-story score to join a story
    entity_weight: float = _TOML["entity_weight"]  # share of the score from entity overlap
    story_entities: int = _TOML["story_entities"]  # a story's names compared with an article's
    block_keywords: int = _TOML["block_keywords"]  # top keywords used, with names, as blocking keys
    max_block: int = _TOML["max_block"]  # a key shared by more stories is too common to block on
    max_candidates: int = _TOML["max_candidates"]  # stories scored per article, at most
    merge: bool = _TOML["merge"]  # second pass: merge this run's new stories by average link
    merge_threshold: float = _TOML["merge_threshold"]  # minimum average-link score for that merge
    merge_keys: int = _TOML["merge_keys"]  # a story's most used blocking keys looked up then
    near_dup_threshold: float = _TOML["near_dup_threshold"]  # estimated Jaccard of word shingles
    shingle_words: int = _TOML["shingle_words"]
    num_perm: int = _TOML["num_perm"]
    event_days: int = _TOML["event_days"]  # mentions of one event may differ by this many days
    report_lag_days: int = _TOML["report_lag_days"]  # an undated mention may come this much later
    dim: int = _TOML["dim"]  # hashed TF-IDF vector size
    # actor order does not matter for these event types
    reciprocal_types: tuple[str, ...] = tuple(_TOML["reciprocal_types"])

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
