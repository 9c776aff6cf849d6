"""The ``tidings.temporal.v1`` time resolver: find time expressions and date events."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from tidings.config import default_setting
from tidings.model import AnnotatedDoc, Event, TimeExpr
from tidings.registry import register
from tidings.temporal.attach import date_events
from tidings.temporal.found import Found, resolve_anchors
from tidings.temporal.normalise import normalise
from tidings.temporal.recognise import recognise
from tidings.temporal.tense import tense_from_text


def _as_date(reference: datetime | date | None) -> date | None:
    if reference is None:
        return None
    return reference.date() if isinstance(reference, datetime) else reference


class TemporalResolver:
    """Rule-based recogniser + tense-aware normaliser + clause-level attachment to events."""

    name = "tidings.temporal.v1"

    def __init__(self, far_years: float = 2.0, max_chars: int = 1_000_000) -> None:
        self.far_days = int(round(far_years * 365.25))
        self.max_chars = max_chars

    def find(self, text: str, reference: datetime | date | None) -> list[TimeExpr]:
        """Time expressions of ``text`` resolved against ``reference`` (tense from words)."""
        ref = _as_date(reference)
        text = text[: self.max_chars]
        found = [
            Found(m, normalise(m, ref, tense_from_text(text, m.start, m.end), self.far_days))
            for m in recognise(text)
        ]
        return [f.to_time_expr() for f in resolve_anchors(text, found)]

    def date_events(
        self, doc: AnnotatedDoc, events: Sequence[Event]
    ) -> tuple[list[Event], list[TimeExpr]]:
        """Give each event the date of its own clause, else the publication date."""
        return date_events(doc, events, far_days=self.far_days)


@register("time_resolver", "tidings.temporal.v1")
def make_temporal_resolver(
    far_years: float = float(default_setting("time_resolver", "far_years")),
    max_chars: int = 1_000_000,
) -> TemporalResolver:
    return TemporalResolver(far_years=far_years, max_chars=max_chars)
