"""Dates an event takes from the story around it, not from its own clause.

"A month later" counts from the text's previous date; "The attack left one officer dead" is
the incident the sentence before dated (``attach`` calls these when the clause has no date).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from tidings.temporal._calendar import add_months
from tidings.temporal.found import Found
from tidings.temporal.normalise import PAST
from tidings.temporal.tense import REPORTED, SAYING, tense_of_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# How far back (characters) "a month later" looks for the date it counts from.
_LATER_REACH = 600
_LATER_UNITS = {"month": ("M", 1), "year": ("Y", 12), "decade": ("Y", 120)}


def later_from_text(text: str, found: list[Found]) -> list[Found]:
    """ "A month later, the US accused Russia": a count of months or years "later" (which
    TimeML counts from the document date, so the expression keeps that value) dates its
    events from the story's previous date ("a summit in September" -> October), never
    after publication; with no earlier date in reach its events get none from it."""
    out: list[Found] = []
    for f in found:
        fields = f.mention.fields
        unit = fields.get("unit", "").lower().removesuffix("s")
        if f.mention.rule != "ago" or fields.get("dir", "").lower() != "later":
            out.append(f)
            continue
        if unit not in _LATER_UNITS or f.resolved.kind != "DATE":
            out.append(f)
            continue
        n = _count(fields.get("num"))
        anchor = next(
            (
                a
                for a in reversed(out)
                if a.start_date is not None and f.mention.start - a.mention.end <= _LATER_REACH
            ),
            None,
        )
        start = anchor.start_date if anchor is not None else None
        if n is None or start is None:
            # counted from nothing the text gives: no date for its events
            counted = replace(f.resolved, kind="DURATION", flags=(*f.resolved.flags, "anchored"))
            out.append(replace(f, resolved=counted))
            continue
        letter, months = _LATER_UNITS[unit]
        y, mo = add_months(start[0].year, start[0].month, n * months)
        value = f"{y:04d}-{mo:02d}" if letter == "M" else f"{y:04d}"
        out.append(replace(f, event_value=value, anchor_value=start[0].isoformat()))
    return out


def _count(num: str | None) -> int | None:
    """ "a", "one", "two" ... "12", as an int (None: "months later", no count)."""
    if num is None:
        return None
    word = num.lower()
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word)


_SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
} | {"a": 1, "an": 1}


def _simple_past_act(verb: Token | None) -> bool:
    """A clause in the simple past ("left", "was killed") that no one reports or says."""
    if verb is None or verb.lemma_ in SAYING:
        return False
    if any(t.dep_ in REPORTED for t in [verb, *verb.ancestors]):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" and not auxes:
        return True
    return verb.tag_ == "VBN" and [a.lower_ for a in auxes] in (["was"], ["were"])


# Nouns naming an incident a later sentence may refer back to: "The attack left one dead".
_INCIDENTS = frozenset(
    {"attack", "blast", "explosion", "bombing", "raid", "strike", "airstrike", "shooting"}
    | {"fighting", "clash", "assault", "ambush", "shelling", "incident", "violence", "riot"}
    | {"stabbing", "massacre", "siege", "battle", "offensive", "operation", "crash"}
)
_BACK = frozenset({"the", "this", "that"})


def _refers_back(verb: Token) -> bool:
    """The clause names the incident the sentence before told, by a definite noun as its
    subject or its setting ("The attack left one officer dead", "were killed in the
    fighting"): the same incident, so the same day."""
    # the clause's own words or those of the clause it hangs on ("The attack left one dead
    # before police shot the attacker")
    children = [c for v in (verb, *verb.ancestors) for c in v.children]
    for child in children:
        setting = child.dep_ == "prep" and child.lower_ in ("in", "during", "at", "amid")
        if child.dep_ not in ("nsubj", "nsubjpass", "agent") and not setting:
            continue  # "arrested two men after the attack": a later act
        for tok in child.subtree:
            if tok.lemma_.lower() in _INCIDENTS and any(
                d.dep_ == "det" and d.lower_ in _BACK for d in tok.children
            ):
                return True
    return False


def narrative_date(
    found: Sequence[Found],
    govs: Sequence[Token | None],
    sdoc: Doc,
    sent: Span,
    ev_verb: Token | None,
    ref: date | None,
) -> Found | None:
    """The day or month the sentence before dates an act in the past, before publication,
    when this event's clause goes on in the simple past with no date of its own."""
    if ref is None or not _simple_past_act(ev_verb) or sent.start == 0:
        return None
    if ev_verb is None or not _refers_back(ev_verb):
        return None  # "He met officials": recent news with no day is the publication day
    prev = sdoc[sent.start - 1].sent
    for i in range(len(found) - 1, -1, -1):
        f = found[i]
        if not (prev.start_char <= f.mention.start and f.mention.end <= prev.end_char):
            continue
        if "\n\n" in sdoc.text[f.mention.end : sent.start_char]:
            return None  # a new paragraph may start another thread
        start = f.start_date
        gov = govs[i]
        if start is None or f.clause_shift is not None or gov is None:
            continue
        if start[1] in ("day", "month") and start[0] < ref and tense_of_verb(gov) == PAST:
            return f
    return None
