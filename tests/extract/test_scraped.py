"""Scraped pages lose navigation, credits and doubled captions; datelines and dates are kept."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.errors import ExtractionError
from tidings.extract import extract_articles
from tidings.model import Article, RawDoc, content_id

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
CONFIG = load_config()
PKT = timezone(timedelta(hours=5))


def doc_of(name: str) -> RawDoc:
    body = (PAGES / name).read_text(encoding="utf-8")
    return RawDoc(content_id(body), str(PAGES / name), "text", body, "")


def articles(name: str) -> list[Article]:
    return extract_articles(doc_of(name), CONFIG)


def test_noisy_page_is_cleaned() -> None:
    [art] = articles("noisy_meeting.txt")
    assert art.title == "Blinken holds talks with Iraqi premier in Baghdad"
    for junk in (
        "World World",
        "TT",
        "Follow on",
        "Share",
        "Advertisement",
        "(AFP Photo)",
        "Photo:",
        "Published On",
    ):
        assert junk not in art.text
    caption = "receives US Secretary of State Antony Blinken in Baghdad on December 13, 2024."
    assert art.text.count(caption) == 1
    assert art.text.startswith("Iraqi Prime Minister Mohammed Shia al-Sudani receives")


def test_published_on_line_with_zone() -> None:
    [art] = articles("noisy_meeting.txt")
    assert art.published_at == datetime(2024, 12, 14, 7, 56, 23, tzinfo=PKT)
    assert art.published_at.utcoffset() == timedelta(hours=5)


def test_dateline_captured_and_removed() -> None:
    [art] = articles("noisy_meeting.txt")
    assert (art.dateline, art.wire) == ("BAGHDAD", "AFP")
    assert "BAGHDAD (AFP)" not in art.text
    assert "\n\nUS Secretary of State Antony Blinken met Iraqi Prime Minister" in art.text


def test_reuters_dateline_byline_and_credit_line() -> None:
    [art] = articles("wire_reuters.txt")
    assert (art.dateline, art.wire, art.author) == ("WASHINGTON", "Reuters", "Jane Moreau")
    assert art.text.startswith("The United States imposed sanctions on Friday")
    assert "Reporting by" not in art.text
    assert "By Jane Moreau" not in art.text


def test_glued_page_is_split() -> None:
    first, second = articles("glued_two.txt")
    assert first.title == "Turkish minister visits Damascus after ceasefire talks"
    assert second.title == "Protesters rally in Tripoli over fuel shortages"
    assert (first.dateline, second.dateline) == ("DAMASCUS", "TRIPOLI")
    assert first.published_at == datetime(2024, 12, 12, 10, 15, tzinfo=PKT)
    assert second.published_at == datetime(2024, 12, 13, 18, 40, 10, tzinfo=PKT)
    assert "Tripoli" not in first.text
    assert "Damascus" not in second.text
    assert first.article_id != second.article_id
    assert first.doc_id == second.doc_id


def test_article_ids_are_stable() -> None:
    assert [a.article_id for a in articles("glued_two.txt")] == [
        a.article_id for a in articles("glued_two.txt")
    ]


@pytest.mark.parametrize("name", ["noisy_meeting.txt", "glued_two.txt", "wire_reuters.txt"])
def test_raw_offsets_round_trip(name: str) -> None:
    doc = doc_of(name)
    for art in extract_articles(doc, CONFIG):
        assert art.raw_offsets
        covered = 0
        for clean_start, raw_start, length in art.raw_offsets:
            assert (
                art.text[clean_start : clean_start + length]
                == doc.body[raw_start : raw_start + length]
            )
            covered += length
            # a sample of spans inside the segment maps back too
            for a, b in ((0, min(5, length)), (length // 3, length // 2), (length - 1, length)):
                assert (
                    art.text[clean_start + a : clean_start + b]
                    == doc.body[raw_start + a : raw_start + b]
                )
        assert covered >= 0.9 * len(art.text.replace("\n\n", ""))


def test_hard_wrapped_lines_join_with_a_space() -> None:
    body = (
        "Ministers met in Paris on Monday and agreed\nto meet again next month, officials "
        "said.\n\nA second paragraph follows here with more words."
    )
    [art] = extract_articles(RawDoc("d", "wrap.txt", "text", body, ""), CONFIG)
    assert art.text.startswith("Ministers met in Paris on Monday and agreed to meet again")
    assert "said.\n\nA second" in art.text


def test_source_metadata_wins_over_text() -> None:
    body = "Some title line\nPublished On: Sat, 14 Dec 2024 07:56:23 PKT\n" + (
        "DOHA (AFP) – Mediators met in Doha on Saturday to discuss a ceasefire proposal."
    )
    doc = RawDoc(
        "d",
        "x.jsonl#line=1",
        "text",
        body,
        "",
        title="Meta title",
        published="2024-12-15T10:00:00+03:00",
        outlet="Meta Outlet",
    )
    [art] = extract_articles(doc, CONFIG)
    assert (art.title, art.outlet) == ("Meta title", "Meta Outlet")
    assert art.published_at == datetime(2024, 12, 15, 10, tzinfo=timezone(timedelta(hours=3)))
    assert art.text == "Mediators met in Doha on Saturday to discuss a ceasefire proposal."


def test_nothing_left_raises_one_line_error() -> None:
    doc = RawDoc("d", "/data/page.txt", "text", "Share\nAdvertisement\nWorld World\nTT\n", "")
    with pytest.raises(ExtractionError) as err:
        extract_articles(doc, CONFIG)
    assert str(err.value) == "page.txt: no text left after boilerplate removal"


def test_credit_nav_and_doubled_line_forms() -> None:
    body = "\n".join(
        [
            "Politics | World | Opinion",
            "Image credit: Getty Images",
            "Photo: Handout",
            "(Reuters)",
            "3 min read",
            "Follow us on Telegram",
            "Rescue teams search the rubble in Aleppo. Rescue teams search the rubble in Aleppo.",
            "ALEPPO (AFP) – A drone attack killed three civilians near Aleppo on Tuesday, a war "
            "monitor said (Photo: SANA).",
            "Copyright 2024 Some Outlet",
        ]
    )
    [art] = extract_articles(RawDoc("d", "credits.txt", "text", body, ""), CONFIG)
    assert art.text == (
        "Rescue teams search the rubble in Aleppo.\n\n"
        "A drone attack killed three civilians near Aleppo on Tuesday, a war monitor said."
    )
    assert (art.dateline, art.wire) == ("ALEPPO", "AFP")
    for clean_start, raw_start, length in art.raw_offsets:
        assert art.text[clean_start : clean_start + length] == body[raw_start : raw_start + length]


_LEAD = "Police in the capital detained nine protesters on Tuesday, officials said."


@pytest.mark.parametrize(
    ("opening", "place", "wire"),
    [
        ("(NAIROBI) — ", "NAIROBI", None),  # TIME's parenthesised dateline
        ("CAIRO The Latest on the protests. ", "CAIRO", None),  # AP's running story
        ("Kuala Lumpur: ", "Kuala Lumpur", None),
        ("Damascus, SANA- ", "Damascus", "SANA"),
    ],
)
def test_more_dateline_shapes(opening: str, place: str, wire: str | None) -> None:
    body = opening + _LEAD + "\n\nThe interior ministry gave no reason for the arrests."
    [art] = extract_articles(RawDoc(content_id(body), "x.txt", "text", body, ""), CONFIG)
    assert (art.dateline, art.wire) == (place, wire)
    assert not art.text.startswith(opening.strip())


@pytest.mark.parametrize("opening", ["Source: ", "Related: ", "Watch: "])
def test_labels_are_not_datelines(opening: str) -> None:
    body = opening + _LEAD + "\n\nThe interior ministry gave no reason for the arrests."
    [art] = extract_articles(RawDoc(content_id(body), "x.txt", "text", body, ""), CONFIG)
    assert art.dateline is None


def test_given_title_keeps_a_hard_wrapped_lead() -> None:
    # the lead's first line is short and unpunctuated, like a headline, but the caller gave
    # the title: the line is body
    body = (
        "A car bomb near the port has killed six soldiers, officials\n    say.\n"
        "    The army said the blast struck a convoy leaving the base on Monday morning.\n"
    )
    raw = RawDoc(content_id(body), "x.txt", "text", body, "", title="Six soldiers killed")
    [art] = extract_articles(raw, CONFIG)
    assert art.text.startswith("A car bomb near the port has killed six soldiers")
    assert art.title == "Six soldiers killed"
