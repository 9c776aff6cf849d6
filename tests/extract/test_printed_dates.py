"""Dates printed on scraped pages (own-written lines): a dotted clock, bylines carrying the
date, a line opening with its date, an "Updated" date alone."""

from __future__ import annotations

from datetime import datetime

from tidings.config import load_config
from tidings.extract import extract_articles
from tidings.extract._scraped import clean_lines, printed_dates
from tidings.extract._textdates import dates_in, full_date
from tidings.model import RawDoc

LEAD = (
    "The first of four cranes arrived at the old docks on Monday, ten years after the last"
    " one was taken down, and the port authority said the others would follow by June."
)
SECOND = (
    "Dock workers who had moved to the container terminal downriver watched from the quay as"
    " the crane was lifted from the barge, and several of them said they hoped to come back."
)


def _dates(page: str) -> tuple[str | None, str | None]:
    return printed_dates(clean_lines(page, learned=True), None)


def test_a_dotted_clock_after_the_year_is_a_time() -> None:
    assert full_date("Tue 4 Feb 2020 06.05 GMT") == full_date("Tue 4 Feb 2020 06:05 GMT")
    assert full_date("Tue 4 Feb 2020 06.05 GMT") is not None


def test_bylines_carry_the_published_date() -> None:
    for line in (
        "Written by Ann Lee, PhD on March 3, 2021",
        "By Ann Lee / March 3, 2021 9:15 am EST / Updated: March 5, 2021",
        "By Ann Lee | March 3, 2021",
        "by Ann Lee3 March 2021, 7:40am",
    ):
        first = dates_in(line)[0]
        assert first.labelled and first.strong and not first.updated, line
        assert first.value.date() == datetime(2021, 3, 3).date(), line


def test_a_date_after_by_in_a_sentence_is_not_a_byline() -> None:
    found = dates_in("By Tuesday 3 March 2021, the army had left the last of the valley towns")
    assert found and not found[0].strong


def test_a_line_opening_with_its_date_gives_published_and_updated_apart() -> None:
    page = (
        f"Cranes return to the old docks\n\nAnn Lee\n\n"
        f"Wed 3 Mar 2021 06.05 GMT Last modified on Fri 5 Mar 2021 10.12 GMT\n\n"
        f"{LEAD}\n\n{SECOND}\n"
    )
    published, updated = _dates(page)
    assert published is not None and published.startswith("2021-03-03")
    assert updated is not None and updated.startswith("2021-03-05")


def test_an_updated_date_alone_stands_in_for_the_published_date() -> None:
    page = f"Cranes return to the old docks\n\nUpdated: March 5, 2021\n\n{LEAD}\n\n{SECOND}\n"
    [art] = extract_articles(RawDoc("d", "page.txt", "text", page, ""), load_config())
    assert art.published_at is not None and art.published_at.date().isoformat() == "2021-03-05"


def test_a_time_alone_and_a_date_in_prose_make_no_date() -> None:
    page = (
        "Cranes return to the old docks\n\nUpdated at 1:23 p.m.\n\n"
        f"{LEAD} The contract was signed on 3 March 2021, officials said, after months of"
        f" talks with the two crane makers.\n\n{SECOND}\n"
    )
    assert _dates(page) == (None, None)
