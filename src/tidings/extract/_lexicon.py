"""Load the extraction data tables once: boilerplate lexicon, time zones, stopword profiles."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import timedelta, timezone
from functools import lru_cache
from importlib.resources import files


def _data(name: str) -> str:
    return files("tidings").joinpath("data", name).read_text(encoding="utf-8")


def _tsv_rows(name: str) -> list[list[str]]:
    rows = [line.split("\t") for line in _data(name).splitlines()]
    body = [r for r in rows if r and r[0] and not r[0].startswith("#")]
    return body[1:]  # first non-comment row is the header


@dataclass(frozen=True)
class Boilerplate:
    """Compiled boilerplate rules (``data/extract_boilerplate.toml``)."""

    nav_lines: frozenset[str]
    nav_patterns: tuple[re.Pattern[str], ...]
    promo_patterns: tuple[re.Pattern[str], ...]
    credit_lines: tuple[re.Pattern[str], ...]
    inline_credits: tuple[re.Pattern[str], ...]
    bylines: tuple[re.Pattern[str], ...]
    published: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    table = tomllib.loads(_data("extract_boilerplate.toml"))

    def compiled(key: str, flags: int = re.I) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, flags) for p in table[key])

    labels = sorted(table["published_labels"], key=len, reverse=True)
    label_re = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return Boilerplate(
        nav_lines=frozenset(s.lower() for s in table["nav_lines"]),
        nav_patterns=compiled("nav_line_patterns"),
        promo_patterns=compiled("promo_line_patterns"),
        credit_lines=compiled("credit_line_patterns"),
        inline_credits=compiled("inline_credit_patterns"),
        bylines=compiled("byline_patterns", 0),
        published=re.compile(rf"^(?:{label_re})\s*[:：|-]?\s*(?P<value>.{{6,80}})$", re.I),
    )


@lru_cache(maxsize=1)
def time_zones() -> dict[str, timezone]:
    """Abbreviation -> fixed-offset zone (``data/news_timezones.tsv``)."""
    zones: dict[str, timezone] = {}
    for abbr, offset in (r[:2] for r in _tsv_rows("news_timezones.tsv")):
        sign = -1 if offset.startswith("-") else 1
        hours, minutes = offset.lstrip("+-").split(":")
        delta = timedelta(hours=int(hours), minutes=int(minutes)) * sign
        zones[abbr.upper()] = timezone(delta, abbr.upper())
    return zones


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Language code -> its frequent function words (``data/language_stopwords.tsv``): the
    scraped-text line model's "stopword share" feature (language guessing uses py3langid)."""
    return {
        lang: frozenset(words.split())
        for lang, words in (r[:2] for r in _tsv_rows("language_stopwords.tsv"))
    }


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset[str]:
    """The stopwords of every language the cleaner knows, in one set."""
    return frozenset().union(*stopwords().values())
