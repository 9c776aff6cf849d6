"""Dictionary hits in a tokenised mention: KB entities, places, agent nouns, sponsor modifiers."""

from __future__ import annotations

from tidings.actors._grammar import DETERMINERS, SPONSOR_BY, SPONSOR_WORDS, STANCE
from tidings.actors._kb import KnowledgeBase
from tidings.actors._reading import Hit
from tidings.actors._text import Token


class DictionaryMatcher:
    """Longest-match lookups of mention tokens against one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def match_at(
        self, toks: list[Token], i: int, used: set[int], *, lowercase: bool = False
    ) -> Hit | None:
        """The longest dictionary hit starting at token ``i``. ``lowercase``: the whole mention
        is written without capitals, so a KB person's full name of two or more words may
        match uncapitalised ("antony blinken"); single words never do ("hope", "rice")."""
        kb = self.kb
        for length in range(min(kb.max_len, len(toks) - i), 0, -1):
            span = range(i, i + length)
            if any(t in used for t in span):
                continue
            if not toks[i + length - 1].key:  # never end a match on a particle
                continue
            key = " ".join(toks[t].key for t in span if toks[t].key)
            if not key:
                continue
            upper_ok = key not in kb.upper_only or all(toks[t].is_upper for t in span)
            if not upper_ok:
                continue
            # Names are written with capitals: "turkey" or "a monitor" are not Turkey or Monitor.
            proper = any(toks[t].is_capitalised for t in span)
            if proper and key in kb.by_key:
                return Hit(i, i + length, "entity", key)
            if lowercase and length >= 2 and is_person_key(kb, key):
                return Hit(i, i + length, "entity", key)
            if proper and key in kb.places:
                return Hit(i, i + length, "place", key)
            if key in kb.agents:
                return Hit(i, i + length, "agent", key)
            if (
                proper
                and length == 1
                and key.endswith("s")
                and kb.places.get(key[:-1], ("", ""))[1] == "country"
            ):
                return Hit(i, i + 1, "place", key[:-1])
        return None

    def sponsor(self, toks: list[Token], text: str, used: set[int]) -> str | None:
        """Find "<X>-backed" / "backed by X", mark its tokens used, return X's country."""
        for t, tok in enumerate(toks):
            word = tok.key
            if word in STANCE and t + 1 < len(toks) and text[tok.end : toks[t + 1].start] == "-":
                hit = self.match_at(toks, t + 1, used)
                if hit and hit.kind == "place":
                    used.update(range(t, hit.j))
                continue
            if word not in SPONSOR_WORDS or t == 0:
                continue
            if text[toks[t - 1].end : tok.start] == "-":
                for length in range(min(3, t), 0, -1):
                    hit = self.match_at(toks, t - length, used)
                    if hit and hit.j == t:
                        iso = self.country_of(hit)
                        if iso:
                            used.update(range(hit.i, t + 1))
                            return iso
            if word in SPONSOR_BY and t + 1 < len(toks) and toks[t + 1].key == "by":
                k = t + 2
                while k < len(toks) and toks[k].key in DETERMINERS:
                    k += 1
                hit = self.match_at(toks, k, used) if k < len(toks) else None
                iso = self.country_of(hit) if hit else None
                if iso and hit:
                    used.update(range(t, hit.j))
                    return iso
        return None

    def country_of(self, hit: Hit) -> str | None:
        if hit.kind == "place":
            return self.kb.places[hit.key][0]
        if hit.kind == "entity":
            for ent in self.kb.lookup(hit.key):
                role = ent.role_at(None)
                if role and role.country:
                    return role.country
        return None


def is_person_key(kb: KnowledgeBase, key: str) -> bool:
    """Whether some KB person has this key."""
    return any(e.kind == "person" for e in kb.lookup(key))
