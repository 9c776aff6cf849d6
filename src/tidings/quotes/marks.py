"""Pair quotation marks into quoted spans: curly, straight, guillemets, nested and unbalanced.

Works on plain text, paragraph by paragraph (a paragraph is a run of non-empty lines). A
quote left open at the end of a paragraph continues when the next paragraph opens with a
quotation mark (the newspaper convention for multi-paragraph quotes); otherwise it is capped
at the paragraph end (and at ``max_open_chars``), so one missing mark never swallows the
rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
TWO_APOSTROPHES = "''"  # some newspapers' archives write straight double quotes as two apostrophes


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True)
class QuotedSpan:
    """A span of text between quotation marks; ``start``/``end`` include the marks."""

    start: int
    end: int
    balanced: bool = True  # False when the closing mark was missing and the span was capped
    paragraphs: int = 1  # > 1 for a quote continued across paragraphs
    single: bool = False  # quoted with single marks (‘...’) at top level

    def inner(self, text: str) -> tuple[int, int]:
        """Offsets of the quoted words, without the marks."""
        s, e = self.start, self.end
        if text.startswith(TWO_APOSTROPHES, s):
            s += 2
        elif s < e and text[s] in OPENERS + STRAIGHT + "‘":
            s += 1
        if e - s >= 2 and text.endswith(TWO_APOSTROPHES, s, e):
            e -= 2
        elif e > s and text[e - 1] in CLOSERS + STRAIGHT + "’":
            e -= 1
        return s, e


def _mark_len(text: str, i: int) -> int:
    """Length of the quotation mark at ``i`` (0 if none); "''" is a straight double mark."""
    ch = text[i]
    if ch in OPENERS or ch in CLOSERS or ch == STRAIGHT:
        return 1
    if text.startswith(TWO_APOSTROPHES, i) and not text.startswith(TWO_APOSTROPHES, i + 1):
        return 0 if i > 0 and text[i - 1] == "'" else 2
    return 0


def _role(text: str, i: int) -> Role:
    ch = text[i]
    if ch in OPENERS:
        return Role.OPEN
    if ch in CLOSERS:
        return Role.CLOSE
    width = 2 if text.startswith(TWO_APOSTROPHES, i) else 1
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return Role.OPEN
    if (after.isspace() or after in ".,;:!?)]}—–-") and not before.isspace():
        return Role.CLOSE
    return Role.EITHER


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Start/end offsets of paragraphs: text runs separated by newlines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _opens_with_mark(text: str, start: int, end: int) -> int | None:
    """Offset of the quotation mark opening paragraph [start, end), if it opens with one."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if (
        i < end
        and _mark_len(text, i)
        and text[i] not in CLOSERS
        and _role(text, i) is not Role.CLOSE
    ):
        return i
    return None


def find_quoted(text: str, max_open_chars: int = 1500) -> list[QuotedSpan]:
    """All top-level double-quoted spans of ``text``, in order, plus single-quoted ones."""
    paras = paragraphs(text)
    out: list[QuotedSpan] = []
    open_at: int | None = None
    open_curly = False
    n_paras = 1
    for p_idx, (p_start, p_end) in enumerate(paras):
        marks = [i for i in range(p_start, p_end) if _mark_len(text, i)]
        skip_first = False
        if open_at is not None:  # continued from the previous paragraph
            skip_first = True
            n_paras += 1
        for k, i in enumerate(marks):
            if skip_first and k == 0:
                continue
            role = _role(text, i)
            if open_at is None:
                if role is not Role.CLOSE:
                    open_at, open_curly, n_paras = i, text[i] in OPENERS, 1
                continue
            if (
                open_curly
                and text[i] in STRAIGHT + "'"
                and any(text[j] in CLOSERS for j in marks[k + 1 :])
            ):
                continue  # straight marks nested inside a curly quote
            if role is Role.OPEN and text[i] in OPENERS:
                out.append(_capped(text, open_at, i, max_open_chars, n_paras))
                open_at, open_curly, n_paras = i, True, 1
                continue
            out.append(QuotedSpan(open_at, i + _mark_len(text, i), True, n_paras))
            open_at = None
        if open_at is not None:
            nxt = paras[p_idx + 1] if p_idx + 1 < len(paras) else None
            if nxt is None or _opens_with_mark(text, *nxt) is None or nxt[0] - open_at > 20000:
                out.append(_capped(text, open_at, p_end, max_open_chars, n_paras))
                open_at = None
    if open_at is not None:
        out.append(_capped(text, open_at, len(text), max_open_chars, n_paras))
    out.extend(_single_quoted(text, out))
    out.sort(key=lambda q: q.start)
    return out


def _capped(text: str, start: int, limit: int, max_chars: int, n_paras: int) -> QuotedSpan:
    """An unclosed quote from ``start``: up to ``limit`` (paragraph end) and ``max_chars``."""
    end = min(limit, start + max_chars)
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(start, end, balanced=False, paragraphs=n_paras)


_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^‘’\n]*?(?:’\w[^‘’\n]*?)*)’(?=[\s.,;:!?)\]—–-]|$)"
)


def _single_quoted(text: str, doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    """Top-level ‘single-quoted’ spans of two words or more, outside every double quote."""
    found: list[QuotedSpan] = []
    for m in _SINGLE.finditer(text):
        s, e = m.start(), m.end()
        if len(m.group(1).split()) < 2:
            continue
        if any(d.start <= s < d.end or d.start < e <= d.end for d in doubles):
            continue  # nested inside a double quote: part of it, not a quote of its own
        found.append(QuotedSpan(s, e, single=True))
    return found
