"""Compare outlets within one story: what each reported that the others did not.

Input is plain rows (mappings) as the query layer reads them from the store; output is a small
record tree with ``as_dict`` for JSON. Events are compared by their canonical (merged) event,
quotes by speaker, sources by ``claimed_by``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

Row = Mapping[str, Any]


@dataclass(frozen=True)
class EventSummary:
    """One (merged) event of the story, with the outlets that reported it."""

    event_id: str  # canonical id
    label: str  # "CONSULT Antony Blinken -> Mohammed Shia al-Sudani"
    plover_type: str
    outlets: tuple[str, ...]
    evidence: tuple[str, ...]  # one sentence per reporting mention


@dataclass(frozen=True)
class OutletView:
    """What one outlet carried in the story, and what only it carried."""

    outlet: str
    articles: tuple[str, ...]
    n_events: int
    events_only_here: tuple[EventSummary, ...]
    speakers_only_here: tuple[str, ...]
    quotes_only_here: tuple[str, ...]  # quote contents by those speakers
    sources_only_here: tuple[str, ...]  # claimed_by values no other outlet cites
    events_missing: tuple[str, ...]  # labels of events every other outlet reported


@dataclass(frozen=True)
class StoryComparison:
    """Per-outlet comparison of one story."""

    story_id: str
    outlets: tuple[OutletView, ...]
    shared_events: tuple[EventSummary, ...]  # reported by two outlets or more

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _outlet(row: Row, article_outlets: Mapping[str, str]) -> str:
    value = row.get("outlet") or article_outlets.get(str(row.get("article_id")))
    return str(value) if value else f"(unknown: {row.get('article_id')})"


def _actor(row: Row, side: str) -> str:
    for field in ("name", "entity", "text", "code"):
        value = row.get(f"{side}_{field}")
        if value:
            return str(value)
    return "?"


def _speaker(row: Row) -> str | None:
    value = row.get("speaker_entity") or row.get("speaker_text")
    return str(value).strip() if value else None


def compare_outlets(
    story_id: str,
    articles: Sequence[Row],
    events: Sequence[Row],
    quotes: Sequence[Row] = (),
) -> StoryComparison:
    """Compare the outlets of ``story_id``.

    ``articles`` rows need ``article_id`` and ``outlet``; ``events`` rows ``event_id``,
    ``canonical_id``, ``article_id``, ``plover_type``, actor columns (``source_name`` /
    ``source_entity`` / ``source_text`` / ``source_code`` and the same for target),
    ``claimed_by`` and ``evidence_text``; ``quotes`` rows ``article_id``, ``speaker_entity`` or
    ``speaker_text`` and ``content``. An ``outlet`` on event or quote rows overrides the
    article's.
    """
    art_outlet = {str(a["article_id"]): str(a.get("outlet") or "") for a in articles}
    by_outlet_articles: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        by_outlet_articles[_outlet(a, art_outlet)].add(str(a["article_id"]))

    ev_outlets: dict[str, set[str]] = defaultdict(set)
    ev_rows: dict[str, list[Row]] = defaultdict(list)
    sources: dict[str, set[str]] = defaultdict(set)
    for e in events:
        canon = str(e.get("canonical_id") or e["event_id"])
        outlet = _outlet(e, art_outlet)
        ev_outlets[canon].add(outlet)
        ev_rows[canon].append(e)
        by_outlet_articles[outlet].add(str(e["article_id"]))
        if e.get("claimed_by"):
            sources[outlet].add(str(e["claimed_by"]))

    speakers: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for q in quotes:
        who = _speaker(q)
        outlet = _outlet(q, art_outlet)
        by_outlet_articles[outlet].add(str(q["article_id"]))
        if who:
            speakers[outlet][who].append(str(q.get("content") or ""))

    summaries: dict[str, EventSummary] = {}
    for canon, rows in ev_rows.items():
        head = next((r for r in rows if str(r["event_id"]) == canon), rows[0])
        summaries[canon] = EventSummary(
            event_id=canon,
            label=f"{head['plover_type']} {_actor(head, 'source')} -> {_actor(head, 'target')}",
            plover_type=str(head["plover_type"]),
            outlets=tuple(sorted(ev_outlets[canon])),
            evidence=tuple(str(r.get("evidence_text") or "") for r in rows),
        )

    all_outlets = sorted(by_outlet_articles)
    views = []
    for outlet in all_outlets:
        others = [o for o in all_outlets if o != outlet]
        mine = [s for s in summaries.values() if outlet in s.outlets]
        only = [s for s in mine if s.outlets == (outlet,)]
        missing = [
            s.label for s in summaries.values()
            if outlet not in s.outlets and others and set(others) <= set(s.outlets)
        ]  # fmt: skip
        other_speakers = {w for o in others for w in speakers.get(o, {})}
        own_speakers = sorted(set(speakers.get(outlet, {})) - other_speakers)
        other_sources = {s for o in others for s in sources.get(o, set())}
        views.append(
            OutletView(
                outlet=outlet,
                articles=tuple(sorted(by_outlet_articles[outlet])),
                n_events=len(mine),
                events_only_here=tuple(sorted(only, key=lambda s: (s.label, s.event_id))),
                speakers_only_here=tuple(own_speakers),
                quotes_only_here=tuple(c for w in own_speakers for c in speakers[outlet][w]),
                sources_only_here=tuple(sorted(sources.get(outlet, set()) - other_sources)),
                events_missing=tuple(sorted(missing)),
            )
        )
    shared = sorted(
        (s for s in summaries.values() if len(s.outlets) > 1), key=lambda s: (s.label, s.event_id)
    )
    return StoryComparison(story_id=story_id, outlets=tuple(views), shared_events=tuple(shared))
