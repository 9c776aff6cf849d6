"""Building blocks of TIMEX3 values: numbers, units, durations, shifted dates, `Resolved`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tidings.temporal._calendar import (
    add_months,
    iso_week,
    quarter_of,
    weekday_after,
    weekday_before,
)
from tidings.temporal._lexicon import Lexicon
from tidings.temporal.recognise import Mention

PAST, FUTURE = "past", "future"
_UNIT_DAYS = {
    "S": 1 / 86400,
    "TM": 1 / 1440,
    "H": 1 / 24,
    "D": 1,
    "W": 7,
    "M": 30.44,
    "Q": 91.3,
    "Y": 365.25,
}


@dataclass(frozen=True)
class Resolved:
    """A mention's kind, value, precision and flags (``offset_days`` for anchored ones)."""

    kind: str
    value: str | None
    precision: str | None
    flags: tuple[str, ...] = ()
    offset_days: int | None = None


def _number(text: str | None, lex: Lexicon) -> float | None:
    """Numeric value of "two", "twenty-four", "5 1/2", "a few" (None = unspecified)."""
    if text is None:
        return 1.0
    t = " ".join(text.lower().replace("-", " ").split())
    if t in lex.numbers:
        v = lex.numbers[t]
        return None if v == "X" else float(v)
    half = t.endswith(" 1/2")
    t = t.removesuffix(" 1/2")
    try:
        return float(t) + (0.5 if half else 0.0)
    except ValueError:
        pass
    total = 0.0
    for word in t.split():
        if word == "and":
            continue
        w = lex.numbers.get(word)
        if w is None or w == "X":
            return None
        if word == "hundred":
            total = max(total, 1.0) * 100
        else:
            total += float(w)
    return total


def _unit(word: str, lex: Lexicon) -> tuple[str, bool, int]:
    w = word.lower()
    w = "century" if w == "centuries" else w.removesuffix("s")
    return lex.units[w]


def _mods(m: Mention, lex: Lexicon) -> tuple[str, ...]:
    mod = m.fields.get("mod") or m.fields.get("dmod")
    if not mod:
        return ()
    return (f"mod={lex.modifiers.get(' '.join(mod.lower().split()), mod.upper())}",)


def _pick_year(ref: date, month: int, day: int | None, direction: str | None) -> int | None:
    """Year for a year-less month (and day), by tense: on/before, on/after, or nearest."""
    cands: list[tuple[date, int]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(y, month, day or 1)
        except ValueError:
            continue
        if day is None and y == ref.year and month == ref.month:
            d = ref
        cands.append((d, y))
    if not cands:
        return None
    nearest = min(cands, key=lambda c: (abs((c[0] - ref).days), c[0] > ref))
    # The tense decides only within about ten months; further than that the nearest reading
    # wins ("payable Dec. 1" in an October report that speaks in the past). A month counts
    # from its last day when looking back.
    reach = 300 if day is not None else 330

    def back(c: tuple[date, int]) -> int:
        end = c[0] if day is not None else date(c[1], month, 28)
        return (ref - end).days

    if direction == PAST or (direction is None and day is not None):
        ok = [c for c in cands if c[0] <= ref and back(c) <= reach]
        return max(ok)[1] if ok else nearest[1]
    if direction == FUTURE:
        ok = [c for c in cands if c[0] >= ref and (c[0] - ref).days <= reach]
        return min(ok)[1] if ok else nearest[1]
    return nearest[1]


def _weekday(ref: date, wd: int, rel: str | None, direction: str | None) -> date:
    rel = " ".join(rel.lower().split()) if rel else None
    if rel in {"last", "past", "this past", "previous"}:
        return weekday_before(ref, wd, strict=True)
    if rel in {"next", "coming", "this coming", "following"}:
        return weekday_after(ref, wd, strict=True)
    if rel == "this" and direction is None:
        return ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
    if direction == PAST:
        return weekday_before(ref, wd, strict=False)
    if direction == FUTURE:
        return weekday_after(ref, wd, strict=False)
    # No tense: news reports mostly look back, so any day of the last four wins.
    before = weekday_before(ref, wd, strict=False)
    return before if (ref - before).days <= 4 else weekday_after(ref, wd, strict=False)


def _period(ref: date, period: str, shift: int) -> str:
    """The week/month/year/... containing ``ref``, moved by ``shift`` periods."""
    if period in {"week", "weekend"}:
        value = iso_week(ref + timedelta(weeks=shift))
        return value + "-WE" if period == "weekend" else value
    if period == "month":
        y, mo = add_months(ref.year, ref.month, shift)
        return f"{y:04d}-{mo:02d}"
    if period == "quarter":
        y, mo = add_months(ref.year, (quarter_of(ref) - 1) * 3 + 1, 3 * shift)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    if period == "decade":
        return f"{ref.year // 10 + shift:03d}"
    if period == "century":
        return f"{ref.year // 100 + shift:02d}"
    return f"{ref.year + shift:04d}"


def _duration(n: float | None, unit: tuple[str, bool, int]) -> str:
    letter, is_time, mult = unit
    if n is None:
        amount = "X"
    else:
        total = n * mult
        if total != int(total):
            if letter == "H":
                return f"PT{int(total)}H{int(round((total % 1) * 60))}M"
            amount = f"{total:g}"
        else:
            amount = str(int(total))
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _shift_by(ref: date, n: float, unit: tuple[str, bool, int], sign: int) -> tuple[str, str]:
    """Value and precision of ``ref`` moved ``n`` units back (sign -1) or forward."""
    letter, is_time, mult = unit
    total = n * mult
    if not is_time and letter in {"M", "Q", "Y"} and total == int(total):
        months = int(total) * {"M": 1, "Q": 3, "Y": 12}[letter]
        y, mo = add_months(ref.year, ref.month, sign * months)
        if letter == "M":
            return f"{y:04d}-{mo:02d}", "month"
        if letter == "Q":
            return f"{y:04d}-Q{(mo - 1) // 3 + 1}", "quarter"
        return f"{y:04d}", "year"
    days = total * _UNIT_DAYS["TM" if (is_time and letter == "M") else letter]
    d = ref + timedelta(days=sign * round(days))
    if days >= 300:
        return f"{d.year:04d}", "year"
    if days >= 45:
        return f"{d.year:04d}-{d.month:02d}", "month"
    return d.isoformat(), "day"


def _date(ref: date | None, m: Mention, direction: str | None, lex: Lexicon) -> Resolved:
    f = m.fields
    month = int(f["mnum"]) if "mnum" in f else lex.months[f["month"].rstrip(".").lower()]
    day = int(f["day"])
    order: tuple[str, ...] = ()
    if "mnum" in f:
        if month > 12 >= day:  # 13/12/2024 can only be day-first
            month, day = day, month
        elif m.rule == "date_slash" and month != day and month <= 12 and day <= 12:
            order = ("ambiguous_day_month",)  # 03/04/2024 read month-first
    if "year" in f:
        year: int | None = int(f["year"])
    elif ref is None:
        return Resolved("DATE", None, None, ("no_reference",))
    else:
        year = _pick_year(ref, month, day if 1 <= day <= 31 else None, direction)
    try:
        d = date(year or 0, month, day)
    except ValueError:
        return Resolved("DATE", None, None, ("impossible_date",))
    flags: tuple[str, ...] = order
    if "wd" in f and lex.weekdays[f["wd"].lower()] != d.weekday():
        flags = (*flags, "weekday_mismatch")
    return Resolved("DATE", d.isoformat(), "day", flags)
