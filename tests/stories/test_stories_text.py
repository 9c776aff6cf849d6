"""Cheap text features: words, shingles, proper names, keywords."""

from __future__ import annotations

from tidings.stories.text import keywords, proper_names, shingles, top_names, words

TEXT = (
    "Officials said Blinken met Sudani in Baghdad on Friday. Blinken's aides were upbeat. "
    "Officials in Baghdad said the talks went well."
)


def test_words_lowercase_letters_first() -> None:
    assert words("The 3 rockets hit Erbil's airport") == [
        "the",
        "rockets",
        "hit",
        "erbil's",
        "airport",
    ]


def test_shingles() -> None:
    assert shingles("a b c d", 2) == {b"a b", b"b c", b"c d"}
    assert shingles("a b", 5) == {b"a b"}
    assert shingles("", 5) == set()


def test_proper_names_skip_sentence_starts_and_calendar_words() -> None:
    names = proper_names(TEXT)
    assert names == {"blinken": 2, "sudani": 1, "baghdad": 2}
    # "Officials" only ever opens sentences; "Friday" is a calendar word


def test_top_names_adds_actor_names() -> None:
    assert top_names(TEXT, 2, extra=["Mohammed Shia al-Sudani"]) == (
        "baghdad", "blinken", "mohammed shia al-sudani",
    )  # fmt: skip


def test_keywords_from_title_and_lead() -> None:
    assert keywords("Quake in Chile", "A quake struck Chile. The quake was strong.", 2) == (
        "chile", "quake",
    )  # fmt: skip
