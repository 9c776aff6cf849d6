"""Map text extracted from an HTML page back to character offsets in the page's raw HTML.

The raw HTML is read as a "visible text" view: tags, comments, scripts and styles dropped,
entities decoded, whitespace dropped, each visible character keeping its raw offset. Each line
of the extracted text is then found in that view, in order, ignoring whitespace; pieces that
differ (list dashes, table separators) stay unmapped rather than guessed.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from tidings.extract._segments import Segment

_TAG = r"</?[A-Za-z][^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>"
_ENTITY = r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)"
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|<(script|style|template)\b[^>]*>.*?(?:</\1\b[^>]*>|$)"
    rf"|{_TAG}"
    r"|<[!?][^>]*>"
    rf"|(?P<entity>{_ENTITY})",
    re.S | re.I,
)
ENTITY = re.compile(_ENTITY)
# Non-space runs, less characters that browsers do not show and extractors drop
# (soft hyphen, zero-width spaces and joiners, word joiner, byte-order mark).
_WORD = re.compile(r"[^\s\xad\u200b-\u200d\u2060\ufeff]+")
# A common piece of a line and the view is kept when it has this many characters, or when it
# is within _NEAR characters of the previous kept piece in both.
_MIN_BLOCK = 4
_NEAR = 2
# Pieces are kept only when together they cover this share of the line's characters.
_MIN_SHARE = 0.5
# Lines shorter than this (non-space characters) are looked for only within _WINDOW visible
# characters after the previous match, so a short repeated line cannot jump the cursor ahead.
_MIN_FAR = 40
_WINDOW = 3000
# A line not found whole is compared piecewise with a window of its length plus _SLACK
# characters, placed at the cursor or before the first _PROBE-character probe of it found.
_SLACK = 200
_PROBE = 12


@dataclass(frozen=True)
class VisibleText:
    """Non-space visible characters of a page and, for each, its raw offset and raw length."""

    chars: str
    raw_at: list[int]
    raw_len: list[int]  # 1 for a literal character, the entity's length for a decoded one
    starts: set[int]  # view indices that begin a run of text (after a space, tag or entity)


def visible_text(raw: str) -> VisibleText:
    """The page's visible non-space characters with their offsets in ``raw``."""
    chars: list[str] = []
    raw_at: list[int] = []
    raw_len: list[int] = []
    starts: set[int] = set()

    def literal(start: int, end: int) -> None:
        for word in _WORD.finditer(raw, start, end):
            starts.add(len(raw_at))
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
            starts.add(len(raw_at))
            chars.append(decoded[0])
            raw_at.append(token.start())
            raw_len.append(token.end() - token.start())
    literal(pos, len(raw))
    return VisibleText("".join(chars), raw_at, raw_len, starts)


def _find(view: VisibleText, key: str, cursor: int, stop: int | None) -> int:
    """First occurrence of ``key`` in the view after ``cursor``; a short key must be a whole
    run of text, so that a line like "su" is not found inside "successfully"."""
    found = view.chars.find(key, cursor, stop)
    if len(key) >= _MIN_FAR:
        return found
    while found >= 0 and not (found in view.starts and _ends_run(view, found + len(key))):
        found = view.chars.find(key, found + 1, stop)
    return found


def _ends_run(view: VisibleText, end: int) -> bool:
    return end == len(view.chars) or end in view.starts


def _align_line(
    view: VisibleText,
    positions: list[int],
    key: str,
    cursor: int,
    base_to_view: list[int],
    allow_far: bool = True,
) -> tuple[int, bool, bool]:
    """Map the non-space characters of one line (``key`` at base ``positions``) into the view.

    The line is looked for whole within a window after the cursor, then as common pieces
    within that window (kept only when they cover most of the line), then, when long enough
    not to match by chance and ``allow_far``, whole anywhere after the cursor. Returns
    (cursor after the match, whether anything matched, whether it was that far match).
    """
    stop = cursor + _WINDOW + 2 * len(key)
    found = _find(view, key, cursor, stop)
    if found >= 0:
        return _place(positions, found, base_to_view), True, False
    # Common pieces of the line and the view, longest first as difflib finds them, in a window
    # just larger than the line: right after the cursor (most lines differ by a few inserted
    # characters, list dashes or cell bars), else around a probe of the line found further on.
    starts = [cursor] + [a for a in _probes(view.chars, key, cursor, stop) if a > cursor]
    for start in starts[:2]:
        pieces = _pieces(view.chars[start : min(start + _SLACK + 2 * len(key), stop)], key)
        if pieces:
            for k, v, size in pieces:
                for i in range(size):
                    base_to_view[positions[k + i]] = start + v + i
            k, v, size = pieces[-1]
            return start + v + size, True, False
    if allow_far and len(key) >= _MIN_FAR:
        found = view.chars.find(key, cursor)
        if found >= 0:
            return _place(positions, found, base_to_view), True, True
    return cursor, False, False


def _probes(view: str, key: str, cursor: int, stop: int) -> list[int]:
    """Where the window may hold the line: before the first of a few probes of it found."""
    size = min(_PROBE, len(key))
    for offset in range(0, max(1, len(key) - size + 1), max(1, len(key) // 4)):
        found = view.find(key[offset : offset + size], cursor, stop)
        if found >= 0:
            return [max(cursor, found - offset - _SLACK // 2)]
    return []


def _pieces(window: str, key: str) -> list[tuple[int, int, int]]:
    """Common pieces (key_at, window_at, size) of ``key`` and ``window``, or [] when they cover
    too little of the key; tiny pieces match by chance unless right next to a kept one."""
    matcher = difflib.SequenceMatcher(None, key, window, autojunk=False)
    kept: list[tuple[int, int, int]] = []
    end_key = end_view = 0
    for k, v, size in matcher.get_matching_blocks():
        if size and (size >= _MIN_BLOCK or (k - end_key <= _NEAR and v - end_view <= _NEAR)):
            kept.append((k, v, size))
            end_key, end_view = k + size, v + size
    return kept if sum(size for _, _, size in kept) >= _MIN_SHARE * len(key) else []


def _place(positions: list[int], found: int, base_to_view: list[int]) -> int:
    for i, base_pos in enumerate(positions):
        base_to_view[base_pos] = found + i
    return found + len(positions)


def map_to_raw(base: str, raw: str) -> tuple[list[int], list[int]]:
    """For each character of ``base`` (text extracted from ``raw``): raw offset and length.

    Unmapped characters get offset -1. Whitespace is mapped only where the raw page has the
    same whitespace character right after the previous mapped literal character.
    """
    view = visible_text(raw)
    base_to_view = [-1] * len(base)
    # A line may be out of order (a heading repeated after a teaser) and pull the cursor ahead:
    # a line found nowhere after the cursor is looked for after the cursor before that jump,
    # and after a far match, which moves the cursor only once the next line confirms it.
    cursor = before = 0
    far_cursor = -1
    for line in re.finditer(r"[^\n]+", base):
        positions = [m for w in _WORD.finditer(line.group()) for m in range(*w.span())]
        if not positions:
            continue
        key = "".join(line.group()[i] for i in positions)
        at = [line.start() + i for i in positions]
        after, matched, far = _align_line(view, at, key, cursor, base_to_view)
        if far:
            far_cursor = after
            continue
        for retry in (before, far_cursor):
            if matched or retry < 0 or retry == cursor:
                continue
            after, matched, _ = _align_line(view, at, key, retry, base_to_view, False)
        if matched:
            cursor, before, far_cursor = after, cursor, -1
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
