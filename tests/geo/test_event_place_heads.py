"""An event's place through a light verb or a place inside a town (issue 10 item 5).
Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tidings.config import load_config
from tidings.model import Article
from tidings.pipeline import Components, process_annotated


@pytest.fixture(scope="module")
def parts() -> Components:
    return Components.from_config(load_config())


def _places(parts: Components, text: str) -> list[tuple[str, str | None]]:
    article = Article(
        article_id="p1",
        doc_id="p1",
        text=text,
        published_at=datetime(2017, 4, 21, tzinfo=UTC),
    )
    return [
        (e.plover_type, e.place.country_iso3 if e.place else None)
        for d in parts.annotator.annotate([article])
        for e in process_annotated(d, parts).events
    ]


def test_place_inside_a_town_places_the_event_in_the_town(parts: Components) -> None:
    text = "A gunman opened fire on police on Paris' iconic Champs-Elysees boulevard on Thursday."
    assert ("ASSAULT", "FRA") in _places(parts, text)


def test_light_verb_place_is_the_noun_triggers_place(parts: Components) -> None:
    text = "Thousands of Indonesian students staged demonstrations in Jakarta on Saturday."
    assert _places(parts, text) == [("PROTEST", "IDN")]


def test_owner_of_a_thing_is_still_not_a_place(parts: Components) -> None:
    # "a US warship" says whose, not where: the event stays unplaced
    text = "Iranian boats harassed a US warship on Thursday."
    assert [p for _, p in _places(parts, text)] == [None]
