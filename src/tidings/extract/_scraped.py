"""Clean scraped news text line by line and split pages that glue several articles.

Works on a base string (a text RawDoc's body, or the text trafilatura took from HTML) and
returns article parts as spans of it, so clean text can always be mapped back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from tidings.extract._lexicon import boilerplate
from tidings.extract._linefeatures import densest_block
from tidings.extract._linemodel import line_model
from tidings.extract._linestats import LineStats
from tidings.extract._minified import pieces
from tidings.extract._prosecuts import cosine, prose_cuts
from tidings.extract._segments import Segment, TextBuilder
from tidings.extract._textdates import dates_in, is_bare_label, relative_date
from tidings.extract._titles import (
    headline_with_meta,
    lead_title,
    strip_section_label,
    strip_tab_label,
)

_SEPARATORS = " \t|•·»>/–—-:"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}))??"
    r"(?:,\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<wire>[A-Za-z][A-Za-z .&/-]{0,30})\))?"
    r"(?:\s*[-–—]+\s+|:\s+|(?<=\))_\s*)"  # "MOSCOW (AP)_ ..." (TimeBank wire copy)
)
# Other dateline shapes, with the same groups (an empty group is "not stated"):
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
_TITLE_PLACE = r"(?P<place>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})"
_MORE_DATELINES = (
    # "(NEW YORK) — Police officers ..." (TIME)
    re.compile(
        r"^\("
        + _CAPS_PLACE
        + r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+))?\)(?P<wire>)(?P<date>)\s*[-–—]+\s+"
    ),
    # "LONDON The Latest on ..." (AP's running stories put no dash after the place)
    re.compile(r"^" + _CAPS_PLACE + r"(?P<region>)(?P<wire>)(?P<date>)\s+(?=The Latest\b)"),
    # "Kuala Lumpur: Malaysian authorities ..." (The Star)
    re.compile(r"^" + _TITLE_PLACE + r"(?P<region>)(?P<wire>)(?P<date>):\s+(?=[A-Z])"),
    # "Moscow, SANA- Russian ..." (an agency's name after the place, then a dash)
    re.compile(
        r"^" + _TITLE_PLACE + r"(?P<region>)(?P<date>),\s*(?P<wire>[A-Z]{2,8})\s*[-–—]+\s*(?=[A-Z])"
    ),
)
# Capitalised labels that open a line like a dateline but are not places.
_NOT_PLACES = frozenset(
    {"UPDATE", "UPDATED", "WATCH", "BREAKING", "LIVE", "NEW", "EXCLUSIVE", "VIDEO", "PHOTOS"}
    | {"ANALYSIS", "OPINION", "EDITORIAL", "NOTE", "READ", "ALSO", "MORE"}
    | {"SOURCE", "SOURCES", "RELATED", "CREDIT", "PHOTO", "WARNING", "SUMMARY", "TRANSCRIPT"}
    | {"QUESTION", "ANSWER", "WHEN", "WHERE", "WHAT", "WHY", "HOW", "WHO", "TOPICS", "TAGS"}
)
_END_PUNCT = re.compile(r"[.;,:!]['\"”’)]*$")
_DOUBLED = re.compile(r"^(?P<half>.+?)\s+(?P=half)$")
_WORD = re.compile(r"\w+")
_NO_SPACE_BEFORE = frozenset(".,;:!?)”’\"'")


@dataclass
class Line:
    """One line of the base string and what the cleaner decided about it."""

    start: int
    end: int
    text: str
    kind: str = "text"  # empty | nav | credit | byline | published | duplicate | text
    value: str | None = None  # the author of a byline, the date of a published line
    spans: list[tuple[int, int]] = field(default_factory=list)
    caption: bool = False
    score: float = 1.0  # the line model's probability of article text (1.0 when not scored)
    indent: int = 0  # blanks before the line on its physical line (a line model feature)
    glued: bool = False  # a minified dump's piece that ran into the previous one with no space

    def kept(self, base: str) -> str:
        return " ".join(base[s:e] for s, e in self.spans)


@dataclass
class Part:
    """One article found in the base string."""

    text: str
    segments: list[Segment]
    title: str | None = None
    published: str | None = None
    author: str | None = None
    dateline: str | None = None
    wire: str | None = None
    updated: str | None = None  # a printed "Updated" date, never taken as the published one


def split_lines(base: str, minified: bool = False) -> list[Line]:
    """The lines of ``base``; ``minified`` (scraped text) also cuts a minified page's one long
    line into its pieces (``_minified``)."""
    lines: list[Line] = []
    pos = 0
    for raw_line in base.split("\n"):
        end = pos + len(raw_line)
        cuts = pieces(raw_line) if minified else _whole(raw_line)
        for k, (a, b, glued) in enumerate(cuts):
            start = pos + a
            indent = a if k == 0 else 0
            lines.append(
                Line(start, pos + b, base[start : pos + b], spans=[(start, pos + b)], indent=indent)
            )
            lines[-1].glued = glued
        if not cuts:
            lines.append(Line(pos, end, "", kind="empty", spans=[]))
        pos = end + 1
    return lines


def _whole(raw_line: str) -> list[tuple[int, int, bool]]:
    stripped = raw_line.strip()
    lead = len(raw_line) - len(raw_line.lstrip())
    return [(lead, lead + len(stripped), False)] if stripped else []


def raw_lines(lines: list[Line], base: str) -> list[str]:
    """The non-empty lines as the line model reads them: with their indentation."""
    return [base[line.start - line.indent : line.end] for line in lines if line.kind != "empty"]


def _is_nav(text: str) -> bool:
    rules = boilerplate()
    trimmed = text.strip(_SEPARATORS).lower()
    if not trimmed or trimmed in rules.nav_lines:
        return True
    if any(p.search(trimmed) for p in rules.nav_patterns):
        return True
    doubled = _DOUBLED.match(text)
    if doubled:  # "World World": a tab label printed twice
        half = doubled.group("half")
        words = half.split()
        if half.lower() in rules.nav_lines or (
            len(words) <= 3 and all(w[:1].isupper() for w in words)
        ):
            return True
    pieces = [p for p in re.split(r"\s*[|•·]\s*", trimmed) if p]
    return len(pieces) > 1 and all(p in rules.nav_lines for p in pieces)


_LONG_LINE = 5000


def classify(line: Line) -> None:
    """Decide the kind of a non-empty line and trim inline credits and doubled text."""
    rules = boilerplate()
    text = line.text
    if len(text) > _LONG_LINE:
        return  # furniture rules are for short lines: a long one is text, or junk the model drops
    published = rules.published.match(text)
    if published and re.search(r"\d", published.group("value")):
        line.kind, line.value = "published", published.group("value").strip()
        return
    if _is_nav(text):
        line.kind = "nav"
        return
    if any(p.search(text) for p in rules.credit_lines):
        line.kind = "credit"
        return
    for pattern in rules.bylines:
        byline = pattern.match(text)
        if byline and len(text.split()) <= 12:
            line.kind, line.value = "byline", byline.group(1).strip()
            return
    # a dateline's "(AFP)" names the wire, not a photo: credits are cut only after it
    head = dateline_of(text)
    skip = line.start + (head.end() if head else 0)
    spans = [(skip, line.end)]
    for pattern in rules.inline_credits:
        spans = _cut(spans, text, line.start, pattern)
    if spans != [(skip, line.end)] and head is None:
        line.caption = True  # a credited line is a photo caption, unless it opens with a dateline
    spans = _merge([(line.start, skip), *spans])
    doubled = _DOUBLED.match(text)
    if doubled and len(_WORD.findall(doubled.group("half"))) >= 3:
        half_end = line.start + len(doubled.group("half"))
        spans = [(s, min(e, half_end)) for s, e in spans if s < half_end]
        line.caption = True
    line.spans = [(s, e) for s, e in spans if e > s]
    if not line.spans:
        line.kind = "credit"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if out and out[-1][1] == start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _cut(
    spans: list[tuple[int, int]], text: str, offset: int, pattern: re.Pattern[str]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for match in pattern.finditer(text, start - offset, end - offset):
            out.append((cursor, offset + match.start()))
            cursor = offset + match.end()
        out.append((cursor, end))
    return [(s, e) for s, e in out if e > s]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def mark_duplicates(lines: list[Line], base: str) -> None:
    """A text line equal to the previous text line (a caption printed twice) is dropped."""
    previous: Line | None = None
    for line in lines:
        if line.kind != "text":
            continue
        if previous is not None and _norm(line.kept(base)) == _norm(previous.kept(base)):
            line.kind = "duplicate"
            previous.caption = True
            continue
        previous = line


def title_like(line: Line, base: str, any_kind: bool = False) -> bool:
    text = line.kept(base)
    words = text.split()
    return (
        (any_kind or line.kind == "text")
        and 2 <= len(words) <= 25
        and len(text) <= 200
        and not _END_PUNCT.search(text)
        and dateline_of(text) is None
    )


def dateline_of(text: str) -> re.Match[str] | None:
    match = _DATELINE.match(text)
    if match is None:
        match = next((m for p in _MORE_DATELINES if (m := p.match(text))), None)
    if match is None:
        return None
    place = match.group("place").strip()
    if place.strip(".").upper() in _NOT_PLACES or len(place.replace(" ", "")) < 3:
        return None
    if match.group("wire") is None and not any(c.isalpha() for c in text[match.end() :][:3]):
        return None
    return match


def _is_body(line: Line, base: str) -> bool:
    return line.kind == "text" and not line.caption and not title_like(line, base)


def _markers(lines: list[Line]) -> list[int]:
    """Lines that open an article: a published line, or a dateline naming a wire or date.

    A bare "PLACE:" opening is too easy to confuse with a label ("WARNING:") to split on.
    """
    out = []
    for i, line in enumerate(lines):
        if line.kind == "published":
            out.append(i)
        elif line.kind == "text":
            match = dateline_of(line.text)
            if match is not None and (match.group("wire") or match.group("date")):
                out.append(i)
    return out


def article_starts(lines: list[Line], base: str) -> list[int]:
    """Line indexes where glued articles start (always begins with 0)."""
    starts = [0]
    last_marker = -1
    for m in _markers(lines):
        if last_marker < 0:
            last_marker = m
            continue
        if not any(_is_body(lines[k], base) for k in range(last_marker + 1, m)):
            last_marker = m  # same header: a published line followed by the dateline
            continue
        trailing = not any(_is_body(lines[k], base) for k in range(m, len(lines)))
        if trailing and lines[m].kind != "text":
            continue  # a trailing "Updated:" line, not a new article
        start, plain = m, 0
        j = m - 1
        while j > max(last_marker, starts[-1]) and m - j <= 8:
            line = lines[j]
            if line.kind == "furniture" and title_like(line, base, any_kind=True):
                start = j  # the line model may call a lone headline furniture; it opens the part
                break
            if line.kind == "text":
                if title_like(line, base):
                    start = j
                    break
                if not line.caption:
                    plain += 1
                    if plain > 1:
                        break
            j -= 1
        if any(_is_body(lines[k], base) for k in range(starts[-1], start)):
            starts.append(start)
        last_marker = m
    return starts


_GAP_LINES = 12  # furniture lines between two prose runs: one page's footer, the next's header
_MIN_BLOCK_CHARS = 400
_MAX_COSINE = 0.035  # content-word cosine under which two prose runs tell different stories
# With a second headline and its metadata block between the runs, the pages may share more words
# (two stories of one beat, the same site's kept furniture) and still be two articles.
_MAX_COSINE_HEADLINE = 0.08
_HEADLINE_GAP = 20  # furniture lines between the runs
_HEADLINE_MIN_CHARS = 1000  # chars each run keeps
_HEADLINE_REACH = 8  # non-empty lines into the right run searched for its headline block


def gap_starts(lines: list[Line], base: str) -> list[int]:
    """Where a second page was glued on: two long runs of article text, parted by a run of
    furniture, that share almost no words (one article's comments or second half share its
    vocabulary; a different article does not).
    """
    kept = [i for i, line in enumerate(lines) if _bridges(line)]
    if not kept:
        return []
    blocks: list[list[int]] = [[kept[0]]]
    for prev, i in zip(kept, kept[1:], strict=False):
        gap = sum(1 for k in range(prev + 1, i) if lines[k].kind != "empty")
        if gap >= _GAP_LINES:
            blocks.append([i])
        else:
            blocks[-1].append(i)
    starts: list[int] = []
    left = blocks[0]
    for block in blocks[1:]:
        left_text = " ".join(lines[i].kept(base) for i in left)
        right_text = " ".join(lines[i].kept(base) for i in block)
        limit = _MAX_COSINE
        wide = sum(1 for k in range(left[-1] + 1, block[0]) if lines[k].kind != "empty")
        if (
            wide >= _HEADLINE_GAP
            and min(len(left_text), len(right_text)) >= _HEADLINE_MIN_CHARS
            and headline_with_meta(lines, left[-1] + 1, _reach(lines, block[0])) is not None
        ):
            limit = _MAX_COSINE_HEADLINE
        if (
            len(left_text) >= _MIN_BLOCK_CHARS
            and len(right_text) >= _MIN_BLOCK_CHARS
            and cosine(left_text, right_text) < limit
        ):
            starts.append(left[-1] + 1)
            left = block
        else:
            left = [*left, *block]
    return starts


def _reach(lines: list[Line], first: int) -> int:
    """End of the search for a headline block: a few non-empty lines past the run's first line
    (a headline may be kept text, its byline and date below it)."""
    seen = 0
    for k in range(first, len(lines)):
        if lines[k].kind != "empty":
            seen += 1
            if seen > _HEADLINE_REACH:
                return k
    return len(lines)


def _substantial(starts: list[int], lines: list[Line], base: str) -> list[int]:
    """Starts whose part keeps two or more body lines before the next article marker; a teaser
    (headline, "Published" line and a one-line blurb) in a sidebar is no second article, nor is
    a list of them, each with its own "Posted on" line.
    """
    bounds = [*starts[1:], len(lines)]
    markers = _markers(lines)
    out = [0]
    for start, end in zip(starts[1:], bounds[1:], strict=True):
        # the part's own marker opens it (headline, byline, date); one deep inside the part
        # is a comment's or a teaser's, not its header
        own = next((m for m in markers if start <= m < _reach(lines, start)), None)
        # the next marker with body text between it and this part's own (a published line and
        # a dateline, or two date lines around a tag list, open one article)
        later = next(
            (
                m
                for m in markers
                if own is not None
                and m > own
                and any(_is_body(x, base) for x in lines[own + 1 : m])
            ),
            None,
        )
        if later is not None and own is not None and own < end:
            end = min(end, later)
        first = own if own is not None and own < end else start  # a teaser's blurb may sit above
        body = sum(1 for line in lines[first:end] if line.kind == "text" and not line.caption)
        if body >= 2:
            out.append(start)
    return out


def _continues(lines: list[Line], index: int, base: str) -> bool:
    """True when the line after ``index`` carries on its sentence (a hard-wrapped line)."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    return following is not None and following.kind == "text" and following.kept(base)[:1].islower()


def build_part(
    lines: list[Line],
    base: str,
    *,
    find_title: bool = True,
    known_title: str | None = None,
    learned: bool = False,
    fetched: datetime | None = None,
) -> Part | None:
    """Clean text and metadata of one article's lines; None when no text is left.

    ``known_title`` (from page metadata) is dropped when the text opens with it. ``learned``
    (scraped text) takes dates only as ``_textdates`` finds them and the title near the lead.
    """
    title = published = author = dateline = wire = None
    # A title the caller gave is the title: the opening line is then body, even when short and
    # unpunctuated (hard-wrapped copy whose first line ends "... officials" before "say.").
    hunt = learned and find_title and known_title is None
    wraps = [_continues(lines, i, base) for i in range(len(lines))] if hunt else []
    title_at = lead_title(lines, wraps) if hunt else None
    if title_at is not None:
        title = strip_section_label(strip_tab_label(lines[title_at].text), lines, title_at)
        find_title = False
    builder = TextBuilder(base)
    body_lines = 0
    previous: Line | None = None
    gap = False
    for index, line in enumerate(lines):
        if line.kind == "empty":
            gap = True
            continue
        if line.kind == "published":
            if not learned:
                published = published or line.value
            continue
        if line.kind == "byline":
            author = author or line.value
            continue
        if line.kind != "text" or index == title_at:
            continue
        if body_lines == 0 and known_title and _norm(line.kept(base)) == _norm(known_title):
            continue
        if (
            find_title
            and title is None
            and body_lines == 0
            and title_like(line, base)
            and not _continues(lines, index, base)
        ):
            title = line.kept(base)
            continue
        spans = list(line.spans)
        if dateline is None and body_lines < 3:
            match = dateline_of(line.kept(base))
            if match is not None and spans:
                dateline = match.group("place").strip()
                if match.group("region"):  # "GEORGETOWN, Ky.": the qualifier places it
                    dateline += ", " + match.group("region").strip()
                wire = (match.group("wire") or "").strip() or None
                first_start, first_end = spans[0]
                spans[0] = (first_start + match.end(), first_end)
                spans = [(s, e) for s, e in spans if e > s]
        if previous is not None:
            builder.separate(_joiner(previous, line, base, gap))
        for k, (s, e) in enumerate(spans):
            if k and base[s : s + 1] not in _NO_SPACE_BEFORE:
                builder.separate(" ")
            builder.add(s, e)
        previous, gap = line, False
        body_lines += 1
    text = builder.text()
    if not text.strip():
        return None
    updated = None
    if learned:
        published, updated = printed_dates(lines, fetched)
    return Part(text, builder.segments, title, published, author, dateline, wire, updated)


def printed_dates(lines: list[Line], fetched: datetime | None) -> tuple[str | None, str | None]:
    """(published, updated) ISO dates printed on the page's metadata lines, or None.

    First labelled date = published; "Updated" ones kept apart; then a line that is only a
    date or opens with one ("Mon 20 Jan 2020 06.05 GMT Last modified ..."); then the updated
    date; then "2 hours ago" against the fetch time. Prose lines are not metadata: a sentence
    "on 3 March 2020 the minister said" dates an event, not the article.
    """
    published = updated = bare = relative = None
    label_before = False
    for line in lines:
        if line.kind == "empty":
            continue
        prose = line.kind == "text" and len(line.text) > 160
        for found in dates_in(line.text, label_before):
            if prose and not found.strong:
                continue  # in a sentence only "Published ..." dates the article
            if found.updated:
                updated = updated or found.value
            elif found.labelled or len(line.text) <= 40 or (found.opens and not prose):
                if found.labelled and published is None:
                    published = found.value
                bare = bare or found.value
        if relative is None and len(line.text) <= 80:
            relative = relative_date(line.text, fetched)
        label_before = is_bare_label(line.text)
    # a page that prints only "Updated: <date>" was out by then: the date stands in (trafilatura
    # too takes the last-modified date when no other is printed)
    chosen = published or bare or updated or relative
    return (
        chosen.isoformat() if chosen else None,
        updated.isoformat() if updated else None,
    )


def _joiner(previous: Line, line: Line, base: str, gap: bool) -> str:
    """Paragraph break, except inside a hard-wrapped sentence."""
    if line.glued and previous.end == line.start:
        return ""  # "McDonald" cut in a minified dump's piece join: both kept, so rejoined
    before = previous.kept(base)
    after = line.kept(base)
    if not gap and before and after and after[0].islower() and not _END_PUNCT.search(before):
        return " "
    return "\n\n"


def clean_lines(base: str, learned: bool = False, stats: LineStats | None = None) -> list[Line]:
    """Classify every line; ``learned`` also drops text lines the line model calls furniture."""
    return _clean(base, learned, stats)[0]


def _clean(
    base: str, learned: bool, stats: LineStats | None
) -> tuple[list[Line], list[tuple[int, int]]]:
    """The classified lines and, for scraped text, the line indexes where a glued page's prose
    starts again (``_prosecuts``): each piece is scored by the line model as a page of its own,
    so the second article is not judged by its distance from the first one's prose."""
    lines = split_lines(base, minified=learned)
    for line in lines:
        if line.kind != "empty":
            classify(line)
    cuts: list[tuple[int, int]] = []
    if learned:
        mark_promos(lines)
        shown = [i for i, line in enumerate(lines) if line.kind != "empty"]
        found = prose_cuts(
            [lines[i].text for i in shown], [lines[i].kind in ("text", "promo") for i in shown]
        )
        cuts = [(shown[c], shown[f]) for c, f in found]
        # each window runs from the previous page's last prose to the next page's first: the
        # lines of a gap are scored with both pages, and kept only if both would keep them
        windows = list(
            zip([0, *(c for c, _ in cuts)], [*(f for _, f in cuts), len(lines)], strict=True)
        )
        drop_furniture(lines, base, stats, windows)
        mark_repeats(lines, base)
        drop_loose_ends(lines)
    mark_duplicates(lines, base)
    return lines, cuts


def mark_promos(lines: list[Line]) -> None:
    """Text lines that link a related story ("Read also: ...") or promote the site itself
    (subscriptions, newsletters, donations, the comment policy) are ``promo``: never article
    text, though they read like sentences."""
    patterns = boilerplate().promo_patterns
    for line in lines:
        if line.kind == "text" and len(line.text) <= _LONG_LINE:
            trimmed = line.text.strip(_SEPARATORS)
            if any(p.search(trimmed) for p in patterns):
                line.kind = "promo"


def _bridges(line: Line) -> bool:
    """A line that holds a prose run together when glued pages are split: kept text, or a promo
    line the line model would keep (promos sit inside articles as well as between pages)."""
    return line.kind == "text" or (line.kind == "promo" and line.score >= line_model().threshold)


_REPEAT_WINDOW = 12


def mark_repeats(lines: list[Line], base: str) -> None:
    """A text line printed again within a few lines (headline and caption before and after a
    "TT" marker) is a duplicate; the first copy stays.
    """
    recent: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.kind == "empty":
            continue
        key = _norm(line.kept(base)) if line.kind == "text" else _norm(line.text)
        if (
            line.kind == "text"
            and key
            and any(k == key for j, k in recent if i - j <= 2 * _REPEAT_WINDOW)
        ):
            line.kind = "duplicate"
            continue
        recent = [*recent[-_REPEAT_WINDOW:], (i, key)]


def _prose(line: Line) -> bool:
    return (
        line.kind == "text"
        and len(line.text.split()) >= 12
        and _END_PUNCT.search(line.text) is not None
    )


def drop_loose_ends(lines: list[Line]) -> None:
    """Kept lines after the last prose sentence that are not sentences themselves (teaser
    headlines, "You may also like") are furniture; a glued page's next article starts with prose
    again, so this only trims tails of runs.
    """
    tail = True
    for line in reversed(lines):
        if line.kind == "empty":
            continue
        if line.kind == "text" and (
            len(line.text.split()) >= 12 or _END_PUNCT.search(line.text) is not None
        ):  # a sentence, or a piece of one that a DOM dump broke across lines
            tail = False
        elif line.kind == "text" and tail and not line.caption and not _END_PUNCT.search(line.text):
            line.kind = "furniture"


def drop_furniture(
    lines: list[Line],
    base: str,
    stats: LineStats | None = None,
    windows: list[tuple[int, int]] | None = None,
) -> None:
    """Mark text lines the line model scores under its threshold as ``furniture``.

    ``stats`` counts lines over the batch this page was read with (it includes this page).
    ``windows`` (line ranges [a, b), one per glued page) are scored each as a page of its own;
    a line in two windows keeps its lower score.
    """
    model = line_model()
    for line in lines:
        line.score = 2.0
    for a, b in windows or [(0, len(lines))]:
        _score_window(lines[a:b], base, stats)
    for line in lines:
        line.score = min(line.score, 1.0)  # empty lines are never scored
    shown = [line for line in lines if line.kind != "empty"]
    for line in shown:
        # a credited caption is kept (once) by design, and a line opening with a dateline is
        # the lead by definition; the model judges the rest
        if line.kind != "text" or line.caption or dateline_of(line.text) is not None:
            continue
        if line.score < model.threshold:
            line.kind = "furniture"


def _score_window(lines: list[Line], base: str, stats: LineStats | None) -> None:
    """Set each non-empty line's ``score`` to the lower of its current one and the line model's
    on this window."""
    model = line_model()
    shown = [line for line in lines if line.kind != "empty"]
    if not shown:
        return
    before = [line.score for line in shown]
    raws = raw_lines(lines, base)
    repeats = stats.others([line.text for line in shown]) if stats is not None else None
    common = _batch_furniture(shown, repeats)
    for k, (line, p) in enumerate(zip(shown, model.probabilities(raws, repeats), strict=True)):
        line.score = 0.0 if k in common else p
    if not any(line.score >= model.threshold for line in shown if line.kind == "text"):
        # the model learned on whole pages; on a page of a few lines it may keep nothing, and
        # then the sentences of the densest prose run are the article
        for k in _densest_prose(shown) - common:
            shown[k].score = 1.0
    _share_wrapped_scores(shown)
    for line, old in zip(shown, before, strict=True):
        line.score = min(line.score, old)


def _share_wrapped_scores(shown: list[Line]) -> None:
    """Lines of one hard-wrapped sentence (a line without end punctuation followed by one
    opening in lower case) are one unit: each takes the group's best score, so a wrapped lead
    is not cut into a kept and a dropped half."""
    k = 0
    while k < len(shown):
        end = k
        while (
            end + 1 < len(shown)
            and shown[end].kind == "text"
            and shown[end + 1].kind == "text"
            and not _END_PUNCT.search(shown[end].text)
            and shown[end + 1].text[:1].islower()
        ):
            end += 1
        if end > k:
            best = max(line.score for line in shown[k : end + 1])
            for line in shown[k : end + 1]:
                line.score = best
        k = end + 1


def _densest_prose(shown: list[Line]) -> set[int]:
    """Indexes of the prose sentences inside the page's densest prose run."""
    prose = [1.0 if _prose(line) else 0.0 for line in shown]
    a, b = densest_block(prose, [len(line.text) for line in shown])
    return {k for k in range(a, b + 1) if prose[k]}


_BATCH_REPEATS = 3  # other documents of the batch printing the same line


def _batch_furniture(shown: list[Line], repeats: list[int] | None) -> set[int]:
    """Lines that several other documents of the batch print too are furniture (menus,
    promos, footers), unless most of this page's prose repeats as well: a syndicated wire
    story printed by several outlets is an article each time.
    """
    if repeats is None:
        return set()
    common = {k for k, n in enumerate(repeats) if n >= _BATCH_REPEATS}
    prose = [k for k, line in enumerate(shown) if _prose(line)]
    if prose and sum(k in common for k in prose) * 2 >= len(prose):
        return set()
    return common


def split_articles(
    base: str,
    *,
    split: bool = True,
    find_title: bool = True,
    known_title: str | None = None,
    learned: bool = False,
    stats: LineStats | None = None,
    fetched: datetime | None = None,
) -> list[Part]:
    """The articles of a page, each cleaned; one part unless the page glues several.

    ``learned`` (scraped text, not trafilatura's output) applies the line model.
    """
    lines, cuts = _clean(base, learned, stats)
    starts = article_starts(lines, base) if split else [0]
    if split and learned:
        found = set(starts) | set(gap_starts(lines, base))
        # a prose cut opens a part where no finer rule placed one in its gap (they see which
        # gap lines the model kept: the first page's footer stays with it)
        found |= {c for c, f in cuts if not any(c <= s <= f for s in found)}
        starts = _substantial(sorted(found), lines, base)
        marked = set(article_starts(lines, base))
        starts = _long_enough(starts, marked, lines, base)
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    parts = [
        build_part(
            lines[a:b],
            base,
            find_title=find_title,
            known_title=known_title,
            learned=learned,
            fetched=fetched,
        )
        for a, b in bounds
    ]
    return [p for p in parts if p is not None]


_MIN_PART_CHARS = 500  # kept text of a part that only the gap rules, not a marker, set apart


def _long_enough(starts: list[int], marked: set[int], lines: list[Line], base: str) -> list[int]:
    """Starts whose parts keep enough text: a part under ``_MIN_PART_CHARS`` that no dateline
    or published-line marker opens or closes (a related-story box, a sidebar's blurb) joins its
    neighbour; a glued article's own text is longer."""
    out = list(starts)
    changed = True
    while changed and len(out) > 1:
        changed = False
        ends = [*out[1:], len(lines)]
        for k, (a, b) in enumerate(zip(out, ends, strict=True)):
            size = sum(len(line.kept(base)) for line in lines[a:b] if line.kind == "text")
            gap_made = (k and a not in marked) or (k + 1 < len(out) and out[k + 1] not in marked)
            if size >= _MIN_PART_CHARS or not gap_made:
                continue
            # join the neighbour across the start that only a gap rule set
            drop = a if k and a not in marked else out[k + 1]
            out.remove(drop)
            changed = True
            break
    return out
