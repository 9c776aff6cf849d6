"""Snippet scoring for article extraction (shared/eval README, section 6)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class SnippetCounts:
    """TP/FN over ``with`` snippets and FP/TN over ``without`` snippets."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, extracted: str, with_: Iterable[str], without: Iterable[str]) -> None:
        text = normalise(extracted)
        for snippet in with_:
            if normalise(snippet) in text:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in without:
            if normalise(snippet) in text:
                self.fp += 1
            else:
                self.tn += 1

    def metrics(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        acc = (self.tp + self.tn) / total if total else 0.0
        return {"precision": p, "recall": r, "f1": f1, "accuracy": acc}
