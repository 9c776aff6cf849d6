"""Recall shapes (tests/events/recall_cases.jsonl, written for these tests): general political
verbs and event nouns the lexicon missed on whole real articles (issue 10), each with its
non-political look-alike where one exists ("the storm prevented passengers from leaving").

Each case lists every event the configured pipeline must emit: its PLOVER type always, and
its source and target codes where the case names them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tidings.config import load_config
from tidings.model import Article, Event
from tidings.pipeline import Components, process_annotated

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "recall_cases.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
PUBLISHED = datetime(2024, 12, 14, tzinfo=UTC)


@pytest.fixture(scope="module")
def parts() -> Components:
    return Components.from_config(load_config())


def _events(parts: Components, case: dict[str, Any]) -> list[Event]:
    article = Article(
        article_id=case["id"], doc_id=case["id"], text=case["text"], published_at=PUBLISHED
    )
    return [
        e
        for d in parts.annotator.annotate([article])
        for e in process_annotated(d, parts).events
        if "requested_by_event" not in e.extra
    ]


def _seen(e: Event, want: dict[str, Any]) -> dict[str, Any]:
    got: dict[str, Any] = {"type": e.plover_type}
    if "source" in want:
        got["source"] = e.source.code if e.source else None
    if "target" in want:
        got["target"] = e.target.code if e.target else None
    return got


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_recall_case(parts: Components, case: dict[str, Any]) -> None:
    events = sorted(_events(parts, case), key=lambda e: e.plover_type)
    wanted = sorted(case["events"], key=lambda w: str(w["type"]))
    assert len(events) == len(wanted), f"{case['shape']}: {case['text']} -> {events}"
    for e, w in zip(events, wanted, strict=True):
        assert _seen(e, w) == w, f"{case['shape']}: {case['text']}"


def test_case_file_has_negatives() -> None:
    assert sum(not c["events"] for c in CASES) >= 2
