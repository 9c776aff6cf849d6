"""`tidings watch`: one poll from the command line, and its one-line errors."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tidings.cli import app
from tidings.live._synthetic import write_corpus

runner = CliRunner()


def test_watch_once_ingests_then_finds_nothing_new(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 2)
    db = tmp_path / "w.duckdb"
    args = ["watch", str(tmp_path / "in"), "--db", str(db), "--once", "--every", "1m"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "finished: 2 new documents" in first.output
    again = runner.invoke(app, args)  # a new process: files are read, the hash skips them
    assert again.exit_code == 0, again.output
    assert "finished: 0 new documents" in again.output


def test_watch_bad_interval_is_one_line(tmp_path: Path) -> None:
    out = runner.invoke(app, ["watch", str(tmp_path), "--db", str(tmp_path / "w.duckdb"),
                              "--every", "often"])  # fmt: skip
    assert out.exit_code == 1
    assert "--every: not a duration like 30s, 15m or 1h (got 'often')" in " ".join(
        out.output.split()
    )
