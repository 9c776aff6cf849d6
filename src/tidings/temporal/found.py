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
        r = self.resolved
        if r.kind not in {"DATE", "TIME"}:
            return None
        return value_start(r.value)


def resolve_anchors(text: str, found: list[Found]) -> list[Found]:
    """Fill in anchored expressions from the nearest earlier day-level expression."""
    out: list[Found] = []
    for f in found:
        r = f.resolved
        if r.offset_days is None or r.value is not None:
            out.append(f)
            continue
        anchor = next(
            (
                a
                for a in reversed(out)
                if a.start_date is not None
                and a.start_date[1] == "day"
                and f.mention.start - a.mention.end <= _ANCHOR_REACH
                and "\n\n" not in text[a.mention.end : f.mention.start]
            ),
            None,
        )
        if anchor is None or anchor.start_date is None:
            out.append(f)
            continue
        anchor_day = anchor.start_date[0]
        gap = text[anchor.mention.end : f.mention.start]
        if len(gap) <= _APPOSITION_GAP and gap.strip() in {"", ","}:
            # "Last Saturday, the day before X": the phrase is Saturday; X is Saturday - offset
            value = anchor_day.isoformat()
            out.append(
                replace(
                    f,
                    resolved=replace(
                        r, value=value, precision="day", flags=(*r.flags, "apposition")
                    ),
                    clause_shift=-r.offset_days,
                    anchor_value=value,
                )
            )
            continue
        value = (anchor_day + timedelta(days=r.offset_days)).isoformat()
        if abs(r.offset_days) == 7:
            week = iso_week(anchor_day + timedelta(days=r.offset_days))
            out.append(replace(f, resolved=replace(r, value=week, precision="week")))
            continue
        out.append(
            replace(
                f,
                resolved=replace(r, value=value, precision="day"),
                anchor_value=anchor_day.isoformat(),
            )
        )
    return out
