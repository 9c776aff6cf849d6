"""Quotes and attribution: direct, indirect and mixed quotes with speakers; who claims events."""

from __future__ import annotations

from tidings.quotes.attribution import attribute
from tidings.quotes.component import QuoteFinderV1, make_quote_finder
from tidings.quotes.finder import FinderSettings, QuoteExtractor
from tidings.quotes.marks import QuotedSpan, find_quoted

__all__ = [
    "FinderSettings",
    "QuoteExtractor",
    "QuoteFinderV1",
    "QuotedSpan",
    "attribute",
    "find_quoted",
    "make_quote_finder",
]
