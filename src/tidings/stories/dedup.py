"""Near-duplicate pages: MinHash signatures over word shingles, matched through datasketch LSH.

The same wire story published on several sites differs only in boilerplate and edits; its
shingle sets overlap far more than two independent accounts of one event ever do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH

from tidings.stories.text import shingles

Signature = npt.NDArray[np.uint64]
_SEED = 1
_SCHEME = "affine32"


_TEMPLATES: dict[int, MinHash] = {}


def _empty_minhash(num_perm: int) -> MinHash:
    """A fresh MinHash with fixed seed and scheme (copied from a template: permutations are
    costly to draw, and stored signatures must stay comparable across runs)."""
    template = _TEMPLATES.get(num_perm)
    if template is None:
        try:
            template = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME)
        except TypeError:  # datasketch < 2 has a single scheme and no such argument
            template = MinHash(num_perm=num_perm, seed=_SEED)
        _TEMPLATES[num_perm] = template
    return template.copy()


def signature(text: str, *, num_perm: int, shingle_words: int) -> Signature:
    """MinHash hash values of the word shingles of ``text``."""
    mh = _empty_minhash(num_perm)
    grams = shingles(text, shingle_words)
    if grams:
        mh.update_batch(list(grams))
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two signatures of the same length."""
    if len(a) != len(b) or len(a) == 0:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)


def _bands(num_perm: int, threshold: float) -> tuple[int, int]:
    """LSH bands and rows per band: the most rows for which a pair at ``threshold`` is still
    a candidate with probability >= 0.999."""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands and 1.0 - (1.0 - threshold**rows) ** bands >= 0.999:
            best = (bands, rows)
    return best


class NearDuplicateIndex:
    """datasketch's ``MinHashLSH`` over stored signatures, answering "which earlier article is
    this a copy of?"; candidates are then checked against the threshold exactly."""

    def __init__(self, *, threshold: float, num_perm: int) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        # Our own band shape (recall >= 0.999 at the threshold), not datasketch's default
        # optimum, which trades recall for fewer candidates.
        self.bands, self.rows = _bands(num_perm, threshold)
        self._lsh = MinHashLSH(num_perm=num_perm, params=(self.bands, self.rows))
        self._sigs: dict[str, Signature] = {}

    def _minhash(self, sig: Signature) -> LeanMinHash:
        return LeanMinHash(seed=_SEED, hashvalues=sig, scheme=_SCHEME)

    def add(self, key: str, sig: Signature) -> None:
        if key in self._sigs or len(sig) != self.num_perm:
            return
        self._sigs[key] = sig
        self._lsh.insert(key, self._minhash(sig), check_duplication=False)

    def query(self, sig: Signature) -> list[tuple[str, float]]:
        """Indexed keys whose estimated Jaccard with ``sig`` reaches the threshold, best first."""
        if len(sig) != self.num_perm or not self._sigs:
            return []
        found = self._lsh.query(self._minhash(sig))
        scored = [(str(k), estimate_jaccard(sig, self._sigs[str(k)])) for k in found]
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
