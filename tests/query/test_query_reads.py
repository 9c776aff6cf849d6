"""Read queries over the tiny store: exact rows for each filter."""

from __future__ import annotations

from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from tidings.db import Tidings
from tidings.errors import QueryError


def types(df: pd.DataFrame) -> list[str]:
    return sorted(df["plover_type"])


def test_default_returns_canonical_events_newest_first(db: Tidings) -> None:
    df = db.events()
    assert len(df) == 7  # 8 mentions, the Courier's "held talks" merged into the Ledger's "met"
    assert list(df["event_id"]) == list(df["canonical_id"])
    dates = [d for d in df["event_date"] if not pd.isna(d)]
    assert dates == sorted(dates, reverse=True)
    assert pd.isna(df["event_date"].iloc[-1])  # the undated AGREE sorts last
    assert {"outlet", "article_title", "url", "published_at", "evidence_text"} <= set(df.columns)


def test_mentions_flag_returns_every_mention(db: Tidings) -> None:
    assert len(db.events(mentions=True)) == 8


def test_worked_example_filter(db: Tidings) -> None:
    df = db.events(actor="IRQ", type="CONSULT", since="2024-12-01")
    assert len(df) == 1
    row = df.iloc[0]
    assert (row.source_code, row.target_code, row.cameo_code) == ("USAGOV", "IRQGOV", "042")
    assert (row.n_articles, row.n_outlets, row.place_name) == (2, 2, "Baghdad")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "IRQ", "side": "target"}, ["CONSULT", "REQUEST"]),
        ({"actor": "IRQ", "side": "source"}, []),
        ({"actor": "blinken"}, ["CONSULT", "REQUEST"]),
        ({"type": ["assault", "protest"]}, ["ASSAULT", "PROTEST"]),
        ({"cameo_root": 4}, ["CONSULT"]),
        ({"quad_class": 4}, ["ASSAULT", "PROTEST"]),
        ({"country": "KEN"}, ["ACCUSE"]),
        ({"lat": 33.3, "lon": 44.4, "km": 50}, ["CONSULT", "REQUEST"]),
        ({"lat": 48.0, "lon": 2.0, "km": 100}, ["PROTEST"]),
        ({"since": "2024-12-05", "until": "2024-12-10"}, ["ACCUSE", "THREATEN"]),
        ({"outlet": "evening courier"}, ["CONSULT"]),
        ({"outlet": "daily%"}, []),  # a wildcard in user text is literal
        ({"modality": "threatened"}, ["THREATEN"]),
        ({"negated": True}, ["AGREE"]),
        ({"min_confidence": 0.8}, ["CONSULT", "PROTEST"]),
        ({"q": "CLAMP DOWN"}, ["REQUEST"]),
        ({"q": "100%"}, []),
        ({"actor": "iraqi"}, ["CONSULT"]),  # a name part: matches the text as written
    ],
)
def test_filters(db: Tidings, filters: dict[str, Any], expected: list[str]) -> None:
    assert types(db.events(**filters)) == expected


def test_story_filter(db: Tidings, ids: dict[str, Any]) -> None:
    assert types(db.events(story_id=ids["stories"]["baghdad"])) == ["CONSULT", "REQUEST"]


def test_paging(db: Tidings) -> None:
    everything = list(db.events()["event_id"])
    pages = [list(db.events(limit=3, offset=o)["event_id"]) for o in (0, 3, 6)]
    assert sum(pages, []) == everything
    assert db.count_events(quad_class=3) == 3


def test_limit_none_returns_all_rows(db: Tidings) -> None:
    assert len(db.events(limit=None)) == 7


def test_other_formats(db: Tidings) -> None:
    assert isinstance(db.events(as_="polars"), pl.DataFrame)
    assert isinstance(db.events(as_="arrow"), pa.Table)
    recs = db.events(as_="records", type="CONSULT")
    assert recs[0]["event_date"] == "2024-12-13"
    with pytest.raises(QueryError, match="unknown result format 'xls'"):
        db.events(as_="xls")  # type: ignore[arg-type]


def test_invalid_filter_raises_query_error(db: Tidings) -> None:
    with pytest.raises(QueryError, match=r"^quad_class: Input should be less than or equal to 4"):
        db.events(quad_class=9)


def test_event_detail_lists_every_reporting_article(db: Tidings, ids: dict[str, Any]) -> None:
    canonical = ids["events"]["ledger-baghdad"][0]
    found = db.event(canonical)
    assert found is not None
    assert found["event"]["plover_type"] == "CONSULT"
    assert [m["outlet"] for m in found["mentions"]] == ["Daily Ledger", "Evening Courier"]
    courier = found["mentions"][1]
    assert courier["evidence_text"].startswith("Antony Blinken held talks")
    assert [q["content"] for q in found["quotes"]] == ["We will work together,"]
    assert db.event("ev_missing") is None


def test_stories_articles_quotes(db: Tidings, ids: dict[str, Any]) -> None:
    st = db.stories()
    assert len(st) == 5
    story = db.story(ids["stories"]["baghdad"])
    assert story is not None
    assert [o["outlet"] for o in story["outlets"]] == ["Daily Ledger", "Evening Courier"]
    assert [o["types"] for o in story["outlets"]] == ["CONSULT,REQUEST", "CONSULT"]
    assert len(db.articles(outlet="daily ledger")) == 2
    art = db.article(ids["articles"]["ledger-baghdad"])
    assert art is not None and art["article"]["text"].startswith("US Secretary of State")
    assert len(art["events"]) == 2
    assert list(db.quotes(speaker="sudani")["content"]) == ["We will work together,"]


def test_actors_and_dyads(db: Tidings) -> None:
    df = db.actors()
    top = df.iloc[0]
    assert (top.code, top.n_as_target, top.n_events) == ("IRQGOV", 2, 2)
    assert list(db.actors(q="irq")["code"]) == ["IRQGOV"]
    actor = db.actor("irqgov")
    assert actor is not None
    assert [(d["source_code"], d["plover_type"]) for d in actor["dyads"]] == [
        ("USAGOV", "CONSULT"),
        ("USAGOV", "REQUEST"),
    ]
    assert db.actor("ZZZ") is None


def test_stats_and_timeline(db: Tidings) -> None:
    s = db.stats()
    assert s["counts"]["events"] == 8
    assert s["counts"]["canonical_events"] == 7
    assert s["event_dates"] == {"first": "2024-11-20", "last": "2024-12-13"}
    months = db.timeline("month")
    assert [(r["bucket"], r["n"]) for r in months if r["plover_type"] == "PROTEST"] == [
        ("2024-11-01", 1)
    ]
    with pytest.raises(QueryError, match="bucket: must be day, week, month or year"):
        db.timeline("hour")
