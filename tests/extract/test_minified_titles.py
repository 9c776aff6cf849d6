"""Minified DOM dumps (a whole page on one line) and headline shapes of rendered pages (issue 11).

Every page here is written for these tests (invented text, no published article).
"""

from __future__ import annotations

from tidings.config import load_config
from tidings.extract import extract_articles
from tidings.extract._minified import pieces, text_lines
from tidings.extract._scraped import split_lines
from tidings.extract._textdates import dates_in
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


def extract(body: str) -> list[Article]:
    return extract_articles(RawDoc("d", "page.txt", "text", body, ""), CONFIG)


def test_a_minified_dump_is_cut_at_its_element_joins() -> None:
    # lower case running into a capital ("HomeWorld"), a sentence end running into the next
    # sentence, and runs of layout blanks mark where the page's elements met
    body = (
        "HomeWorldPoliticsBusinessSportsWeatherContact   Search      Tuesday, March 9, 2021"
        "   Harbour cranes return to the old docks after a decade away"
        "By Ann Lee  March 9, 2021   "
        f"{LEAD}{SECOND}{THIRD}"
        "Related storiesFerry fares rise for the summerNew bridge opens to cyclists"
        "Subscribe to our newsletterPrivacy policyTerms of use\n"
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks after a decade away"
    for sentence in (LEAD, SECOND, THIRD):
        assert sentence in art.text
    for furniture in ("HomeWorld", "Politics", "Privacy policy", "Subscribe"):
        assert furniture not in art.text
    for _, raw, length in art.raw_offsets:
        assert body[raw : raw + length] in art.text  # spans still map back to the dump


def test_pieces_leave_short_lines_and_plain_prose_whole() -> None:
    assert pieces("HomeWorldPolitics") == [(0, 17, False)]  # short: a line of its own
    prose = f"{LEAD} McDonald and DeSantis, {SECOND} {THIRD}"
    assert len(prose) > 400
    assert pieces(f"  {prose}") == [(2, 2 + len(prose), False)]  # two joins are no dump
    dump = "HomeNewsSportsWeatherTravel" + " " + LEAD + SECOND + THIRD
    cut = [dump[a:b] for a, b, _ in pieces(dump)]
    assert cut[:5] == ["Home", "News", "Sports", "Weather", "Travel " + LEAD[:-1] + "."][:4] + [
        cut[4]
    ]
    assert cut[4].startswith("Travel The first of four cranes")
    assert [g for _, _, g in pieces(dump)][:3] == [False, True, True]
    assert list(text_lines(f"a\n{dump}"))[:3] == ["a", "Home", "News"]


def test_glued_pieces_kept_together_are_rejoined_without_a_space() -> None:
    # a wrongly cut "McDonald" inside a dump's paragraph comes back whole
    dump = (
        "HomeNewsSportsWeatherTravelContact   "
        f"Harbour cranes return to the old docks after a decade awayBy Ann Lee   {LEAD}"
        f" The crane came from a McDonald yard upriver. {SECOND}{THIRD}\n"
    )
    lines = split_lines(dump, minified=True)
    at = next(k for k, x in enumerate(lines) if x.text.endswith("from a Mc"))
    assert lines[at + 1].text.startswith("Donald yard upriver.") and lines[at + 1].glued
    [art] = extract(dump)
    assert "from a McDonald yard upriver." in art.text


def test_headline_before_a_share_bar_and_published_line_beats_the_nearer_caption() -> None:
    bullets = "\n".join(["*"] * 9)
    body = (
        "* News\n* Sport\n\nFerry fares rise for the summer\n\nMay 2, 2022\n\n"
        "Harbour cranes return to the old docks after a decade away\n\n"
        f"{bullets}\n* Share\n\nPublished by Ann Lee at May 3, 2022\n\n"
        f"Cranes on the quay\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n"
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks after a decade away"


def test_an_authors_name_after_a_bare_by_and_a_reading_time_are_no_headlines() -> None:
    body = (
        "Listen live\n\nHarbour cranes return to the old docks after a decade away\n\n"
        "By\n\nAnn Lee\n\nand\n\nOmar Field\n\n~ 6 Minuten\n\n"
        f"Photo: a crane on a barge\n\n{LEAD}\n\n{SECOND}\n\n{THIRD}\n"
    )
    [art] = extract(body)
    assert art.title == "Harbour cranes return to the old docks after a decade away"


def test_a_label_above_a_menu_is_not_the_headline_of_the_date_below_the_menu() -> None:
    menu = "\n".join(f"* {x}" for x in ("Essen", "Kochen", "Reisen", "Trinken", "Service", "Home"))
    body = (
        f"Zum Inhalt springen\n{menu}\n* 25. November 2021 16:11 Uhr\n* Share\n\n"
        "Der Hafen bekommt seine Kräne zurück\n\n"
        "Die ersten vier Kräne kamen am Montag an den alten Kai, zehn Jahre nachdem der letzte"
        " abgebaut worden war, und die Hafenbehörde sagte, die anderen folgten bis Juni.\n\n"
        "Hafenarbeiter, die zum Containerterminal flussabwärts gewechselt waren, sahen vom Kai"
        " aus zu, wie der Kran von der Barge gehoben wurde, und einige wollen zurückkommen.\n"
    )
    [art] = extract(body)
    assert art.title == "Der Hafen bekommt seine Kräne zurück"


def test_a_bylines_on_date_is_the_published_date_and_a_sentences_is_not() -> None:
    # "on" after the author's name labels the date, also when a DOM dump runs the next
    # element into the year ("2017The")
    assert [
        d.value.date().isoformat() for d in dates_in("Written by Ann Lee on July 27, 2017")
    ] == ["2017-07-27"]
    [found] = dates_in("Gespeichert von ann am 24. Juli 2017 - 18:55")
    assert found.labelled and found.strong
    [event] = dates_in("The bill was signed by the governor on March 3, 2022, after a long debate.")
    assert not event.labelled
    dump = (
        "HomeNewsSportsWeatherTravelContact   Harbour cranes return to the old docks after a"
        " decade away   Written by Ann Lee on March 9, 2021Share"
        f"{LEAD}{SECOND}{THIRD}\n"
    )
    [art] = extract(dump)
    assert art.published_at is not None and art.published_at.date().isoformat() == "2021-03-09"
    assert "Share" not in art.text


def test_credit_css_lowercase_fragment_and_promo_lines_are_no_headlines() -> None:
    from tidings.extract._titles import _shaped

    class L:
        kind, score, caption = "text", 0.5, False

        def __init__(self, text: str) -> None:
            self.text = text

    for junk in (
        "Foto: Ann Lee via Harbour Archive",
        "for-phone-only for-tablet-portrait-up for-desktop-up",
        "facebook twitter flipboard whatsapp",
        "from University of the Harbour",
        "Get the Harbour Report and other email newsletters",
        "Already have an account? Login here.",
    ):
        assert _shaped(L(junk)) is None, junk
    for headline in (
        "Harbour cranes return to the old docks after a decade away",
        "iPhone sales fall at the harbour store",
        "東京の港に 新しいクレーンが到着",
    ):
        assert _shaped(L(headline)) == headline


def test_a_list_of_dated_teasers_after_the_article_is_no_second_article() -> None:
    teasers = []
    for k, (head, blurb) in enumerate(
        (
            ("Ferry fares rise for the summer", "Tickets on the island route cost more from May."),
            ("New bridge opens to cyclists", "The crossing took three years and cost more."),
            ("Market hall to close for repairs", "Traders will move to the square until autumn."),
        )
    ):
        more = "The council said that more details about the plan would follow next week."
        teasers += [head, f"{blurb} {more}", f"Posted on May {k + 2}, 2022", "Social Share"]
    body = "\n\n".join(
        [
            "Harbour cranes return to the old docks after a decade away",
            "Posted on May 1, 2022",
            LEAD,
            SECOND,
            THIRD,
            "More news",
            *teasers,
        ]
    )
    [art] = extract(body + "\n")
    assert art.text.startswith(LEAD[:40]) and THIRD in art.text
