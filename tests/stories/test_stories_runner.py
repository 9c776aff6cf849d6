"""update_stories over a Store(":memory:") filled with the hand-written multi-outlet corpus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from stories_corpus import EVENTS, PAGES, article_id, write_pages

from tidings.config import load_config
from tidings.pipeline import story_embedder
from tidings.store import Store
from tidings.stories.compare import compare_outlets
from tidings.stories.records import StoryReport
from tidings.stories.runner import update_stories

CONFIG = load_config()
EMBEDDER = story_embedder(CONFIG)  # the configured one, as the pipeline hands it over


def _update(store: Store) -> StoryReport:
    return update_stories(store, CONFIG, EMBEDDER)


def _story_of(store: Store) -> dict[str, str]:
    rows = store._dict_rows("SELECT article_id, story_id FROM articles")
    by_id = {article_id(p.key): p.key for p in PAGES}
    return {by_id[r["article_id"]]: r["story_id"] for r in rows}


def _partition(story_of: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, sid in story_of.items():
        groups.setdefault(sid, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def _snapshot(store: Store) -> dict[str, Any]:
    tables = {
        "articles": "SELECT article_id, story_id FROM articles ORDER BY 1",
        "events": "SELECT event_id, canonical_id, story_id, n_articles, n_outlets FROM events "
        "ORDER BY 1",
        "mentions": "SELECT * FROM event_mentions ORDER BY 1, 2",
        "stories": "SELECT * FROM stories ORDER BY 1",
        "fingerprints": "SELECT article_id, story_id, near_duplicate_of, undated "
        "FROM article_fingerprints ORDER BY 1",
    }
    return {k: store._dict_rows(sql) for k, sql in tables.items()}


def _event(store: Store, key: str, n: int) -> dict[str, Any]:
    eid = EVENTS[key][n].event_id
    return store._dict_rows("SELECT * FROM events WHERE event_id = ?", [eid])[0]


@pytest.fixture
def store() -> Store:
    s = Store(":memory:")
    write_pages(s)
    return s


def test_articles_grouped_into_stories(store: Store) -> None:
    report = _update(store)
    assert report.articles_assigned == 9
    assert report.stories_new == 3
    story = _story_of(store)
    visit = {story[k] for k in ("visit_a", "visit_b", "visit_copy", "visit_later", "visit_again")}
    quake = {story[k] for k in ("quake_a", "quake_b", "quake_undated")}
    assert len(visit) == 1 and len(quake) == 1
    # same minister, different happening: its own story
    assert story["hearing"] not in visit | quake
    assert visit != quake


def test_near_duplicate_and_undated_flagged(store: Store) -> None:
    report = _update(store)
    assert report.near_duplicates == 1
    assert report.undated == 1
    rows = store._dict_rows(
        "SELECT article_id, near_duplicate_of, undated FROM article_fingerprints"
    )
    dup = {r["article_id"]: r["near_duplicate_of"] for r in rows if r["near_duplicate_of"]}
    assert dup == {article_id("visit_copy"): article_id("visit_a")}
    undated = [r["article_id"] for r in rows if r["undated"]]
    assert undated == [article_id("quake_undated")]


def test_story_counts(store: Store) -> None:
    _update(store)
    story = _story_of(store)
    rows = {r["story_id"]: r for r in store._dict_rows("SELECT * FROM stories")}
    visit = rows[story["visit_a"]]
    assert (visit["n_articles"], visit["n_outlets"]) == (5, 3)
    quake = rows[story["quake_a"]]
    assert (quake["n_articles"], quake["n_outlets"]) == (3, 2)
    assert str(visit["first_seen"].date()) == "2024-12-14"
    assert str(visit["last_seen"].date()) == "2024-12-21"


def test_one_meeting_told_by_three_outlets_is_one_event(store: Store) -> None:
    report = _update(store)
    canonical = _event(store, "visit_a", 0)
    assert (canonical["n_articles"], canonical["n_outlets"]) == (4, 3)
    for key in ("visit_b", "visit_copy", "visit_later"):
        mention = _event(store, key, 0)
        assert mention["canonical_id"] == canonical["event_id"]
        assert mention["evidence_text"]  # every account keeps its own evidence
    mentions = store._dict_rows(
        "SELECT mention_id FROM event_mentions WHERE event_id = ? ORDER BY 1",
        [canonical["event_id"]],
    )
    assert len(mentions) == 4
    # the meeting a week later stays its own event
    again = _event(store, "visit_again", 0)
    assert again["canonical_id"] == again["event_id"]
    assert (again["n_articles"], again["n_outlets"]) == (1, 1)
    # the request: the original and its wire copy, two outlets
    request = _event(store, "visit_a", 1)
    assert (request["n_articles"], request["n_outlets"]) == (2, 2)
    assert report.merged_groups == 2 and report.events_merged == 4


def test_second_run_changes_nothing(store: Store) -> None:
    _update(store)
    before = _snapshot(store)
    report = _update(store)
    assert report.articles_assigned == 0
    assert _snapshot(store) == before


def test_incremental_run_keeps_old_story_ids(store: Store) -> None:
    fresh = Store(":memory:")
    write_pages(fresh, ["visit_a", "visit_b", "quake_a"])
    _update(fresh)
    first = _story_of(fresh)
    write_pages(fresh)
    report = _update(fresh)
    assert report.articles_assigned == 6
    after = _story_of(fresh)
    assert all(after[k] == v for k, v in first.items())
    # same grouping as clustering everything at once (ids depend on which article came first)
    _update(store)
    assert _partition(after) == _partition(_story_of(store))
    merged = "SELECT event_id, canonical_id, n_articles, n_outlets FROM events ORDER BY 1"
    assert fresh._dict_rows(merged) == store._dict_rows(merged)


def test_compare_outlets_from_store_rows(store: Store) -> None:
    _update(store)
    sid = _story_of(store)["visit_a"]
    rows = store.story_rows(sid)
    result = compare_outlets(sid, rows["articles"], rows["events"], rows["quotes"])
    views = {v.outlet: v for v in result.outlets}
    assert sorted(views) == ["Daily Ledger", "Gulf Courier", "Morning Wire"]
    assert views["Morning Wire"].speakers_only_here == ("Mohammed Shia al-Sudani",)
    assert [e.label for e in views["Daily Ledger"].events_only_here] == [
        "CONSULT Antony Blinken -> Mohammed Shia al-Sudani"
    ]
    assert views["Daily Ledger"].events_only_here[0].event_id == EVENTS["visit_again"][0].event_id
    assert views["Morning Wire"].events_missing == (
        "REQUEST Antony Blinken -> Mohammed Shia al-Sudani",
    )
    assert [len(e.outlets) for e in result.shared_events] == [3, 2]


class RecordingEmbedder:
    """The configured embedder, recording what the step asks it to embed."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> Any:
        self.calls.append(len(texts))
        return EMBEDDER.embed(texts)


def test_the_step_embeds_with_the_embedder_it_is_given(store: Store) -> None:
    given = RecordingEmbedder()
    assert update_stories(store, CONFIG, given).articles_assigned == 9
    assert given.calls == [9]  # one batch: the nine unclustered articles
    assert update_stories(store, CONFIG, given).articles_assigned == 0
    assert given.calls == [9]  # nothing new: not asked again
