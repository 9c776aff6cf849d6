"""Calendar arithmetic on dates and TIMEX3 value strings (pure functions)."""

from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d{2}-\d{2})(?:T.*)?"
    r"|(?P<week>\d{4})-W(?P<wn>\d{1,2})(?:-WE)?"
    r"|(?P<month>\d{4})-(?P<mm>\d{2})"
    r"|(?P<quarter>\d{4})-Q(?P<q>[1-4])"
    r"|(?P<season>\d{4})-(?P<s>SP|SU|FA|WI)"
    r"|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d{2}))$"
)


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) moved by ``k`` months."""
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def weekday_before(ref: date, weekday: int, strict: bool) -> date:
    """The latest ``weekday`` on or (``strict``) before ``ref``."""
    back = (ref.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return ref - timedelta(days=back)


def weekday_after(ref: date, weekday: int, strict: bool) -> date:
    """The first ``weekday`` on or (``strict``) after ``ref``."""
    ahead = (weekday - ref.weekday()) % 7
    if ahead == 0 and strict:
        ahead = 7
    return ref + timedelta(days=ahead)


def iso_week(d: date) -> str:
    """TIMEX3 week value, e.g. ``2024-W50``."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def season_of(d: date) -> tuple[int, str]:
    """(year, code) of the season ``d`` falls in; a winter belongs to the year of its December."""
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, ("SP", "SU", "FA")[(d.month - 3) // 3]


def value_start(value: str | None) -> tuple[date, str] | None:
    """First day of the period a TIMEX3 date value names, with its precision; None if none."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    try:
        if m.group("day"):
            return date.fromisoformat(m.group("day")), "day"
        if m.group("week"):
            return date.fromisocalendar(int(m.group("week")), int(m.group("wn")), 1), "week"
        if m.group("month"):
            return date(int(m.group("month")), int(m.group("mm")), 1), "month"
        if m.group("quarter"):
            return date(int(m.group("quarter")), (int(m.group("q")) - 1) * 3 + 1, 1), "quarter"
        if m.group("season"):
            return date(int(m.group("season")), SEASON_START[m.group("s")], 1), "season"
        if m.group("year"):
            return date(int(m.group("year")), 1, 1), "year"
        if m.group("decade"):
            return date(int(m.group("decade")) * 10, 1, 1), "decade"
        if m.group("century"):
            return date(max(1, int(m.group("century")) * 100), 1, 1), "century"
    except ValueError:
        return None
    return None


_SPAN_MONTHS = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}


def period_end(start: date, precision: str) -> date:
    """The last day of the period that begins on ``start`` at ``precision``."""
    if precision == "week":
        return start + timedelta(days=6)
    months = _SPAN_MONTHS.get(precision)
    if months is None:  # a day, or a time of day
        return start
    y, m = add_months(start.year, start.month, months)
    if y > date.max.year:
        return date.max
    return date(y, m, 1) - timedelta(days=1)
