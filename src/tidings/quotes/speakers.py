"""Resolve the source phrase of a quote to a speaker: named, anonymous (affiliated) or document.

Pronouns ("he said") and definite titles ("the top US diplomat") point back to an earlier named
speaker or person; "Blinken" resolves to the fullest earlier name ("Antony Blinken"); unnamed
sources ("a US official", "sources close to ...") stay anonymous with a country + sector code.
When an actor linker is available its answer for the span wins for the entity and the code.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.interfaces import DocActors
from tidings.quotes._lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PRONOUNS = {"he", "she", "him", "her"}
_PLURAL_PRONOUNS = {"they", "them"}
_CUT_DEPS = {"relcl", "acl", "advcl", "cc", "prep"}
_KEEP_PREP_HEADS = {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source"}
_KEEP_PREPS = {"of", "from", "for", "with", "at"}
_RECENT_CHARS = 2500


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to."""

    text: str
    start: int
    end: int
    entity: str | None
    code: str | None
    kind: str  # named | anonymous | document
    person: bool  # a person (named or anonymous), so "he said" may point back to it


def speaker_span(head: Token) -> tuple[int, int]:
    """Character span of the source phrase headed by ``head``: the noun phrase with its
    appositives but without relative clauses ("a senior diplomat, who asked not to be named")."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS and not (
            child.dep_ == "prep"
            and (head.lower_ in _KEEP_PREP_HEADS or child.lower_ in _KEEP_PREPS)
        ):
            continue
        tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    lo = hi = tokens.index(head)
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    run = tokens[lo : hi + 1]
    while len(run) > 1 and (run[-1].is_punct or run[-1].dep_ == "cc"):
        run = run[:-1]
    while len(run) > 1 and run[0].is_punct:
        run = run[1:]
    return run[0].idx, run[-1].idx + len(run[-1].text)


class SpeakerResolver:
    """Resolve source phrases of one document, remembering earlier speakers for "he said"."""

    def __init__(self, doc: Doc, actors: DocActors | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.actors = actors
        self.lex = lexicon()
        self.people: list[Span] = [e for e in doc.ents if e.label_ == "PERSON"]
        # Indexes over ``people`` so that a lookup costs no scan of the document's entities:
        # their start offsets (sorted, as spaCy's entities are) and, by last word, the names.
        self._starts = [e.start_char for e in self.people]
        self._ends = [e.end_char for e in self.people]
        self._by_last: dict[str, list[Span]] = {}
        for ent in self.people:
            words = ent.text.split()
            if words:
                self._by_last.setdefault(words[-1], []).append(ent)
        self.history: list[Speaker] = []

    def remember(self, speaker: Speaker) -> None:
        self.history.append(speaker)

    def full_name(self, name: str, before: int) -> str:
        """The fullest person name ending like ``name`` ("Blinken" -> "Antony Blinken")."""
        last = name.split()[-1] if name.split() else name
        best = name
        for ent in self._by_last.get(last, ()):
            longer = len(ent.text) > len(best)
            if longer and (ent.start_char < before or best == name):
                best = ent.text
        return best.removesuffix("’s").removesuffix("'s")

    def resolve(self, start: int, end: int, sentence: Span | None = None) -> Speaker:
        """The speaker for the source phrase at [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        text = self.text[start:end]
        if span is None or len(span) == 0:
            return Speaker(text, start, end, None, None, "named", False)
        head = span.root
        low = head.lower_
        linked = self._linked(start, end)
        if low in _PRONOUNS or low in _PLURAL_PRONOUNS:
            return self._pronoun(text, start, end, plural=low in _PLURAL_PRONOUNS)
        persons = self.people[
            bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)
        ]
        has_name = bool(persons) or any(
            t.pos_ == "PROPN"
            and t.ent_type_ not in {"GPE", "NORP"}
            and t.lower_ not in self.lex.affiliations
            for t in span
        )
        if persons:
            name = self.full_name(persons[-1].text, start)
            person = linked[0] if linked and linked[0] else name
            return Speaker(text, start, end, person, linked[1] if linked else None, "named", True)
        if low in self.lex.document_nouns and not has_name:
            return Speaker(text, start, end, None, linked[1] if linked else None, "document", False)
        definite = span[0].lower_ in {"the", "this", "that"}
        modified = any(t is not head and t.dep_ not in {"det", "punct"} for t in span)
        if low in self.lex.title_nouns and not has_name and definite and modified:
            ref = self._title(low, start)  # "the top US diplomat": a unique role, so a person
            if ref is not None:
                return Speaker(text, start, end, ref, linked[1] if linked else None, "named", True)
        if low in self.lex.anonymous_nouns and head.pos_ != "PROPN":
            return self._anonymous(span, text, start, end, sentence, linked)
        if low in self.lex.title_nouns and not has_name and definite:
            ref = self._title(low, start)
            if ref is not None:
                return Speaker(text, start, end, ref, linked[1] if linked else None, "named", True)
        entity = linked[0] if linked and linked[0] else (text if has_name else None)
        return Speaker(text, start, end, entity, linked[1] if linked else None, "named", False)

    def _linked(self, start: int, end: int) -> tuple[str | None, str | None] | None:
        if self.actors is None:
            return None
        try:
            ref = self.actors.at(start, end)
        except Exception:  # noqa: BLE001 - a failing linker must not lose the quote
            return None
        if ref is None:
            return None
        return (ref.name or ref.entity_id, ref.code)

    def _pronoun(self, text: str, start: int, end: int, plural: bool) -> Speaker:
        for prev in reversed(self.history):
            if start - prev.end > _RECENT_CHARS:
                break
            if plural or prev.person:
                return Speaker(
                    text, start, end, prev.entity or prev.text, prev.code, prev.kind, True
                )
        if not plural:
            # The last person ending before ``start`` (entities are sorted and disjoint, so
            # their ends are too); any earlier one is further away still.
            k = bisect.bisect_right(self._ends, start) - 1
            if k >= 0 and start - self.people[k].end_char < _RECENT_CHARS:
                name = self.full_name(self.people[k].text, start)
                return Speaker(text, start, end, name, None, "named", True)
        return Speaker(text, start, end, None, None, "named", not plural)

    def _title(self, noun: str, start: int) -> str | None:
        """The person a definite title refers to: one introduced with that title, else the
        most recent named person speaker, else the most recent person mentioned."""
        signals = self.lex.title_nouns.get(noun, (noun,))
        for k in range(len(self.people) - 1, -1, -1):
            ent = self.people[k]
            if ent.end_char > start:
                continue
            if any(s in self._title_context(k) for s in signals):
                return self.full_name(ent.text, start)
        for prev in reversed(self.history):
            if prev.kind == "named" and prev.person and prev.entity:
                return prev.entity
        for ent in reversed(self.people):
            if ent.end_char <= start:
                return self.full_name(ent.text, start)
        return None

    def _title_context(self, k: int) -> str:
        """The words before a person's name back to the previous person, and an appositive
        after it: "US Secretary of State Antony Blinken", "Blinken, the top US diplomat,"."""
        ent = self.people[k]
        floor = self.people[k - 1].end_char if k > 0 else 0
        before = self.text[max(floor, ent.start_char - 45) : ent.start_char]
        after = self.text[ent.end_char : ent.end_char + 60]
        appositive = after.split(",")[1] if after.startswith(",") and "," in after[1:] else ""
        return (before + " " + appositive).lower()

    def _anonymous(
        self,
        span: Span,
        text: str,
        start: int,
        end: int,
        sentence: Span | None,
        linked: tuple[str | None, str | None] | None,
    ) -> Speaker:
        definite = span[0].lower_ in {"the", "that", "this", "those", "these"}
        if definite:  # "the official" again: the earlier unnamed source with that head noun
            for prev in reversed(self.history):
                if prev.kind == "anonymous" and span.root.lower_.rstrip("s") in prev.text.lower():
                    return Speaker(text, start, end, None, prev.code, "anonymous", True)
        words = [t.lower_ for t in span]
        if sentence is not None:  # "sources close to the Iraqi prime minister"
            words += [t.lower_ for t in sentence if t.i >= span.end and t.i < span.end + 8]
        code = linked[1] if linked and linked[1] else self.affiliation(words, span.root.lower_)
        return Speaker(text, start, end, None, code, "anonymous", True)

    def affiliation(self, words: list[str], head: str) -> str | None:
        """Country + sector code from the words of an unnamed source ("US official" -> USAGOV);
        a modifier's sector ("military official") wins over the head noun's."""
        joined = " " + " ".join(words) + " "
        country = None
        for key, iso3 in self.lex.affiliations.items():
            if f" {key} " in joined:
                country = iso3
                break
        if country is None:
            return None
        sector = next(
            (self.lex.sectors[w] for w in words if w != head and w in self.lex.sectors), None
        )
        return country + (sector or self.lex.sectors.get(head, ""))
