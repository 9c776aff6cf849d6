"""The hand-written test set (tests/events/cases.jsonl): exact expected events per sentence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tidings.model import Event

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def _project(ev: Event, keys: set[str]) -> dict[str, Any]:
    full = {
        "type": ev.plover_type,
        "source": ev.source.text if ev.source else None,
        "target": ev.target.text if ev.target else None,
        "modality": ev.modality,
        "negated": ev.negated,
        "reciprocal": ev.reciprocal,
        "cameo_code": ev.cameo_code,
    }
    return {k: v for k, v in full.items() if k in keys}


def _norm(items: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(i, sort_keys=True) for i in items)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["xfail"], strict=True))
        if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_case(case: dict[str, Any], code: Callable[[str], list[Event]]) -> None:
    got = code(case["text"])
    base = {"type", "source", "target", "modality", "negated", "reciprocal"}
    expected = []
    predicted = []
    for exp in case["events"]:
        expected.append({k: v for k, v in exp.items() if k in base})
    predicted = [_project(e, base) for e in got]
    assert _norm(predicted) == _norm(expected), case["text"]
    for exp in case["events"]:
        if "cameo_code" in exp:
            assert any(
                e.plover_type == exp["type"] and e.cameo_code == exp["cameo_code"] for e in got
            )


def test_case_file_covers_every_plover_type() -> None:
    types = {e["type"] for c in CASES for e in c["events"]}
    assert len(CASES) >= 80
    assert len(types) == 16, sorted(types)
