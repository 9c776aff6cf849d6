"""Headline shapes of scraped pages (own-written pages): a dek under the headline, a label over
it, a teaser line ending in an ellipsis, a share bar."""

from __future__ import annotations

from tidings.config import load_config
from tidings.extract import extract_articles
from tidings.model import Article, RawDoc

CONFIG = load_config()

LEAD = (
    "The first of four cranes arrived at the old docks on Monday, ten years after the last"
    " one was taken down, and the port authority said the others would follow by June."
)
SECOND = (
    "Dock workers who had moved to the container terminal downriver watched from the quay as"
    " the crane was lifted from the barge, and several of them said they hoped to come back."
)
THIRD = (
    "The authority expects the docks to handle timber and grain again from the autumn, and it"
    " has begun to hire crane drivers, riggers and clerks for the first season of work."
)
BODY = f"{LEAD}\n\n{SECOND}\n\n{THIRD}\n"


def extract(body: str) -> list[Article]:
    return extract_articles(RawDoc("d", "page.txt", "text", body, ""), CONFIG)


def test_the_headline_over_its_dek_beats_the_dek_nearer_the_byline() -> None:
    # The standfirst sits nearer the byline and shares more words with the lead.
    body = (
        "* News\n* Ports\n\nHarbour cranes are back\n\n"
        "Ten years on, the port authority brings the cranes back to the river that made its name"
        "\n\nBy Ann Lee\n\nMay 3, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes are back"


def test_a_short_headline_over_a_full_stop_dek_wins() -> None:
    body = (
        "* Login\n* Help\n\nDock cranes\n\n"
        "Before the season starts, the port authority wants the cranes on the quay again.\n\n"
        + BODY
    )
    [art] = extract(body)
    assert art.title == "Dock cranes"


def test_a_section_label_over_the_headline_is_no_headline_over_a_dek() -> None:
    # "Ports in numbers" is a label; the line under it is the headline, not a standfirst.
    body = (
        "* News\n* Ports\n\nPorts in numbers\n\n"
        "Cranes return: the old docks will handle timber and grain again from the autumn\n\n"
        "Ann Lee\n\nPolitical Editor\n\nMay 3, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == (
        "Cranes return: the old docks will handle timber and grain again from the autumn"
    )


def test_a_teaser_ending_in_an_ellipsis_is_no_headline_over_a_dek() -> None:
    body = (
        "* Blog\n\nTwo islands and a ferry…\n\n"
        "Harbour cranes return to the old docks with a barge and a new crew\n\n"
        "* Ports\n* 3 May, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks with a barge and a new crew"


def test_a_share_bar_is_never_the_title() -> None:
    body = (
        "* Greenport.Blog\n\nCity keeps its promise to the river\n\n"
        "Twitter Facebook LinkedIn Email Reddit Print\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "City keeps its promise to the river"


def test_a_section_label_in_capitals_run_into_the_headline_is_stripped() -> None:
    body = (
        "* News\n* Ports\n\nWORLD NEWS Harbour cranes return to the old docks\n\n"
        "By Ann Lee\n\nMay 3, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks"


def test_a_menu_label_glued_to_the_headline_is_stripped_and_acronyms_stay() -> None:
    body = (
        "Ports\n\nNews\n\nPortsHarbour cranes return to the old docks\n\n"
        "By Ann Lee\n\nMay 3, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks"
    kept = "NATO Allies Agree On Harbour Plan"
    [art] = extract(f"* News\n\n{kept}\n\nBy Ann Lee\n\nMay 3, 2022\n\n" + BODY)
    assert art.title == kept


def test_a_newsletter_box_above_the_article_is_not_its_lead() -> None:
    body = (
        "Subscribe to our Harbour Today newsletter\n\n"
        "Join thousands of readers who get the latest port and shipping news in their inbox"
        " every morning, free of charge.\n\n"
        "The administrator of your personal data will be Harbour Media Ltd, 12 Quay Street,"
        " and you can unsubscribe at any time from the link in each email.\n\n"
        "* News\n\nHarbour cranes return to the old docks\n\nBy Ann Lee\n\nMay 3, 2022\n\n" + BODY
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks"


def test_a_list_line_repeating_a_word_is_no_headline_over_a_dek() -> None:
    body = (
        "* Podcast\n\nCity keeps its promise to the river\n\n"
        "MP3 Audio [14 MB] AAC Audio [9 MB] Opus Audio [7 MB] Download\n\n"
        "In this episode the port authority explains why the cranes are back on the quay.\n\n"
        + BODY
    )
    [art] = extract(body)
    assert art.title != "MP3 Audio [14 MB] AAC Audio [9 MB] Opus Audio [7 MB] Download"
