"""Long articles are annotated in parts cut at boundaries, never truncated, offsets kept."""

from __future__ import annotations

import pytest

from tidings.annotate.split import split_text
from tidings.model import Article


def test_parts_rejoin_exactly_and_respect_the_limit() -> None:
    text = ("First paragraph here. It has two sentences.\n\n" * 30) + "x" * 250
    parts = split_text(text, 100)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 100 for p in parts)
    assert all(p.endswith("\n\n") for p in parts if "x" not in p)  # paragraphs preferred


def test_sentence_then_space_then_hard_cut() -> None:
    one_line = "Talks went on. Officials met again. " * 10
    parts = split_text(one_line, 50)
    assert "".join(parts) == one_line
    assert all(p.endswith(". ") for p in parts[:-1])
    words = "word " * 40
    assert all(p.endswith(" ") for p in split_text(words, 33)[:-1])
    assert split_text("y" * 25, 10) == ["y" * 10, "y" * 10, "y" * 5]
    assert split_text("short", 10) == ["short"]
    with pytest.raises(ValueError, match="limit must be at least 1"):
        split_text("x", 0)


def _article(text: str) -> Article:
    return Article(article_id="a1", doc_id="d1", text=text, language="en")


def test_long_article_is_annotated_whole_in_parts() -> None:
    from tidings.annotate.spacy_annotator import SpacyAnnotator

    sentence = "Foreign Minister Lena Vasquez met officials in Paris on Tuesday. "
    text = sentence * 60  # about 3,900 characters on one line
    whole = next(iter(SpacyAnnotator(max_chars=1_000_000).annotate([_article(text)]))).doc
    parts = next(iter(SpacyAnnotator(max_chars=500).annotate([_article(text)]))).doc
    assert parts.text == text  # nothing cut off
    ents = [(e.start_char, e.end_char, e.label_) for e in parts.ents]
    assert ents[-1][1] > len(text) - len(sentence)  # entities found in the last part too
    for start, end, _ in ents:
        assert text[start:end] in sentence  # offsets point at the right characters
    assert len(list(parts.sents)) == len(list(whole.sents))
    assert {e.text for e in parts.ents} == {e.text for e in whole.ents}
