"""Quality gate: geoparsing on TR-News must stay above pinned floors and above the baseline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.eval.geo import evaluate, haversine_km


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=0.01)


@pytest.mark.slow
def test_trnews_floor(floor_data: Callable[[str, str], Path]) -> None:
    data = floor_data("geoparsing/trnews.jsonl", "9c3a878b87451832")
    result = evaluate(data)
    assert result["n"] == 69
    # floors a little under the figures measured when pinned (F1 0.799, acc@161 0.787, with
    # demonyms recognised)
    assert result["recognition_f1"] >= 0.78
    assert result["acc_161km"] >= 0.77
    assert result["recognition_f1"] > result["baseline"]["recognition_f1"]
    assert result["acc_161km"] > result["baseline"]["acc_161km"]
