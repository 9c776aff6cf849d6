"""Map text extracted from an HTML page back to character offsets in the page's raw HTML.

The raw HTML is read as a "visible text" view: tags, comments, scripts and styles dropped,
entities decoded, whitespace dropped, each visible character keeping its raw offset. Each line
of the extracted text is then found in that view, in order, ignoring whitespace; pieces that
differ (list dashes, table separators) stay unmapped rather than guessed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from tidings.extract._segments import Segment

_TAG = r"</?[A-Za-z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
_ENTITY = r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)"
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|$)"
    rf"|{_TAG}"
    r"|<[!?][^>]*>"
    rf"|(?P<entity>{_ENTITY})",
    re.S | re.I,
)
ENTITY = re.compile(_ENTITY)
# Non-space runs, less characters that browsers do not show and extractors drop
# (soft hyphen, zero-width spaces and joiners, word joiner, byte-order mark).
_WORD = re.compile(r"[^\s\xad\u200b-\u200d\u2060\ufeff]+")
# A piece of a line found elsewhere than right after the previous one must be this long
# (non-space characters) to be trusted; shorter ones match by chance.
_MIN_PIECE = 8
# Lines shorter than this (non-space characters) are looked for only within _WINDOW visible
# characters after the previous match, so a short repeated line cannot jump the cursor ahead.
_MIN_FAR = 40
_WINDOW = 3000


@dataclass(frozen=True)
class VisibleText:
    """Non-space visible characters of a page and, for each, its raw offset and raw length."""

    chars: str
    raw_at: list[int]
    raw_len: list[int]  # 1 for a literal character, the entity's length for a decoded one


def visible_text(raw: str) -> VisibleText:
    """The page's visible non-space characters with their offsets in ``raw``."""
    chars: list[str] = []
    raw_at: list[int] = []
    raw_len: list[int] = []

    def literal(start: int, end: int) -> None:
        for word in _WORD.finditer(raw, start, end):
            chars.append(word.group())
            raw_at.extend(range(word.start(), word.end()))
            raw_len.extend([1] * (word.end() - word.start()))

    pos = 0
    for token in _TOKEN.finditer(raw):
        literal(pos, token.start())
        pos = token.end()
        if token.group("entity") is None:
            continue
        decoded = html.unescape(token.group())
        if decoded == token.group():
            literal(token.start(), token.end())
        elif decoded and _WORD.match(decoded[0]):
            # a rare multi-character expansion keeps only its first character mapped
            chars.append(decoded[0])
            raw_at.append(token.start())
            raw_len.append(token.end() - token.start())
    literal(pos, len(raw))
    return VisibleText("".join(chars), raw_at, raw_len)


def _longest_prefix(view: str, key: str, cursor: int, stop: int) -> tuple[int, int]:
    """Longest prefix of ``key`` in ``view[cursor:stop]``: (where, length), length 0 if none."""
    low, high, at = 0, len(key), -1
    while low < high:  # a prefix occurs whenever a longer one does, so bisect on length
        mid = (low + high + 1) // 2
        found = view.find(key[:mid], cursor, stop)
        if found < 0:
            high = mid - 1
        else:
            low, at = mid, found
    return at, low


def _align_line(
    view: str, positions: list[int], key: str, cursor: int, base_to_view: list[int]
) -> int:
    """Map the non-space characters of one line (``key`` at base ``positions``) into the view.

    Returns the new cursor. A whole line is looked for anywhere after the cursor when it is
    long enough not to match by chance, else only within a window; so are its pieces.
    """
    stop = cursor + _WINDOW + 2 * len(key)
    found = view.find(key, cursor, stop)
    if found < 0 and len(key) >= _MIN_FAR:
        found = view.find(key, cursor)
    if found >= 0:
        for i, base_pos in enumerate(positions):
            base_to_view[base_pos] = found + i
        return found + len(key)
    k = 0
    while k < len(key):
        at, length = _longest_prefix(view, key[k:], cursor, stop)
        if length and (length >= _MIN_PIECE or length == len(key) - k or at == cursor):
            for i in range(length):
                base_to_view[positions[k + i]] = at + i
            k += length
            cursor = at + length
            continue
        k += 1  # this character is not in the page (a list dash, a separator): skip it
    return cursor


def map_to_raw(base: str, raw: str) -> tuple[list[int], list[int]]:
    """For each character of ``base`` (text extracted from ``raw``): raw offset and length.

    Unmapped characters get offset -1. Whitespace is mapped only where the raw page has the
    same whitespace character right after the previous mapped literal character.
    """
    view = visible_text(raw)
    base_to_view = [-1] * len(base)
    cursor = 0
    for line in re.finditer(r"[^\n]+", base):
        positions = [m for w in _WORD.finditer(line.group()) for m in range(*w.span())]
        if not positions:
            continue
        key = "".join(line.group()[i] for i in positions)
        start = line.start()
        cursor = _align_line(view.chars, [start + i for i in positions], key, cursor, base_to_view)
    raw_at = [-1] * len(base)
    raw_len = [0] * len(base)
    for i, v in enumerate(base_to_view):
        if v >= 0:
            raw_at[i], raw_len[i] = view.raw_at[v], view.raw_len[v]
        elif i and base[i].isspace() and raw_len[i - 1] == 1:
            nxt = raw_at[i - 1] + 1
            if nxt < len(raw) and raw[nxt] == base[i]:
                raw_at[i], raw_len[i] = nxt, 1
    return raw_at, raw_len


def remap_html(segments: list[Segment], base: str, raw: str) -> tuple[Segment, ...]:
    """Carry segments over ``base`` (text extracted from HTML ``raw``) to offsets in ``raw``.

    Literal characters come in runs where clean and raw text are equal; a character decoded
    from an entity is a segment of length 1 pointing at the entity's ``&``.
    """
    raw_at, raw_len = map_to_raw(base, raw)
    out: list[Segment] = []
    for clean_start, base_start, length in segments:
        run_clean = run_raw = -1
        run_len = 0
        for i in range(length):
            at, size = raw_at[base_start + i], raw_len[base_start + i]
            if size == 1 and run_len and at == run_raw + run_len:
                run_len += 1
                continue
            if run_len:
                out.append((run_clean, run_raw, run_len))
                run_len = 0
            if size == 1:
                run_clean, run_raw, run_len = clean_start + i, at, 1
            elif size > 1:
                out.append((clean_start + i, at, 1))
        if run_len:
            out.append((run_clean, run_raw, run_len))
    return tuple(out)


def raw_span(
    offsets: tuple[Segment, ...] | list[Segment], raw: str, start: int, end: int
) -> tuple[int, int] | None:
    """Raw ``(start, end)`` covering clean text ``[start, end)``; None if no character maps.

    The span runs from the first mapped character to the end of the last one (a whole entity
    when that character was decoded from one).
    """
    first: int | None = None
    last_end = -1
    for clean_start, raw_start, length in offsets:
        lo, hi = max(start, clean_start), min(end, clean_start + length)
        if lo >= hi:
            continue
        at = raw_start + lo - clean_start
        if first is None or at < first:
            first = at
        stop = raw_start + hi - clean_start
        entity = ENTITY.match(raw, raw_start) if length == 1 else None
        if entity is not None and html.unescape(entity.group()) != entity.group():
            stop = entity.end()
        last_end = max(last_end, stop)
    return None if first is None else (first, last_end)
