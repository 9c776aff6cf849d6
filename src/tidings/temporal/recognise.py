"""Find time expressions in plain text with regular-expression rules (no parser needed).

Each rule names what it found (``rule``) and keeps its parts (``fields``); ``normalise``
turns those parts into a TIMEX3 value. Overlapping candidates are settled longest first,
so "Friday, Oct. 23" wins over "Friday" and "the past two months" over "the past".
Spans follow TimeML: leading prepositions ("on", "in", "by") stay outside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tidings.temporal._lexicon import Lexicon, alternation, load_lexicon


@dataclass(frozen=True)
class Mention:
    """One recognised expression: its span and the parts its rule captured."""

    start: int
    end: int
    text: str
    rule: str
    fields: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


def _cased(words: list[str]) -> str:
    """Alternation matching each word Capitalised or UPPER (month names are proper nouns)."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return alternation(forms)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    lex = load_lexicon()
    full_months = [m for m in lex.months if len(m) > 3 and m != "sept"] + ["may"]
    abbr_months = [m for m in lex.months if m not in full_months]
    month = rf"(?P<month>(?:{_cased(full_months)})\b|(?:{_cased(abbr_months)})\b\.?)"
    wd_full = [w for w in lex.weekdays if w.endswith("day")]
    wd = rf"(?P<wd>(?:{_cased(wd_full)})\b)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)\b"
    year = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d])"
    mods = rf"(?P<mod>(?i:{alternation(lex.modifiers)}))"
    approx = rf"(?P<approx>(?i:{alternation(lex.approx)}))"
    num_words = alternation([k for k in lex.numbers if " " not in k] + ["hundred"])
    # "a"/"an" never start a compound number: "a two-year option" is "two-year"
    compound = alternation([k for k in lex.numbers if " " not in k and k not in {"a", "an"}])
    multi_num = alternation([k for k in lex.numbers if " " in k])
    num = (
        rf"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?i:{multi_num})"
        rf"|(?i:(?:{compound})(?:[\s-]+(?:and\s+)?(?:{compound}))*)|(?i:an?))"
    )
    tens = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens += r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    units_w = r"(?:one|two|three|four|five|six|seven|eight|nine)"
    qualifiers = alternation(lex.period_qualifiers)
    unit = (
        r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?"
        r"|quarters?|years?|decades?|century|centuries))"
    )
    rel = r"(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming|previous|following))"
    part = r"(?P<part>(?i:morning|afternoon|evening|night))"
    deictic = r"(?P<deictic>(?i:yesterday|today|tomorrow|tonight))"
    refs = rf"(?P<ref>(?i:{alternation(lex.refs)}))"
    sets = rf"(?P<setw>(?i:{alternation(lex.sets)}))"
    ampm = r"(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
    rules = [
        ("date_iso", r"\b(?P<year>\d{4})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("date_slash", r"\b(?P<mnum>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4})\b"),
        # Dotted numeric dates are day-first wherever they are written (Europe, India,
        # Russia...); the US writes slashes: "09.03.2018" is 9 March.
        ("date_dot", r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[0-3]?\d)\.(?P<year>\d{4})\b"),
        (
            "day_of_month",
            r"(?P<the>(?i:the))\s+(?P<day>[0-3]?\d)(?P<ord>st|nd|rd|th)\b(?!\s+(?i:of|century))",
        ),
        ("date_mdy", rf"(?:{wd}\s*,?\s+)?{month}\s+{day}(?:\s*,?\s+{year})?"),
        (
            "date_dmy",
            rf"(?:{wd}\s*,?\s+)?(?:(?i:the)\s+)?{day}(?:\s+(?i:of))?\s+{month}(?:\s*,?\s+{year})?",
        ),
        ("month_year", rf"(?:{mods}[\s-]+)?{month}\s*,?\s+(?:(?i:of)\s+)?{year}"),
        (
            "month_relyear",
            rf"(?:{mods}[\s-]+)?{month}\s+(?:(?i:of)\s+)?(?P<ryear>(?i:last|this|next))\s+(?i:year)\b",
        ),
        (
            "month_spelled",
            rf"(?:{mods}[\s-]+)?{month}\s+(?P<cent>(?i:nineteen|eighteen))[\s-]+(?P<yt>(?i:{tens}))"
            rf"(?:[\s-]+(?P<yu>(?i:{units_w})))?",
        ),
        ("month_rel", rf"(?:{mods}[\s-]+)?{rel}\s+{month}"),
        ("month", rf"(?:{mods}[\s-]+)?{month}"),
        (
            "season",
            rf"(?:{mods}[\s-]+)?(?:{rel}\s+|(?P<the>(?i:the))\s+)?"
            rf"(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:\s+(?:(?i:of)\s+)?{year})?",
        ),
        ("per_unit", r"(?P<every>(?i:an?|per))\s+(?P<unit>(?i:hour|day|week|month|year))\b"),
        (
            "bare_plural",
            r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades|centuries))\b",
        ),
        (
            "spelled_year",
            rf"(?P<cent>(?i:nineteen|eighteen))[\s-]+(?P<yt>(?i:{tens}))"
            rf"(?:[\s-]+(?P<yu>(?i:{units_w})))?"
            r"|(?i:the\s+year\s+)(?P<twok>(?i:two\s+thousand))",
        ),
        (
            "the_period",
            rf"(?P<the>(?i:the))\s+(?:(?P<qual>(?i:{qualifiers}))\s+)?"
            r"(?P<period>(?i:quarter|period|year|week|weekend|month))\b",
        ),
        (
            "year",
            rf"(?<![\$#\d.,])(?:{mods}[\s-]+)?(?:(?P<fiscal>(?i:fiscal))\s+)?{year}(?!s\b|'s\b|%|,\d|\.\d)",
        ),
        (
            "decade",
            rf"(?:(?i:the)\s+)?(?:{mods}[\s-]+)?"
            r"(?:(?P<dec3>(?:1[5-9]|20)\d)|'(?P<dec1>\d))0'?s\b",
        ),
        (
            "weekday",
            rf"(?:(?P<dmod>(?i:early|late))\s+)?(?:{rel}\s+)?{wd}(?:\s+{part})?",
        ),
        (
            "clock",
            rf"(?:{approx}\s+)?(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*{ampm}"
            rf"(?:\s+(?P<tz>[A-Z]{{2,4}})\b)?(?:\s*,?\s*{wd}|\s+{deictic})?",
        ),
        ("noon", rf"(?P<noon>(?i:noon|midnight|midday))(?:\s*,?\s*{wd}|\s+{deictic})?"),
        (
            "part_rel",
            r"(?P<prel>(?i:late\s+last|early\s+last|this|last|tomorrow|yesterday|later\s+this"
            rf"|earlier\s+this))\s+{part}",
        ),
        (
            "deictic",
            rf"(?:(?P<dmod>(?i:early|late))\s+)?(?:(?P<dd>(?i:the\s+day\s+(?:before|after)))\s+)?{deictic}",
        ),
        ("overnight", r"(?P<overnight>(?i:overnight))"),
        ("ref", rf"\b{refs}\b"),
        (
            "rel_period",
            rf"(?:{mods}[\s-]+)?(?P<the>(?i:the)\s+)?{rel}\s+"
            r"(?P<period>(?i:week|weekend|month|year|quarter|decade|century))\b",
        ),
        (
            "edge_period",
            rf"{mods}\s+(?P<the>(?i:the))\s+(?P<period>(?i:week|weekend|month|year|quarter|decade))\b",
        ),
        (
            "ago",
            rf"(?:{approx}\s+)?(?:{num}\s+)?{unit}\s+(?:(?i:or\s+so)\s+)?"
            r"(?P<dir>(?i:ago|from\s+now|hence|earlier|later|before|after))\b",
        ),
        (
            "anchored",
            r"(?P<anch>(?i:the\s+(?:next|following|previous|same)\s+(?:day|morning|evening|week)"
            r"|the\s+(?:day|night)\s+before|the\s+day\s+after|that\s+day))\b",
        ),
        (
            "duration",
            rf"(?P<the>(?i:the)\s+)?(?:(?P<drel>(?i:past|last|next|coming|first|previous|latest"
            rf"|final|remaining|following|recent))\s+)?(?:{approx}\s+)?{num}[\s-]+{unit}\b",
        ),
        (
            "quarter",
            r"(?:(?i:the)\s+)?(?:(?P<qyear>(?:1[5-9]|20)\d\d)\s+|(?P<qqual>(?i:year-ago|year-earlier"
            r"|year\s+earlier|next\s+year's|last\s+year's|this\s+year's))\s+)?"
            rf"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
            rf"[\s-]+(?i:quarter)\b(?:\s+(?:(?i:of)\s+)?{year})?",
        ),
        (
            "set",
            rf"\b{sets}\b|(?P<every>(?i:every|each))\s+(?:(?P<num>{num_words}|\d+)\s+)?"
            rf"(?:{unit}|{wd})",
        ),
    ]
    # No rule may start or end inside a word ("an" in "began" is not a number).
    return tuple((name, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")) for name, pattern in rules)


_DURATION_CUES = frozenset(
    [
        "within",
        "for",
        "than",
        "about",
        "nearly",
        "almost",
        "in",
        "of",
        "take",
        "takes",
        "took",
        "last",
        "lasted",
        "lasting",
        "spend",
        "spent",
        "after",
        "over",
        "under",
        "up",
        "during",
    ]
)
_QUARTERLY = re.compile(r"\b(?:quarter|quarterly)\b", re.IGNORECASE)
_RATE_CUES = frozenset(
    ["once", "twice", "times", "million", "billion", "thousand", "dollars", "percent", "cents"]
)
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _keep(text: str, name: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Context filters for rules that would otherwise fire on ordinary words and numbers."""
    groups = m.groupdict()
    if name == "month":
        word = groups["month"].rstrip(".").lower()
        if groups.get("mod"):
            return True
        if word in lex.ambiguous_months:
            return _prev_word(text, m.start()) in lex.year_cues | {"on", "last", "next", "this"}
        return True
    if name == "year":
        if groups.get("mod") or groups.get("fiscal"):
            return True
        if _prev_word(text, m.start()) in lex.year_cues:
            return True
        after = text[m.end() : m.end() + 1]
        return after in {"", ".", ",", ";", ":", ")", "!", "?", "\n"}
    if name == "season":
        return bool(
            groups.get("rel") or groups.get("year") or groups.get("the") or groups.get("mod")
        )
    if name == "duration":
        n = (groups.get("num") or "").lower()
        if re.match(r"\s*-?\s*olds?\b", text[m.end() : m.end() + 6]):
            return False  # "a 6-year-old boy" is an age
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", n):
            return False  # "the 1988 quarter": a year, not 1,988 quarters
        if groups.get("drel") or groups.get("approx"):
            return True
        if n in {"a", "an"}:  # "within a week", "for a month"; not "$1 billion a year"
            return _prev_word(text, m.start()) in _DURATION_CUES
        return n not in {"some", "many"}
    if name == "per_unit":  # "twice a year", "$33 million a year"
        before = text[max(0, m.start() - 12) : m.start()]
        return _prev_word(text, m.start()) in _RATE_CUES or bool(re.search(r"\d\s*$", before))
    if name == "bare_plural":
        return _prev_word(text, m.start()) in _DURATION_CUES
    if name == "the_period":
        # bare "the year"/"the week" only when a preposition puts it in time
        return (
            bool(groups.get("qual"))
            or groups["period"].lower() in {"quarter", "weekend"}
            or _prev_word(text, m.start()) in {"for", "in", "during", "over", "through"}
        )
    if name == "day_of_month":  # "on the 13th"; not "the 5th division"
        after = text[m.end() : m.end() + 2]
        return (
            _prev_word(text, m.start()) in {"on", "since", "until", "by"}
            and (after[:1] in {"", ".", ",", ";", ")"} or after[:1].isspace())
            and 1 <= int(groups["day"]) <= 31
        )
    if name == "date_dmy":
        return 1 <= int(groups["day"]) <= 31
    if name == "date_mdy":
        return groups["day"] is not None and 1 <= int(groups["day"]) <= 31
    return True


def _is_anchored_shift(fields: dict[str, str]) -> bool:
    """ "two days later", "a week earlier": shifts from a narrative time, not from today."""
    direction = fields["dir"].lower()
    unit = fields["unit"].lower().removesuffix("s")
    if direction in {"before", "after"}:
        return True  # "a month after the coup": from the coup, whatever the unit
    return direction in {"earlier", "later"} and unit in {
        "second", "minute", "hour", "day", "night", "week", "fortnight",
    }  # fmt: skip


def recognise(text: str) -> list[Mention]:
    """All time expressions of ``text``, left to right, without overlaps."""
    lex = load_lexicon()
    found: list[tuple[int, int, int, Mention]] = []
    quarterly = _QUARTERLY.search(text) is not None
    for priority, (name, pattern) in enumerate(_rules()):
        for m in pattern.finditer(text):
            if m.end() <= m.start() or not _keep(text, name, m, lex):
                continue
            start, end = m.span()
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            rule = name
            if name == "ago" and _is_anchored_shift(fields):
                # TimeML: "three days later" is the duration "three days"; the shift is kept
                rule, end = "ago_anchored", m.end("unit")
            elif (
                name == "duration"
                and "the" in fields
                and "drel" not in fields
                and ("-" + fields["unit"] in m.group())
            ):
                start = m.start("num")  # "the 16-hour talks": "the" belongs to "talks"
            elif name == "duration" and _prev_word(text, start) == "in":
                fields["in"] = "1"  # "will withdraw in two weeks": a date when the clause is future
            elif name == "ago" and quarterly and fields["unit"].lower() == "year":
                fields["quarterly"] = "1"  # "up from $3 million a year ago": the same quarter
            elif name == "the_period" and re.match(r"\s+(?:ended|ending)\b", text[end : end + 9]):
                rule = "the_period_span"  # "for the year ended March 31" is a duration
            found.append((start, end, priority, Mention(start, end, text[start:end], rule, fields)))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[Mention] = []
    occupied = bytearray(len(text))  # 1 where a longer expression already sits
    for start, end, _, mention in found:
        if 1 in occupied[start:end]:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(mention)
    return sorted(taken, key=lambda t: t.start)
