"""The line classifier: is a scraped-text line part of the article, or page furniture?

Two stacked gradient-boosted tree ensembles stored as plain numbers in
``data/extract_line_model.json`` (rebuilt by ``scripts/build_line_model.py``; evaluated here with
numpy, no pickles): stage 1 scores each line from its shape features (``_linefeatures``);
stage 2 adds the stage-1 scores of its neighbours, because article lines come in runs and
furniture comes in runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tidings.extract._linefeatures import NAMES, page_features

MODEL_FILE = "extract_line_model.json"
# stage-2 extra columns, in order: own stage-1 score, means over windows of +-1, +-3, +-8 lines
WINDOWS = (1, 3, 8)


@dataclass(frozen=True)
class Trees:
    """A boosted ensemble of binary trees, all nodes of all trees in flat arrays.

    ``roots[t]`` is tree t's root; a leaf has ``left == -1`` and carries ``value``.
    """

    roots: NDArray[np.int64]
    feature: NDArray[np.int64]
    threshold: NDArray[np.float64]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    value: NDArray[np.float64]
    init: float
    rate: float
    depth: int

    def score(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        n = len(x)
        rows = np.arange(n)
        raw = np.full(n, self.init)
        for root in self.roots:
            node = np.full(n, root)
            for _ in range(self.depth):
                leaf = self.left[node] < 0
                if leaf.all():
                    break
                go_left = x[rows, np.maximum(self.feature[node], 0)] <= self.threshold[node]
                step = np.where(go_left, self.left[node], self.right[node])
                node = np.where(leaf, node, step)
            raw += self.rate * self.value[node]
        return np.asarray(1.0 / (1.0 + np.exp(-raw)), dtype=np.float64)


@dataclass(frozen=True)
class LineModel:
    stage1: Trees
    stage2: Trees
    threshold: float

    def probabilities(
        self, lines: Sequence[str], repeats: Sequence[int] | None = None
    ) -> list[float]:
        """Probability that each line (non-empty lines of one page, in order) is article text."""
        if not lines:
            return []
        x = np.asarray(page_features(lines, repeats), dtype=np.float64)
        return [float(p) for p in self.stage2.score(stack(x, self.stage1.score(x)))]


def stack(x: NDArray[np.float64], first: NDArray[np.float64]) -> NDArray[np.float64]:
    """Stage-2 inputs: the features, the stage-1 score and its window means."""
    n = len(first)
    cums = np.concatenate([[0.0], np.cumsum(first)])
    cols = [first]
    for w in WINDOWS:
        lo = np.clip(np.arange(n) - w, 0, n)
        hi = np.clip(np.arange(n) + w + 1, 0, n)
        cols.append((cums[hi] - cums[lo]) / (hi - lo))
    return np.column_stack([x, *cols])


def trees_from(data: dict[str, Any]) -> Trees:
    def ints(key: str) -> NDArray[np.int64]:
        return np.asarray(data[key], dtype=np.int64)

    return Trees(
        ints("roots"),
        ints("feature"),
        np.asarray(data["threshold"], dtype=np.float64),
        ints("left"),
        ints("right"),
        np.asarray(data["value"], dtype=np.float64),
        float(data["init"]),
        float(data["rate"]),
        int(data["depth"]),
    )


@lru_cache(maxsize=1)
def line_model() -> LineModel:
    raw = json.loads(files("tidings").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))
    if tuple(raw["features"]) != NAMES:
        raise RuntimeError(f"{MODEL_FILE}: feature names differ from the code; rebuild it")
    return LineModel(trees_from(raw["stage1"]), trees_from(raw["stage2"]), float(raw["threshold"]))
