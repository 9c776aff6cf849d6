"""Merge event mentions of one story that report the same real-world event.

Two mentions are one event when they have the same PLOVER type, the same actors (source and
target; unordered when the event is reciprocal), the same polarity and modality, and
compatible dates: equal day dates within ``event_days``, or, for a mention without its own
date, a publication date at most ``report_lag_days`` after the event. A meeting of the same
people a week later is a different event.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tidings.stories.records import EventMention, MergedEvent

ActorsKey = tuple[str, str | None, str | None]
MergeKey = tuple[str, ActorsKey, bool, str]


def merge_key(m: EventMention, reciprocal_types: Iterable[str] = ()) -> MergeKey:
    """What two mentions must share to be one event (dates are compared separately)."""
    src, tgt = m.source_key, m.target_key
    if m.reciprocal or m.plover_type in set(reciprocal_types):
        lo, hi = sorted((src or "", tgt or ""))
        actors: ActorsKey = ("r", lo or None, hi or None)
    else:
        actors = ("d", src, tgt)
    return (m.plover_type, actors, m.negated, m.modality)


def _pub_day(m: EventMention) -> date | None:
    if m.published_at is None:
        return None
    ts = m.published_at
    return (ts.astimezone(UTC) if ts.tzinfo else ts).date()


def _interval(m: EventMention, lag: int) -> tuple[date, date] | None:
    """Days the event can have happened on, judged from this mention alone."""
    if m.event_date is not None and m.date_precision in (None, "day"):
        return (m.event_date, m.event_date)
    pub = _pub_day(m)
    if pub is None:
        return None
    return (pub - timedelta(days=lag), pub)


@dataclass
class _Group:
    lo: date | None
    hi: date | None
    members: list[EventMention]


def _split_by_date(
    mentions: Sequence[EventMention], event_days: int, lag: int
) -> list[list[EventMention]]:
    precise = [
        m for m in mentions if m.event_date is not None and m.date_precision in (None, "day")
    ]
    loose = [m for m in mentions if m not in precise and _interval(m, lag) is not None]
    free = [m for m in mentions if _interval(m, lag) is None]
    slack = timedelta(days=event_days)
    groups: list[_Group] = []

    def place(m: EventMention) -> None:
        lo, hi = _interval(m, lag)  # type: ignore[misc]  # callers pass dated mentions only
        for g in reversed(groups):  # the latest compatible group wins
            if g.lo is not None and g.hi is not None and lo <= g.hi + slack and hi >= g.lo - slack:
                g.members.append(m)
                return
        groups.append(_Group(lo, hi, [m]))

    for m in sorted(precise, key=lambda m: (m.event_date, m.event_id)):
        place(m)
    for m in sorted(loose, key=lambda m: (_interval(m, lag), m.event_id)):
        place(m)
    if free:
        if groups:  # a mention with no date at all joins the best-attested account
            max(groups, key=lambda g: (len(g.members), -groups.index(g))).members.extend(free)
        else:
            groups.append(_Group(None, None, list(free)))
    return [g.members for g in groups]


def _sort_key(m: EventMention) -> tuple[bool, float, str]:
    ts = m.published_at
    when = (ts if ts.tzinfo else ts.replace(tzinfo=UTC)).timestamp() if ts else 0.0
    return (ts is None, when, m.event_id)


def choose_canonical(members: Sequence[EventMention]) -> str:
    """Keep the canonical id members already point to; else the earliest published mention."""
    ids = {m.event_id for m in members}
    pointing = Counter(
        m.canonical_id for m in members if m.canonical_id in ids and m.canonical_id != m.event_id
    )
    if pointing:
        return sorted(pointing.items(), key=lambda kv: (-kv[1], kv[0] or ""))[0][0] or ""
    return min(members, key=_sort_key).event_id


def merge_mentions(
    mentions: Sequence[EventMention],
    *,
    event_days: int = 1,
    report_lag_days: int = 3,
    reciprocal_types: Iterable[str] = (),
) -> list[MergedEvent]:
    """Group the mentions of one story into events; every mention is in exactly one group."""
    recip = tuple(reciprocal_types)
    buckets: dict[MergeKey, list[EventMention]] = defaultdict(list)
    for m in mentions:
        buckets[merge_key(m, recip)].append(m)
    out: list[MergedEvent] = []
    for key in sorted(buckets, key=repr):
        for members in _split_by_date(buckets[key], event_days, report_lag_days):
            canonical = choose_canonical(members)
            ordered = sorted(members, key=_sort_key)
            out.append(MergedEvent(canonical_id=canonical, mentions=tuple(ordered)))
    return sorted(out, key=lambda g: g.canonical_id)


def mention_datetime(value: object) -> datetime | None:
    """A stored timestamp as a datetime (DuckDB returns datetimes; strings are parsed)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
