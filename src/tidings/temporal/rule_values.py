"""The TIMEX3 value of a recognised mention: one function per recognition rule, dispatched on
``Mention.rule`` through two tables (rules that cope without a reference date, and rules that
need one). Adding a rule to ``recognise.py`` means adding its function to one table here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.temporal._calendar import (
    add_months,
    iso_week,
    quarter_of,
    season_of,
    value_start,
)
from tidings.temporal._lexicon import Lexicon
from tidings.temporal._values import (
    FUTURE,
    PAST,
    Resolved,
    _date,
    _duration,
    _mods,
    _number,
    _period,
    _pick_year,
    _shift_by,
    _unit,
    _weekday,
)
from tidings.temporal.recognise import Mention


@dataclass(frozen=True)
class Call:
    """What a rule function reads: the mention, the reference (publication) date, the clause
    tense, the lexicon, the mention's modifiers and its relative word ("last", "next")."""

    m: Mention
    ref: date | None
    direction: str | None
    lex: Lexicon
    mods: tuple[str, ...]
    rel: str | None


Handler = Callable[[Call], Resolved]
RefHandler = Callable[[Call, date], Resolved]
# Rules of NEEDS_REFERENCE that name a clock time: unresolved, they are still TIME, not DATE.
TIME_RULES = frozenset({"clock", "noon", "part_rel", "overnight"})


def _rule_day_of_month(c: Call) -> Resolved:
    f = c.m.fields
    direction = c.direction
    ref = c.ref
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


def _rule_date_iso(c: Call) -> Resolved:
    m = c.m
    lex = c.lex
    direction = c.direction
    ref = c.ref
    return _date(ref, m, direction, lex)


def _rule_month_spelled(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    mods = c.mods
    month = lex.months[f["month"].rstrip(".").lower()]
    cent = {"nineteen": 19, "eighteen": 18}[f["cent"].lower()]
    yy = (_number(f["yt"], lex) or 0.0) + ((_number(f["yu"], lex) or 0.0) if "yu" in f else 0.0)
    return Resolved("DATE", f"{cent * 100 + int(yy):04d}-{month:02d}", "month", mods)


def _rule_month_relyear(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    mods = c.mods
    ref = c.ref
    if ref is None:
        return Resolved("DATE", None, None, ("no_reference",))
    month = lex.months[f["month"].rstrip(".").lower()]
    shift = {"last": -1, "this": 0, "next": 1}[f["ryear"].lower()]
    return Resolved("DATE", f"{ref.year + shift:04d}-{month:02d}", "month", mods)


def _rule_month_year(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    mods = c.mods
    month = lex.months[f["month"].rstrip(".").lower()]
    return Resolved("DATE", f"{int(f['year']):04d}-{month:02d}", "month", mods)


def _rule_year(c: Call) -> Resolved:
    f = c.m.fields
    mods = c.mods
    return Resolved("DATE", f"{int(f['year']):04d}", "year", mods)


def _rule_decade(c: Call) -> Resolved:
    f = c.m.fields
    mods = c.mods
    ref = c.ref
    if "dec3" in f:
        return Resolved("DATE", f["dec3"], "decade", mods)
    if ref is None:
        return Resolved("DATE", None, None, ("no_reference", *mods))
    century = ref.year // 100
    if century * 100 + int(f["dec1"]) * 10 > ref.year:
        century -= 1
    return Resolved("DATE", f"{century:02d}{f['dec1']}", "decade", mods)


def _rule_set(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    if "setw" in f:
        return Resolved("SET", lex.sets[f["setw"].lower()], None)
    if "wd" in f:
        return Resolved("SET", f"XXXX-WXX-{lex.weekdays[f['wd'].lower()] + 1}", None)
    return Resolved("SET", _duration(_number(f.get("num"), lex), _unit(f["unit"], lex)), None)


def _rule_per_unit(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    return Resolved("SET", _duration(1, _unit(f["unit"], lex)), None)


def _rule_bare_plural(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    return Resolved("DURATION", _duration(None, _unit(f["unit"], lex)), None)


def _rule_duration(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
    ref = c.ref
    unit = _unit(f["unit"], lex)
    n = _number(f.get("num"), lex)
    if "in" in f and direction == FUTURE and ref is not None and n is not None and not unit[1]:
        value, precision = _shift_by(ref, n, unit, 1)
        return Resolved("DATE", value, precision)
    return Resolved("DURATION", _duration(_number(f.get("num"), lex), unit), None)


def _rule_ref(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    return Resolved("DATE", lex.refs[" ".join(f["ref"].lower().split())], None)


def _rule_anchored(c: Call) -> Resolved:
    f = c.m.fields
    a = " ".join(f["anch"].lower().split())
    offset = (
        0 if ("same" in a or a == "that day") else (-1 if ("before" in a or "previous" in a) else 1)
    )
    if a.endswith("week"):
        offset *= 7
    return Resolved("DATE", None, None, ("anchored",), offset)


def _rule_ago_anchored(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    n = _number(f.get("num"), lex) if "num" in f else None
    unit = _unit(f["unit"], lex)
    sign = -1 if f["dir"].lower() in {"earlier", "before"} else 1
    days = None
    if n is not None and not unit[1]:
        days = sign * int(round(n * unit[2] * (7 if unit[0] == "W" else 1)))
    return Resolved("DURATION", _duration(n, unit), None, ("anchored",) if days else (), days)


def _rule_spelled_year(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    if "twok" in f:
        return Resolved("DATE", "2000", "year")
    cent = {"nineteen": 19, "eighteen": 18}[f["cent"].lower()]
    yy = (_number(f["yt"], lex) or 0.0) + ((_number(f["yu"], lex) or 0.0) if "yu" in f else 0.0)
    return Resolved("DATE", f"{cent * 100 + int(yy):04d}", "year")


def _rule_ago(c: Call) -> Resolved:
    f = c.m.fields
    lex = c.lex
    ref = c.ref
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


def _rule_quarter(c: Call) -> Resolved:
    f = c.m.fields
    direction = c.direction
    ref = c.ref
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


def _rule_month_rel(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
    mods = c.mods
    rel = c.rel
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


def _rule_season(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
    mods = c.mods
    rel = c.rel
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


def _rule_weekday(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
    mods = c.mods
    rel = c.rel
    d = _weekday(ref, lex.weekdays[f["wd"].lower()], rel, direction)
    # "Friday night" keeps the day's value: news rarely means a clock time by it
    return Resolved("DATE", d.isoformat(), "day", mods)


def _rule_clock(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
    rule = c.m.rule
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


def _rule_part_rel(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    prel = " ".join(f["prel"].lower().split())
    shift = (
        -1
        if prel in {"last", "yesterday", "late last", "early last"}
        else (1 if prel == "tomorrow" else 0)
    )
    d = ref + timedelta(days=shift)
    return Resolved("TIME", f"{d.isoformat()}T{lex.parts_of_day[f['part'].lower()]}", "day")


def _rule_overnight(c: Call, ref: date) -> Resolved:
    return Resolved("TIME", f"{ref.isoformat()}TNI", "day")


def _rule_deictic(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    mods = c.mods
    word = f["deictic"].lower()
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if "dd" in f:
        shift += -1 if "before" in f["dd"].lower() else 1
    d = ref + timedelta(days=shift)
    if word == "tonight":
        return Resolved("TIME", f"{d.isoformat()}TNI", "day")
    return Resolved("DATE", d.isoformat(), "day", mods)


def _rule_the_period_span(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    return Resolved(
        "DURATION", _duration(1, _unit(f["period"].replace("period", "quarter"), lex)), None
    )


def _rule_the_period(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    direction = c.direction
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


def _rule_rel_period(c: Call, ref: date) -> Resolved:
    f = c.m.fields
    lex = c.lex
    mods = c.mods
    rel = c.rel
    rule = c.m.rule
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


WITHOUT_REFERENCE: dict[str, Handler] = {
    "day_of_month": _rule_day_of_month,
    "date_iso": _rule_date_iso,
    "date_slash": _rule_date_iso,
    "date_dot": _rule_date_iso,
    "date_mdy": _rule_date_iso,
    "date_dmy": _rule_date_iso,
    "month_spelled": _rule_month_spelled,
    "month_relyear": _rule_month_relyear,
    "month_year": _rule_month_year,
    "year": _rule_year,
    "decade": _rule_decade,
    "set": _rule_set,
    "per_unit": _rule_per_unit,
    "bare_plural": _rule_bare_plural,
    "duration": _rule_duration,
    "ref": _rule_ref,
    "anchored": _rule_anchored,
    "ago_anchored": _rule_ago_anchored,
    "spelled_year": _rule_spelled_year,
    "ago": _rule_ago,
    "quarter": _rule_quarter,
}
NEEDS_REFERENCE: dict[str, RefHandler] = {
    "month_rel": _rule_month_rel,
    "month": _rule_month_rel,
    "season": _rule_season,
    "weekday": _rule_weekday,
    "clock": _rule_clock,
    "noon": _rule_clock,
    "part_rel": _rule_part_rel,
    "overnight": _rule_overnight,
    "deictic": _rule_deictic,
    "the_period_span": _rule_the_period_span,
    "the_period": _rule_the_period,
    "rel_period": _rule_rel_period,
    "edge_period": _rule_rel_period,
}


def resolve(m: Mention, ref: date | None, direction: str | None, lex: Lexicon) -> Resolved:
    """The value of ``m`` by its rule's function; unresolved without a needed reference."""
    f = m.fields
    mods = _mods(m, lex)
    rel = " ".join(f["rel"].lower().split()) if "rel" in f else None
    call = Call(m, ref, direction, lex, mods, rel)
    free = WITHOUT_REFERENCE.get(m.rule)
    if free is not None:
        return free(call)
    if ref is None:
        return Resolved("TIME" if m.rule in TIME_RULES else "DATE", None, None, ("no_reference",))
    needs = NEEDS_REFERENCE.get(m.rule)
    if needs is None:
        return Resolved("DATE", None, None, ("unhandled",))
    return needs(call, ref)
