"""Load the quote lexicons (cue verbs, source nouns, affiliations) from ``tidings/data/quotes``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


def _column(name: str, col: int) -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in _lines(name):
        cols = ln.split("\t")
        out.setdefault(cols[0].strip().lower(), cols[col].strip() if len(cols) > col else "")
    return out


def _slots(name: str, col: int) -> dict[str, frozenset[str]]:
    return {
        k: frozenset(x for x in v.replace("|", ",").split(",") if x)
        for k, v in _column(name, col).items()
    }


def _lines(name: str) -> list[str]:
    text = files("tidings").joinpath("data", "quotes", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(name))


def _table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in _lines(name):
        cols = ln.split("\t")
        if len(cols) >= 2:
            out.setdefault(cols[0].strip().lower(), cols[1].strip())
    return out


@dataclass(frozen=True)
class Lexicon:
    """Every word list the quote finder reads, loaded once."""

    cues: dict[str, str]  # lemma -> speech | belief | document
    document_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymity_phrases: tuple[str, ...]
    title_nouns: dict[str, tuple[str, ...]]  # title noun -> phrases that signal it
    affiliations: dict[str, str]  # modifier -> ISO3
    sectors: dict[str, str]  # word -> CAMEO sector
    cue_slots: dict[str, frozenset[str]]  # lemma -> extra content slots (dobj, prep:for)
    noun_cues: dict[str, frozenset[str]]  # noun -> prepositions introducing its content
    raising_cues: dict[str, str]  # lemma -> active | passive
    adverb_cues: frozenset[str]
    adjective_cues: frozenset[str]
    poll_nouns: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    return Lexicon(
        cues=_table("cues.tsv"),
        document_nouns=_words("document_nouns.txt"),
        anonymous_nouns=_words("anonymous_nouns.txt"),
        anonymity_phrases=tuple(sorted(_words("anonymity_phrases.txt"), key=len, reverse=True)),
        title_nouns={k: tuple(v.split("|")) for k, v in _table("title_nouns.tsv").items()},
        affiliations=_table("affiliations.tsv"),
        sectors=_table("sectors.tsv"),
        cue_slots=_slots("cues.tsv", 2),
        noun_cues=_slots("noun_cues.tsv", 1),
        raising_cues=_table("raising_cues.tsv"),
        adverb_cues=_words("adverb_cues.txt"),
        adjective_cues=_words("adjective_cues.txt"),
        poll_nouns=_words("source_nouns.txt"),
    )
