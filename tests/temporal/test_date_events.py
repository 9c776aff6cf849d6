"""Event dating over a parsed article: clause attachment, tense from the parse, fallbacks."""

from __future__ import annotations

from datetime import datetime

import pytest

from tidings.model import AnnotatedDoc, Article, Event
from tidings.temporal import TemporalResolver


def _doc(nlp, text: str, published: str | None) -> AnnotatedDoc:  # type: ignore[no-untyped-def]
    pub = datetime.fromisoformat(published) if published else None
    article = Article(article_id="a1", doc_id="d1", text=text, published_at=pub)
    return AnnotatedDoc(article=article, doc=nlp(text))


def _event(text: str, trigger: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    return Event(
        event_id=f"e{start}", article_id="a1", sentence_idx=0, plover_type="CONSULT",
        plover_mode=None, cameo_code=None, cameo_root=None, quad_class=None, goldstein=None,
        source=None, target=None, evidence_text=text, evidence_start=0, evidence_end=len(text),
        trigger_text=trigger, trigger_start=start, trigger_end=start + len(trigger),
        coder="test", coder_version="0",
    )  # fmt: skip


def _dates(nlp, text: str, published: str | None, triggers: list[str]):  # type: ignore[no-untyped-def]
    events = [_event(text, t) for t in triggers]
    dated, times = TemporalResolver().date_events(_doc(nlp, text, published), events)
    return [(e.event_date, e.date_precision, e.date_text, e.date_source) for e in dated], times


def test_worked_example(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
        "in Baghdad on Friday."
    )
    got, times = _dates(nlp, text, "2024-12-14", ["met"])
    assert got == [("2024-12-13", "day", "Friday", "text")]
    assert [(t.text, t.value) for t in times] == [("Friday", "2024-12-13")]


def test_future_tense_from_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    got, _ = _dates(nlp, "Blinken will meet Sudani in Baghdad on Friday.", "2024-12-14", ["meet"])
    assert got == [("2024-12-20", "day", "Friday", "text")]


def test_each_clause_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked the base on Monday, and the army will respond on Friday."
    got, _ = _dates(nlp, text, "2024-12-14", ["attacked", "respond"])
    assert got == [
        ("2024-12-09", "day", "Monday", "text"),
        ("2024-12-20", "day", "Friday", "text"),
    ]


def test_day_before_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last Saturday, the day before rebels took control of Damascus, the president fled."
    got, _ = _dates(nlp, text, "2024-12-14", ["fled", "took"])
    assert got == [
        ("2024-12-07", "day", "Last Saturday", "text"),
        ("2024-12-08", "day", "the day before", "text"),
    ]


def test_reported_future_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Blinken said on Friday that he will visit Ankara next week."
    got, _ = _dates(nlp, text, "2024-12-14", ["said", "visit"])
    assert got == [
        ("2024-12-13", "day", "Friday", "text"),
        ("2024-12-16", "week", "next week", "text"),
    ]


def test_month_and_year_precision(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Troops withdrew earlier this month. The treaty was signed in 2014."
    got, _ = _dates(nlp, text, "2024-12-14", ["withdrew", "signed"])
    assert got == [
        ("2024-12-01", "month", "earlier this month", "text"),
        ("2014-01-01", "year", "2014", "text"),
    ]


def test_publication_fallback(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Blinken met Sudani on Friday. Sudani thanked him."
    got, _ = _dates(nlp, text, "2024-12-14", ["thanked"])
    assert got == [("2024-12-14", "day", None, "publication")]


def test_no_publication_no_text_date(nlp) -> None:  # type: ignore[no-untyped-def]
    got, _ = _dates(nlp, "Blinken met Sudani in Baghdad.", None, ["met"])
    assert got == [(None, None, None, "none")]


def test_no_publication_relative_stays_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    got, times = _dates(nlp, "Blinken met Sudani on Friday.", None, ["met"])
    # the event keeps the expression's text; its date is unresolved, never invented
    assert got == [(None, None, "Friday", "none")]
    assert [(t.text, t.value) for t in times] == [("Friday", None)]


def test_impossible_date_falls_back_to_publication_with_its_flag(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels met negotiators on February 30."
    events = [_event(text, "met")]
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), events)
    assert (e.event_date, e.date_source, e.date_text) == (
        "2024-12-14",
        "publication",
        "February 30",
    )
    assert e.extra["date_flags"] == ["impossible_date", "unresolved_expression"]


def test_no_publication_absolute_resolves(nlp) -> None:  # type: ignore[no-untyped-def]
    got, _ = _dates(nlp, "Blinken met Sudani on December 13, 2024.", None, ["met"])
    assert got == [("2024-12-13", "day", "December 13, 2024", "text")]


def test_flags_travel_with_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The war began in 2014."
    events = [_event(text, "began")]
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), events)
    assert e.extra["date_flags"] == ["far_from_publication"]
    assert e.extra["date_value"] == "2014"
    assert e.extra["date_link"] == "same_clause"


def test_reported_clause_dates_by_the_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels seized the airport, officials said on Thursday."
    events = [_event(text, "seized")]
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), events)
    assert (e.event_date, e.date_source, e.extra["date_link"]) == ("2024-12-12", "text", "reported")


def test_relative_clause_and_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Blinken, who met Sudani on Friday, will travel to Ankara on Monday."
    got, _ = _dates(nlp, text, "2024-12-14", ["met", "travel"])
    assert got == [
        ("2024-12-13", "day", "Friday", "text"),
        ("2024-12-16", "day", "Monday", "text"),
    ]


def test_shift_from_an_earlier_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting began on December 2. Three days later, the rebels entered Hama."
    got, times = _dates(nlp, text, "2024-12-14", ["entered"])
    assert got == [("2024-12-05", "day", "Three days", "text")]
    assert [(t.text, t.kind, t.value) for t in times] == [
        ("December 2", "DATE", "2024-12-02"),
        ("Three days", "DURATION", "P3D"),
    ]


def test_next_sentence_without_date_falls_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters marched through Tehran on Thursday. Police arrested dozens."
    got, _ = _dates(nlp, text, "2024-12-14", ["marched", "arrested"])
    assert got == [
        ("2024-12-12", "day", "Thursday", "text"),
        ("2024-12-14", "day", None, "publication"),
    ]


def _rows() -> list[list[str]]:
    from pathlib import Path

    path = Path(__file__).parent / "event_dates.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize(
    ("ref", "sentence", "trigger", "event_date", "precision", "date_text", "source"), _rows()
)
def test_event_date_table(  # type: ignore[no-untyped-def]
    nlp, ref, sentence, trigger, event_date, precision, date_text, source
) -> None:
    got, _ = _dates(nlp, sentence, ref, [trigger])
    assert got == [(event_date, precision, date_text or None, source)]


def test_undated_act_still_to_come_gets_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # "will appeal" has not happened: the publication day is not its date (news_events rule)
    text = "The party will appeal to the home minister."
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), [_event(text, "appeal")])
    assert (e.event_date, e.date_source, e.extra.get("date_note")) == (None, "none", "not_yet")


def test_recalled_act_gets_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # past perfect: an earlier act the news recalls, undated, never the publication day
    text = "Jordan had closed its borders with Syria."
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), [_event(text, "closed")])
    assert (e.event_date, e.date_source, e.extra.get("date_note")) == (None, "none", "recalled")


def test_news_act_without_date_takes_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jordan closed its borders with Syria."
    [e], _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), [_event(text, "closed")])
    assert (e.event_date, e.date_source) == ("2024-12-14", "publication")


def test_present_perfect_after_the_lead_recalls_context(nlp) -> None:  # type: ignore[no-untyped-def]
    # the lead's present perfect is the news (publication day); the same tense four
    # sentences on recalls the story's context and gets no date
    lead = "A car bomb has killed nine soldiers in the north."
    filler = "Officials gave no details. The road was shut. Talks went on."
    later = "The government has imposed a curfew on the region."
    text = f"{lead} {filler} {later}"
    doc = _doc(nlp, text, "2024-12-14")
    first = _event(text, "killed")
    last = _event(text, "imposed")
    got, _ = TemporalResolver().date_events(doc, [first, last])
    assert (got[0].event_date, got[0].date_source) == ("2024-12-14", "publication")
    assert (got[1].event_date, got[1].extra.get("date_note")) == (None, "recalled")


def test_since_clause_date_is_not_the_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    # the date of a "since" clause starts a span of acts: it dates neither of them
    text = "Gunmen have shelled the town and burned the market since the army withdrew in May."
    evs = [_event(text, "shelled"), _event(text, "burned")]
    got, _ = TemporalResolver().date_events(_doc(nlp, text, "2024-12-14"), evs)
    assert [e.date_source for e in got] == ["publication", "none"]
    assert not any(e.date_text for e in got)
