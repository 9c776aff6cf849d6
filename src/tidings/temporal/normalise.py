"""Turn a recognised mention into a TIMEX3 value against a reference date and a tense.

``direction`` is the tense of the clause: "past" picks the previous Friday for "on Friday",
"future" the next one; None (present tense, no verb) picks the nearest. Expressions that need a
reference ("Friday", "two weeks ago") stay unresolved without one; absolute ones
("December 13, 2024") resolve anyway. Anchored ones ("the day before", "two days later")
carry an offset in days that ``attach`` applies to an anchor found in the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tidings.temporal._calendar import (
    add_months,
    iso_week,
    quarter_of,
    season_of,
    value_start,
    weekday_after,
    weekday_before,
)
from tidings.temporal._lexicon import Lexicon, load_lexicon
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
        elif month != day and month <= 12 and day <= 12:
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


def _resolve(m: Mention, ref: date | None, direction: str | None, lex: Lexicon) -> Resolved:
    f = m.fields
    rule = m.rule
    mods = _mods(m, lex)
    rel = " ".join(f["rel"].lower().split()) if "rel" in f else None
    if rule == "day_of_month":
        if ref is None:
            return Resolved("DATE", None, None, ("no_reference",))
        day = int(f["day"])
        y, mo = ref.year, ref.month
        if day > ref.day and direction != FUTURE:
            y, mo = add_months(y, mo, -1)
        elif day < ref.day and direction == FUTURE:
            y, mo = add_months(y, mo, 1)
        try:
            return Resolved("DATE", date(y, mo, day).isoformat(), "day")
        except ValueError:
            return Resolved("DATE", None, None, ("impossible_date",))
    if rule in {"date_iso", "date_slash", "date_mdy", "date_dmy"}:
        return _date(ref, m, direction, lex)
    if rule == "month_spelled":
        month = lex.months[f["month"].rstrip(".").lower()]
        cent = {"nineteen": 19, "eighteen": 18}[f["cent"].lower()]
        yy = (_number(f["yt"], lex) or 0.0) + ((_number(f["yu"], lex) or 0.0) if "yu" in f else 0.0)
        return Resolved("DATE", f"{cent * 100 + int(yy):04d}-{month:02d}", "month", mods)
    if rule == "month_relyear":
        if ref is None:
            return Resolved("DATE", None, None, ("no_reference",))
        month = lex.months[f["month"].rstrip(".").lower()]
        shift = {"last": -1, "this": 0, "next": 1}[f["ryear"].lower()]
        return Resolved("DATE", f"{ref.year + shift:04d}-{month:02d}", "month", mods)
    if rule == "month_year":
        month = lex.months[f["month"].rstrip(".").lower()]
        return Resolved("DATE", f"{int(f['year']):04d}-{month:02d}", "month", mods)
    if rule == "year":
        return Resolved("DATE", f"{int(f['year']):04d}", "year", mods)
    if rule == "decade":
        if "dec3" in f:
            return Resolved("DATE", f["dec3"], "decade", mods)
        if ref is None:
            return Resolved("DATE", None, None, ("no_reference", *mods))
        century = ref.year // 100
        if century * 100 + int(f["dec1"]) * 10 > ref.year:
            century -= 1
        return Resolved("DATE", f"{century:02d}{f['dec1']}", "decade", mods)
    if rule == "set":
        if "setw" in f:
            return Resolved("SET", lex.sets[f["setw"].lower()], None)
        if "wd" in f:
            return Resolved("SET", f"XXXX-WXX-{lex.weekdays[f['wd'].lower()] + 1}", None)
        return Resolved("SET", _duration(_number(f.get("num"), lex), _unit(f["unit"], lex)), None)
    if rule == "per_unit":
        return Resolved("SET", _duration(1, _unit(f["unit"], lex)), None)
    if rule == "bare_plural":
        return Resolved("DURATION", _duration(None, _unit(f["unit"], lex)), None)
    if rule == "duration":
        unit = _unit(f["unit"], lex)
        n = _number(f.get("num"), lex)
        if "in" in f and direction == FUTURE and ref is not None and n is not None and not unit[1]:
            value, precision = _shift_by(ref, n, unit, 1)
            return Resolved("DATE", value, precision)
        return Resolved("DURATION", _duration(_number(f.get("num"), lex), unit), None)
    if rule == "ref":
        return Resolved("DATE", lex.refs[" ".join(f["ref"].lower().split())], None)
    if rule == "anchored":
        a = " ".join(f["anch"].lower().split())
        offset = (
            0
            if ("same" in a or a == "that day")
            else (-1 if ("before" in a or "previous" in a) else 1)
        )
        if a.endswith("week"):
            offset *= 7
        return Resolved("DATE", None, None, ("anchored",), offset)
    if rule == "ago_anchored":
        n = _number(f.get("num"), lex) if "num" in f else None
        unit = _unit(f["unit"], lex)
        sign = -1 if f["dir"].lower() in {"earlier", "before"} else 1
        days = None
        if n is not None and not unit[1]:
            days = sign * int(round(n * unit[2] * (7 if unit[0] == "W" else 1)))
        return Resolved("DURATION", _duration(n, unit), None, ("anchored",) if days else (), days)
    if rule == "spelled_year":
        if "twok" in f:
            return Resolved("DATE", "2000", "year")
        cent = {"nineteen": 19, "eighteen": 18}[f["cent"].lower()]
        yy = (_number(f["yt"], lex) or 0.0) + ((_number(f["yu"], lex) or 0.0) if "yu" in f else 0.0)
        return Resolved("DATE", f"{cent * 100 + int(yy):04d}", "year")
    if rule == "ago":
        n = _number(f.get("num"), lex) if "num" in f else None
        unit = _unit(f["unit"], lex)
        dirw = " ".join(f["dir"].lower().split())
        sign = -1 if dirw in {"ago", "back", "earlier", "before"} else 1
        if n is None:
            return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
        if ref is None:
            return Resolved("DATE", None, None, ("no_reference",))
        if "quarterly" in f and n == int(n):
            y, mo = add_months(ref.year, (quarter_of(ref) - 1) * 3 + 1, -3 + sign * 12 * int(n))
            return Resolved("DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", "quarter")
        value, precision = _shift_by(ref, n, unit, sign)
        return Resolved("DATE", value, precision, ("mod=APPROX",) if "approx" in f else ())
    if rule == "quarter":
        q = {
            "fi": "1",
            "1s": "1",
            "se": "2",
            "2n": "2",
            "th": "3",
            "3r": "3",
            "fo": "4",
            "4t": "4",
        }[f["ord"].lower()[:2]]
        if "year" in f or "qyear" in f:
            return Resolved("DATE", f"{int(f.get('year') or f['qyear']):04d}-Q{q}", "quarter")
        if ref is None:
            return Resolved("DATE", None, None, ("no_reference",))
        qual = " ".join(f.get("qqual", "").lower().split())
        year = ref.year + (1 if qual.startswith("next") else 0)
        if qual.startswith(("last", "year")):
            year -= 1
        elif not qual and direction == PAST and int(q) > quarter_of(ref):
            year -= 1  # "profits fell in the fourth quarter" in a January report
        return Resolved("DATE", f"{year:04d}-Q{q}", "quarter")
    # Everything below needs the reference date.
    if ref is None:
        return Resolved(
            "TIME" if rule in {"clock", "noon", "part_rel", "overnight"} else "DATE",
            None,
            None,
            ("no_reference",),
        )
    if rule == "month_rel" or rule == "month":
        month = lex.months[f["month"].rstrip(".").lower()]
        if rel in {"last", "past", "this past", "previous"}:
            y = ref.year if month < ref.month else ref.year - 1
        elif rel in {"next", "coming", "this coming", "following"}:
            y = ref.year if month > ref.month else ref.year + 1
        elif rel == "this":
            y = ref.year
        else:
            y = _pick_year(ref, month, None, direction) or ref.year
        return Resolved("DATE", f"{y:04d}-{month:02d}", "month", mods)
    if rule == "season":
        code, _ = lex.seasons[f["season"].lower()]
        if "year" in f:
            return Resolved("DATE", f"{int(f['year']):04d}-{code}", "season", mods)
        order = ["SP", "SU", "FA", "WI"]
        cur_year, cur = season_of(ref)
        shift = order.index(code) - order.index(cur)
        if rel in {"last", "past", "this past", "previous"} or (rel is None and direction == PAST):
            y = cur_year if shift < 0 else cur_year - 1
            if rel is None and shift == 0:
                y = cur_year
        elif rel in {"next", "coming", "this coming", "following"} or (
            rel is None and direction == FUTURE
        ):
            y = cur_year if shift > 0 else cur_year + 1
            if rel is None and shift == 0:
                y = cur_year
        else:
            y = cur_year
        return Resolved("DATE", f"{y:04d}-{code}", "season", mods)
    if rule == "weekday":
        d = _weekday(ref, lex.weekdays[f["wd"].lower()], rel, direction)
        # "Friday night" keeps the day's value: news rarely means a clock time by it
        return Resolved("DATE", d.isoformat(), "day", mods)
    if rule in {"clock", "noon"}:
        d = ref
        if "wd" in f:
            d = _weekday(ref, lex.weekdays[f["wd"].lower()], None, direction)
        elif "deictic" in f:
            d = ref + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(f["deictic"].lower(), 0))
        if rule == "noon":
            hhmm = "24:00" if f["noon"].lower() == "midnight" else "12:00"
        else:
            h = int(f["h"]) % 12 + (12 if f["ampm"].lower().startswith("p") else 0)
            hhmm = f"{h:02d}:{f.get('mi', '00')}"
        return Resolved("TIME", f"{d.isoformat()}T{hhmm}", "day")
    if rule == "part_rel":
        prel = " ".join(f["prel"].lower().split())
        shift = (
            -1
            if prel in {"last", "yesterday", "late last", "early last"}
            else (1 if prel == "tomorrow" else 0)
        )
        d = ref + timedelta(days=shift)
        return Resolved("TIME", f"{d.isoformat()}T{lex.parts_of_day[f['part'].lower()]}", "day")
    if rule == "overnight":
        return Resolved("TIME", f"{ref.isoformat()}TNI", "day")
    if rule == "deictic":
        word = f["deictic"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        if "dd" in f:
            shift += -1 if "before" in f["dd"].lower() else 1
        d = ref + timedelta(days=shift)
        if word == "tonight":
            return Resolved("TIME", f"{d.isoformat()}TNI", "day")
        return Resolved("DATE", d.isoformat(), "day", mods)
    if rule == "the_period_span":
        return Resolved(
            "DURATION", _duration(1, _unit(f["period"].replace("period", "quarter"), lex)), None
        )
    if rule == "the_period":
        period = f["period"].lower()
        qual = " ".join(f.get("qual", "").lower().split())
        shift = lex.period_qualifiers.get(qual, 0)
        if period in {"quarter", "period"}:
            # financial news: "the quarter" in a past-tense report is the last completed one
            back = shift if shift < 0 else 0
            if not qual or qual in {"latest", "recent"} or shift == -4:
                back += -1 if direction == PAST else 0
            return Resolved("DATE", _period(ref, "quarter", back), "quarter")
        if period == "weekend":
            sat = _weekday(ref, 5, None, direction)
            return Resolved("DATE", iso_week(sat) + "-WE", "week")
        value = _period(ref, period, (-1 if shift == -4 else 0) if period == "year" else shift)
        start = value_start(value)
        return Resolved("DATE", value, start[1] if start else None)
    if rule in {"rel_period", "edge_period"}:
        period = f["period"].lower()
        if rule == "rel_period" and (
            rel == "past" or ("the" in f and rel in {"last", "next", "coming"})
        ):
            unit = lex.units["week" if period == "weekend" else period]
            if period == "weekend":
                return Resolved("DURATION", "P2D", None)
            return Resolved("DURATION", _duration(1, unit), None)
        if rule == "rel_period" and "the" in f and rel in {"previous", "following"}:
            if period in {"week", "weekend"}:
                return Resolved("DATE", None, None, ("anchored",), 7 if rel == "following" else -7)
            return Resolved("DATE", None, None, ("anchored",))
        shift = 0
        if rel in {"last", "this past", "previous"}:
            shift = -1
        elif rel in {"next", "coming", "this coming", "following"}:
            shift = 1
        pvalue = _period(ref, period, shift)
        start = value_start(pvalue.removesuffix("-WE"))
        pprec = start[1] if start else None
        return Resolved("DATE", pvalue, pprec, mods)
    return Resolved("DATE", None, None, ("unhandled",))


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
        out = _resolve(m, ref, direction, lex)
        far = ref is not None and out.value and out.kind in {"DATE", "TIME"}
        if far and ref is not None and out.value and _distance_days(out.value, ref) > far_days:
            flags = (*out.flags, "far_from_publication")
            return Resolved(out.kind, out.value, out.precision, flags, out.offset_days)
    except (KeyError, ValueError, OverflowError, IndexError):
        # a malformed number or a date off the calendar: keep the span, give no value
        return Resolved("DATE", None, None, ("unresolvable",))
    return out
