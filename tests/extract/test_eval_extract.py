"""Quality gate: our extraction scores no lower than bare trafilatura on its own eval pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.eval import extract as extract_eval


@pytest.mark.slow
def test_extract_f1_not_below_trafilatura(floor_data: Callable[[Path, str], Path]) -> None:
    path = floor_data(extract_eval.DEFAULT_FILE, "306e802f0d960d89")
    result = extract_eval.evaluate(path)
    assert result["n"] == 297
    assert result["f1"] >= result["baseline"]["f1"]
    assert result["f1"] >= 0.915  # measured 0.921 (trafilatura 2.3.1 defaults: 0.917)
    assert result["precision"] >= result["baseline"]["precision"]
