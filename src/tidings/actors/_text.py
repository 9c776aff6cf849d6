"""Tokenise actor mentions and normalise tokens into lookup keys (accents, al-/el-, variants)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

# Letters/digits with inner dots or apostrophes ("U.S.", "Hay'at"); hyphens split tokens.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’ʼ][^\W_]+)*\.?")
# Arabic article particles: "al-Sudani" and "Sudani" share one key. Grammar, not lexicon.
PARTICLES = frozenset({"al", "el", "ul", "al-", "el-"})


@dataclass(frozen=True)
class Token:
    """One word of a mention: its text as written, its offsets and its lookup key."""

    text: str
    start: int
    end: int
    key: str  # normalised form ("" for particles that keys ignore)

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: accents stripped, typographic apostrophes unified."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("’", "'").replace("ʼ", "'").lower()


def token_key(word: str, variants: Mapping[str, str], *, folded: bool = False) -> str:
    """The lookup key of one word: folded, possessive and dots and apostrophes removed."""
    w = word if folded else fold(word)
    if w.endswith("'s"):
        w = w[:-2]
    if "." in w or "'" in w:
        w = w.replace(".", "").replace("'", "")
    if w in PARTICLES:
        return ""
    return variants.get(w, w)


def tokenize(text: str, variants: Mapping[str, str]) -> list[Token]:
    """Split ``text`` into tokens with offsets and keys."""
    return [
        Token(m.group(), m.start(), m.end(), token_key(m.group(), variants))
        for m in _TOKEN.finditer(text)
    ]


def phrase_key(text: str, variants: Mapping[str, str]) -> str:
    """The lookup key of a whole phrase: token keys joined by single spaces."""
    keys = (token_key(m.group(), variants, folded=True) for m in _TOKEN.finditer(fold(text)))
    return " ".join(k for k in keys if k)
