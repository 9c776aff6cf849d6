"""Near-duplicate pages: MinHash signatures over word shingles, matched through LSH.

The same wire story published on several sites differs only in boilerplate and edits; its
shingle sets overlap far more than two independent accounts of one event ever do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from tidings.stories.text import shingles

Signature = npt.NDArray[np.uint64]
_SEED = 1
_SCHEME = "affine32"


def _minhash(num_perm: int, hashvalues: Signature | None = None) -> MinHash:
    """A MinHash with a fixed seed and scheme, so stored signatures stay comparable."""
    try:
        return MinHash(num_perm=num_perm, seed=_SEED, hashvalues=hashvalues, scheme=_SCHEME)
    except TypeError:  # datasketch < 2 has a single scheme and no such argument
        return MinHash(num_perm=num_perm, seed=_SEED, hashvalues=hashvalues)


def signature(text: str, *, num_perm: int, shingle_words: int) -> Signature:
    """MinHash hash values of the word shingles of ``text``."""
    mh = _minhash(num_perm)
    grams = shingles(text, shingle_words)
    if grams:
        mh.update_batch(list(grams))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two signatures of the same length."""
    if len(a) != len(b) or len(a) == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


class NearDuplicateIndex:
    """An LSH index of signatures answering "which earlier article is this a copy of?"."""

    def __init__(self, *, threshold: float, num_perm: int) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, Signature] = {}

    def add(self, key: str, sig: Signature) -> None:
        if key in self._sigs or len(sig) != self.num_perm:
            return
        self._sigs[key] = sig
        self._lsh.insert(key, _minhash(self.num_perm, sig))

    def query(self, sig: Signature) -> list[tuple[str, float]]:
        """Indexed keys whose estimated Jaccard with ``sig`` reaches the threshold, best first."""
        if len(sig) != self.num_perm:
            return []
        found = self._lsh.query(_minhash(self.num_perm, sig))
        scored = [(k, estimate_jaccard(sig, self._sigs[k])) for k in found]
        scored = [(k, j) for k, j in scored if j >= self.threshold]
        return sorted(scored, key=lambda kj: (-kj[1], kj[0]))

    def __contains__(self, key: object) -> bool:
        return key in self._sigs


def near_duplicate_pairs(
    items: Sequence[tuple[str, Signature]], *, threshold: float, num_perm: int
) -> dict[str, str]:
    """Map each item to the first earlier item it nearly duplicates (input order is time)."""
    index = NearDuplicateIndex(threshold=threshold, num_perm=num_perm)
    out: dict[str, str] = {}
    for key, sig in items:
        hits = index.query(sig)
        if hits:
            out[key] = out.get(hits[0][0], hits[0][0])
        index.add(key, sig)
    return out
