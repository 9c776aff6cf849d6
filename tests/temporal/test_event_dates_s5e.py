"""Event dates at the precision the text has, and no day for acts the text puts elsewhere.

Sentences written for these tests (session 5, s5e): counts of weeks, "in recent days", a
future act with a past date in its object, a reported past perfect, acts inside a "days
after" clause, statements in the present perfect.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tidings.model import AnnotatedDoc, Article, Event
from tidings.temporal import TemporalResolver
from tidings.temporal._calendar import period_end

PUB = "2024-12-14"  # a Saturday


def _doc(nlp, text: str) -> AnnotatedDoc:  # type: ignore[no-untyped-def]
    article = Article(
        article_id="a1", doc_id="d1", text=text, published_at=datetime.fromisoformat(PUB)
    )
    return AnnotatedDoc(article=article, doc=nlp(text))


def _event(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    return Event(
        event_id=f"e{start}", article_id="a1", sentence_idx=0, plover_type="ACCUSE",
        plover_mode=None, cameo_code=None, cameo_root=None, quad_class=None, goldstein=None,
        source=None, target=None, evidence_text=text, evidence_start=0, evidence_end=len(text),
        trigger_text=trigger, trigger_start=start, trigger_end=start + len(trigger),
        coder="test", coder_version="0",
    )  # fmt: skip


def _date(nlp, text: str, trigger: str) -> tuple[str | None, str | None, str | None]:  # type: ignore[no-untyped-def]
    [e], _ = TemporalResolver().date_events(_doc(nlp, text), [_event(text, trigger)])
    return e.event_date, e.date_precision, e.date_source


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a count of weeks is rounded by the writer: the week of the counted day
        ("Rebels captured the bridge two weeks ago.", "captured", ("2024-11-25", "week")),
        (
            "The ministry expelled three diplomats three weeks ago.",
            "expelled",
            ("2024-11-18", "week"),
        ),
        # a count of days stays a day
        ("The army shelled the village three days ago.", "shelled", ("2024-12-11", "day")),
        # "in recent days": the week ending on publication; "recent weeks": that month
        ("Dozens of protesters were arrested in recent days.", "arrested", ("2024-12-09", "week")),
        (
            "Militias have attacked convoys over the past few days.",
            "attacked",
            ("2024-12-09", "week"),
        ),
        ("Police detained several activists in recent weeks.", "detained", ("2024-12-01", "month")),
        # a future act is not dated by a past date of its object: the report's day
        (
            "The council said Friday it would investigate the massacre of villagers in 1996.",
            "investigate",
            ("2024-12-13", "day"),
        ),
        (
            "The court said on Monday that it will examine the killings of 1994.",
            "examine",
            ("2024-12-09", "day"),
        ),
    ],
)
def test_dated_at_honest_precision(nlp, text: str, trigger: str, expected) -> None:  # type: ignore[no-untyped-def]
    day, precision, source = _date(nlp, text, trigger)
    assert (day, precision, source) == (*expected, "text")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # inside the clause a "days after" opens: no day of its own, not the publication day
        (
            "The arrest comes days after the mayor resigned following claims she took bribes.",
            "took",
        ),
        (
            "The raid came months after the governor was elected promising to end the violence.",
            "promising",
        ),
        ("It comes weeks after the minister quit, denying he had leaked the report.", "denying"),
    ],
)
def test_acts_inside_an_after_clause_get_no_date(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _date(nlp, text, trigger) == (None, None, "none")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a past perfect inside a report is the report's backshift: the story's own days
        ("The rebels said they had agreed with the army on the number of buses.", "agreed"),
        ("Officials told reporters that the two sides had signed a truce.", "signed"),
        ("The envoy said, adding that both parties had accepted the plan.", "accepted"),
    ],
)
def test_reported_past_perfect_is_the_news(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    assert _date(nlp, text, trigger) == (PUB, "day", "publication")


def test_a_belief_in_a_report_still_recalls(nlp) -> None:  # type: ignore[no-untyped-def]
    # "said he believed X had been killed": the belief is not the report's backshift
    text = "The commander said he now believed the hostage had been killed by the militia."
    assert _date(nlp, text, "killed") == (None, None, "none")


def test_statement_in_present_perfect_after_the_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels took the town on Friday. The army retreated. Aid groups left the area. "
        "The ministry has sent troops to the border. The government has denied the claims."
    )
    doc = _doc(nlp, text)
    events = [_event(text, "sent"), _event(text, "denied")]
    sent, denied = TemporalResolver().date_events(doc, events)[0]
    assert sent.event_date is None and sent.extra.get("date_note") == "recalled"
    assert (denied.event_date, denied.date_source) == (PUB, "publication")


def test_period_end() -> None:
    assert period_end(date(2024, 12, 9), "week") == date(2024, 12, 15)
    assert period_end(date(2024, 2, 1), "month") == date(2024, 2, 29)
    assert period_end(date(1994, 1, 1), "year") == date(1994, 12, 31)
    assert period_end(date(1990, 1, 1), "decade") == date(1999, 12, 31)
    assert period_end(date(2024, 12, 9), "day") == date(2024, 12, 9)


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # the parse hangs "on Monday" on "impose"; it stands before the report's subject
        (
            "The United States said on Monday it would impose new duties on steel.",
            "impose",
            "2024-12-09",
        ),
        (
            "The ministry announced on Tuesday that it would expel two diplomats.",
            "expel",
            "2024-12-10",
        ),
        ("Officials said on Wednesday they will close the border crossing.", "close", "2024-12-11"),
    ],
)
def test_expression_after_a_saying_verb_dates_the_saying(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, day: str
) -> None:
    assert _date(nlp, text, trigger) == (day, "day", "text")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the parse hangs "calling" under the relative-looking "that" clause; the fronted
        # expression still dates the whole sentence
        (
            "Earlier this week, the senator poured scorn on media claims that Chinese hackers "
            "helped swing the election in his favour, calling them ridiculous.",
            "calling",
            ("2024-12-09", "week", "text"),
        ),
        # an act the sentence recalls in the past perfect keeps no date
        (
            "On Friday, police arrested a man who had attacked a guard.",
            "attacked",
            (None, None, "none"),
        ),
    ],
)
def test_fronted_expression_dates_its_sentence(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert _date(nlp, text, trigger) == expected
