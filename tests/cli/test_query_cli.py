"""CLI read commands: same rows as REST for the same filter; one-line errors; exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sample_store import XSS_TEXT, build_sample
from tidings.api import create_app
from tidings.cli import query as _query  # noqa: F401  (registers the read commands)
from tidings.cli._app import app
from tidings.db import Tidings

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("cli") / "tiny.duckdb"
    with Tidings(path) as db:
        ids = build_sample(db.store)
    return path, ids


@pytest.fixture(scope="module")
def rest(sample_file: tuple[Path, dict[str, Any]]) -> Any:
    app_ = create_app(sample_file[0])
    with TestClient(app_) as c:
        yield c
    app_.state.db.close()


def cli(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    "filters",
    [
        {"actor": "IRQ", "type": "CONSULT", "since": "2024-12-01"},
        {"quad_class": "4"},
        {"country": "KEN"},
        {"lat": "33.3", "lon": "44.4", "km": "50"},
        {"outlet": "Evening Courier", "mentions": "true"},
        {"q": "strikes", "modality": "threatened"},
        {"limit": "2", "offset": "1"},
    ],
)
def test_cli_json_equals_rest_rows(
    sample_file: tuple[Path, dict[str, Any]], rest: TestClient, filters: dict[str, str]
) -> None:
    args = ["events", "--db", str(sample_file[0]), "--format", "json"]
    for key, value in filters.items():
        opt = "--" + key.replace("_", "-")
        args += [opt] if value == "true" else [opt, value]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows == rest.get("/events", params=filters).json()["rows"]
    assert rows  # every filter above matches something


def test_table_shows_user_text_literally(sample_file: tuple[Path, dict[str, Any]]) -> None:
    result = cli("events", "--db", str(sample_file[0]), "--country", "KEN")
    assert result.exit_code == 0
    assert "ACCUSE" in result.stdout
    assert "<script>" in result.stdout  # markup-like text printed, not interpreted
    assert "1 events" in result.stdout


def test_csv_and_parquet(sample_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    result = cli("events", "--db", str(sample_file[0]), "--format", "csv", "--type", "PROTEST")
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("event_id,canonical_id,")
    assert len(lines) == 2 and "PROTEST" in lines[1]
    out = tmp_path / "e.parquet"
    result = cli("events", "--db", str(sample_file[0]), "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0
    assert pq.read_table(out).num_rows == 7


def test_bad_values_are_one_line_errors(sample_file: tuple[Path, dict[str, Any]]) -> None:
    result = cli("events", "--db", str(sample_file[0]), "--quad-class", "9")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: quad_class: Input should be less than or equal to 4 (got 9)"
    )
    result = cli("events", "--db", str(sample_file[0]), "--format", "xml")
    assert result.exit_code == 1 and "--format must be" in result.stderr
    missing = cli("events", "--db", "/nonexistent/x.duckdb")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "Error: /nonexistent/x.duckdb: database file not found"


def test_show_prints_evidence_from_every_outlet(sample_file: tuple[Path, dict[str, Any]]) -> None:
    path, ids = sample_file
    result = cli("show", ids["events"]["ledger-baghdad"][0], "--db", str(path))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "CONSULT (visit)" in out and "USAGOV Antony Blinken" in out
    assert "2 reporting article(s)" in out
    assert "Daily Ledger" in out and "Evening Courier" in out
    assert "We will work together," in out
    xss = cli("show", ids["events"]["evil-nairobi"][0], "--db", str(path))
    assert xss.exit_code == 0
    flat = " ".join(xss.stdout.split())
    assert " ".join(XSS_TEXT.split())[:40] in flat  # markup in the text is printed verbatim
    assert cli("show", "ev_nope", "--db", str(path)).exit_code == 1


def test_export_gdelt_and_parquet(sample_file: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path = str(sample_file[0])
    result = cli("export", "--db", path, "--format", "gdelt", "--quad-class", "4")
    rows = [line.split("\t") for line in result.stdout.strip().splitlines()]
    assert [len(r) for r in rows] == [61, 61]
    out = tmp_path / "ds"
    result = cli("export", "--db", path, "--format", "parquet", "-o", str(out))
    assert result.exit_code == 0
    assert (out / "event_month=2024-12").is_dir()


def test_stats(sample_file: tuple[Path, dict[str, Any]]) -> None:
    result = cli("stats", "--db", str(sample_file[0]))
    assert result.exit_code == 0
    assert "canonical_events" in result.stdout and "CONSULT" in result.stdout


def test_every_command_has_help() -> None:
    for cmd in ("events", "show", "export", "stats", "serve"):
        result = cli(cmd, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.stdout
