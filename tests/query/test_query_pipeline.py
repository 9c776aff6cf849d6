"""End to end: Tidings.run on a hand-written page, then the read layer finds the event."""

from __future__ import annotations

from pathlib import Path

import pytest

import tidings


@pytest.mark.slow
def test_run_then_query(tmp_path: Path) -> None:
    page = tmp_path / "talks.txt"
    page.write_text(
        "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia "
        "al-Sudani in Baghdad on Friday.\n",
        encoding="utf-8",
    )
    with tidings.open(tmp_path / "t.duckdb") as db:
        report = db.run([str(page)])
        assert report.errors == []
        df = db.events(actor="IRQ", type="CONSULT")
        assert list(df["source_code"]) == ["USAGOV"]
        assert list(df["target_code"]) == ["IRQGOV"]
        found = db.event(df["event_id"].iloc[0])
        assert found is not None
        assert [m["evidence_text"][:39] for m in found["mentions"]] == [
            "US Secretary of State Antony Blinken me"
        ]
        again = db.run([str(page)])  # same input: nothing new
        assert again.documents_new == 0
        assert db.count_events() == 1
