"""The learned coder: trained on lexicon rows and our own sentences, same Event records."""

from __future__ import annotations

from tidings import registry
from tidings.events._lexicon import load_lexicon
from tidings.events.learned import _examples, token_features
from tidings.interfaces import EventCoder
from tidings.model import AnnotatedDoc, Article


def test_training_data_is_lexicon_only() -> None:
    xs, ys = _examples(load_lexicon())
    assert len(xs) == len(ys) > 4000
    assert {"ASSAULT", "CONSULT", "NONE"} <= set(ys)


def test_learned_coder_codes(nlp) -> None:  # type: ignore[no-untyped-def]
    coder = registry.resolve("event_coder", "tidings.learned.v1")
    assert isinstance(coder, EventCoder) and coder.name == "tidings.learned.v1"
    text = "Israel has been pounding Syria. Police arrested the opposition leader."
    events = coder.code(AnnotatedDoc(Article("a", "d", text), nlp(text)))
    got = [(e.plover_type, e.source and e.source.text, e.target and e.target.text) for e in events]
    assert got == [("ASSAULT", "Israel", "Syria"), ("COERCE", "Police", "the opposition leader")]
    assert all(0.0 < e.confidence <= 1.0 and e.coder == "tidings.learned.v1" for e in events)


def test_token_features(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Japan sent aid to Sudan.")
    f = token_features(doc[1])
    assert {"lemma=send", "head=aid", "lemma+head=send+aid", "pos=VERB"} <= set(f)


def test_sentence_examples_are_bundled() -> None:
    from tidings.events.learned import sentence_examples

    xs, ys = sentence_examples()
    assert len(xs) == len(ys) > 300
    assert "NONE" in ys and "ASSAULT" in ys
    assert all(any(k.startswith("lemma=") for k in x) for x in xs)
