"""Data-driven checks of find(): dated sentences with exact expected values (no spaCy)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tidings.temporal import TemporalResolver

CASES = [
    line.split("\t")
    for line in (Path(__file__).parent / "dated_sentences.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.fixture(scope="module")
def resolver() -> TemporalResolver:
    return TemporalResolver()


def test_enough_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("ref", "sentence", "expression", "value", "precision"), CASES)
def test_dated_sentence(
    resolver: TemporalResolver, ref: str, sentence: str, expression: str, value: str, precision: str
) -> None:
    found = resolver.find(sentence, datetime.fromisoformat(ref))
    by_text = {t.text: t for t in found}
    assert expression in by_text, f"{expression!r} not found in {[t.text for t in found]}"
    t = by_text[expression]
    assert t.value == value
    assert t.precision == (precision or None)
    assert sentence[t.start : t.end] == expression


def test_span_leaves_preposition_out(resolver: TemporalResolver) -> None:
    [t] = resolver.find("Blinken met Sudani in Baghdad on Friday.", date(2024, 12, 14))
    assert (t.text, t.start, t.end, t.kind) == ("Friday", 33, 39, "DATE")


def test_day_before_apposition(resolver: TemporalResolver) -> None:
    text = "Last Saturday, the day before rebels took control of Damascus, he fled."
    found = resolver.find(text, date(2024, 12, 14))
    assert [(t.text, t.value) for t in found] == [
        ("Last Saturday", "2024-12-07"),
        ("the day before", "2024-12-07"),
    ]
    assert "apposition" in found[1].flags


def test_anchored_next_day(resolver: TemporalResolver) -> None:
    text = "The envoy arrived on December 2, 2024. The next day he met the president."
    found = resolver.find(text, date(2024, 12, 14))
    assert [(t.text, t.value) for t in found] == [
        ("December 2, 2024", "2024-12-02"),
        ("The next day", "2024-12-03"),
    ]


def test_name_may_is_not_a_month(resolver: TemporalResolver) -> None:
    found = resolver.find("Theresa May said the vote was held in May.", date(2019, 7, 1))
    assert [(t.text, t.value) for t in found] == [("May", "2019-05")]


def test_durations_and_sets(resolver: TemporalResolver) -> None:
    found = resolver.find(
        "Over the past two months, the 16-hour talks were held daily.", date(2024, 12, 14)
    )
    assert [(t.text, t.kind, t.value) for t in found] == [
        ("the past two months", "DURATION", "P2M"),
        ("16-hour", "DURATION", "PT16H"),
        ("daily", "SET", "P1D"),
    ]


def test_ages_are_not_durations(resolver: TemporalResolver) -> None:
    assert resolver.find("A 6-year-old boy and a six-year-old girl were hurt.", None) == []


def test_earnings_comparison_is_the_same_quarter(resolver: TemporalResolver) -> None:
    text = "Third-quarter profit rose to $5 million from $3 million a year ago."
    found = resolver.find(text, date(2024, 10, 25))
    assert [(t.text, t.value) for t in found] == [
        ("Third-quarter", "2024-Q3"),
        ("a year ago", "2023-Q3"),
    ]
