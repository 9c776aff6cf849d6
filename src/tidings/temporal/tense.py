"""Guess the tense of the clause around a time expression: "past", "future" or None.

Two ways: from a spaCy parse (the verb the expression hangs on, its auxiliaries), or, with
no parse, from the nearest tense cue word in the same sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from tidings.temporal._lexicon import alternation, load_lexicon
from tidings.temporal.normalise import FUTURE, PAST

if TYPE_CHECKING:
    from spacy.tokens import Token

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")
_PASSIVE_OR_INFINITIVE = re.compile(r"\b(?:be|being|to)\s+$", re.IGNORECASE)
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_FUTURE_LEMMAS = {"plan", "schedule", "expect", "intend", "set", "due", "prepare", "aim"}


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon()
    future = re.compile(rf"(?<![\w'])(?:{alternation(lex.future_cues)})(?!\w)", re.IGNORECASE)
    past = re.compile(
        rf"\b(?:{alternation(lex.past_words)}|[a-z]{{3,}}ed)\b(?!\s+(?:by|to)\b)", re.IGNORECASE
    )
    return future, past


@lru_cache(maxsize=8)
def _sentence_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _SENTENCE_END.finditer(text)))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence holding [start, end), by punctuation."""
    starts = _sentence_starts(text)
    i = bisect_right(starts, start) - 1
    j = bisect_right(starts, max(start, end - 1))
    return starts[max(i, 0)], (starts[j] if j < len(starts) else len(text))


def tense_from_text(text: str, start: int, end: int) -> str | None:
    """Tense from the cue word nearest to [start, end) in its sentence (outside the span)."""
    future, past = _cues()
    left, right = sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for pattern, label in ((future, FUTURE), (past, PAST)):
        for m in pattern.finditer(text, left, right):
            if m.start() < end and start < m.end():
                continue
            if label == PAST and _PASSIVE_OR_INFINITIVE.search(
                text, max(left, m.start() - 12), m.start()
            ):
                continue  # "will be signed", "to be held": the -ed form is not a past tense
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, label)
    return best[1] if best else None


def _verb_of(token: Token) -> Token | None:
    """The verb a token hangs on: itself if verbal, else the nearest verbal ancestor."""
    for t in [token, *token.ancestors]:
        if t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB") or t.tag_ == "MD":
            return t
    return None


def tense_of_verb(verb: Token) -> str | None:
    """Tense of a verb from its tag, its auxiliaries and a governing "plan/expect to"."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    for a in auxes:
        if a.lower_ in _FUTURE_AUX or (a.tag_ == "MD" and a.lower_ == "would"):
            return FUTURE
    if verb.lower_ in _FUTURE_AUX:
        return FUTURE
    # "is expected to visit on Friday", "plans to meet next week"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _FUTURE_LEMMAS | {"be"}:
        return FUTURE  # "is to resume on Tuesday"
    if verb.lemma_ in _FUTURE_LEMMAS and verb.lemma_ != "set":
        return FUTURE  # "planned a rally on Saturday": the time is the plan's
    if any(a.lower_ == "going" for a in auxes) or (
        verb.dep_ == "xcomp" and verb.head.lower_ == "going"
    ):
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:
        return PAST
    return None


def tense_from_token(token: Token) -> str | None:
    """Tense of the clause ``token`` (a time expression's head) sits in, or None."""
    verb = _verb_of(token)
    return tense_of_verb(verb) if verb is not None else None


# Dependencies that put a clause inside someone's report ("said [that X attacked]").
REPORTED = frozenset({"ccomp", "parataxis"})

# Verbs of saying: in the present ("says", "denies", "urges") they report the day's news.
SAYING = frozenset(
    {"say", "tell", "accuse", "deny", "claim", "call", "urge", "warn", "report", "announce"}
    | {"insist", "state", "demand", "reject", "condemn", "threaten", "vow", "pledge", "ask"}
    | {"promise", "argue", "add", "note", "write", "blame", "criticise", "criticize", "allege"}
)
