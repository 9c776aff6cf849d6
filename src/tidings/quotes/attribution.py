"""Attribute events to who claims them: reporter, named speaker, anonymous source or document.

An event whose trigger lies inside a quote's content (and not on its cue or speaker words) is
claimed by that quote's source; the innermost such quote wins. Every other event is the
reporter's own narration. Each quote is linked to the first event it states.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import replace

from tidings.model import Event, Quote


def _states(q: Quote, e: Event) -> bool:
    """Whether the trigger of ``e`` lies inside the content of ``q``."""
    t = e.trigger_start
    if not (q.start <= t < q.end):
        return False
    if q.cue_start is not None and q.cue_end is not None and q.cue_start <= t < q.cue_end:
        return False  # the gap of a split quote holds its cue: that is narration
    return not (
        q.speaker_start is not None
        and q.speaker_end is not None
        and q.speaker_start <= t < q.speaker_end
    )


def claim_of(q: Quote) -> tuple[str | None, str]:
    """``(claimed_by, claim_kind)`` for an event stated in ``q``."""
    if q.anonymous or q.source_kind == "anonymous":
        return q.speaker_text, "anonymous"
    if q.source_kind == "document":
        return q.speaker_text, "document"
    if q.speaker_entity or q.speaker_text:
        return q.speaker_entity or q.speaker_text, "named"
    return None, "narration"


def attribute(events: Sequence[Event], quotes: Sequence[Quote]) -> tuple[list[Event], list[Quote]]:
    """Set ``Event.claimed_by``/``claim_kind`` and ``Quote.event_id``.

    Quotes are looked up by offset (sorted by start, with the running maximum of their ends)
    and events by trigger offset, so the cost grows with events + quotes, not their product.
    """
    by_start = sorted(quotes, key=lambda q: q.start)
    starts = [q.start for q in by_start]
    reach = list(itertools.accumulate((q.end for q in by_start), max))
    out_events: list[Event] = []
    for ev in events:
        t = ev.trigger_start
        holders = []
        k = bisect.bisect_right(starts, t) - 1
        while k >= 0 and reach[k] > t:  # no quote before k ends past t once reach[k] <= t
            q = by_start[k]
            if q.article_id == ev.article_id and _states(q, ev):
                holders.append(q)
            k -= 1
        if not holders:
            out_events.append(replace(ev, claimed_by=None, claim_kind="narration"))
            continue
        q = min(holders, key=lambda x: (x.end - x.start, x.start))
        by, kind = claim_of(q)
        out_events.append(replace(ev, claimed_by=by, claim_kind=kind))
    ordered = sorted(events, key=lambda e: (e.trigger_start, e.trigger_end))
    triggers = [e.trigger_start for e in ordered]
    out_quotes: list[Quote] = []
    for q in quotes:
        first = None
        for e in ordered[bisect.bisect_left(triggers, q.start) :]:
            if e.trigger_start >= q.end:
                break
            if e.article_id == q.article_id and _states(q, e):
                first = e
                break
        out_quotes.append(replace(q, event_id=first.event_id if first else None))
    return out_events, out_quotes
