"""Dates printed in scraped text: labelled date lines, anywhere on a line, never from the clock.

"PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019 at 6:12 am" gives a
published and an updated date; "Follow on Published On: Sat, 14 Dec 2024 07:56:23 PKT" a
published one. A date needs a day, a month and a year printed: "Updated at 1:23 p.m." (a time
alone) and "November 19" (no year) are no date, because dateutil would fill the missing parts
from today's clock. "1 day ago" counts only against a known fetch time (a WARC record's date).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil import parser as dateparser

from tidings.extract._dates import _tzinfos

# Month names of the languages the archive pages come in, mapped to English for dateutil.
_MONTHS = {
    "januar": "January", "jänner": "January", "februar": "February", "märz": "March",
    "maerz": "March", "mai": "May", "juni": "June", "juli": "July", "oktober": "October",
    "dezember": "December", "enero": "January", "febrero": "February", "marzo": "March",
    "abril": "April", "mayo": "May", "junio": "June", "julio": "July", "agosto": "August",
    "septiembre": "September", "setiembre": "September", "octubre": "October",
    "noviembre": "November", "diciembre": "December", "janvier": "January",
    "février": "February", "fevrier": "February", "mars": "March", "avril": "April",
    "juin": "June", "juillet": "July", "août": "August", "aout": "August",
    "septembre": "September", "octobre": "October", "novembre": "November",
    "décembre": "December", "gennaio": "January", "febbraio": "February", "aprile": "April",
    "maggio": "May", "giugno": "June", "luglio": "July", "settembre": "September",
    "ottobre": "October", "dicembre": "December", "januari": "January", "februari": "February",
    "maart": "March", "mei": "May", "augustus": "August",
}  # fmt: skip
_EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + "|" + _EN_MONTH + ")"
_WEEKDAY = r"(?P<weekday>[A-Za-zäéè]{2,12}\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at|um|a las|à|-|–|\|)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:uhr|h))?(?:\s*\(?[A-Z]{2,5}\)?|\s*[+-]\d{2}:?\d{2})?)?"
)
_DAY_FIRST = rf"\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?\d{{4}}"
_MONTH_FIRST = rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_NUMERIC = r"\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?"
DATE = re.compile(rf"{_WEEKDAY}(?:{_DAY_FIRST}|{_MONTH_FIRST}|{_NUMERIC}){_TIME}", re.I)

_UPDATED = (
    r"updated|last\s+updated|modified|aktualisiert|zuletzt\s+aktualisiert|geändert|stand"
    r"|actualizado|actualizada|mis\s+à\s+jour|aggiornato|bijgewerkt"
)
_PUBLISHED = (
    r"published|first\s+published|posted|date|dated|released|veröffentlicht|erschienen|datum"
    r"|publicado|publicada|publié|pubblicato|gepubliceerd|on|am|vom|le|el|del|il"
)
LABEL = re.compile(
    rf"\b(?P<label>{_UPDATED}|{_PUBLISHED})\b\s*(?:on|am|el|le|at)?\s*[:：|-]?\s*$", re.I
)
_RELATIVE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one)\s+(?P<unit>minute|min|hour|hr|day|week)s?\s+ago\b"
    r"|\b(?P<yesterday>yesterday)\b",
    re.I,
)
_UNITS = {"minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 604800}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SENTINELS = (datetime(1904, 2, 3, 0, 0), datetime(1908, 6, 9, 0, 0))


_WEAK = frozenset({"on", "am", "vom", "le", "el", "del", "il", "date", "dated"})
# "Written by Ann Lee on July 27, 2017", "von Ann Lee am 4. Februar 2022": a byline's date (the
# date pattern's optional weekday would otherwise swallow the "on")
# at the start of the line only: "signed by the minister on May 4" in a sentence dates an event
# "Written by Ann Lee, PhD on <date>", "By Ann Lee / <date>", "By Ann Lee<date>" (a DOM dump
# glues the name to the date; "By Tuesday 3 March" in a sentence keeps its space, no match)
_BYLINE_ON = re.compile(
    r"^\W*(?:\w+\s+)?(?:by|von|por|par|door)\s+[^\s.;/|]+(?:\s+[^\s.;/|]+){0,4}"
    r"(?:\s+(?:on|am|el|le|op)\s+|\s*[/|•·]\s*|(?<=[^\W\d_]))$",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    value: datetime
    updated: bool  # labelled "Updated"/"Aktualisiert": kept apart from the published date
    labelled: bool
    strong: bool = False  # a label that names publication ("Published"), not just "on"
    opens: bool = False  # the line opens with it (a weekday at most before it)


def full_date(text: str) -> datetime | None:
    """``text`` parsed only when it prints a day, a month and a year (no part from the clock)."""
    words = re.sub(
        r"[A-Za-zäöüéèûçñ]+",
        lambda m: _MONTHS.get(m.group(0).lower(), m.group(0)),
        text.replace(" de ", " "),
    )
    words = re.sub(r"(\d)\.(\s)", r"\1\2", words)  # German "3. März"
    # "20 Jan 2020 06.05 GMT": a dotted clock after the year (dateutil reads it as a day)
    words = re.sub(r"((?:19|20)\d\d,?\s+)(\d{1,2})\.(\d{2})\b", r"\1\2:\3", words)
    words = re.sub(r"\b(um|at|a las|à)\b", " ", words, flags=re.I)
    words = re.sub(r"\buhr\b", "", words, flags=re.I)
    results: list[datetime] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for default in _SENTINELS:
            try:
                results.append(
                    dateparser.parse(
                        words, default=default, tzinfos=_tzinfos, fuzzy=True, dayfirst=True
                    )
                )
            except (ValueError, OverflowError, TypeError):
                return None
    one, two = results
    if (one.year, one.month, one.day) != (two.year, two.month, two.day):
        return None  # a part was missing and came from the default
    if not 1900 <= one.year <= 2100:
        return None
    return one if one.time() == two.time() else one.replace(hour=0, minute=0)


def dates_in(line: str, label_before: bool = False) -> list[FoundDate]:
    """Every full date printed on ``line``, with the label just before it, in order.

    ``label_before``: the previous line was a bare label ("Published:"), as DOM dumps print.
    """
    out: list[FoundDate] = []
    if _YEAR.search(line) is None:  # every full date prints a four-digit year: a cheap test first
        return out
    cursor = 0
    for match in DATE.finditer(line):
        value = full_date(match.group(0))
        if value is None:
            continue
        before = line[max(cursor, match.start() - 40) : match.start()]
        label = LABEL.search(before)
        kind = label.group("label").lower() if label else ""
        updated = bool(label) and re.fullmatch(_UPDATED, kind, re.I) is not None
        head = line[: match.start()]
        byline = _BYLINE_ON.match(head + (match.group("weekday") or "")) is not None
        # a bare "Published:" line above a line that opens with the date labels it too
        opens = not out and not head.strip(" \t*•·-|")
        labelled_above = label_before and opens
        if label is None and (byline or labelled_above):
            out.append(FoundDate(value, False, True, True, opens))
        else:
            strong = label is not None and " ".join(kind.split()) not in _WEAK
            out.append(FoundDate(value, updated, label is not None, strong, opens))
        cursor = match.end()
    return out


def relative_date(line: str, fetched_at: datetime | None) -> datetime | None:
    """ "3 hours ago" against the fetch time; None without one (never the run's clock)."""
    if fetched_at is None:
        return None
    match = _RELATIVE.search(line)
    if match is None:
        return None
    if match.group("yesterday"):
        return fetched_at - timedelta(days=1)
    n = match.group("n").lower()
    count = 1 if n in ("a", "an", "one") else int(n)
    return fetched_at - timedelta(seconds=count * _UNITS[match.group("unit").lower()])


_BARE_LABEL = re.compile(rf"^\W*(?:{_UPDATED}|{_PUBLISHED})\b\W*(?:on|am|el|le)?\W*$", re.I)


def is_bare_label(line: str) -> bool:
    """ "Published:" or "Veröffentlicht am" alone on a line, its date on the next one."""
    return len(line) <= 40 and _BARE_LABEL.match(line) is not None
