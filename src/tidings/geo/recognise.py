"""Find place mentions in a parsed text: spaCy GPE/LOC/FAC entities plus gazetteer n-grams."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tidings.geo._text import key, without_article
from tidings.geo.gazetteer import Gazetteer

# Entity labels whose tokens are not taken as a place on the gazetteer's word alone ("Jordan" in
# "Michael Jordan", "Georgia" in "Georgia Power"); other labels (PRODUCT, NORP, ...) are so
# often a small model's mislabelled place ("shelled Raqqa") that the gazetteer may override them.
_BLOCKING_LABELS = frozenset({"PERSON", "ORG"})
# Labels whose tokens are never a place either, though never rescued: "in March 1996" is not
# March, Cambridgeshire.
_TIME_LABELS = frozenset({"DATE", "TIME"})
# Month and weekday names are dates even where the parser misses it ("since May").
_CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday"}
)


# Lower-case words inside place names: "Deir ez-Zor", "Rio de Janeiro", "Stratford upon Avon"
_CONNECTORS = frozenset(
    {
        "-",
        "'",
        "al",
        "el",
        "ez",
        "ad",
        "as",
        "ash",
        "ar",
        "az",
        "an",
        "de",
        "del",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "la",
        "le",
        "les",
        "of",
        "on",
        "upon",
        "sur",
        "am",
        "im",
        "bin",
    }
)


@dataclass(frozen=True)
class Mention:
    """A place name at character span [start, end) of the text, and who found it."""

    text: str
    start: int
    end: int
    source: str  # "ner" | "gazetteer" | "demonym"
    label: str = ""  # spaCy label for "ner"
    geonameid: int | None = None  # the country a demonym names ("Sudanese" -> Sudan)


def _trim(span: Any) -> tuple[int, int] | None:
    """Token bounds of ``span`` without a leading "the" and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _ner_mentions(doc: Any, labels: Sequence[str]) -> list[Mention]:
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in labels:
            continue
        bounds = _trim(ent)
        if bounds is None:
            continue
        span = doc[bounds[0] : bounds[1]]
        found.append(Mention(span.text, span.start_char, span.end_char, "ner", ent.label_))
    return found


class GazetteerMatcher:
    """Longest-match of capitalised proper-noun n-grams against prominent gazetteer names."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        min_population: int,
        max_ngram: int,
        rescue_min_population: int = 1_000_000,
    ) -> None:
        self.max_ngram = max_ngram
        self.keys, self.big = gazetteer.prominence(min_population, rescue_min_population)

    def __call__(self, doc: Any, taken: list[bool]) -> list[Mention]:
        found: list[Mention] = []
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            if taken[i] or not _capitalised(tok):
                i += 1
                continue
            hit = 0
            for size in range(min(self.max_ngram, n - i), 0, -1):
                toks = doc[i : i + size]
                if any(taken[j] for j in range(i, i + size)):
                    continue
                if not _capitalised(toks[-1]) or not all(
                    _capitalised(t) or t.lower_ in _CONNECTORS for t in toks
                ):
                    continue
                # a lone capitalised word opening a sentence must be tagged a proper noun
                # ("Mobile", "Reading"); mid-sentence capitals already say so
                if size == 1 and tok.pos_ != "PROPN" and tok.is_sent_start:
                    continue
                if key(toks.text) in self.keys:
                    hit = size
                    break
            if hit:
                span = doc[i : i + hit]
                found.append(Mention(span.text, span.start_char, span.end_char, "gazetteer"))
                i += hit
            else:
                i += 1
        return found

    def rescue(self, doc: Any, ent: Any) -> bool:
        """Whether a PERSON/ORG/NORP entity is really a place: a known name right after a
        preposition ("a blast in Sanaa"), coordinated with one ("Gaza City and Khan Younis"),
        or the name of a very large place ("struck Kharkov")."""
        k = key(ent.text)
        bare = without_article(ent.text)
        if k not in self.keys and (bare is None or key(bare) not in self.keys):
            return False
        if k in self.big:
            return True
        before = doc[ent.start - 1] if ent.start > 0 else None
        return before is not None and (before.pos_ == "ADP" or before.lower_ in ("and", "or"))


def _demonym_mentions(doc: Any, demonyms: Mapping[str, int], taken: list[bool]) -> list[Mention]:
    """Capitalised demonyms outside other entities ("Sudanese troops" -> Sudan); marks them
    taken. Two-word ones ("South Sudanese") first."""
    found: list[Mention] = []
    for i, tok in enumerate(doc):
        if taken[i] or not _capitalised(tok):
            continue
        for size in (2, 1):
            if i + size > len(doc) or any(taken[j] for j in range(i, i + size)):
                continue
            span = doc[i : i + size]
            gid = demonyms.get(key(span.text))
            if gid is not None and all(_capitalised(t) for t in span):
                found.append(Mention(span.text, span.start_char, span.end_char, "demonym", "", gid))
                for j in range(i, i + size):
                    taken[j] = True
                break
    return found


def _capitalised(tok: Any) -> bool:
    return bool(tok.text[:1].isupper()) and tok.is_alpha or tok.text in ("U.S.", "U.K.")


def find_mentions(
    doc: Any,
    matcher: GazetteerMatcher | None,
    labels: Sequence[str],
    demonyms: Mapping[str, int] | None = None,
) -> list[Mention]:
    """Place mentions of ``doc``, ordered by position, without overlaps (NER wins)."""
    mentions = _ner_mentions(doc, labels)
    if matcher is not None or demonyms:
        taken = [False] * len(doc)
        for ent in doc.ents:
            if matcher and ent.label_ in _BLOCKING_LABELS and matcher.rescue(doc, ent):
                mentions.append(Mention(ent.text, ent.start_char, ent.end_char, "gazetteer"))
            if ent.label_ in labels or ent.label_ in _BLOCKING_LABELS | _TIME_LABELS:
                for j in range(ent.start, ent.end):
                    taken[j] = True
        for tok in doc:
            if tok.lower_ in _CALENDAR_WORDS:
                taken[tok.i] = True
        if demonyms:
            mentions.extend(_demonym_mentions(doc, demonyms, taken))
        if matcher is not None:
            mentions.extend(matcher(doc, taken))
    return sorted(mentions, key=lambda m: m.start)
