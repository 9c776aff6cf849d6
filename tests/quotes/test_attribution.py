"""Attribution of hand-built events to who claims them (``tidings.quotes.attribution``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings.model import AnnotatedDoc, Event
from tidings.quotes import QuoteFinderV1


def event(text: str, trigger: str, plover: str = "CONSULT", nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    return Event(
        event_id=f"e-{trigger}-{start}",
        article_id="a1",
        sentence_idx=0,
        plover_type=plover,
        plover_mode=None,
        cameo_code=None,
        cameo_root=None,
        quad_class=None,
        goldstein=None,
        source=None,
        target=None,
        evidence_text=text,
        evidence_start=0,
        evidence_end=len(text),
        trigger_text=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        coder="test",
        coder_version="0",
    )


Run = Callable[[str, list[Event]], tuple[list[Event], list]]


@pytest.fixture(scope="module")
def run(finder: QuoteFinderV1, annotate: Callable[[str], AnnotatedDoc]) -> Run:
    def go(text: str, events: list[Event]) -> tuple[list[Event], list]:
        doc = annotate(text)
        return finder.attribute_events(doc, events, finder.find(doc))

    return go


INTRO = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
    "in Baghdad on Friday."
)


def test_narration(run: Run) -> None:
    (ev,), _ = run(INTRO, [event(INTRO, "met")])
    assert (ev.claimed_by, ev.claim_kind) == (None, "narration")


def test_anonymous_us_official_claims_request(run: Run) -> None:
    text = "A US official said Blinken asked Sudani to clamp down on armed groups."
    ev0 = event(text, "asked", "REQUEST")
    (ev,), (q,) = run(text, [ev0])
    assert (ev.plover_type, ev.claimed_by, ev.claim_kind) == (
        "REQUEST",
        "A US official",
        "anonymous",
    )
    assert q.event_id == ev0.event_id and q.speaker_code == "USAGOV"


def test_named_speaker_claims_event_in_direct_quote(run: Run) -> None:
    text = INTRO + "\n\n“We agreed to expand security cooperation,” Blinken said."
    (met, agreed), (q,) = run(text, [event(text, "met"), event(text, "agreed", "COOPERATE")])
    assert (met.claimed_by, met.claim_kind) == (None, "narration")
    assert (agreed.claimed_by, agreed.claim_kind) == ("Antony Blinken", "named")
    assert q.event_id == agreed.event_id


def test_document_claims(run: Run) -> None:
    text = "According to a statement, Iraq expelled two diplomats on Sunday."
    (ev,), _ = run(text, [event(text, "expelled", "REDUCE")])
    assert (ev.claimed_by, ev.claim_kind) == ("a statement", "document")


def test_report_said_is_document(run: Run) -> None:
    text = "Troops shelled the town overnight, the report said."
    (ev,), _ = run(text, [event(text, "shelled", "ASSAULT")])
    assert (ev.claimed_by, ev.claim_kind) == ("the report", "document")


def test_cue_verb_itself_is_narration(run: Run) -> None:
    text = "Blinken said Iraq would hold elections."
    said, hold = event(text, "said", "STATEMENT"), event(text, "hold", "ENGAGE")
    (ev_said, ev_hold), (q,) = run(text, [said, hold])
    assert ev_said.claim_kind == "narration"
    assert (ev_hold.claimed_by, ev_hold.claim_kind) == ("Blinken", "named")
    assert q.event_id == hold.event_id


def test_quote_links_first_event_of_several(run: Run) -> None:
    text = "Blinken said Iraq would hold elections and release prisoners."
    hold, release = event(text, "hold", "ENGAGE"), event(text, "release", "YIELD")
    _, (q,) = run(text, [release, hold])
    assert q.event_id == hold.event_id


def test_split_quote_gap_is_narration(run: Run) -> None:
    text = "“We met the envoy,” Blinken said, “and we will meet again.”"
    (said, met, meet), (q,) = run(
        text, [event(text, "said", "STATEMENT"), event(text, "met"), event(text, "meet")]
    )
    assert said.claim_kind == "narration"
    assert met.claim_kind == meet.claim_kind == "named"
    assert q.event_id == met.event_id


def test_he_said_claims_for_earlier_speaker(run: Run) -> None:
    text = INTRO + "\n\nHe said Iran had armed the groups."
    (ev,), _ = run(text, [event(text, "armed", "AID")])
    assert (ev.claimed_by, ev.claim_kind) == ("Mohammed Shia al-Sudani", "named")


def test_event_without_quotes_is_narration_even_if_claimed_before(run: Run) -> None:
    text = "Iraq closed the border."
    ev0 = event(text, "closed", "REDUCE")
    from dataclasses import replace

    (ev,), quotes = run(text, [replace(ev0, claimed_by="x", claim_kind="named")])
    assert quotes == [] and (ev.claimed_by, ev.claim_kind) == (None, "narration")
