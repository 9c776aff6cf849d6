"""``tidings eval temporal`` on a slice of the TimeBank gold (skips when the data is absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.mark.slow
def test_eval_floor_and_beats_baseline(
    floor_data: Callable[[str, str], Path], tmp_path: Path
) -> None:
    from tidings.eval.temporal import evaluate

    source = floor_data("temporal/tbaq_timebank.jsonl", "dfa0e771cd06d9cd")
    lines = source.read_text(encoding="utf-8").splitlines()[:20]
    sample = tmp_path / "sample.jsonl"  # a temporary slice; gold text never enters the repo
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = evaluate(sample)
    assert result["task"] == "temporal" and result["n"] == 20
    assert {"strict_f1", "relaxed_f1", "value_f1", "baseline"} <= set(result)
    # floors well under the full-set figures (0.77 / 0.88 / 0.71), so only a real regression fails
    assert result["strict_f1"] >= 0.6
    assert result["relaxed_f1"] >= 0.75
    assert result["value_f1"] >= 0.55
    assert result["value_f1"] > result["baseline"]["value_f1"] + 0.2
