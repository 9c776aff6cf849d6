"""The closed word lists of the event rules (data/events/word_classes.tsv) load and are used."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tidings.events._trigger_choice import argument_slots
from tidings.events._word_classes import CLASSES, word_class


def test_every_class_is_filled_and_lower_case() -> None:
    for name in CLASSES:
        words = word_class(name)
        assert words, f"{name} is empty"
        assert all(w == w.lower() and w.strip() == w for w in words)
    assert "constructive" in word_class("praise") and "cease" in word_class("cease_verb")


def test_praise_epithet_is_not_named_as() -> None:
    """ "called the talks constructive" is praise: no <named-as> slot; "illegal" is one."""
    vocab = spacy.blank("en").vocab

    def called(adj: str) -> Doc:
        words = ["They", "called", "the", "talks", adj]
        heads, deps = [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "oprd"]
        lemmas = ["they", "call", "the", "talk", adj]
        pos = ["PRON", "VERB", "DET", "NOUN", "ADJ"]
        return Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)

    assert "<named-as>" not in argument_slots(called("constructive")[1])[0]
    assert "<named-as>" in argument_slots(called("illegal")[1])[0]
