"""News-shaped sentences (tests/events/news_cases.jsonl, written for these tests) through the
configured stages: coder, dates, places. Each case lists exactly the events a careful coder
records, with full actor codes, the date at its precision and the place's country.

The shapes are the failures seen on whole real articles (issue 10): sector-only parties with
no country, pronouns and bare titles, passives, non-political clauses, the relevance gate,
background and future acts getting the publication date, hub datelines, "fired shells at".
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tidings.config import load_config
from tidings.model import Article, Event
from tidings.pipeline import Components, process_annotated

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "news_cases.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
# Every precision the resolver writes; a season or quarter is written as its first month.
_CHARS = {
    "day": 10,
    "week": 10,
    "month": 7,
    "season": 7,
    "quarter": 7,
    "year": 4,
    "decade": 3,
    "century": 2,
}


@pytest.fixture(scope="module")
def parts() -> Components:
    return Components.from_config(load_config())


def _run(parts: Components, case: dict[str, Any]) -> list[Event]:
    published = datetime.fromisoformat(case["published"]).replace(tzinfo=UTC)
    article = Article(
        article_id=case["id"],
        doc_id=case["id"],
        text=case["text"],
        published_at=published,
        dateline=case.get("dateline"),
    )
    return [
        e
        for d in parts.annotator.annotate([article])
        for e in process_annotated(d, parts).events
        if "requested_by_event" not in e.extra
    ]


def _project(e: Event) -> dict[str, Any]:
    date = e.event_date[: _CHARS[e.date_precision]] if e.event_date and e.date_precision else None
    return {
        "type": e.plover_type,
        "source": e.source.code if e.source else None,
        "target": e.target.code if e.target else None,
        "date": date,
        "place": e.place.country_iso3 if e.place else None,
    }


def _norm(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True) for i in items)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_news_case(parts: Components, case: dict[str, Any]) -> None:
    got = [_project(e) for e in _run(parts, case)]
    assert _norm(got) == _norm(case["events"]), f"{case['shape']}: {case['text']}"


def test_case_file_size_and_shapes() -> None:
    assert len(CASES) >= 60
    assert len({c["shape"] for c in CASES}) >= 10
    assert sum(not c["events"] for c in CASES) >= 20  # hard negatives: no event at all


def test_context_country_is_recorded(parts: Components) -> None:
    case = next(c for c in CASES if c["id"] == "news-A01")
    [event] = _run(parts, case)
    assert event.extra["target_country_from"] == "event_place"  # "students" <- "in Cairo"
    dated = next(c for c in CASES if c["id"] == "news-A07")
    [event] = _run(parts, dated)
    assert event.extra["source_country_from"] == "dateline"  # "the government" <- ANKARA
