"""Actor phrases keep names the small parser splits ("Bashar al-Assad")."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tidings import registry
from tidings.model import AnnotatedDoc, Article


def test_split_name_stays_whole_and_takes_role_at_date(nlp: Any) -> None:
    text = "The Hayat Tahrir al-Sham toppled Bashar al-Assad last Sunday."
    coder = registry.resolve("event_coder", "tidings.rules.v1")
    article = Article(
        article_id="a", doc_id="d", text=text, published_at=datetime(2024, 12, 1, tzinfo=UTC)
    )
    [event] = coder.code(AnnotatedDoc(article, nlp(text)))
    assert event.plover_type == "ASSAULT"
    assert event.source is not None and event.source.code == "SYRREB"
    assert event.target is not None and event.target.text == "Bashar al-Assad"
    assert event.target.code == "SYRGOV"
