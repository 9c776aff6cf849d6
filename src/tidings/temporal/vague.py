"""Dates an event may take from an approximate expression, at the precision it really has.

TimeML gives "two weeks ago" a day and "in recent days" no value at all (``PAST_REF``); an
event told with them happened within a week or so of that day, never on a day the text can
name. ``attach`` asks here for the date and precision an event takes from such a phrase:

- "two weeks ago", "a couple of weeks ago": the ISO week of the counted day (precision
  ``week``), since a count of weeks is rounded by the writer;
- "in recent days", "over the past few days", "the last several days": the week that ends on
  the publication day (the week holding the day three days before it);
- "in recent weeks", "the past few weeks": the month of the day ten days before publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.temporal.found import Found

_RECENT = re.compile(
    r"^(?:the\s+)?(?:recent|past\s+(?:few|several|couple\s+of)|last\s+(?:few|several|couple\s+of))"
    r"\s+(?P<unit>days|weeks)$",
    re.IGNORECASE,
)
# The middle of a span of "recent days" / "recent weeks", counted back from publication.
_RECENT_BACK = {"days": 3, "weeks": 10}


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def counted_weeks(f: Found) -> tuple[date, str] | None:
    """ "two weeks ago" dated to a day: that day's week instead (Monday, ``week``)."""
    m = f.mention
    if m.rule != "ago" or m.fields.get("unit", "").lower().removesuffix("s") != "week":
        return None
    start = f.start_date
    if start is None or start[1] != "day" or f.event_value is not None:
        return None
    return monday(start[0]), "week"


def recent_span(f: Found, ref: date | None) -> tuple[date, str] | None:
    """ "in recent days" (no value in TimeML): the week, or for weeks the month, it means."""
    if ref is None:
        return None
    hit = _RECENT.match(" ".join(f.mention.text.split()))
    if hit is None:
        return None
    unit = hit.group("unit").lower()
    middle = ref - timedelta(days=_RECENT_BACK[unit])
    if unit == "days":
        return monday(middle), "week"
    return middle.replace(day=1), "month"
