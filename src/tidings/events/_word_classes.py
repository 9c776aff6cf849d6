"""Closed word classes of the event rules (praise epithets, quantifiers, receiving and stop
verbs, series nouns, number words, markers of new people), read from
``data/events/word_classes.tsv`` so that they are edited as data."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from tidings.errors import ConfigError

FILE = "word_classes.tsv"
CLASSES = (
    "praise",
    "quantifier",
    "receiving_verb",
    "cease_verb",
    "series_noun",
    "number_word",
    "new_marker",
    "worker_noun",
)


def read_word_classes(name: str, classes: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """A ``class<TAB>word`` table of ``data/events/``, lower-cased; a bad row is an error
    naming the file and the row."""
    path = files("tidings").joinpath("data", "events", name)
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, set[str]] = {c: set() for c in classes}
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    for n, row in enumerate(rows, 2):
        cls, word = row.get("class") or "", (row.get("word") or "").strip().lower()
        if cls not in out or not word:
            raise ConfigError(f"{name}: row {n}: needs a class in {classes} and a word")
        out[cls].add(word)
    return {c: frozenset(ws) for c, ws in out.items()}


@cache
def _all() -> dict[str, frozenset[str]]:
    return read_word_classes(FILE, CLASSES)


def word_class(name: str) -> frozenset[str]:
    """The lower-cased words of one class; an unknown class name is a programming error."""
    return _all()[name]
