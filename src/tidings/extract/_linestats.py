"""How many documents of a batch (or an outlet's history) print each line: boilerplate repeats.

Menus, footers and section labels recur across pages of the same site or scrape batch; the
article text does not. The count is one feature of the line model (``_linefeatures``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from tidings.extract._minified import text_lines

_WORD = re.compile(r"\w+")
_MAX_KEY = 200  # longer lines are prose, never menu furniture: no need to count them
STORED_KEY = 120  # only keys this short are kept in the store's outlet history


def line_key(text: str) -> str:
    """Lines compare lower-cased, on their words only ("* News |" == "news")."""
    return " ".join(_WORD.findall(text[: _MAX_KEY * 2].lower()))[:_MAX_KEY]


class LineStats:
    """Document counts per line key."""

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts if counts is not None else Counter()

    @classmethod
    def of_texts(cls, texts: Iterable[str]) -> LineStats:
        stats = cls()
        for text in texts:
            stats.add(text)
        return stats

    def add(self, text: str) -> None:
        self.counts.update({k for k in map(line_key, text_lines(text)) if k})

    def others(self, lines: Sequence[str], counted: bool = True) -> list[int]:
        """For each line, how many OTHER documents print it (``counted``: this one was added)."""
        own = 1 if counted else 0
        return [max(self.counts.get(line_key(x), 0) - own, 0) for x in lines]

    def plus(self, history: dict[str, int]) -> LineStats:
        """These counts with an outlet's stored history added (documents of earlier runs)."""
        merged = Counter(self.counts)
        merged.update(history)
        return LineStats(merged)

    def storable(self) -> dict[str, int]:
        return {k: n for k, n in self.counts.items() if len(k) <= STORED_KEY}
