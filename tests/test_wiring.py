"""Components.from_config builds each collaborator once and hands it to the stages."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace
from datetime import datetime

import pytest

from tidings import registry
from tidings.actors.table import ActorRow
from tidings.config import load_config
from tidings.interfaces import Annotator
from tidings.model import ActorRef, AnnotatedDoc, Article
from tidings.pipeline import Components, Pipeline, RunReport, process_articles
from tidings.store import Store


class FakeLinker:
    """Links every mention to one made-up entity (so a test can see it was used)."""

    def link(self, text: str, *, when: datetime | None = None, context: str = "") -> ActorRef:
        return ActorRef(text=text, code="XYZGOV", entity_id="Q0", name="Fake")

    def link_doc(self, doc: AnnotatedDoc) -> FakeDocActors:
        return FakeDocActors()

    def entity_rows(self, only: Collection[str]) -> list[ActorRow]:
        return (
            [("Q0", "Fake", "XYZGOV", None, None, None, None, None, None)] if "Q0" in only else []
        )


class FakeDocActors:
    def at(self, start: int, end: int) -> ActorRef | None:
        return None


def test_one_linker_and_one_annotator_are_shared() -> None:
    parts = Components.from_config(load_config())
    assert parts.actor_linker is not None
    assert parts.coder is not None and parts.quote_finder is not None
    assert parts.coder.linker is parts.actor_linker
    assert parts.quote_finder._linker is parts.actor_linker
    assert parts.geocoder.annotator is parts.annotator


def test_the_configured_linker_settings_reach_the_stages() -> None:
    parts = Components.from_config(load_config(actor_linker={"fuzzy_threshold": 97.0}))
    assert parts.coder.linker is parts.actor_linker
    assert parts.actor_linker.fuzzy_threshold == 97.0


def test_an_empty_name_means_no_linker() -> None:
    parts = Components.from_config(
        load_config(event_coder={"actor_linker": ""}, quote_finder={"actor_linker": ""})
    )
    assert parts.coder.linker is None
    assert parts.quote_finder._linker is None


def test_a_fake_linker_can_be_passed_in() -> None:
    fake = FakeLinker()
    coder = registry.resolve("event_coder", "tidings.rules.v1", actor_linker=fake)
    assert coder.linker is fake


def test_an_unknown_linker_name_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    coder = registry.resolve("event_coder", "tidings.rules.v1", actor_linker="no.such.v9")
    assert coder.linker is None
    assert "no.such.v9" in caplog.text


class RecordingAnnotator:
    """Wraps the real annotator and records which articles it was asked to parse."""

    name = "recording"

    def __init__(self, inner: Annotator) -> None:
        self.inner = inner
        self.seen: list[str] = []

    def annotate(self, articles: Iterable[Article]) -> Iterator[AnnotatedDoc]:
        for doc in self.inner.annotate(articles):
            self.seen.append(doc.article.article_id)
            yield doc


def test_other_languages_are_not_parsed() -> None:
    parts = Components.from_config(load_config())
    recorder = RecordingAnnotator(parts.annotator)
    parts = replace(parts, annotator=recorder)
    de = Article("de", "d1", "Der Minister traf den Botschafter in Berlin.", language="de")
    en = Article("en", "d2", "The minister met the ambassador in Berlin.", language="en")
    results = process_articles([de, en], parts)
    assert recorder.seen == ["en"]
    assert [r.article.article_id for r in results] == ["de", "en"]
    assert "non-English" in (results[0].skipped_reason or "")
    assert results[1].skipped_reason is None


class ActorsStore:
    """Only the two store calls ``record_actors`` makes, so the test sees what it writes."""

    def __init__(self, referenced: set[str]) -> None:
        self.referenced = referenced
        self.written: list[ActorRow] = []

    def referenced_entities(self) -> set[str]:
        return self.referenced

    def upsert_actors(self, rows: list[ActorRow]) -> None:
        self.written.extend(rows)


def test_the_actors_table_is_filled_through_the_linker_protocol() -> None:
    store = ActorsStore({"Q0", "Q404"})
    pipeline = Pipeline(store, load_config())  # type: ignore[arg-type]  # duck-typed store
    pipeline.parts = replace(pipeline.parts, actor_linker=FakeLinker())
    report = RunReport(run_id="r")
    pipeline.record_actors(report)
    assert [row[0] for row in store.written] == ["Q0"]
    assert not report.errors


def test_the_stories_embedder_is_built_once_and_handed_to_the_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []
    resolve = registry.resolve

    def counting(kind: str, name: str, **settings: object) -> object:
        if kind == "embedder":
            built.append(name)
        return resolve(kind, name, **settings)

    pipeline = Pipeline(Store(":memory:"), load_config())
    monkeypatch.setattr(registry, "resolve", counting)
    for _ in range(2):  # two runs of one pipeline (an empty store: nothing to cluster)
        report = RunReport(run_id="r")
        pipeline.after_run(report)
        assert not report.errors
    assert built == ["tidings.tfidf.v1"]
