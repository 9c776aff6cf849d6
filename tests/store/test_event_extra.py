"""Every declared ``Event.extra`` key that the events table has a column for is written there."""

from __future__ import annotations

from pathlib import Path

from tidings.model import Article, Event, EventExtra, RawDoc
from tidings.store import Store
from tidings.store.writes import STORED_EXTRA

TEXT = "The envoys met in the capital on Friday."

# One value for every declared key (invented). A key added to EventExtra must be added here,
# so the column check below also covers it.
FULL: EventExtra = {
    "light_verb": "held",
    "subordinate": True,
    "source_from_speaker": True,
    "requested_type": "RETREAT",
    "refused_type": "RETREAT",
    "threatened_type": "ASSAULT",
    "ceased_type": "ASSAULT",
    "plover_type_as_act": "CONSULT",
    "inner_trigger": [11, 14],
    "source_country_from": "dateline",
    "target_country_from": "event_place",
    "claimed_by_span": [0, 10],
    "cameo_name": "Consult",
    "confidence_raw": 0.61,
    "requested_by_event": "ev_request",
    "conjunct_of_event": "ev_first",
    "type_probability": 0.9,
    "no_event_probability": 0.05,
    "model_modality": "asserted",
    "model_negated": False,
    "model": "a-chat-model",
    "date_value": "2024-12-13",
    "date_link": "same_clause",
    "date_flags": ["far_from_publication", "unresolved_expression"],
    "date_note": "recalled",
    "act_date": "2024-12-20",
    "place_text": "Heathrow airport",
}


def _event(extra: EventExtra) -> Event:
    return Event(
        event_id="ev_1",
        article_id="a1",
        sentence_idx=0,
        plover_type="CONSULT",
        plover_mode=None,
        cameo_code="040",
        cameo_root="04",
        quad_class=1,
        goldstein=1.0,
        source=None,
        target=None,
        evidence_text=TEXT,
        evidence_start=0,
        evidence_end=len(TEXT),
        trigger_text="met",
        trigger_start=11,
        trigger_end=14,
        coder="test",
        coder_version="0",
        extra=extra,
    )


def _stored(tmp_path: Path, extra: EventExtra) -> dict[str, object]:
    store = Store(tmp_path / "extra.duckdb")
    doc = RawDoc("d1", "mem://d1", "text", TEXT, "0" * 64)
    article = Article("a1", "d1", TEXT, language="en")
    store.write_document(doc, "run-1", [article], [_event(extra)], [])
    cur = store.con.execute("SELECT * FROM events")
    names = [d[0] for d in cur.description]
    (row,) = cur.fetchall()
    store.close()
    return dict(zip(names, row, strict=True))


def test_example_declares_every_key() -> None:
    assert set(FULL) == set(EventExtra.__optional_keys__) | set(EventExtra.__required_keys__)


def test_store_writes_every_declared_key_it_has_a_column_for(tmp_path: Path) -> None:
    row = _stored(tmp_path, FULL)
    with_column = sorted(k for k in FULL if k in row)
    assert with_column == sorted(STORED_EXTRA)  # a key with a column is in the writer's list
    given: dict[str, object] = dict(FULL)
    for key in with_column:
        value = given[key]
        want = ";".join(value) if isinstance(value, list) else value
        assert row[key] == want, key


def test_missing_keys_store_null(tmp_path: Path) -> None:
    row = _stored(tmp_path, {})
    assert all(row[key] is None for key in STORED_EXTRA)
