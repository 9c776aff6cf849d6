"""Guess an article's language from its script and its share of each language's stopwords."""

from __future__ import annotations

import re

from tidings.extract._lexicon import stopwords

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 5
_MIN_SHARE = 0.08  # below this share of stopwords no profile is convincing
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)


def detect_language(text: str, sample_chars: int = 4000) -> str | None:
    """ISO 639-1 code among en/de/fr/es/it/pt/nl/ar/ru/tr/zh, or None when unsure."""
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    for lang, script in _SCRIPTS:
        if len(script.findall(sample)) / len(letters) > 0.3:
            return lang
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    best, best_share = None, 0.0
    for lang, vocab in stopwords().items():
        share = sum(1 for w in words if w in vocab) / len(words)
        if share > best_share:
            best, best_share = lang, share
    return best if best_share >= _MIN_SHARE else None
