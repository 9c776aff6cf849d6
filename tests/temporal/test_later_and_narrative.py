"""Counts "later" from the story's own dates, not from publication; sentences written for
these tests."""

from __future__ import annotations

import pytest
from tests.temporal.test_event_dates_told import _date, _event


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The minister said he had warned his rival at a summit in September. "
            "A month later, the government accused the rival of fraud.",
            "accused",
            ("2016-10", "month"),
        ),
        (
            "The two states signed a border treaty in 2009. "
            "Two years later, the army attacked border posts.",
            "attacked",
            ("2011", "year"),
        ),
        (
            "Rebels seized the port on 3 March. A month later, the navy blockaded the port.",
            "blockaded",
            ("2016-04", "month"),
        ),
    ],
)
def test_months_later_counts_from_the_previous_date(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, expected: tuple[str, str]
) -> None:
    e = _date(nlp, text, "2016-12-17", _event(text, trigger, "ACCUSE"))
    assert (e.event_date[: len(expected[0])], e.date_precision) == expected
    assert e.extra["date_link"] == "same_clause"


def test_months_later_with_nothing_before_is_undated(nlp) -> None:  # type: ignore[no-untyped-def]
    # from the publication day it would be next year: a past act never is
    text = "A year later, the government accused the rival of fraud."
    e = _date(nlp, text, "2016-12-17", _event(text, "accused", "ACCUSE"))
    assert (e.event_date, e.extra.get("date_note")) == (None, "relative")


def test_time_expression_output_keeps_the_timeml_value(nlp) -> None:  # type: ignore[no-untyped-def]
    from tests.temporal.test_event_dates_told import _doc

    from tidings.temporal import TemporalResolver

    text = "Profits rose 5% from a year earlier. A year later, sales fell."
    _, exprs = TemporalResolver().date_events(_doc(nlp, text, "2016-12-17"), [])
    assert [(t.text, t.value) for t in exprs] == [
        ("a year earlier", "2015"),
        ("A year later", "2017"),
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the story's next act, in the simple past, goes on at the day the sentence before told
        (
            "A gunman opened fire on a patrol in the old town on Thursday night. "
            "The attack left one soldier dead before troops shot the gunman.",
            "shot",
            "2017-04-20",
        ),
        (
            "Rebels stormed the airport on Monday. Two guards were killed in the fighting.",
            "killed",
            "2017-04-17",
        ),
        # an act that does not name the incident, or follows it, is the day's news
        (
            "Rebels stormed the airport on Monday. Police arrested two men after the attack.",
            "arrested",
            "2017-04-21",
        ),
        (
            "The prime minister arrived in Tokyo on Monday. He met Japanese officials.",
            "met",
            "2017-04-21",
        ),
        # a new paragraph, a report, or a present-tense clause does not inherit
        (
            "Rebels stormed the airport on Monday.\n\nTwo guards were killed in the fighting.",
            "killed",
            "2017-04-21",
        ),
        (
            "Rebels stormed the airport on Monday. Officials said the attack killed two guards.",
            "killed",
            "2017-04-21",
        ),
        # the sentence before tells the publication day itself: nothing to inherit
        (
            "Rebels stormed the airport on Friday. Two guards were killed in the fighting.",
            "killed",
            "2017-04-21",
        ),
    ],
)
def test_next_simple_past_act_goes_on_at_the_previous_day(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, expected: str
) -> None:
    e = _date(nlp, text, "2017-04-21", _event(text, trigger, "ASSAULT"))
    assert e.event_date == expected


def test_narrative_date_is_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels stormed the airport on Monday. Two guards were killed in the fighting."
    e = _date(nlp, text, "2017-04-21", _event(text, "killed", "ASSAULT"))
    assert (e.date_source, e.date_text, e.extra["date_link"]) == ("text", "Monday", "narrative")


@pytest.mark.parametrize(
    ("text", "trigger", "negated", "modality", "expected"),
    [
        # an act the text says did not happen, or only might, has no day of its own
        ("The university did not invite the speaker.", "invite", True, "asserted", None),
        ("The army could have shelled the town.", "shelled", False, "hypothetical", None),
        # the same act, asserted, is the day's news
        ("The university invited the speaker.", "invited", False, "asserted", "2016-11-23"),
        # a date of its own still dates it
        ("Police did not arrest anyone on Monday.", "arrest", True, "asserted", "2016-11-21"),
    ],
)
def test_act_that_did_not_happen_has_no_date(  # type: ignore[no-untyped-def]
    nlp, text: str, trigger: str, negated: bool, modality: str, expected: str | None
) -> None:
    from dataclasses import replace

    event = replace(_event(text, trigger, "ASSAULT", modality), negated=negated)
    e = _date(nlp, text, "2016-11-23", event)
    assert e.event_date == expected
    if expected is None:
        assert e.extra["date_note"] == "not_happened"
