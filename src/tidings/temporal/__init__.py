"""Resolve when things happened: time expressions normalised against the publication date.

``TemporalResolver`` (registered as ``tidings.temporal.v1``) finds expressions such as
"on Friday", "last Saturday", "two weeks ago", "earlier this month", "by September 2025",
gives each a TIMEX3 value, a precision and a span, and dates every event from the expression
of its own clause, falling back to the publication date (and saying so).
"""

from __future__ import annotations

from tidings.temporal.resolver import TemporalResolver, make_temporal_resolver

__all__ = ["TemporalResolver", "make_temporal_resolver"]
