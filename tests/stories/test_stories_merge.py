"""merge_mentions: which coded mentions of one story are one real-world event."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tidings.stories.merge import choose_canonical, merge_key, merge_mentions
from tidings.stories.records import EventMention


def m(eid: str, outlet: str, src: str | None = "blinken", tgt: str | None = "sudani",
      day: date | None = date(2024, 12, 13), ptype: str = "CONSULT", recip: bool = True,
      pub: datetime | None = None, **kw: object) -> EventMention:  # fmt: skip
    return EventMention(
        event_id=eid, article_id=f"art-{eid}", outlet=outlet, plover_type=ptype,
        source_key=src, target_key=tgt, event_date=day,
        date_precision="day" if day else None, published_at=pub, reciprocal=recip, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


def groups(mentions: list[EventMention], **kw: object) -> list[list[str]]:
    out = merge_mentions(mentions, **kw)  # type: ignore[arg-type]
    return sorted(sorted(x.event_id for x in g.mentions) for g in out)


def test_two_outlets_one_meeting_is_one_consult() -> None:
    merged = merge_mentions([m("a", "Ledger"), m("b", "Wire", src="sudani", tgt="blinken")])
    assert len(merged) == 1
    assert (merged[0].n_articles, merged[0].n_outlets) == (2, 2)


def test_meeting_a_week_later_stays_separate() -> None:
    later = m("c", "Ledger", day=date(2024, 12, 20))
    assert sorted(groups([m("a", "Ledger"), m("b", "Wire"), later])) == [["a", "b"], ["c"]]


def test_dates_one_day_apart_merge_two_days_do_not() -> None:
    assert len(groups([m("a", "L"), m("b", "W", day=date(2024, 12, 14))])) == 1
    assert len(groups([m("a", "L"), m("b", "W", day=date(2024, 12, 15))])) == 2
    assert len(groups([m("a", "L"), m("b", "W", day=date(2024, 12, 15))], event_days=2)) == 1


def test_directed_events_keep_actor_order() -> None:
    ask = m("a", "L", ptype="REQUEST", recip=False)
    reverse = m("b", "W", ptype="REQUEST", recip=False, src="sudani", tgt="blinken")
    assert len(groups([ask, reverse])) == 2


def test_reciprocal_types_from_settings_ignore_order() -> None:
    one = m("a", "L", ptype="AGREE", recip=False)
    two = m("b", "W", ptype="AGREE", recip=False, src="sudani", tgt="blinken")
    assert len(groups([one, two])) == 2
    assert len(groups([one, two], reciprocal_types=["AGREE"])) == 1


def test_different_type_negation_or_modality_do_not_merge() -> None:
    base = m("a", "L")
    assert len(groups([base, m("b", "W", ptype="ASSAULT")])) == 2
    assert len(groups([base, m("b", "W", negated=True)])) == 2
    assert len(groups([base, m("b", "W", modality="promised")])) == 2


def test_undated_mention_joins_by_publication_date() -> None:
    pub_next_day = datetime(2024, 12, 14, 8, tzinfo=UTC)
    pub_week_on = datetime(2024, 12, 24, 8, tzinfo=UTC)
    undated = m("b", "W", day=None, pub=pub_next_day)
    assert groups([m("a", "L"), undated]) == [["a", "b"]]
    late = m("c", "W", day=None, pub=pub_week_on)
    assert sorted(groups([m("a", "L"), late])) == [["a"], ["c"]]


def test_mention_without_any_date_joins_the_best_attested_event() -> None:
    nothing = m("z", "W", day=None)
    out = groups([m("a", "L"), m("b", "X"), m("c", "L", day=date(2024, 12, 20)), nothing])
    assert sorted(out) == [["a", "b", "z"], ["c"]]


def test_canonical_is_earliest_then_stays_put() -> None:
    early = m("b", "W", pub=datetime(2024, 12, 13, 20, tzinfo=UTC))
    late = m("a", "L", pub=datetime(2024, 12, 14, 9, tzinfo=UTC))
    assert choose_canonical([late, early]) == "b"
    # once others point to "b", an even earlier newcomer does not take over
    pointing = m("a", "L", canonical_id="b", pub=datetime(2024, 12, 14, tzinfo=UTC))
    newcomer = m("c", "X", pub=datetime(2024, 12, 13, 1, tzinfo=UTC))
    assert choose_canonical([pointing, early, newcomer]) == "b"


def test_merge_key_shape() -> None:
    key = merge_key(m("a", "L", src="sudani", tgt="blinken"))
    assert key == ("CONSULT", ("r", "blinken", "sudani"), False, "asserted")
