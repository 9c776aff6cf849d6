"""Load the temporal word tables (``data/temporal/lexicon.toml``) once."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class Lexicon:
    """The word tables the recogniser and normaliser share."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float | str]
    units: dict[str, tuple[str, bool, int]]
    seasons: dict[str, tuple[str, int]]
    parts_of_day: dict[str, str]
    modifiers: dict[str, str]
    approx: tuple[str, ...]
    refs: dict[str, str]
    sets: dict[str, str]
    period_qualifiers: dict[str, int]
    year_cues: frozenset[str]
    future_cues: tuple[str, ...]
    past_words: frozenset[str]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged tables (cached for the process)."""
    raw_text = files("tidings").joinpath("data/temporal/lexicon.toml").read_text(encoding="utf-8")
    raw: dict[str, Any] = tomllib.loads(raw_text)
    return Lexicon(
        months={k: int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(raw["ambiguous_months"]["words"]),
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        numbers=dict(raw["numbers"].items()),
        units={k: (str(v[0]), bool(v[1]), int(v[2])) for k, v in raw["units"].items()},
        seasons={k: (str(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
        parts_of_day={k: str(v) for k, v in raw["parts_of_day"].items()},
        modifiers={k: str(v) for k, v in raw["modifiers"].items()},
        approx=tuple(raw["approx"]["words"]),
        refs={k: str(v) for k, v in raw["refs"].items()},
        sets={k: str(v) for k, v in raw["sets"].items()},
        period_qualifiers={k: int(v) for k, v in raw["period_qualifiers"].items()},
        year_cues=frozenset(raw["year_cues"]["words"]),
        future_cues=tuple(raw["tense"]["future"]),
        past_words=frozenset(raw["tense"]["past_words"]),
    )
