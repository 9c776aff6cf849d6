"""Event pages: both ways of reading a page's wide rows, key lookups in chunks, page counts."""

from __future__ import annotations

import pandas as pd
import pytest

from tidings.db import Tidings
from tidings.query import EventFilter, count_events, events_page, reads


@pytest.mark.parametrize("group_cost", [10_000, 0])  # primary-key lookups; by row id
@pytest.mark.parametrize("chunk", [1, 2, 50])
def test_page_is_the_same_whichever_way_rows_are_read(
    db: Tidings, monkeypatch: pytest.MonkeyPatch, group_cost: int, chunk: int
) -> None:
    expected = db.events(mentions=True)
    monkeypatch.setattr(reads, "_GROUP_COST", group_cost)
    monkeypatch.setattr(reads, "_LOOKUP_CHUNK", chunk)
    got = db.events(mentions=True)
    pd.testing.assert_frame_equal(got, expected)
    assert len(got) == 8
    assert got["outlet"].notna().all()  # every mention found its article


def test_page_order_is_newest_first_then_id(db: Tidings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reads, "_GROUP_COST", 10_000)
    rows = db.events(as_="records", mentions=True)
    keys = [(r["event_date"] or "", r["event_id"]) for r in rows]
    dated = [k for k in keys if k[0]]
    assert dated == sorted(dated, key=lambda k: (_neg(k[0]), k[1]))
    assert keys[-1][0] == ""  # undated last


def _neg(day: str) -> str:
    return "".join(chr(0x7F - ord(c)) for c in day)


@pytest.mark.parametrize(
    ("limit", "offset", "cap", "rows", "total"),
    [
        (3, 0, 100, 3, 7),  # counted by the page's own scan
        (3, 3, 100, 3, 7),
        (3, 6, 100, 1, 7),
        (3, 0, 4, 3, 4),  # capped
        (3, 3, 4, 3, 4),  # page beyond the cap: counted by a second query
        (3, 0, None, 3, None),
    ],
)
def test_page_count(
    db: Tidings, limit: int, offset: int, cap: int | None, rows: int, total: int | None
) -> None:
    filt = EventFilter(limit=limit, offset=offset)
    page, counted = events_page(db.store, filt, cap, "records")
    assert (len(page), counted) == (rows, total)
    assert [r["event_id"] for r in page] == list(db.events(limit=limit, offset=offset)["event_id"])
    if cap is not None:
        assert counted == min(count_events(db.store, filt), cap)


def test_empty_page_keeps_columns(db: Tidings) -> None:
    page, counted = events_page(db.store, EventFilter(q="no such words"), 10, "arrow")
    assert (page.num_rows, counted) == (0, 0)
    assert {"event_id", "evidence_text", "outlet", "article_title"} <= set(page.column_names)


def test_failure_inside_the_page_surfaces_unmasked(
    db: Tidings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(reads, "_wide_rows", boom)
    with pytest.raises(RuntimeError, match="boom"):
        events_page(db.store, EventFilter(), 10)
    monkeypatch.undo()
    assert len(db.events()) == 7  # the store reads on


def test_concurrent_pages_agree(db: Tidings) -> None:
    from concurrent.futures import ThreadPoolExecutor

    filt = EventFilter(limit=3, offset=2)
    expected = events_page(db.store, filt, 100, "records")

    def one(_: int) -> tuple[list[dict[str, object]], int | None]:
        page: list[dict[str, object]]
        page, n = events_page(db.store, filt, 100, "records")
        return page, n

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, range(64)))
    assert all(r == expected for r in results)
