"""Helpers for ``tidings eval extract --as-text``: render pages to text as scrapers do, and judge
titles, dates and glued-page splits.

Renderers: ``inscriptis`` (browser-like layout) and ``dom`` (a plain lxml text dump of
``<body>`` without script/style/noscript, blank-line runs folded).

Title normalisation (what "title right" means): NFKC, lower case, only word characters kept,
whitespace collapsed. A title is right when it equals, so normalised, the page's own title:
``metadata.title`` or the ``<title>`` element, or one piece of ``<title>`` split at the site-name
separators ``| - – — :: » « › · :`` (pieces of 3 words or more, and every leading run of pieces).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta

import lxml.html
from lxml import etree

RENDERERS = ("inscriptis", "dom")

_DROP = ("script", "style", "noscript", "template")
_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+")
_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::|»|«|›|·|:)\s+")
_WORDS = re.compile(r"\w+")

_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli"
    r"|august|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre"
    r"|noviembre|diciembre)[a-zéèû]*\.?"
)
_DAY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2})"
)
# A labelled date as a reader sees it: a label word, then a full day date close after it.
LABELLED_DATE = re.compile(
    r"\b(?:published|posted|updated|date|dated|veröffentlicht|aktualisiert|erschienen|stand"
    r"|datum|publié|publicado|publicada|pubblicato|on|am|le|el)\b[^\n\d]{0,30}?" + _DAY_DATE,
    re.I,
)


def render(html: str, how: str) -> str:
    """``html`` as a scraper would save it as text."""
    if how == "inscriptis":
        from inscriptis import get_text  # eval-only dependency (the ``test`` extra)

        return str(get_text(html))
    if how == "dom":
        return dom_text(html)
    raise ValueError(f"unknown renderer {how!r}; choose one of: {', '.join(RENDERERS)}")


def dom_text(html: str) -> str:
    """Text content of ``<body>`` without scripts and styles, blank-line runs folded to one."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    node = body if body is not None else root
    doomed = [*node.iter(*_DROP), *node.iter(etree.Comment)]
    for bad in doomed:
        if bad.getparent() is not None:
            bad.drop_tree()
    text = "\n".join(line.rstrip() for line in node.text_content().split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip() + "\n"


def page_title(html: str) -> str | None:
    """The ``<title>`` element's text, or None."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    found = root.find(".//title")
    text = found.text_content().strip() if found is not None else ""
    return text or None


def norm_title(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", text).lower()))


def gold_titles(meta_title: str | None, html_title: str | None) -> set[str]:
    """Normalised forms a right title may take (see the module doc)."""
    out = {norm_title(meta_title), norm_title(html_title)}
    if html_title:
        pieces = _TITLE_SPLIT.split(html_title)
        for k, piece in enumerate(pieces):
            if len(piece.split()) >= 3:
                out.add(norm_title(piece))
            lead = " ".join(pieces[: k + 1])
            if k and len(lead.split()) >= 3:
                out.add(norm_title(lead))  # "Update | Headline" of "Update | Headline | Site"
    return out - {""}


def title_right(predicted: str | None, golds: set[str]) -> bool:
    return bool(golds) and norm_title(predicted) in golds


def prints_labelled_date(text: str) -> bool:
    return LABELLED_DATE.search(text) is not None


def from_clock(value: datetime | None, now: datetime, days: int = 7) -> bool:
    """A date within ``days`` of the run's clock: made from it (the dev pages are all older)."""
    if value is None:
        return False
    naive = value.replace(tzinfo=None)
    return abs(naive - now) <= timedelta(days=days)
