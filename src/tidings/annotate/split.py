"""Cut a long text into parts of at most ``limit`` characters at the best boundary near the limit.

Preferred cut points, in order: a paragraph break, a line break, a sentence end (". ", "? ",
"! " followed by a capital or a quote), any whitespace; a hard cut only when a stretch of
``limit`` characters has none. The parts concatenate back to the text exactly, so offsets
into the whole text stay right.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
_MIN_SHARE = 0.5  # a boundary in the last half of the window; earlier, try the next kind


def split_text(text: str, limit: int) -> list[str]:
    """``text`` as consecutive parts of at most ``limit`` characters (one part if it fits)."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1 (got {limit})")
    parts: list[str] = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _cut(text: str, start: int, end: int) -> int:
    """The offset in (start, end] to end a part at."""
    floor = start + int((end - start) * _MIN_SHARE)
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, floor, end)
        if at >= 0:
            return at + len(sep)
    last = None
    for match in _SENTENCE_END.finditer(text, floor, end):
        last = match.end()
    if last is not None and last > start:
        return last
    for at in range(end - 1, floor - 1, -1):
        if text[at].isspace():
            return at + 1
    return end
