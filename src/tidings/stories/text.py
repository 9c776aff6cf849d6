"""Cheap text features for clustering: word tokens, shingles, proper names and keywords.

These run on plain text with regular expressions so that clustering 100k articles needs no
parser; actor entities coded by the event stage are added to the names by the runner.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A capitalised word inside a sentence, with the word before it (to spot sentence starts).
_CAP = re.compile(r"(?:(?P<prev>[.!?:\"“”]|\n)\s*|\b)(?P<word>[A-Z][\w'’-]+)")
_POSSESSIVE = re.compile(r"['’]s$")

STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "also"}
# Calendar words are capitalised but name no actor; grammar of dates, not a lexicon.
_CALENDAR = frozenset(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    ]
)  # fmt: skip


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters first; numbers and punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of ``text`` as bytes (the whole text when it is shorter)."""
    toks = words(text)
    if len(toks) <= size:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i : i + size]).encode("utf-8") for i in range(len(toks) - size + 1)}


def proper_names(text: str) -> Counter[str]:
    """Count capitalised words that are not sentence-initial, lower-cased, stop words dropped.

    A word that only ever opens sentences ("Officials said...") is not counted; one that also
    appears inside a sentence is counted everywhere.
    """
    inside: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    for m in _CAP.finditer(text):
        word = _POSSESSIVE.sub("", m.group("word")).lower()
        if len(word) < 2 or word in STOP_WORDS or word in _CALENDAR:
            continue
        start = m.start("word")
        if start == 0 or m.group("prev") is not None:
            initial[word] += 1
        else:
            inside[word] += 1
    for word, n in initial.items():
        if word in inside:
            inside[word] += n
    return inside


def top_names(text: str, k: int, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The ``k`` most frequent proper names of ``text`` plus ``extra`` names, sorted."""
    counts = proper_names(text)
    chosen = {w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]}
    chosen.update(e.lower() for e in extra if e)
    return tuple(sorted(chosen))


def keywords(title: str | None, text: str, k: int) -> tuple[str, ...]:
    """Top ``k`` content words of the title and lead, ranked by frequency in the whole text."""
    counts = Counter(w for w in words(text) if len(w) >= 4 and w not in STOP_WORDS)
    head = words((title or "") + " " + text[:400])
    lead = {w for w in head if len(w) >= 4 and w not in STOP_WORDS}
    ranked = sorted(lead, key=lambda w: (-counts.get(w, 0), w))
    return tuple(sorted(ranked[:k]))
