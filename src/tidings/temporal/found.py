"""A mention with its resolution, and the step that resolves anchored expressions.

"the next day", "two days later" are resolved from the nearest earlier day-level expression
in the same or the previous sentence. In apposition ("Last Saturday, the day before rebels
took Damascus") the anchored phrase names the anchor's own day; the clause after it is what is
shifted, which ``attach`` handles with ``clause_shift``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from tidings.model import TimeExpr
from tidings.temporal._calendar import iso_week, value_start
from tidings.temporal.normalise import Resolved
from tidings.temporal.recognise import Mention

_APPOSITION_GAP = 3  # at most ", " between the anchor and "the day before"
_ANCHOR_REACH = 400  # characters back to look for an anchor


@dataclass(frozen=True)
class Found:
    """A recognised mention and its resolution; ``clause_shift`` set on appositions."""

    mention: Mention
    resolved: Resolved
    clause_shift: int | None = None  # days to add to the anchor for the clause that follows
    anchor_value: str | None = None
    event_value: str | None = None  # the date a shift ("three days later") gives its events

    def to_time_expr(self) -> TimeExpr:
        m, r = self.mention, self.resolved
        return TimeExpr(
            text=m.text,
            start=m.start,
            end=m.end,
            kind=r.kind,
            value=r.value,
            precision=r.precision,
            flags=r.flags,
        )

    @property
    def start_date(self) -> tuple[date, str] | None:
        """First day and precision of the date this expression gives events, if any."""
        if self.event_value is not None:
            return value_start(self.event_value)
        r = self.resolved
        if r.kind not in {"DATE", "TIME"}:
            return None
        return value_start(r.value)


def _anchor(text: str, f: Found, before: list[Found]) -> Found | None:
    """The nearest earlier day-level expression within reach, in the same paragraph."""
    for a in reversed(before):
        if f.mention.start - a.mention.end > _ANCHOR_REACH:
            return None
        if "\n\n" in text[a.mention.end : f.mention.start]:
            return None
        start = a.start_date
        if start is not None and start[1] == "day":
            return a
    return None


def _shifted(f: Found, anchor_day: date, in_apposition: bool) -> Found:
    r = f.resolved
    offset = r.offset_days or 0
    if in_apposition:
        # "Last Saturday, the day before X": the phrase is Saturday; X is Saturday - offset
        day = anchor_day.isoformat()
        if r.kind == "DURATION":
            return replace(f, clause_shift=-offset, anchor_value=day)
        resolved = replace(r, value=day, precision="day", flags=(*r.flags, "apposition"))
        return replace(f, resolved=resolved, clause_shift=-offset, anchor_value=day)
    target = anchor_day + timedelta(days=offset)
    if r.kind == "DURATION":
        return replace(f, event_value=target.isoformat(), anchor_value=anchor_day.isoformat())
    if abs(offset) == 7 and "week" in f.mention.text.lower():
        return replace(f, resolved=replace(r, value=iso_week(target), precision="week"))
    resolved = replace(r, value=target.isoformat(), precision="day")
    return replace(f, resolved=resolved, anchor_value=anchor_day.isoformat())


def resolve_anchors(text: str, found: list[Found]) -> list[Found]:
    """Fill in anchored expressions from the nearest earlier day-level expression."""
    out: list[Found] = []
    for f in found:
        r = f.resolved
        if r.offset_days is None or (r.value is not None and r.kind != "DURATION"):
            out.append(f)
            continue
        anchor = _anchor(text, f, out)
        start = anchor.start_date if anchor is not None else None
        if anchor is None or start is None:
            out.append(f)
            continue
        gap = text[anchor.mention.end : f.mention.start]
        in_apposition = len(gap) <= _APPOSITION_GAP and gap.strip() in {"", ","}
        try:
            out.append(_shifted(f, start[0], in_apposition))
        except OverflowError:  # an anchor at the edge of the calendar
            out.append(f)
    return out
