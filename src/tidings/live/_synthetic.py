"""Tiny generated news articles (written here, from templates) for crash tests and benches.

Each article is a few sentences with two named actors and a verb the rule coder knows, so
every one yields events; the i-th article is always the same text (reproducible runs).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["article_text", "write_corpus"]

_PEOPLE = (
    ("President Emmanuel Macron", "France"),
    ("Chancellor Olaf Scholz", "Germany"),
    ("Prime Minister Narendra Modi", "India"),
    ("President Joe Biden", "the United States"),
    ("Prime Minister Fumio Kishida", "Japan"),
    ("President Cyril Ramaphosa", "South Africa"),
)
_ACTS = (
    "met {b} in {city} on Tuesday to discuss trade",
    "criticised {b} on Wednesday over the border dispute",
    "urged {b} on Monday to release the detained journalists",
    "promised {b} on Thursday to send aid to the flooded region",
    "accused {b} on Friday of violating the ceasefire",
)
_CITIES = ("Paris", "Berlin", "New Delhi", "Washington", "Tokyo", "Pretoria", "Nairobi")


def article_text(i: int) -> str:
    """The i-th generated article (a dateline, two event sentences, a quote)."""
    a, a_country = _PEOPLE[i % len(_PEOPLE)]
    b, _ = _PEOPLE[(i // len(_PEOPLE) + 1 + i) % len(_PEOPLE)]
    if a == b:
        b = _PEOPLE[(i + 1) % len(_PEOPLE)][0]
    city = _CITIES[i % len(_CITIES)]
    act = _ACTS[i % len(_ACTS)].format(b=b, city=city)
    act2 = _ACTS[(i + 2) % len(_ACTS)].format(b=b, city=city)
    day = 1 + i % 28
    return (
        f"Report {i}: talks in {city}\n\n"
        f"{city.upper()}, March {day}, 2024 (Tidings Wire) - {a} {act}, officials said.\n\n"
        f"Later, {a.split()[-1]} also {act2}. "
        f'"We expect progress on item {i}," a spokesperson for {a_country} said.\n'
    )


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write articles ``start .. start+n-1`` as ``NNNNNN.txt`` files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"{i:06d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths
