"""The closed word lists of reported judgements (``data/events/judgement_words.tsv``) and the
test of a judging word, shared by the judgement rules and the epithet slot of naming verbs."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from tidings.events._word_classes import read_word_classes

FILE = "judgement_words.tsv"
CLASSES = (
    "blame_predicate",
    "wrongdoing",
    "blame_verb",
    "bad_epithet",
    "bad_adjective",
    "judging_speech",
    "concern_adjective",
    "charge_noun",
    "naming_verb",
)


@cache
def words() -> dict[str, frozenset[str]]:
    """The judgement word classes, lower-cased."""
    return read_word_classes(FILE, CLASSES)


def judged(tok: Token) -> bool:
    """A judging noun or adjective, or a noun a judging adjective modifies ("a brutal
    dictator", "a totalitarian island")."""
    w = words()
    lemma = tok.lemma_.lower()
    if (tok.pos_ in ("NOUN", "PROPN") and lemma in w["bad_epithet"]) or (
        tok.pos_ == "ADJ" and lemma in w["bad_adjective"]
    ):
        return True
    return any(c.dep_ == "amod" and c.lemma_.lower() in w["bad_adjective"] for c in tok.children)
