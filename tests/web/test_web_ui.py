"""The web UI in real headless Chromium: filter, open an event, map markers, no XSS, no CDN."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sample_store import XSS_OUTLET, XSS_TITLE

pytestmark = pytest.mark.browser
# Screenshots of every test run go to build/screenshots (not tracked); refresh the README's
# with TIDINGS_SCREENSHOTS=docs/screenshots.
SCREENSHOTS = Path(
    os.environ.get(
        "TIDINGS_SCREENSHOTS", Path(__file__).resolve().parents[2] / "build" / "screenshots"
    )
)


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def test_events_page_table_map_timeline(page: Any) -> None:
    page.goto(page.base + "/#/events")
    page.wait_for_selector("#events-table tr.event-row")
    assert page.locator("#events-table tr.event-row").count() == 7
    assert page.locator("#event-count").inner_text() == "7 matching"
    page.wait_for_selector("path.event-marker")
    assert page.locator("path.event-marker").count() == 6  # the undated AGREE has no place
    assert page.locator("#timeline rect.bar").count() == 6
    page.wait_for_timeout(300)  # let the outline layer paint
    shot(page, "events.png")
    assert page.outside_requests == []
    assert page.js_errors == []


def test_filter_then_open_event_with_highlights(page: Any) -> None:
    page.goto(page.base + "/#/events")
    page.wait_for_selector("#events-table tr.event-row")
    page.fill("input[name=actor]", "IRQ")
    page.fill("input[name=type]", "consult")
    page.click("#apply")
    page.wait_for_function("document.querySelector('#event-count').textContent === '1 matching'")
    assert "actor=IRQ" in page.url and "type=consult" in page.url
    assert page.locator("path.event-marker").count() == 1
    page.click("#events-table a.evidence-link")
    page.wait_for_selector("#mentions li.mention")
    assert page.locator("#mentions li.mention").count() == 2
    outlets = page.locator("#mentions .outlet").all_inner_texts()
    assert outlets == ["Daily Ledger", "Evening Courier"]
    first = page.locator("#mentions li.mention").first
    assert first.locator("mark.hl-trigger").inner_text() == "met"
    assert first.locator("mark.hl-source").inner_text() == "US Secretary of State Antony Blinken"
    assert first.locator("mark.hl-target").inner_text() == (
        "Iraqi Prime Minister Mohammed Shia al-Sudani"
    )
    assert first.locator("mark.hl-place").inner_text() == "Baghdad"
    assert first.locator("mark.hl-date").inner_text() == "on Friday"
    assert "We will work together," in page.locator("ul.quotes").inner_text()
    page.wait_for_selector("path.event-marker")
    shot(page, "event.png")
    assert page.outside_requests == []
    assert page.js_errors == []


def test_bad_filter_shows_api_error(page: Any) -> None:
    page.goto(page.base + "/#/events?quad_class=9")
    page.wait_for_selector(".error")
    assert page.locator(".error").inner_text() == (
        "Error: quad_class: Input should be less than or equal to 4 (got '9')"
    )


def test_script_in_article_is_shown_as_text_not_run(page: Any, web_sample: Any) -> None:
    ids = web_sample[1]
    page.goto(page.base + "/#/events?country=KEN")
    page.wait_for_selector("#events-table tr.event-row")
    cell = page.locator("#events-table td.evidence-cell").inner_text()
    assert cell.startswith("<script>window.__xss = 1</script>")
    page.goto(page.base + "/#/event/" + ids["events"]["evil-nairobi"][0])
    page.wait_for_selector("#mentions li.mention")
    assert page.locator("#mentions .outlet").inner_text() == XSS_OUTLET
    assert page.locator("#mentions li.mention a").inner_text() == XSS_TITLE
    page.goto(page.base + "/#/article/" + ids["articles"]["evil-nairobi"])
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text").inner_text().startswith("<script>")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#main script").count() == 0
    assert page.locator("#main img").count() == 0
    assert page.locator("#main b, #main i").count() == 0


def test_story_and_actor_pages(page: Any, web_sample: Any) -> None:
    ids = web_sample[1]
    page.goto(page.base + "/#/story/" + ids["stories"]["baghdad"])
    page.wait_for_selector("#outlets-table tbody tr")
    rows = page.locator("#outlets-table tbody tr").all_inner_texts()
    assert [r.split("\t")[0] for r in rows] == ["Daily Ledger", "Evening Courier"]
    badges = page.locator("#outlets-table tbody tr").first.locator(".badge").all_inner_texts()
    assert badges == ["CONSULT", "REQUEST"]
    # what each outlet carried that the other did not: the REQUEST only the Ledger reported
    cards = page.locator("#outlet-comparison .outlet-card")
    assert cards.count() == 2
    ledger = cards.filter(has_text="Daily Ledger")
    assert "Events only here" in ledger.inner_text()
    assert ledger.locator(".badge").all_inner_texts() == ["REQUEST"]
    shared = page.locator("#outlet-comparison > ul li").all_inner_texts()
    assert any("CONSULT" in s and "Evening Courier" in s for s in shared)
    shot(page, "story.png")
    page.goto(page.base + "/#/actor/IRQGOV")
    page.wait_for_selector("#dyads-table tbody tr")
    assert page.locator("#dyads-table tbody tr").count() == 2
    assert page.js_errors == []


def test_docs_page_served_without_cdn(page: Any) -> None:
    page.goto(page.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    assert page.outside_requests == []
