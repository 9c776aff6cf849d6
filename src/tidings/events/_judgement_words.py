"""The closed word lists of reported judgements (``data/events/judgement_words.tsv``) and the
test of a judging word, shared by the judgement rules and the epithet slot of naming verbs."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from spacy.tokens import Token

from tidings.errors import ConfigError

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
    path = files("tidings").joinpath("data", "events", FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, set[str]] = {c: set() for c in CLASSES}
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    for n, row in enumerate(rows, 2):
        cls, word = row.get("class") or "", (row.get("word") or "").strip().lower()
        if cls not in out or not word:
            raise ConfigError(f"{FILE}: row {n}: needs a class in {CLASSES} and a word")
        out[cls].add(word)
    return {c: frozenset(ws) for c, ws in out.items()}


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
