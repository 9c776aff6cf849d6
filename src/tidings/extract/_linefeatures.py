"""Shape features of scraped-text lines for the line classifier (``_linemodel``).

One row per non-empty line: its own shape (length, punctuation, stopword share, bullet and menu
marks, capitalisation), its place relative to the page's densest prose block, the same shape
of its neighbours, and how often the line repeats across the batch or outlet (``repeats``).
Ideas from jusText and trafilatura (prose density), applied to lines of text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from tidings.extract._lexicon import stopwords

_WORD = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*(?:[*+•·▪►▸◦‣-]|\d{1,2}[.)])\s+")
_SENT_END = re.compile(r"[.!?…]['\"”’»)]*$")
_SENT_MARK = re.compile(r"[.!?;:,]")
_SEPARATOR = re.compile(r"\s[|»›/·•]\s|\s{3,}")
_LINKISH = re.compile(r"https?://|www\.|@\w|\.(?:com|org|net|de)\b", re.I)
_LEGAL = re.compile(r"©|copyright|all rights reserved|cookie|privacy|datenschutz|impressum", re.I)

# Kept in this order: the model's weights are stored against these names.
OWN = (
    "log_chars",
    "log_words",
    "sent_end",
    "sent_marks",
    "stop_share",
    "cap_share",
    "digit_share",
    "bullet",
    "separators",
    "linkish",
    "legal",
    "all_caps",
    "indent",
    "long_prose",
)
PLACE = ("rel_pos", "in_block", "dist_block", "block_share")
NEIGHBOUR = ("prev_", "next_")
NEIGHBOUR_KEYS = ("log_chars", "sent_end", "stop_share", "long_prose", "bullet")
NAMES = (
    *OWN,
    *PLACE,
    *(p + k for p in NEIGHBOUR for k in NEIGHBOUR_KEYS),
    "win_prose",
    "repeats",
)


def page_stopwords(texts: Sequence[str]) -> frozenset[str]:
    """The stopword list of the language that best fits the page's words."""
    words = [w.lower() for t in texts for w in _WORD.findall(t)][:4000]
    best: frozenset[str] = frozenset()
    best_hits = -1
    for vocab in stopwords().values():
        hits = sum(w in vocab for w in words)
        if hits > best_hits:
            best, best_hits = vocab, hits
    return best


def own_features(raw: str, stop: frozenset[str]) -> list[float]:
    text = raw.strip()
    words = _WORD.findall(text)
    n_words = len(words)
    letters = [c for c in text if c.isalpha()]
    stop_share = sum(w.lower() in stop for w in words) / n_words if n_words else 0.0
    cap_share = sum(w[:1].isupper() for w in words) / n_words if n_words else 0.0
    sent_end = 1.0 if _SENT_END.search(text) else 0.0
    long_prose = 1.0 if n_words >= 10 and stop_share >= 0.12 and sent_end else 0.0
    return [
        math.log1p(len(text)),
        math.log1p(n_words),
        sent_end,
        len(_SENT_MARK.findall(text)) / (n_words + 1),
        stop_share,
        cap_share,
        sum(c.isdigit() for c in text) / (len(text) or 1),
        1.0 if _BULLET.match(raw) else 0.0,
        min(len(_SEPARATOR.findall(text)), 5) / 5,
        1.0 if _LINKISH.search(text) else 0.0,
        1.0 if _LEGAL.search(text) else 0.0,
        1.0 if letters and all(c.isupper() for c in letters) else 0.0,
        min(len(raw) - len(raw.lstrip()), 40) / 40,
        long_prose,
    ]


def densest_block(prose: Sequence[float], chars: Sequence[int]) -> tuple[int, int]:
    """Line range [a, b] with the most prose characters net of non-prose ones (Kadane)."""
    best = (0, -1)
    best_sum = 0.0
    run_start, run = 0, 0.0
    for i, (p, n) in enumerate(zip(prose, chars, strict=True)):
        score = n if p else -0.5 * min(n, 300) - 10
        if run <= 0:
            run_start, run = i, 0.0
        run += score
        if run > best_sum:
            best_sum, best = run, (run_start, i)
    return best


def page_features(lines: Sequence[str], repeats: Sequence[int] | None = None) -> list[list[float]]:
    """One feature row per entry of ``lines`` (the page's non-empty lines, in order)."""
    stop = page_stopwords(lines)
    own = [own_features(line, stop) for line in lines]
    n = len(lines)
    prose = [row[OWN.index("long_prose")] for row in own]
    chars = [len(line.strip()) for line in lines]
    a, b = densest_block(prose, chars)
    total_prose = sum(c for c, p in zip(chars, prose, strict=True) if p) or 1
    block_prose = sum(chars[a : b + 1]) if b >= a else 0
    keys = [OWN.index(k) for k in NEIGHBOUR_KEYS]
    blank = [0.0] * len(keys)
    rows = []
    for i in range(n):
        if b < a:
            dist = float(n)
        elif a <= i <= b:
            dist = 0.0
        else:
            dist = float(a - i if i < a else i - b)
        prev = [own[i - 1][k] for k in keys] if i > 0 else blank
        nxt = [own[i + 1][k] for k in keys] if i + 1 < n else blank
        window = prose[max(0, i - 3) : i + 4]
        rep = repeats[i] if repeats is not None else 0
        rows.append(
            [
                *own[i],
                i / n,
                1.0 if dist == 0 else 0.0,
                math.log1p(dist),
                block_prose / total_prose,
                *prev,
                *nxt,
                sum(window) / len(window),
                math.log1p(rep),
            ]
        )
    return rows
