"""MinHash signatures and the banded LSH near-duplicate index."""

from __future__ import annotations

import numpy as np

from tidings.stories.dedup import NearDuplicateIndex, estimate_jaccard, near_duplicate_pairs
from tidings.stories.dedup import signature as sig

BASE = " ".join(f"w{i} common" for i in range(120))


def test_signature_is_deterministic_and_sized() -> None:
    a, b = sig(BASE, num_perm=64, shingle_words=5), sig(BASE, num_perm=64, shingle_words=5)
    assert a.dtype == np.uint64 and len(a) == 64
    assert np.array_equal(a, b)
    assert estimate_jaccard(a, b) == 1.0


def test_wire_copy_found_rewrite_not() -> None:
    copy = "By the wire desk. " + BASE + " Updated at noon."
    other = " ".join(f"x{i} common" for i in range(120))
    items = [(k, sig(t, num_perm=64, shingle_words=5)) for k, t in
             (("orig", BASE), ("copy", copy), ("other", other))]  # fmt: skip
    assert near_duplicate_pairs(items, threshold=0.8, num_perm=64) == {"copy": "orig"}


def test_chain_of_copies_points_to_first() -> None:
    s = sig(BASE, num_perm=64, shingle_words=5)
    assert near_duplicate_pairs([("a", s), ("b", s), ("c", s)], threshold=0.8, num_perm=64) == {
        "b": "a", "c": "a",
    }  # fmt: skip


def test_index_ignores_wrong_length() -> None:
    index = NearDuplicateIndex(threshold=0.8, num_perm=64)
    index.add("short", np.zeros(8, dtype=np.uint64))
    assert "short" not in index
    assert index.query(np.zeros(8, dtype=np.uint64)) == []
    assert (index.bands, index.rows) == (16, 4)
