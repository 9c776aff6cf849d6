"""``tidings eval events``: metrics on a hand-made gold file, and a floor on the dev set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tidings.eval import events as ev

GOLD = [
    {
        "id": "t1",
        "dataset": "plover_gsr",
        "text": "Israel has been pounding Syria.",
        "events": [
            {
                "plover_event": "ASSAULT",
                "plover_mode": None,
                "source": [{"text": "Israel", "code": "ISR", "sector": None}],
                "target": [{"text": "Syria", "code": "SYR", "sector": None}],
                "reciprocal": False,
            }
        ],
    },
    {
        "id": "t2",
        "dataset": "plover_gsr",
        "text": "Russia and China held talks in Moscow.",
        "events": [
            {
                "plover_event": "CONSULT",
                "plover_mode": None,
                "source": [
                    {"text": "Russia", "code": "RUS", "sector": None},
                    {"text": "China", "code": "CHN", "sector": None},
                ],
                "target": [],
                "reciprocal": True,
            }
        ],
    },
    {
        "id": "t3",
        "dataset": "plover_gsr",
        "text": "Japan pledged to provide humanitarian aid to Sudan.",
        "events": [
            {
                "plover_event": "REJECT",
                "plover_mode": None,
                "source": [{"text": "Japan", "code": "JAP", "sector": None}],
                "target": [{"text": "Sudan", "code": "SDN", "sector": None}],
                "reciprocal": False,
            }
        ],
    },
]


def test_evaluate_small_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    out = ev.evaluate(path)
    assert out["task"] == "events" and out["n"] == 3 and out["data"] == str(path)
    # emitted: ASSAULT, CONSULT, AGREE; gold: ASSAULT, CONSULT, REJECT
    assert out["type_micro_f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert out["tuple_acc"] == pytest.approx(2 / 3, abs=1e-3)
    assert out["source_acc"] == pytest.approx(2 / 3, abs=1e-3)  # t3's type is missed
    for key in ("type_macro_f1", "target_acc"):
        assert 0.0 <= out[key] <= 1.0
    assert set(out["baseline"]) == {
        "type_micro_f1",
        "type_macro_f1",
        "source_acc",
        "target_acc",
        "tuple_acc",
    }


# sha256 prefixes of the dev files the floors below were measured on
DEV_SHA256 = {
    "plover_gsr.dev.jsonl": "5b3b45f98c13b614",
    "cameo_manual_examples.dev.jsonl": "ccf7cd2518365c7a",
}


def test_dev_set_floor(floor_data: Callable[[str, str], Path]) -> None:
    """Quality gate: the rule coder must stay above the floors measured when it landed."""
    assert set(DEV_SHA256) == set(ev.FILES)
    for name in ev.FILES:
        floor_data(f"events/{name}", DEV_SHA256[name])
    out = ev.evaluate(None)
    assert out["type_micro_f1"] >= 0.70  # 0.7097 after the issue 10 branches merged
    assert out["tuple_acc"] >= 0.40
    assert out["type_micro_f1"] > out["baseline"]["type_micro_f1"]
    assert out["cameo"]["type_micro_f1"] >= 0.64
