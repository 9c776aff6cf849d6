"""Shared fixtures: one spaCy pipeline per session and a helper finding quotes in a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.annotate import load_pipeline
from tidings.model import AnnotatedDoc, Article, Quote
from tidings.quotes import QuoteFinderV1, make_quote_finder

FindFn = Callable[[str], list[Quote]]


@pytest.fixture(scope="session")
def finder() -> QuoteFinderV1:
    return make_quote_finder()


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], AnnotatedDoc]:
    nlp = load_pipeline()

    def run(text: str) -> AnnotatedDoc:
        return AnnotatedDoc(article=Article(article_id="a1", doc_id="d1", text=text), doc=nlp(text))

    return run


@pytest.fixture(scope="session")
def find(finder: QuoteFinderV1, annotate: Callable[[str], AnnotatedDoc]) -> FindFn:
    return lambda text: finder.find(annotate(text))
