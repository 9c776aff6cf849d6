"""Who did it to whom: role and actor-coding cases (tests/events/role_cases.jsonl, written for
these tests in the news_cases.jsonl format) through the configured stages.

Each shape is a role error seen on whole real articles (issue 10): a generic title coded by its
qualifier ("rebel spokesman"), "opponents of X", coordinated demonyms, a thing as target, a
named apposition, first-person pronouns in reported speech, two coordinated parties, a place as
a protest's target, a passive whose doer is named in the act it happened in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.events.test_news_cases import _norm, _project, _run

from tidings.config import load_config
from tidings.pipeline import Components

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "role_cases.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def parts() -> Components:
    return Components.from_config(load_config())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_role_case(parts: Components, case: dict[str, Any]) -> None:
    got = [_project(e) for e in _run(parts, case)]
    assert _norm(got) == _norm(case["events"]), f"{case['shape']}: {case['text']}"


def test_role_cases_cover_the_shapes() -> None:
    assert len(CASES) >= 15
    assert len({c["shape"] for c in CASES}) >= 10
