"""Dates of pledges, of acts dated from another clause, and of vague relative expressions
(issue 10 item 5). Sentences written for these tests, in the shapes met on real articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from tidings.eval.news import scored_date
from tidings.model import AnnotatedDoc, Article, Event
from tidings.temporal import TemporalResolver


def _doc(nlp, text: str, published: str) -> AnnotatedDoc:  # type: ignore[no-untyped-def]
    article = Article(
        article_id="a1", doc_id="d1", text=text, published_at=datetime.fromisoformat(published)
    )
    return AnnotatedDoc(article=article, doc=nlp(text))


def _event(text: str, trigger: str, plover: str = "CONSULT", modality: str = "asserted") -> Event:
    start = text.index(trigger)
    return Event(
        event_id=f"e{start}", article_id="a1", sentence_idx=0, plover_type=plover,
        plover_mode=None, cameo_code=None, cameo_root=None, quad_class=None, goldstein=None,
        source=None, target=None, evidence_text=text, evidence_start=0, evidence_end=len(text),
        trigger_text=trigger, trigger_start=start, trigger_end=start + len(trigger),
        coder="test", coder_version="0", modality=modality,
    )  # fmt: skip


def _date(nlp, text: str, published: str, event: Event) -> Event:  # type: ignore[no-untyped-def]
    [dated], _ = TemporalResolver().date_events(_doc(nlp, text, published), [event])
    return dated


def test_future_meeting_is_dated_when_agreed(nlp) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes future cooperation as the AGREE stated that day; Friday is the meeting's
    text = "Party leaders in the state senate said Thursday they will meet Friday on the budget."
    e = _date(nlp, text, "2018-04-05", _event(text, "meet", "AGREE"))
    assert (e.event_date, e.date_precision, e.date_text) == ("2018-04-05", "day", "Thursday")
    assert e.extra["act_date"] == "2018-04-06"


def test_future_meeting_with_no_report_date_takes_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The king will meet the president on Thursday at his summer house."
    e = _date(nlp, text, "1990-08-15", _event(text, "meet", "AGREE"))
    assert (e.event_date, e.date_source) == ("1990-08-15", "publication")
    assert e.extra["act_date"] == "1990-08-16"


def test_threat_is_dated_when_made(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The rebel commander said on Monday that his fighters would storm the port on Sunday."
    e = _date(nlp, text, "2024-12-11", _event(text, "storm", "THREATEN", "threatened"))
    assert (e.event_date, e.date_text) == ("2024-12-09", "Monday")


def test_request_is_dated_when_made(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy asked on Tuesday that both sides would release the prisoners next week."
    e = _date(nlp, text, "2024-12-12", _event(text, "release", "REQUEST", "requested"))
    assert (e.event_date, e.date_text) == ("2024-12-10", "Tuesday")


def test_intended_act_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # "will appeal on Monday" codes the appeal itself, which has a date of its own
    text = "The opposition party will appeal the ban on Monday."
    e = _date(nlp, text, "2024-12-12", _event(text, "appeal", "REQUEST", "intended"))
    assert (e.event_date, e.date_text) == ("2024-12-16", "Monday")


def test_intended_act_without_date_has_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition party said it will file a suit against the order."
    e = _date(nlp, text, "2024-12-12", _event(text, "file", "ACCUSE", "intended"))
    assert (e.event_date, e.date_source, e.extra.get("date_note")) == (None, "none", "not_yet")


def test_act_a_week_before_the_news(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It comes a week after 30 people were killed in a bombing in the capital."
    e = _date(nlp, text, "2016-12-17", _event(text, "killed", "ASSAULT"))
    assert (e.event_date, e.date_precision, e.date_text) == ("2016-12-10", "day", "a week")
    assert e.extra["date_link"] == "relative"


def test_act_days_before_the_news_is_that_month(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The raid comes days after the governor's chief of staff resigned."
    e = _date(nlp, text, "2016-12-16", _event(text, "resigned", "RETREAT"))
    assert (e.event_date, e.date_precision) == ("2016-12-01", "month")


def test_days_before_early_in_the_month_is_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    # on the 3rd, "days after" may be last month: no month is given rather than a wrong one
    text = "The raid comes days after the governor's chief of staff resigned."
    e = _date(nlp, text, "2016-12-03", _event(text, "resigned", "RETREAT"))
    assert e.event_date is None


def test_head_clause_is_not_dated_by_the_after_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # "a week" counts back from the news; the news itself is the publication day
    text = "On Monday the army shelled the town. It came a week after rebels seized the bridge."
    e = _date(nlp, text, "2016-12-17", _event(text, "came", "ASSAULT"))
    assert (e.event_date, e.date_source) == ("2016-12-17", "publication")


def test_vague_past_is_never_the_publication_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The two activists were released from prison a few years ago."
    e = _date(nlp, text, "2016-11-23", _event(text, "released", "RETREAT"))
    assert (e.event_date, e.extra.get("date_note")) == (None, "relative")


def test_counted_from_an_undated_event_is_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The director announced a new inquiry 11 days before the presidential election."
    e = _date(nlp, text, "2016-12-17", _event(text, "announced", "ACCUSE"))
    assert (e.event_date, e.extra.get("date_note")) == (None, "relative")


@pytest.mark.parametrize(
    ("date", "precision", "scored"),
    [
        ("1998-02-16", "week", "1998-02"),  # "last week", inside February
        ("2024-09-30", "week", "2024-10"),  # Mon 30 Sep - Sun 6 Oct: its Thursday is October
        ("2024-12-01", "month", "2024-12"),
        ("2024-12-13", "day", "2024-12-13"),
        (None, None, None),
    ],
)
def test_eval_news_scores_a_week_as_its_month(
    date: str | None, precision: str | None, scored: str | None
) -> None:
    assert scored_date(date, precision) == scored


def test_told_dates_do_not_touch_asserted_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Party leaders said Thursday they met Friday on the budget."
    e = _date(nlp, text, "2018-04-07", replace(_event(text, "met", "CONSULT")))
    assert (e.event_date, e.date_text) == ("2018-04-06", "Friday")
    assert "act_date" not in e.extra
