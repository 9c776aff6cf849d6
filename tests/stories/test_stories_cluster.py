"""assign_stories and StoryIndex on hand-made digests with hand-made vectors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np

from tidings.stories import (
    ArticleDigest,
    Fingerprint,
    StoryIndex,
    StorySettings,
    assign_stories,
    signature,
)
from tidings.stories.cluster import blocking_keys, publication_order, story_id_for

SETTINGS = StorySettings(threshold=0.5, entity_weight=0.0, merge=False)
DAY = datetime(2024, 12, 14, tzinfo=UTC)


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs + (0.0,) * (4 - len(xs)), dtype=np.float32)
    return v / np.linalg.norm(v)


def dg(aid: str, names: tuple[str, ...] = ("baghdad",), when: datetime | None = DAY,
       text: str = "talks in the capital") -> ArticleDigest:  # fmt: skip
    return ArticleDigest(aid, "Outlet", when, None, text, names)


def test_similar_join_dissimilar_open_new_story() -> None:
    docs = [dg("a"), dg("b"), dg("c")]
    vecs = np.stack([unit(1, 0), unit(1, 0.2), unit(0, 1)])
    out = assign_stories(docs, vecs, SETTINGS)
    assert out[0].story_id == out[1].story_id == story_id_for("a")
    assert out[2].story_id == story_id_for("c") and out[2].new_story
    assert out[1].score > 0.97


def test_no_shared_blocking_key_means_no_comparison() -> None:
    docs = [dg("a", ("baghdad",), text="talks"), dg("b", ("lima",), text="quake")]
    vecs = np.stack([unit(1, 0), unit(1, 0)])  # identical vectors, nothing in common to block on
    out = assign_stories(docs, vecs, SETTINGS)
    assert out[0].story_id != out[1].story_id


def test_date_window_separates_same_topic_a_month_apart() -> None:
    docs = [dg("a"), dg("b", when=DAY + timedelta(days=30)), dg("c", when=DAY + timedelta(6))]
    vecs = np.stack([unit(1, 0)] * 3)
    out = assign_stories(docs, vecs, SETTINGS)
    assert out[0].story_id == out[2].story_id != out[1].story_id


def test_undated_article_clusters_on_content_and_is_flagged() -> None:
    docs = [dg("a"), dg("b", when=None)]
    out = assign_stories(docs, np.stack([unit(1, 0), unit(1, 0.1)]), SETTINGS)
    assert out[1].story_id == out[0].story_id
    assert out[1].undated and not out[0].undated


def test_near_duplicate_joins_the_original_story_whatever_the_vector() -> None:
    text = " ".join(f"word{i}" for i in range(60))
    sig = signature(text, num_perm=64, shingle_words=5)
    docs = [dg("a", text=text), dg("b", ("other",), DAY + timedelta(1), text=text + " extra")]
    sig_b = signature(docs[1].text, num_perm=64, shingle_words=5)
    out = assign_stories(
        docs, np.stack([unit(1, 0), unit(0, 1)]), SETTINGS, signatures=[sig, sig_b]
    )
    assert out[1].story_id == out[0].story_id
    assert out[1].near_duplicate_of == "a"


def test_entity_weight_pulls_articles_sharing_names() -> None:
    docs = [dg("a", ("blinken", "sudani")), dg("b", ("blinken", "sudani"))]
    vecs = np.stack([unit(1, 0), unit(1, 1.4)])  # cosine about 0.58
    assert assign_stories(docs, vecs, replace(SETTINGS, threshold=0.7))[1].new_story
    joined = assign_stories(docs, vecs, replace(SETTINGS, threshold=0.7, entity_weight=0.5))
    assert joined[1].story_id == joined[0].story_id
    assert round(joined[1].score, 3) == round(0.5 * float(unit(1, 0) @ unit(1, 1.4)) + 0.5, 3)


def test_publication_order_dated_first_then_undated() -> None:
    docs = [dg("z", when=None), dg("b", when=DAY + timedelta(1)), dg("a"), dg("c", when=DAY)]
    assert publication_order(docs) == [2, 3, 1, 0]


def test_too_common_keys_are_not_used_for_blocking() -> None:
    index = StoryIndex(replace(SETTINGS, max_block=2), dim=4)
    for i, vec in enumerate((unit(1), unit(0, 1), unit(0, 0, 1))):  # orthogonal: 3 stories
        index.assign(dg(f"s{i}", ("common",), text="x"), vec)
    assert len(index.stories) == 3
    # three stories share "n:common": past max_block, so it blocks nothing
    assert index.candidates(("n:common",), DAY) == []
    assert len(index.candidates(("n:common", "w:never"), DAY)) == 0


def test_blocking_keys_are_names_and_keywords() -> None:
    d = ArticleDigest("a", None, None, "Quake shakes Chile", "The quake shook Chile.", ("chile",))
    assert blocking_keys(d, SETTINGS) == ("n:chile", "w:chile", "w:quake", "w:shakes", "w:shook")


def test_story_ids_are_stable() -> None:
    assert story_id_for("art-1") == story_id_for("art-1") != story_id_for("art-2")
    assert story_id_for("art-1").startswith("story-")


# -- second pass: average-link merge of the run's new stories ---------------------------------
MERGING = replace(SETTINGS, threshold=0.9, merge=True, merge_threshold=0.5)


def test_merge_pass_joins_split_new_stories_by_average_link() -> None:
    docs = [dg("a"), dg("b", when=DAY + timedelta(1)), dg("c", when=DAY + timedelta(2))]
    # cos(a,b)=0.6, cos(b,c)=0.8, cos(a,c)=0: all below the join threshold of 0.9
    vecs = np.stack([unit(1, 0), unit(0.6, 0.8), unit(0, 1)])
    assert len({a.story_id for a in assign_stories(docs, vecs, replace(MERGING, merge=False))}) == 3
    out = assign_stories(docs, vecs, MERGING)
    # b and c merge first (0.8); then a against {b, c} averages (0.6 + 0) / 2 = 0.3 < 0.5
    assert out[1].story_id == out[2].story_id == story_id_for("b")
    assert out[0].story_id == story_id_for("a") and out[0].new_story
    assert out[1].new_story and not out[2].new_story  # the merged-away story no longer exists


def test_merge_pass_respects_the_date_window() -> None:
    docs = [dg("a"), dg("b", when=DAY + timedelta(days=30))]
    out = assign_stories(docs, np.stack([unit(1, 0), unit(0.6, 0.8)]), MERGING)
    assert out[0].story_id != out[1].story_id


def test_merge_pass_never_merges_two_old_stories_and_keeps_old_ids() -> None:
    def fp(aid: str, sid: str) -> Fingerprint:
        d = dg(aid)
        return Fingerprint(aid, sid, "Outlet", DAY, None, np.zeros(0, dtype=np.uint64),
                           unit(1, 0), d.entities, blocking_keys(d, MERGING))  # fmt: skip

    index = StoryIndex(MERGING, dim=4)
    index.add_existing(fp("x1", "story-X"))
    index.add_existing(fp("y1", "story-Y"))  # same vector, but both already published
    new = index.assign(dg("n", when=DAY + timedelta(1)), unit(0.6, 0.8))
    assert new.new_story
    moved = index.consolidate([new.story_id])
    assert moved == {new.story_id: "story-X"}  # ties go to the smaller id
    assert {"story-X", "story-Y"} <= set(index.stories)
    assert index.article_story["n"] == "story-X" and index.stories["story-X"].size == 2
    assert index.consolidate([]) == {}


def test_merge_sweep_keeps_a_story_open_while_a_merge_extends_it() -> None:
    # a-b (5 days apart) merge at 0.8; c comes 10 days after a, so only the merged {a, b},
    # whose window now runs to day 12, can take it: average (0.28 + 0.8) / 2 = 0.54 >= 0.5
    docs = [dg("a"), dg("b", when=DAY + timedelta(5)), dg("c", when=DAY + timedelta(10))]
    vecs = np.stack([unit(1, 0), unit(0.8, 0.6), unit(0.28, 0.96)])
    out = assign_stories(docs, vecs, MERGING)
    assert {a.story_id for a in out} == {story_id_for("a")}
    assert [a.new_story for a in out] == [True, False, False]


def test_merge_sweep_closes_a_story_its_window_has_left() -> None:
    # Same c, but a and b no longer merge (cosine 0): a closed at day 7, b alone scores 0.8
    docs = [dg("a"), dg("b", when=DAY + timedelta(5)), dg("c", when=DAY + timedelta(10))]
    vecs = np.stack([unit(1, 0), unit(0, 1), unit(0.6, 0.8)])
    out = assign_stories(docs, vecs, MERGING)
    assert out[0].story_id == story_id_for("a")
    assert out[1].story_id == out[2].story_id == story_id_for("b")


def test_merge_pass_lets_an_undated_story_join_a_dated_one() -> None:
    docs = [dg("a"), dg("u", when=None), dg("far", names=("chile",), when=DAY + timedelta(90))]
    vecs = np.stack([unit(1, 0), unit(0.6, 0.8), unit(0, 0, 1)])
    out = assign_stories(docs, vecs, MERGING)
    assert out[0].story_id == out[1].story_id == story_id_for("a")
    assert out[1].undated and not out[1].new_story
    assert out[2].story_id == story_id_for("far")
