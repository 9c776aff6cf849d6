"""Tests for quotation-mark pairing (``tidings.quotes.marks``)."""

from __future__ import annotations

import pytest

from tidings.quotes.marks import find_quoted


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The talks were useful,” he said.", ["“The talks were useful,”"]),
        ('"The talks were useful," he said.', ['"The talks were useful,"']),
        ('“Curly open, straight close," he said.', ['“Curly open, straight close,"']),
        ('"Straight open, curly close,” he said.', ['"Straight open, curly close,”']),
        ("«Nous partons», a-t-il dit.", ["«Nous partons»"]),
        ("“He told me ‘no way’ twice,” she said.", ["“He told me ‘no way’ twice,”"]),
        ('“He told me "no way" twice,” she said.', ['“He told me "no way" twice,”']),
        ("The ‘axis of resistance’ is weaker. Clinton’s team’s plan.", ["‘axis of resistance’"]),
        ("“One,” he said, “two.”", ["“One,”", "“two.”"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_paragraph_spanning_quote_is_one_span() -> None:
    text = "He said: “We will fight.\n\n“We will never surrender,” he added.\n\nNext."
    found = find_quoted(text)
    assert [text[q.start : q.end] for q in found] == [
        "“We will fight.\n\n“We will never surrender,”"
    ]
    assert found[0].paragraphs == 2 and found[0].balanced


def test_unbalanced_quote_stops_at_paragraph_end() -> None:
    text = "“We will fight on, he said.\n\nThe ministry did not comment. “Short,” she said."
    found = find_quoted(text)
    assert [text[q.start : q.end] for q in found] == ["“We will fight on, he said.", "“Short,”"]
    assert not found[0].balanced and found[1].balanced


def test_unbalanced_quote_is_capped_in_length() -> None:
    text = "“" + "word " * 1000
    (q,) = find_quoted(text, max_open_chars=200)
    assert q.end - q.start <= 200 and not q.balanced


def test_inner_strips_marks() -> None:
    text = "“Yes,” he said."
    (q,) = find_quoted(text)
    s, e = q.inner(text)
    assert text[s:e] == "Yes,"
