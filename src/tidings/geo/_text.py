"""Normalise place names into lookup keys (case, accents, apostrophes, articles)."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʿ": "'", "ʾ": "'", "`": "'", "‐": "-", "–": "-"})
_SPACES = re.compile(r"[\s\-]+")
# Arabic article as written in English news: "al-Raqqah", "Ar Raqqah", "el-Arish", "ad-Dawr"
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|an|az|at|adh)[\s\-']+", re.IGNORECASE)


def key(name: str) -> str:
    """The lookup key of a name: case-folded, accents and dots removed, hyphens as spaces."""
    text = name.translate(_APOSTROPHES)
    if not text.isascii():  # NFKD and combining marks change nothing in ASCII: skip them
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("'", "")
    return _SPACES.sub(" ", text).strip().casefold()


def without_article(name: str) -> str | None:
    """``name`` without a leading Arabic article ("al-Raqqah" -> "Raqqah"), or None."""
    stripped = _ARTICLE.sub("", name.strip(), count=1)
    return stripped if stripped != name.strip() and len(stripped) > 2 else None
