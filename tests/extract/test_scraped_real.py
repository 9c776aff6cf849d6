"""Scraped text in the shapes real pages take (issue 11), on pages written for these tests.

Each page in tests/extract/pages/ marks its article lines with "+ "; the marker is stripped
before extraction and the kept text must be exactly those lines.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tidings.config import load_config
from tidings.errors import ExtractionError
from tidings.eval._extract_text import dom_text, gold_titles, title_right
from tidings.extract import LineStats, extract_articles
from tidings.extract._scraped import split_articles, strip_tab_label
from tidings.extract._textdates import dates_in, full_date
from tidings.model import Article, RawDoc

PAGES = Path(__file__).parent / "pages"
CONFIG = load_config()


def page(name: str) -> tuple[str, list[str]]:
    body, marked = [], []
    for line in (PAGES / name).read_text(encoding="utf-8").split("\n"):
        if line.startswith("+ "):
            line = line[2:]
            marked.append(line)
        body.append(line)
    return "\n".join(body), marked


def extract(body: str, name: str = "page.txt", **kw: object) -> list[Article]:
    return extract_articles(RawDoc("d", name, "text", body, "", **kw), CONFIG)  # type: ignore[arg-type]


def test_tab_label_and_glued_published_line() -> None:
    body, marked = page("tab_label.txt")
    [art] = extract(body)
    assert art.title == "On tour of northern valleys, minister promises new water pipes"
    assert art.text.split("\n\n") == marked
    assert art.published_at == datetime(
        2024, 12, 14, 7, 56, 23, tzinfo=timezone(timedelta(hours=5))
    )


def test_labelled_dates_updated_kept_apart_and_menus_dropped() -> None:
    body, marked = page("labelled_dates.txt")
    [art] = extract(body)
    assert art.title == "Harbour workers end strike after port authority agrees to talks"
    assert art.text.split("\n\n") == marked
    assert art.author == "Dana Whitlow"
    assert art.published_at == datetime(2019, 11, 19, 20, 59)  # not the UPDATED one
    [part] = split_articles(body, learned=True)
    assert part.updated == datetime(2019, 11, 20, 6, 12).isoformat()


def test_bulleted_published_line_and_teasers() -> None:
    body, marked = page("published_bullet.txt")
    [art] = extract(body)
    assert art.title == "Parliament delays vote on election law amid walkout"
    assert art.published_at == datetime(2019, 11, 18)
    assert art.text.split("\n\n") == marked


def test_caption_block_marker_and_second_article() -> None:
    body, marked = page("caption_glued.txt")
    first, second = extract(body)
    assert first.title == "Rescue teams search collapsed market after night quake"
    assert second.title == "Cargo train derails outside border town, no injuries reported"
    assert (first.dateline, first.wire, second.dateline) == ("ANKARA", "AFP", "VIENNA")
    kept = first.text.split("\n\n") + second.text.split("\n\n")
    assert len(kept) == len(marked)  # each caption once, headline not repeated in the body
    assert "TT" not in first.text and "Share" not in first.text + second.text
    for line, want in zip(kept, marked, strict=True):
        assert line.endswith(
            want.split(" - ", 1)[-1].replace(" (AFP)", "").replace(" (Reuters)", "")
        )


def test_a_time_alone_and_a_missing_year_are_never_dates() -> None:
    assert dates_in("Updated at 1:23 p.m.") == []
    assert full_date("November 19 at 8:59 pm") is None
    assert full_date("Veröffentlicht am 3. März 2021, 10:15 Uhr") == datetime(2021, 3, 3, 10, 15)
    body = "\n".join(["Updated at 1:23 p.m.", *page("published_bullet.txt")[1]])
    [art] = extract(body)
    assert art.published_at is None


def test_relative_dates_need_a_fetch_time() -> None:
    lines = page("published_bullet.txt")[1]
    body = "\n".join(["Council delays vote on bus lanes", "Published 1 day ago", *lines])
    [undated] = extract(body)
    assert undated.published_at is None  # never from the run's clock
    [dated] = extract(body, fetched_at="2020-05-04T10:00:00Z")
    assert dated.published_at == datetime(2020, 5, 3, 10, 0, tzinfo=UTC)


def test_lines_repeating_across_the_batch_are_furniture() -> None:
    promo = "Support independent journalism in the valleys and become a member of our club today."
    names = ("tab_label.txt", "labelled_dates.txt", "published_bullet.txt", "caption_glued.txt")
    pages = ["\n".join([f"Story {name} of the day", promo, *page(name)[1]]) for name in names]
    alone = extract(pages[0])[0].text
    stats = LineStats.of_texts(pages)
    batch = extract_articles(RawDoc("d", "p.txt", "text", pages[0], ""), CONFIG, stats)[0].text
    assert promo in alone  # on its own page it reads like prose
    assert promo not in batch
    # a syndicated story several outlets print is still an article in each
    wire = "\n".join(page("tab_label.txt")[1])
    copies = LineStats.of_texts([wire] * 4)
    [again] = extract_articles(RawDoc("d", "w.txt", "text", wire, ""), CONFIG, copies)
    assert again.text.split("\n\n") == page("tab_label.txt")[1]


@pytest.mark.parametrize(
    "body",
    [
        "\n".join(["* Home", "* News", "* World", "Sections", "Podcasts", "Menu", "Search"] * 4),
        "\n".join(f"{i}\t{i * 3.5}\t{i % 7}" for i in range(300)),
        "x" * 100_000,
        "",
    ],
    ids=["only-menu", "no-prose", "long-junk-line", "empty"],
)
def test_pages_without_an_article_are_one_clear_error(body: str) -> None:
    with pytest.raises(ExtractionError, match=r"^bad\.txt: no text left"):
        extract(body, "bad.txt")


def test_a_line_of_100000_characters_is_handled() -> None:
    sentence = "The council met on Tuesday to discuss the budget and said it would vote soon. "
    body = "Council budget vote\n" + sentence * 1300
    start = time.perf_counter()
    [art] = extract(body)
    assert time.perf_counter() - start < 20
    assert len(art.text) > 100_000 and art.text in body


@pytest.mark.slow
def test_a_50000_line_dump_does_not_crash() -> None:
    _, marked = page("labelled_dates.txt")
    menu = [f"* Section {i}" for i in range(25_000)]
    [art] = extract("\n".join([*menu, "Harbour strike ends", *marked, *menu]))
    assert art.text.split("\n\n") == marked


def test_strip_tab_label() -> None:
    assert strip_tab_label("World World On Syria tour, envoy meets leaders") == (
        "On Syria tour, envoy meets leaders"
    )
    assert strip_tab_label("Syria talks resume in Geneva") == "Syria talks resume in Geneva"


def test_eval_helpers_dom_dump_and_title_normalisation() -> None:
    html = (
        "<html><head><title>Vote delayed | The Herald</title><style>p{}</style></head><body>"
        "<script>var x = 1;</script><h1>Vote delayed</h1>\n\n\n\n<p>Text here.</p>"
        "<noscript>Enable JS</noscript></body></html>"
    )
    text = dom_text(html)
    assert "var x" not in text and "Enable JS" not in text and "\n\n\n" not in text
    assert "Vote delayed" in text and "Text here." in text
    golds = gold_titles(None, "Parliament vote delayed again | The Herald")
    assert title_right("Parliament vote delayed, again!", golds)
    assert not title_right("The Herald", golds)


def test_hard_wrapped_lead_of_a_titled_export_is_body() -> None:
    # A clean export (title in its metadata) whose lead sentence is hard-wrapped: the first
    # line is no headline, and no half of the wrapped sentence is dropped.
    body = (
        "A car bomb in the northern province has killed nine soldiers aboard a bus and wounded\n"
        "    twenty more, officials say.\n"
        "    The blast hit the bus as it carried the soldiers home on leave, the governor said.\n"
        "    An investigation into the attack was opened on Monday by the provincial prosecutor.\n"
        "    No group has said it carried out the attack, which came a week after a similar\n"
        "    bombing in the same province.\n"
    )
    [art] = extract(body, title="Bus attack: nine soldiers killed by car bomb")
    assert art.title == "Bus attack: nine soldiers killed by car bomb"
    assert art.text.startswith("A car bomb in the northern province has killed nine soldiers")
    assert "twenty more, officials say." in art.text
    assert "bombing in the same province." in art.text


def test_headline_is_the_line_before_the_metadata_block_not_the_nearest_teaser() -> None:
    # Written for this test: a slogan, an all-caps headline followed by its date, then a photo
    # caption-like line right above the lead, and the headline again in a "latest" list.
    body = "\n".join(
        [
            "* Home",
            "* Sports",
            "Welcome to the Harbour Gazette, your island news source",
            "",
            "FERRY OPERATOR ADDS NIGHT SAILINGS TO THE OUTER CAYS",
            "",
            "Share |",
            "March 3, 2023",
            "",
            "Passengers waiting at the north dock on a busy weekend",
            "",
            "The harbour ferry company said on Friday that it will run two extra night sailings"
            " to the outer cays from April, after months of complaints from island workers.",
            "",
            "The new timetable was agreed with the port authority, which will keep the north"
            " dock open until midnight on weekdays and pay for more lighting on the pier.",
            "",
            "Islanders welcomed the change but asked for lower fares on the late boats too.",
            "",
            "Latest",
            "* Council approves new school roof",
            "* FERRY OPERATOR ADDS NIGHT SAILINGS TO THE OUTER CAYS",
        ]
    )
    [art] = extract(body)
    assert art.title == "FERRY OPERATOR ADDS NIGHT SAILINGS TO THE OUTER CAYS"
    assert "The harbour ferry company said on Friday" in art.text
    assert "Welcome to the Harbour Gazette" not in art.text


def _glued_council_pages() -> str:
    # Written for this test: two stories of one beat (a town council), so their prose shares
    # some words; the first page's footer and the second page's menu part them, and the second
    # opens with its headline, byline and date.
    first = [
        "Council votes to rebuild the old harbour bridge",
        "By Mara Lind",
        "June 4, 2024",
        "",
        "The town council voted on Tuesday to rebuild the old harbour bridge, which has been"
        " closed to lorries since a survey found cracks in two of its stone piers last winter.",
        "",
        "Engineers told the council that the repair would take eighteen months and that a"
        " temporary footbridge would carry walkers and cyclists across the river meanwhile.",
        "",
        "Shop owners on the quay said the closure had cost them trade, and asked the council"
        " to open the footbridge before the summer markets begin in the harbour square.",
        "",
        "The mayor said the money would come from the regional transport fund, and that the"
        " council would publish the timetable of the works on its website next month.",
        "",
        "Residents of the lower town, who have driven the long way round since January, said"
        " they hoped the work would start quickly and finish before the next winter storms.",
        "",
        "A ferry operator offered to run a shuttle boat between the two quays at rush hour,"
        " and fishermen asked that the scaffolding leave room for their boats under the arch.",
        "",
        "The bridge, built of granite in 1868, is listed, so masons will reuse its old stones"
        " where they can and match the new ones to the colour of the original quarry.",
        "",
    ]
    footer = [f"* {w}" for w in ("About us", "Contact", "Advertise", "Careers", "Archive")]
    footer += [f"* {w}" for w in ("Privacy", "Cookies", "Terms", "Sitemap", "Newsletters")]
    footer += ["© 2024 Harbour Gazette. All rights reserved.", ""]
    menu = ["Skip to content", "Valley Courier"]
    menu += [f"* {w}" for w in ("Home", "News", "Sport", "Business", "Weather", "Opinion")]
    menu += [f"* {w}" for w in ("Culture", "Podcasts", "Events", "Subscribe")] + [""]
    second = [
        "Valley school gets a new science wing after years of waiting",
        "By Tomas Brenner",
        "June 5, 2024",
        "",
        "Pupils at the valley secondary school will start the autumn term in a new science"
        " wing, the school's head teacher said on Wednesday, after a decade of fundraising.",
        "",
        "The wing has four laboratories, a greenhouse on the roof and a lecture room that the"
        " school plans to lend to evening classes for adults from the villages around it.",
        "",
        "Parents raised a third of the cost with fairs and sponsored walks; the rest came from"
        " a national grant that the council helped the school apply for two years ago.",
        "",
        "Teachers said the old laboratories had leaking gas taps and too few benches, so that"
        " pupils often had to watch experiments instead of doing them with their own hands.",
        "",
        "The school will open the wing to families on a visiting day at the end of August.",
        "",
        "Its chemistry teacher, who joined as a pupil herself in 1994, said the greenhouse"
        " would let classes grow tomatoes and beans and measure how light changes their yield.",
        "",
        "Local farmers have promised seeds and an old tractor engine for pupils to take apart"
        " in physics lessons, and a retired pilot will explain how wings lift an aeroplane.",
    ]
    return "\n".join(first + footer + menu + second)


def test_glued_page_splits_at_the_second_headline_and_metadata_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tidings.extract import _scraped

    body = _glued_council_pages()
    one, two = extract(body)
    assert one.title == "Council votes to rebuild the old harbour bridge"
    assert "harbour bridge" in one.text and "science wing" not in one.text
    assert two.title == "Valley school gets a new science wing after years of waiting"
    assert "science wing" in two.text and "harbour bridge" not in two.text
    # The prose runs share words (the council, the town's life): without the headline block,
    # the content-word test alone keeps them one article.
    monkeypatch.setattr(_scraped, "_MAX_COSINE_HEADLINE", _scraped._MAX_COSINE)
    assert len(extract(body)) == 1


def test_a_teaser_headline_with_a_date_after_the_footer_does_not_split() -> None:
    # Written for this test: one article, its footer, then a "more stories" teaser with a date
    # and a one-line blurb: no second article.
    body = _glued_council_pages().split("Skip to content")[0] + "\n".join(
        [
            "More stories",
            "Valley school gets a new science wing after years of waiting",
            "June 5, 2024",
            "Pupils will start the autumn term in the new wing.",
        ]
    )
    assert len(extract(body)) == 1


def test_breadcrumb_ending_in_the_headline_is_not_the_title() -> None:
    # The trail carries the date below it; the headline printed on its own line is the title.
    body = (
        "Home » World » Ferry service resumes between the islands after storm\n"
        "12 March 2021\n\n"
        "Ferry service resumes between the islands after storm\n\n"
        "Ferry service between the two islands resumed on Friday after a storm had kept the"
        " boats in harbour for four days, the operator said.\n\n"
        "Passengers queued at the pier from early morning, and extra sailings were added to"
        " clear the backlog of travellers and freight.\n"
    )
    [art] = extract(body)
    assert art.title == "Ferry service resumes between the islands after storm"


def test_glued_page_second_article_scored_as_its_own_page() -> None:
    body, marked = page("glued_long.txt")
    first, second = extract(body)
    assert first.title == "Bridge over the Arlen river to reopen after two years of repairs"
    assert (second.title or "").startswith("Harvest starts early")
    assert first.text.split("\n\n") + second.text.split("\n\n") == marked
    # the second page's lines are judged as they are on that page alone, not by their
    # distance from the first page's prose
    cut = body.index("Menu\nSearch")
    [alone] = extract(body[cut:])
    assert alone.text == second.text


_STORIES = {
    "harbour": "Dockers at harbour {k} unloaded cargo ships while cranes lifted steel containers.",
    "orchard": "Farmers in orchard {k} picked ripe apples and pickers loaded baskets onto carts.",
}


def _prose_line(topic: str, k: int) -> str:
    return _STORIES[topic].format(k=k)


def test_prose_cuts_need_a_long_gap_dense_prose_and_other_words() -> None:
    from tidings.extract._prosecuts import prose_cuts

    left = [_prose_line("harbour", k) for k in range(14)]
    right = [_prose_line("orchard", k) for k in range(14)]
    furniture = [f"Menu item {k}" for k in range(31)]
    texts = [*left, *furniture, *right]
    assert prose_cuts(texts, [True] * len(texts)) == [(14, 45)]
    short_gap = [*left, *furniture[:10], *right]
    assert prose_cuts(short_gap, [True] * len(short_gap)) == []
    same_story = [*left, *furniture, *(_prose_line("harbour", k) for k in range(20, 34))]
    assert prose_cuts(same_story, [True] * len(same_story)) == []
    # a teaser list: one-sentence blurbs between headline, date and author lines
    headline = "Council approves a new parking plan for the old town centre after debate"
    teasers = [x for k in range(14) for x in (headline, "2 May 2023", "By Ann Lee", right[k])]
    listed = [*left, *furniture, *teasers]
    assert prose_cuts(listed, [True] * len(listed)) == []


def test_related_links_and_site_promos_inside_the_body_are_dropped() -> None:
    body = "\n".join(
        [
            "Ferry crews walk out over rota changes",
            "By Ann Lee",
            "Published 4 May 2023",
            "Ferry crews on the island routes stopped work on Thursday after the operator changed"
            " their rotas without talks, leaving hundreds of passengers waiting at the quay.",
            "Read also: Port fees to rise for the second time this year",
            "The union said the new rotas added two night shifts a week and that members had voted"
            " by a large majority to stay off the boats until the operator returned to the table.",
            "Sign up for our morning newsletter and get the day's news in your inbox.",
            "The operator said it regretted the disruption and hoped to meet union officials on"
            " Friday, adding that a reduced timetable would run with managers on the bridge.",
            "Lea también: Suben las tarifas del puerto",
            "If you are already a subscriber, please log in to read the full story.",
            "Comments are moderated and may take a day to appear.",
            "Never miss a story: get our alerts on your phone.",
            "This page may contain affiliate links; we may earn a commission on purchases.",
        ]
    )
    [art] = extract(body)
    kept = art.text.split("\n\n")
    assert len(kept) == 3
    assert all(line.startswith("The ") or line.startswith("Ferry crews on") for line in kept)


def test_a_sentence_about_subscribers_or_a_newsletter_is_still_text() -> None:
    from tidings.extract._lexicon import boilerplate

    promos = boilerplate().promo_patterns
    for sentence in (
        "The streaming company said it added two million subscribers in the quarter.",
        "See you at the rally, she told the crowd before the march began.",
        "Read the full text of the ruling, which runs to two hundred pages.",
        "The ministry's weekly newsletter announced the new rules on Monday.",
        "The retailer said it would stop paying affiliates and partners next year.",
    ):
        assert not any(p.search(sentence) for p in promos), sentence


def test_a_short_part_set_apart_only_by_a_gap_joins_its_neighbour() -> None:
    from tidings.extract._scraped import Line, _long_enough

    base = "\n".join(["x" * 300, "y" * 300, "z" * 200, "w" * 600])
    lines, pos = [], 0
    for text in base.split("\n"):
        lines.append(Line(pos, pos + len(text), text, spans=[(pos, pos + len(text))]))
        pos += len(text) + 1
    # parts [0, 2) 600 chars, [2, 3) 200 chars, [3, 4) 600 chars
    assert _long_enough([0, 2, 3], set(), lines, base) == [0, 3]
    # a dateline or published-line marker opening the short part keeps it apart
    assert _long_enough([0, 2, 3], {0, 2}, lines, base) == [0, 2]
    assert _long_enough([0, 2, 3], {0, 2, 3}, lines, base) == [0, 2, 3]
