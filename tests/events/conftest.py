"""Shared fixtures for the event coder tests: one spaCy pipeline and coder per session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from tidings.actors import make_actor_linker
from tidings.annotate import load_pipeline
from tidings.events import RuleCoder
from tidings.model import AnnotatedDoc, Article, Event

PUBLISHED = datetime(2024, 12, 14, tzinfo=UTC)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="session")
def coder() -> RuleCoder:
    return RuleCoder(actor_linker=make_actor_linker())


@pytest.fixture(scope="session")
def code(nlp, coder: RuleCoder) -> Callable[[str], list[Event]]:  # type: ignore[no-untyped-def]
    def run(text: str) -> list[Event]:
        art = Article(
            article_id="test-article", doc_id="test-doc", text=text, published_at=PUBLISHED
        )
        return coder.code(AnnotatedDoc(article=art, doc=nlp(text)))

    return run
