"""Language guess and date parsing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tidings.extract import detect_language, parse_date


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The minister said that the talks with the government would go on.",
            "en",
        ),
        (
            "Der Minister sagte, dass die Gespräche mit der Regierung weitergehen.",
            "de",
        ),
        (
            "Le ministre a déclaré que les discussions avec le gouvernement continuent.",
            "fr",
        ),
        (
            "El ministro dijo que las conversaciones con el gobierno continuarán.",
            "es",
        ),
        (
            "Il ministro ha detto che i colloqui con il governo continueranno.",
            "it",
        ),
        (
            "O ministro disse que as conversas com o governo vão continuar.",
            "pt",
        ),
        (
            "De minister zei dat de gesprekken met de regering worden voortgezet.",
            "nl",
        ),
        (
            "Bakan, görüşmelerin devam edeceğini söyledi ve bu çok önemli dedi.",
            "tr",
        ),
        ("Министр заявил, что переговоры с правительством продолжатся на следующей неделе.", "ru"),
        ("قال الوزير إن المحادثات مع الحكومة ستستمر في الأسبوع المقبل في العاصمة.", "ar"),
        ("部长说，与政府的谈判将在下周继续进行。", "zh"),
        ("Short.", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_parse_dates_with_zones() -> None:
    assert parse_date("Sat, 14 Dec 2024 07:56:23 PKT") == datetime(
        2024, 12, 14, 7, 56, 23, tzinfo=timezone(timedelta(hours=5))
    )
    assert parse_date("18 Dec 2024 21:00 +0530") == datetime(
        2024, 12, 18, 21, tzinfo=timezone(timedelta(hours=5, minutes=30))
    )
    assert parse_date("2024-12-14") == datetime(2024, 12, 14)
    assert parse_date("Dec 3, 2024 5:00 PM EST") == datetime(
        2024, 12, 3, 17, tzinfo=timezone(timedelta(hours=-5))
    )
    assert parse_date("no date here") is None
    assert parse_date(None) is None
