"""The headline of a scraped page: which line, of the title-shaped ones before the lead.

Rendered news pages print many title-shaped lines before the article (menu items, teasers,
section labels, the site's slogan, a photo caption). What marks the headline, in the order of
their weight (measured on the even-id dev pages, checked on the odd ones):

- the article's metadata block follows it within a few lines: a byline, a date, "2 min read",
  "16 hours ago" (a dek may sit between);
- the page prints it again elsewhere: a breadcrumb, a "related" or "latest" list item, the
  share box repeat the headline, while a teaser is printed once;
- its words open the lead;
- it is near the lead, and the line model thinks it article text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Protocol

from tidings.extract._lexicon import all_stopwords
from tidings.extract._textdates import dates_in

_WORD = re.compile(r"\w+")
_END_PUNCT = re.compile(r"[.;,:!]['\"”’)]*$")
_SENTENCE_END = re.compile(r"[.;,:]['\"”’)]*$")
_LIST_MARK = re.compile(r"^(?:[*+•·▪►o-]|\d{1,2}[.)])\s+")
_TAB_LABEL = re.compile(r"^(?P<label>\w+(?:[ &-]\w+){0,2})\s+(?P=label)\s+(?=\S)")
_META = re.compile(
    r"\b(?:ago|min(?:ute)?s?\.? read|read time|lesezeit|leestijd|lectura|hace \d|vor \d"
    r"|published|updated|posted|veröffentlicht|aktualisiert|publicado|publié|by|von|por|par)\b",
    re.I,
)
# "~ 10 Minuten" under a headline: the reading time, a piece of the metadata block
_READ_TIME = re.compile(r"^\W*\d+\s*(?:min|mins|minutes|minuten|minutos)\W*$", re.I)
# A breadcrumb trail ("Home » Politics » Vote delayed", "You are here: Home / News / ..."): the
# headline may end it, but the page prints the headline again on its own line.
_CRUMB_SEP = re.compile(r"\s(?:»|›|››|>|/)\s")
_CRUMB_START = re.compile(
    r"^(?:you are here|sie sind hier|vous êtes ici|usted está en|startseite|home)\b", re.I
)
_BARE_BY = re.compile(r"^(?:by|von|por|par|door|di|and|und|y|et|en|e)[:]?$", re.I)
_CREDIT_START = re.compile(r"^(?:fotos?|photos?|bild|image|credit|quelle|source)\s*:", re.I)
# the site's own calls to act: "Get Morning Report and other email newsletters", "Login here"
_PROMO = re.compile(
    r"\b(?:newsletters?|subscribe|sign up|log ?in|inbox|navigation|anmelden|abonnieren"
    r"|suscr[ií]bete|inscrivez-vous)\b",
    re.I,
)
_SHARE_WORD = re.compile(
    r"\b(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|flipboard|telegram|email|e-mail"
    r"|print|digg|tumblr|messenger|xing|copy link)\b",
    re.I,
)
# "WORLD NEWS " before "Syria talks": capitals, then a capital opening a lower-case word
_CAPS_RUN = re.compile(r"^(?P<label>(?:[A-ZÄÖÜ][A-ZÄÖÜ&'-]+\s+){1,3})(?=[A-ZÄÖÜ][a-zäöüß])")
# "RegionJunge", "BUSINESSNapa", "NewsUKTurkey": a label glued to the headline in a DOM dump
_GLUED_HEAD = re.compile(
    r"^(?P<label>[A-ZÄÖÜ][a-zäöüß]+(?=[A-ZÄÖÜ])|[A-ZÄÖÜ]{2,}(?=[A-ZÄÖÜ][a-zäöüß]))"
)
# the sentences of a newsletter, donation or privacy box
_PROMO_BOX = re.compile(
    r"\b(?:our newsletters?|subscribe (?:to|now|today)|sign up|your inbox|your personal data"
    r"|privacy policy|unsubscribe|donate (?:now|today)|your (?:support|contribution)"
    r"|make a contribution|datenschutzerklärung|newsletter abonnieren|suscr[ií]bete)\b",
    re.I,
)
_CSS_CLASS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_WINDOW = 40  # lines before the lead searched for the headline
_AFTER = 5  # non-empty lines after a candidate searched for the metadata block
_BUTTONS = 4  # share buttons and short list items looked past on the way
_DEK_BONUS = 0.4  # a headline over its standfirst (dek)
_DEK_WORDS = 8  # a dek is a sentence-length line
_DEK_END = re.compile(r"[.!?…]['\"”’)]*$")
_TEASER_END = re.compile(r"(?:…|\.\.\.)['\"”’)]*$")
_TRAIL_MARK = re.compile(r"[»›>|/]")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_BY_START = re.compile(r"^\W*(?:by|von|por|par|door)\s", re.I)


class _Line(Protocol):
    kind: str
    text: str
    score: float
    caption: bool


def strip_tab_label(text: str) -> str:
    """ "World World On Syria tour, ..." -> "On Syria tour, ...": a tab label printed twice."""
    match = _TAB_LABEL.match(text)
    return text[match.end() :] if match else text


def strip_section_label(text: str, lines: Sequence[_Line], at: int) -> str:
    """ "WORLD NEWS Syria talks resume" -> "Syria talks resume"; "RegionCouncil votes ..." or
    "Lokales Hafen Council votes ..." -> "Council votes ...": a section label run into the
    headline line. A label is a run of capitals (6+ letters) before a capitalised word, or a
    short line the page prints elsewhere on its own (a menu item, a tag, a share button),
    before a capitalised word or glued to it; at least three words stay."""
    labels = {
        _key(line.text)
        for k, line in enumerate(lines)
        if k != at and line.kind != "empty" and len(line.text.split()) <= 3
    }
    for _ in range(3):
        match = _CAPS_RUN.match(text)
        if match and sum(c.isalpha() for c in match.group("label")) >= 6:
            rest = text[match.end() :]
        else:
            match = _GLUED_HEAD.match(text)
            if match is None:
                break
            label = match.group("label")
            if _key(label) not in labels and not _SHARE_WORD.fullmatch(label.strip()):
                break
            rest = text[match.end() :]
        if len(rest.split()) < 3 or not rest[:1].isupper():
            break
        text = rest
    return text


def _key(text: str) -> str:
    return " ".join(_WORD.findall(_LIST_MARK.sub("", text).lower()))


def _content_words(text: str) -> set[str]:
    stop = all_stopwords()  # "This" opens many a lead and many a search box's label
    return {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in stop}


def _prose(line: _Line) -> bool:
    return (
        line.kind == "text"
        and len(line.text.split()) >= 12
        and _END_PUNCT.search(line.text) is not None
    )


def find_lead(lines: Sequence[_Line], threshold: float = 0.5) -> int | None:
    """The article's first prose line: the first one followed by more prose within a few lines
    (a lone disclaimer sentence above the headline is not the lead), else the first one."""
    every = [i for i, line in enumerate(lines) if _prose(line)]
    # the site's own boxes are looked past, unless they are all the prose there is
    prose = [i for i in every if not _in_promo_box(lines, i)] or every
    for k, i in enumerate(prose):
        if lines[i].score >= threshold and k + 1 < len(prose) and prose[k + 1] - i <= 6:
            return i
    return prose[0] if prose else None


def _in_promo_box(lines: Sequence[_Line], i: int) -> bool:
    """A prose line of the site's own box: "Join thousands who get our newsletter ...", "The
    administrator of your personal data ...", "Make your contribution now ...", or a sentence
    right under "Subscribe to our newsletter"."""
    if _PROMO_BOX.search(lines[i].text):
        return True
    for k in range(i - 1, max(i - 3, -1), -1):
        if lines[k].kind != "empty":
            return _PROMO.search(lines[k].text) is not None and len(lines[k].text.split()) <= 12
    return False


def _repeats_a_word(text: str) -> bool:
    counts = Counter(w for w in _WORD.findall(text.lower()) if len(w) > 3)
    return bool(counts) and max(counts.values()) >= 3


def _meta_line(line: _Line) -> bool:
    if line.kind in ("published", "byline"):
        return True
    text = line.text
    if _READ_TIME.match(text):
        return True
    return len(text) <= 120 and (bool(dates_in(text)) or _META.search(text) is not None)


def _shaped(line: _Line) -> str | None:
    """The line's headline text when it is shaped like one, else None."""
    if line.kind not in ("text", "furniture") or line.caption:
        return None
    text = strip_tab_label(line.text)
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250 or _LIST_MARK.match(text):
        return None
    if _SENTENCE_END.search(text) and not (len(words) <= 12 and text.endswith(".")):
        return None  # a sentence, not a headline (a short one may end in a full stop)
    if dates_in(text) or _META.search(text) and len(words) <= 6:
        return None  # the metadata block itself
    if len(_CRUMB_SEP.findall(text)) >= 2 or _CRUMB_START.match(text):
        return None
    if _not_a_headline(text, words):
        return None
    return text


def _not_a_headline(text: str, words: list[str]) -> bool:
    """Shapes a headline never takes: a photo credit, CSS class names ("for-phone-only"),
    Latin letters without one capital ("facebook twitter whatsapp"), a fragment opening with a
    small function word ("from University of Michigan")."""
    if _CREDIT_START.match(text) or _PROMO.search(text):
        return True
    if _repeats_a_word(text):
        return True  # "MP3 Audio [14 MB] Ogg Audio [12 MB] Opus Audio": a list, not a headline
    if len(_SHARE_WORD.findall(text)) >= 3:
        return True  # "Twitter Facebook LinkedIn Email Print": a share bar
    if sum(bool(_CSS_CLASS.match(w)) for w in words) * 2 >= len(words):
        return True
    latin = [c for c in text if c.isascii() and c.isalpha()]
    if len(latin) * 2 >= len(text.replace(" ", "")) and not any(c.isupper() for c in latin):
        return True
    first = words[0]
    return first[:1].islower() and first.lower() in all_stopwords()


def lead_title(lines: Sequence[_Line], continues: Sequence[bool]) -> int | None:
    """Index of the headline line, or None. ``continues[i]``: line i's sentence goes on below."""
    best, best_score = None, 0.0
    for j, score in candidates(lines, continues):
        if score > best_score:
            best, best_score = j, score
    return best


def candidates(lines: Sequence[_Line], continues: Sequence[bool]) -> Iterator[tuple[int, float]]:
    """(index, score) of the headline-shaped lines before the lead, nearest first."""
    lead = find_lead(lines)
    if lead is None:
        return
    seen = Counter(_key(line.text) for line in lines if line.kind != "empty")
    opening = _content_words(" ".join(x.text for x in lines[lead : lead + 3])[:600])
    scored = dict(_scores(lines, continues, lead, seen, opening))
    for j in list(scored):
        dek = _dek_below(lines, j, lead)
        if dek is not None:
            # a headline over its standfirst: the dek reads closer to the lead and nearer the
            # byline, but the line above it is the headline
            scored[j] += _DEK_BONUS
            if dek in scored:
                scored[dek] -= _DEK_BONUS
    yield from scored.items()


def _scores(
    lines: Sequence[_Line],
    continues: Sequence[bool],
    lead: int,
    seen: Counter[str],
    opening: set[str],
) -> Iterator[tuple[int, float]]:
    shown = 0
    for j in range(lead - 1, -1, -1):
        line = lines[j]
        if line.kind == "empty":
            continue
        shown += 1
        if shown > _WINDOW:
            break
        text = _shaped(line)
        if text is None or continues[j] or _after_by(lines, j):
            continue
        mine = _content_words(text)
        score = len(mine & opening) / (len(mine) or 1) + 0.3 / shown + 0.3 * line.score
        distance = _meta_after(lines, j, lead)
        if distance:
            # the metadata block sits right under the headline; a dek may come between
            score += 1.0 - 0.1 * max(0, distance - 2)
        if seen[_key(line.text)] > 1 and len(text.split()) >= 3:
            score += 0.6
        if text.isupper():
            score -= 0.3
        if len(_WORD.findall(text)) < 3:
            score -= 0.4
        yield j, score


def _next_line(lines: Sequence[_Line], j: int, stop: int) -> int | None:
    for k in range(j + 1, min(stop, len(lines))):
        if lines[k].kind != "empty":
            return k
    return None


def _dek_below(lines: Sequence[_Line], j: int, lead: int) -> int | None:
    """Index of the standfirst printed under headline ``j`` (one short label, "Websites", may
    sit between), or None. A dek is longer than the headline and reads as a sentence: it ends
    like one or a quarter of its words are small function words, which headlines drop."""
    head_text = strip_tab_label(lines[j].text)
    head = head_text.split()
    # a teaser ("A tale of two islands…"), a label in capitals, a breadcrumb is no headline
    if (
        head_text.isupper()
        or _TEASER_END.search(head_text)
        or _TRAIL_MARK.search(head_text)
        or _CLOCK.search(head_text)  # "Managua, 26 Abril, 2022 7:43 p.m.": a dateline
    ):
        return None
    k = _next_line(lines, j, lead)
    skipped = False
    if k is not None and len(lines[k].text.split()) <= 2 and not _meta_line(lines[k]):
        k, skipped = _next_line(lines, k, lead), True
    if k is None or lines[k].caption or _meta_line(lines[k]) or _BY_START.match(lines[k].text):
        return None
    text = lines[k].text
    words = text.split()
    if not _DEK_WORDS <= len(words) <= 60 or len(words) < len(head) + 3:
        return None
    ends = _DEK_END.search(text) is not None
    if len(head) < 4 and (skipped or not ends):
        return None  # "Coronavirus in numbers" over a headline: a label, not a headline
    stop = all_stopwords()
    small = sum(w.lower().strip(",.;:!?\"'“”‘’") in stop for w in words)
    return k if ends or small * 4 >= len(words) else None


def _filler(line: _Line) -> int:
    """What the metadata search makes of a line between the headline and its byline: 2 for
    a bare bullet or icon line, 1 for a share button or short list item, 0 for a real line."""
    text = line.text
    if not _WORD.search(text):
        return 2
    short = len(text.split()) <= 3
    return int(short and (line.kind == "nav" or _LIST_MARK.match(text) is not None))


def _after_by(lines: Sequence[_Line], j: int) -> bool:
    """The line follows a bare "By" / "and" line: an author's name, not a headline."""
    for k in range(j - 1, max(j - 3, -1), -1):
        if lines[k].kind != "empty":
            return _BARE_BY.match(lines[k].text) is not None
    return False


def _meta_after(lines: Sequence[_Line], j: int, lead: int) -> int:
    """How many lines below ``j`` the metadata block starts (0: not within reach)."""
    seen = buttons = 0
    for k in range(j + 1, min(lead + 1, len(lines))):
        if lines[k].kind == "empty":
            continue
        filler = _filler(lines[k])
        if filler:
            # a share bar is looked past, a menu (many short items) is not
            buttons += filler == 1
            if buttons > _BUTTONS:
                return 0
            continue
        seen += 1
        if seen > _AFTER:
            return 0
        if _meta_line(lines[k]):
            return seen
    return 0


def headline_with_meta(lines: Sequence[_Line], lo: int, hi: int) -> int | None:
    """The first line in ``lines[lo:hi]`` shaped like a headline with the metadata block (a
    byline, a date, "3 min read") within a few lines below it: how a news page's article opens,
    so the strongest sign that a glued second page starts there. None when there is none."""
    for j in range(lo, min(hi, len(lines))):
        text = _shaped(lines[j]) if lines[j].kind != "empty" else None
        # a section label ("AS SEEN IN", "13 August") is no headline
        if text is None or len(text.split()) < 4 or text.isupper():
            continue
        if _meta_after(lines, j, hi):
            return j
    return None
