"""The resolver as the pipeline calls it: protocol, registry, config, process_annotated."""

from __future__ import annotations

from datetime import UTC, datetime

from tidings import registry
from tidings.config import load_config
from tidings.interfaces import TimeResolver
from tidings.model import AnnotatedDoc, Article, Event
from tidings.temporal import TemporalResolver

TEXT = "Blinken met Sudani in Baghdad on Friday. The talks lasted two hours."


class _OneEventCoder:
    """Stands in for the event coder: one CONSULT event on "met"."""

    name = "test"
    version = "0"

    def code(self, doc: AnnotatedDoc) -> list[Event]:
        start = doc.article.text.index("met")
        return [
            Event(
                event_id="e1", article_id=doc.article.article_id, sentence_idx=0,
                plover_type="CONSULT", plover_mode=None, cameo_code=None, cameo_root=None,
                quad_class=None, goldstein=None, source=None, target=None,
                evidence_text=TEXT[:40], evidence_start=0, evidence_end=40, trigger_text="met",
                trigger_start=start, trigger_end=start + 3, coder="test", coder_version="0",
            )
        ]  # fmt: skip


def test_satisfies_protocol_and_is_configured() -> None:
    assert isinstance(TemporalResolver(), TimeResolver)
    section = dict(load_config()["time_resolver"])
    name = section.pop("name")
    assert name == "tidings.temporal.v1"
    assert isinstance(registry.resolve("time_resolver", name, **section), TemporalResolver)


def test_process_annotated_dates_events(nlp) -> None:  # type: ignore[no-untyped-def]
    from tidings.pipeline import Components, process_annotated

    article = Article(
        article_id="a1", doc_id="d1", text=TEXT, published_at=datetime(2024, 12, 14, 8, tzinfo=UTC)
    )
    parts = Components(
        annotator=None,  # type: ignore[arg-type]
        coder=_OneEventCoder(),
        time_resolver=TemporalResolver(),
        geocoder=None,
        quote_finder=None,
    )
    result = process_annotated(AnnotatedDoc(article=article, doc=nlp(TEXT)), parts)
    [event] = result.events
    assert (event.event_date, event.date_precision, event.date_text, event.date_source) == (
        "2024-12-13",
        "day",
        "Friday",
        "text",
    )
    assert [(t.text, t.kind, t.value) for t in result.times] == [
        ("Friday", "DATE", "2024-12-13"),
        ("two hours", "DURATION", "PT2H"),
    ]
