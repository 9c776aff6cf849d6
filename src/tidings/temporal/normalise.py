"""Turn a recognised mention into a TIMEX3 value against a reference date and a tense.

``direction`` is the tense of the clause: "past" picks the previous Friday for "on Friday",
"future" the next one; None (present tense, no verb) picks the nearest. Expressions that need a
reference ("Friday", "two weeks ago") stay unresolved without one; absolute ones
("December 13, 2024") resolve anyway. Anchored ones ("the day before", "two days later")
carry an offset in days that ``attach`` applies to an anchor found in the text.
"""

from __future__ import annotations

from datetime import date, timedelta

from tidings.temporal._calendar import value_start
from tidings.temporal._lexicon import load_lexicon
from tidings.temporal._values import FUTURE, PAST, Resolved
from tidings.temporal.recognise import Mention
from tidings.temporal.rule_values import resolve

__all__ = ["FUTURE", "PAST", "Resolved", "normalise"]

_SPAN_DAYS = {
    "day": 0,
    "week": 6,
    "month": 30,
    "quarter": 91,
    "season": 91,
    "year": 364,
    "decade": 3652,
    "century": 36524,
}


def _distance_days(value: str, ref: date) -> int:
    """Days between ``ref`` and the nearest day of the period ``value`` names (0 inside)."""
    start = value_start(value)
    if start is None:
        return 0
    first, precision = start
    last = first + timedelta(days=_SPAN_DAYS[precision])
    if first <= ref <= last:
        return 0
    return min(abs((first - ref).days), abs((last - ref).days))


def normalise(
    m: Mention, ref: date | None, direction: str | None = None, far_days: int = 730
) -> Resolved:
    """Resolve ``m`` against ``ref`` (publication date) given the clause tense ``direction``."""
    lex = load_lexicon()
    try:
        out = resolve(m, ref, direction, lex)
        far = ref is not None and out.value and out.kind in {"DATE", "TIME"}
        if far and ref is not None and out.value and _distance_days(out.value, ref) > far_days:
            flags = (*out.flags, "far_from_publication")
            return Resolved(out.kind, out.value, out.precision, flags, out.offset_days)
    except (KeyError, ValueError, OverflowError, IndexError):
        # a malformed number or a date off the calendar: keep the span, give no value
        return Resolved("DATE", None, None, ("unresolvable",))
    return out
