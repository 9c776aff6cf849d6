"""Guess an article's language with py3langid (the identifier trafilatura itself uses)."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_MIN_LETTERS = 10  # "Short." says nothing about a language
_MIN_PROB = 0.5  # below a majority of the normalised probability the guess is a coin toss


@cache
def _identifier() -> LanguageIdentifier:
    # Loaded once per process (the model file is decompressed on load).
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, sample_chars: int = 4000) -> str | None:
    """ISO 639-1 code of ``text`` (one of py3langid's 97 languages), or None when unsure."""
    sample = text[:sample_chars]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= _MIN_PROB else None
