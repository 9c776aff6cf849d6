"""compare_outlets on hand-made rows."""

from __future__ import annotations

from tidings.stories.compare import compare_outlets

ARTICLES = [
    {"article_id": "a1", "outlet": "Ledger"},
    {"article_id": "a2", "outlet": "Wire"},
    {"article_id": "a3", "outlet": "Courier"},
]
EVENTS = [
    {"event_id": "e1", "canonical_id": "e1", "article_id": "a1", "plover_type": "CONSULT",
     "source_name": "Blinken", "target_name": "Sudani", "evidence_text": "Blinken met Sudani",
     "claimed_by": None},
    {"event_id": "e2", "canonical_id": "e1", "article_id": "a2", "plover_type": "CONSULT",
     "source_name": "Sudani", "target_name": "Blinken", "evidence_text": "Sudani hosted him",
     "claimed_by": "prime minister's office"},
    {"event_id": "e3", "canonical_id": "e3", "article_id": "a1", "plover_type": "REQUEST",
     "source_name": None, "source_text": "Blinken", "target_code": "IRQGOV",
     "evidence_text": "Blinken asked", "claimed_by": "officials"},
    {"event_id": "e4", "canonical_id": "e4", "article_id": "a3", "plover_type": "ASSAULT",
     "evidence_text": "a rocket hit", "claimed_by": "officials"},
]  # fmt: skip
QUOTES = [
    {"quote_id": "q1", "article_id": "a2", "speaker_entity": "Sudani", "content": "No launch pad"},
    {"quote_id": "q2", "article_id": "a1", "speaker_text": "Blinken", "content": "We talked"},
    {"quote_id": "q3", "article_id": "a3", "speaker_text": "Blinken", "content": "Good talks"},
]


def test_what_each_outlet_alone_reported() -> None:
    result = compare_outlets("s1", ARTICLES, EVENTS, QUOTES)
    views = {v.outlet: v for v in result.outlets}
    assert [v.outlet for v in result.outlets] == ["Courier", "Ledger", "Wire"]
    assert [e.label for e in views["Ledger"].events_only_here] == ["REQUEST Blinken -> IRQGOV"]
    assert [e.label for e in views["Courier"].events_only_here] == ["ASSAULT ? -> ?"]
    assert views["Wire"].events_only_here == ()
    assert views["Wire"].speakers_only_here == ("Sudani",)
    assert views["Wire"].quotes_only_here == ("No launch pad",)
    assert views["Ledger"].speakers_only_here == ()  # Courier quotes Blinken too
    assert views["Wire"].sources_only_here == ("prime minister's office",)
    assert views["Ledger"].sources_only_here == ()  # Courier also cites "officials"
    assert views["Ledger"].n_events == 2


def test_shared_events_carry_every_account() -> None:
    result = compare_outlets("s1", ARTICLES, EVENTS, QUOTES)
    assert len(result.shared_events) == 1
    shared = result.shared_events[0]
    assert shared.event_id == "e1"
    assert shared.label == "CONSULT Blinken -> Sudani"  # from the canonical row
    assert shared.outlets == ("Ledger", "Wire")
    assert shared.evidence == ("Blinken met Sudani", "Sudani hosted him")


def test_missing_means_every_other_outlet_had_it() -> None:
    two = ARTICLES[:2]
    result = compare_outlets("s1", two, EVENTS[:3], ())
    views = {v.outlet: v for v in result.outlets}
    assert views["Wire"].events_missing == ("REQUEST Blinken -> IRQGOV",)
    assert views["Ledger"].events_missing == ()


def test_as_dict_is_plain_data() -> None:
    d = compare_outlets("s1", ARTICLES, EVENTS, QUOTES).as_dict()
    assert d["story_id"] == "s1"
    assert d["outlets"][0]["outlet"] == "Courier"
    assert isinstance(d["shared_events"][0]["outlets"], tuple | list)


def test_empty_story() -> None:
    result = compare_outlets("s0", [], [], [])
    assert result.outlets == () and result.shared_events == ()
