"""Where a glued page's second article starts, found from the prose alone, before the line model.

The line model places each line relative to the page's densest prose block; on a file gluing two
pages, the second article sits far from the first's block and loses its text. So pages are cut
first, on shape alone: two runs of prose sentences, parted by a run of non-prose lines (one
page's footer, the next page's menu and header), whose content words barely overlap (one
article's comments or second half share its vocabulary; a different article does not). Each piece
is then scored as a page of its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from tidings.extract._lexicon import all_stopwords

_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"[.!?…]['\"”’»)]*$")
GAP_LINES = 30  # non-prose lines between prose runs: a footer, the next page's menu and header
_MIN_WORDS = 10  # a prose sentence line
_MIN_RUN_CHARS = 1000  # prose characters each side keeps
_MIN_RUN_LINES = 3  # prose lines the right side keeps (a teaser's blurb or two is no article)
_MAX_COSINE = 0.05
_LEFT_LINES = 80  # prose lines of the left side compared (bounds the work on a 50,000-line dump)
_DENSE_LINES = 8  # prose lines an article's opening is judged on
_MIN_DENSITY = 0.5  # their share of the characters from the first to the last of them


def is_prose(text: str) -> bool:
    """A sentence line: ten words or more, ending like a sentence."""
    stripped = text.strip()
    return len(_WORD.findall(stripped)) >= _MIN_WORDS and _SENT_END.search(stripped) is not None


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 3]


def cosine(a: str, b: str) -> float:
    """Cosine of the two texts' bags of content words (stopwords of every language left out)."""
    stop = all_stopwords()
    one = Counter(w for w in content_words(a) if w not in stop)
    two = Counter(w for w in content_words(b) if w not in stop)
    dot = sum(v * two[k] for k, v in one.items())
    norm = math.sqrt(sum(v * v for v in one.values()) * sum(v * v for v in two.values()))
    return dot / norm if norm else 0.0


def prose_cuts(texts: Sequence[str], eligible: Sequence[bool]) -> list[tuple[int, int]]:
    """Where a glued second page begins, as indexes into ``texts`` (a page's non-empty lines):
    (the line after the last prose line before the gap, the first prose line after it). The
    gap between holds one page's footer and the next one's header, in an order no shape tells.
    ``eligible`` leaves out lines the rules already called furniture (a byline, a date line)."""
    prose = [ok and is_prose(t) for t, ok in zip(texts, eligible, strict=True)]
    runs: list[list[int]] = []
    last = -1
    for i, p in enumerate(prose):
        if not p:
            continue
        if runs and i - last - 1 < GAP_LINES:
            runs[-1].append(i)
        else:
            runs.append([i])
        last = i
    cuts: list[tuple[int, int]] = []
    left = list(runs[0]) if runs else []
    for k in range(1, len(runs)):
        right = _enough(runs, k, texts)
        left_text = " ".join(texts[i] for i in left[-_LEFT_LINES:])
        right_text = " ".join(texts[i] for i in right)
        if (
            len(left_text) >= _MIN_RUN_CHARS
            and len(right_text) >= _MIN_RUN_CHARS
            and len(right) >= _MIN_RUN_LINES
            and _dense(texts, prose, runs[k][0])
            and cosine(left_text, right_text) < _MAX_COSINE
        ):
            cuts.append((left[-1] + 1, runs[k][0]))
            left = list(runs[k])
        else:
            left.extend(runs[k])
    return cuts


def _enough(runs: list[list[int]], k: int, texts: Sequence[str]) -> list[int]:
    """Run ``k`` and the ones after it until they hold enough prose to compare (an article's
    lead may stand apart from its body behind a photo gallery)."""
    out: list[int] = []
    for run in runs[k:]:
        out.extend(run)
        if sum(len(texts[i]) for i in out) >= _MIN_RUN_CHARS and len(out) >= _MIN_RUN_LINES:
            break
    return out


def _dense(texts: Sequence[str], prose: Sequence[bool], first: int) -> bool:
    """An article opens with prose close together; a list of teasers or comments puts
    headlines, dates and names between one-sentence blurbs."""
    found: list[int] = []
    for i in range(first, len(texts)):
        if prose[i]:
            found.append(i)
            if len(found) == _DENSE_LINES:
                break
    if not found:
        return False
    inside = sum(len(texts[i]) for i in range(found[0], found[-1] + 1))
    return sum(len(texts[i]) for i in found) >= _MIN_DENSITY * inside
