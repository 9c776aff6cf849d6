"""Pieces of a minified page's text dump: one physical line that holds a whole page.

A plain DOM text dump of a minified page (no newlines between its tags) prints menu, headline,
byline and paragraphs on one line: "HomeNewsPoliticsSports   Search   Vote delayedByAnn Lee...".
The element boundaries still show, as a word in lower case running into a capitalised one with
no space ("HomeNews"), a sentence end running into the next sentence ("delayed.The"), or a run
of layout whitespace between inline blocks. A long line with many such joins is cut there into
pieces the line cleaner judges one by one; a short line, or prose with the odd "McDonald", is
left whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MIN_CHARS = 400  # a physical line shorter than this is a line of its own, whatever its joins
MIN_JOINS = 5  # joins a long line needs before it is taken for a minified dump
_LOWER = "a-zß-öø-ÿ"
_UPPER = "A-ZÀ-ÖØ-Þ"
_JOIN = re.compile(
    rf"[ \t]{{3,}}|\t+"  # layout whitespace between inline blocks
    rf"|(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}])"  # "HomeNews", "delayedBy"
    rf"|(?<=[{_LOWER}][.!?])(?=[{_UPPER}])"  # "delayed.The"
    rf"|(?<=\d)(?=[{_UPPER}][{_LOWER}]{{2}})"  # "March 9, 2021Share"
    rf"|(?<=[{_LOWER}][.!?][\"”’)])(?=[{_UPPER}])"  # 'said."The'
)


def pieces(line: str) -> list[tuple[int, int, bool]]:
    """(start, end, glued) of the stripped pieces of ``line``; ``glued``: the piece ran into the
    previous one with no space between (rejoined without one when both are kept). One piece,
    the stripped line, unless the line looks minified."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    whole = [(lead, lead + len(stripped), False)] if stripped else []
    if len(stripped) < MIN_CHARS:
        return whole
    joins = list(_JOIN.finditer(line, lead, lead + len(stripped)))
    if len(joins) < MIN_JOINS:
        return whole
    out: list[tuple[int, int, bool]] = []
    cursor, glued = lead, False
    for match in joins:
        _add(out, line, cursor, match.start(), glued)
        cursor, glued = match.end(), match.start() == match.end()
    _add(out, line, cursor, lead + len(stripped), glued)
    return out


def _add(out: list[tuple[int, int, bool]], line: str, start: int, end: int, glued: bool) -> None:
    piece = line[start:end]
    text = piece.strip()
    if not text:
        return
    left = start + len(piece) - len(piece.lstrip())
    out.append((left, left + len(text), glued and left == start))


def text_lines(text: str) -> Iterator[str]:
    """Every line of ``text`` as the scraped-text cleaner sees it: minified lines in pieces."""
    for line in text.split("\n"):
        for start, end, _ in pieces(line):
            yield line[start:end]
