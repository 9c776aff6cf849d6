"""Parse publication dates from metadata and "Published On:" lines, keeping the time zone."""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone, tzinfo

from dateutil import parser as dateparser

from tidings.extract._lexicon import time_zones

_ABBR = re.compile(r"\b([A-Z]{2,5})\b")
_LOOKS_DATED = re.compile(r"\d")


def _tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
    known = time_zones().get(name.upper()) if name else None
    if known is not None:
        return known
    if offset is not None:  # "+05:00" or "+0530": dateutil gives the offset in seconds
        return timezone(timedelta(seconds=offset))
    return None


def parse_date(value: str | None) -> datetime | None:
    """A datetime for ``value``; tz-aware when it names a zone we know (PKT -> +05:00)."""
    if not value or not _LOOKS_DATED.search(value):
        return None
    text = value.strip()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns on zone names it cannot resolve
        for fuzzy in (False, True):
            try:
                parsed: datetime = dateparser.parse(text, tzinfos=_tzinfos, fuzzy=fuzzy)
            except (ValueError, OverflowError, TypeError):
                continue
            if parsed.year < 1900 or parsed.year > 2100:
                return None
            return parsed
    return None
