"""CSV/TSV exports defuse formula cells (OWASP): text only, never numbers; raw opts out."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sample_store import build_sample
from tidings.api import create_app
from tidings.cli import query as _query  # noqa: F401  (registers the read commands)
from tidings.cli._app import app
from tidings.db import Tidings
from tidings.query import GDELT_COLUMNS, export_gdelt
from tidings.query.cells import safe_cell, safe_frame

FORMULA = '=HYPERLINK("http://example.invalid","x")'


def test_safe_cell_prefixes_only_formula_text() -> None:
    for bad in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(bad) == "'" + bad
    for fine in ("plain", " =x", "", "'=x", -10, -2.5, None):
        assert safe_cell(fine) == fine


def test_safe_frame_leaves_numeric_columns() -> None:
    frame = pd.DataFrame({"goldstein": [-10.0, 3.4], "name": ["-Kyiv", "Paris"]})
    out = safe_frame(frame)
    assert out["goldstein"].tolist() == [-10.0, 3.4]
    assert out["name"].tolist() == ["'-Kyiv", "Paris"]
    assert frame["name"].tolist() == ["-Kyiv", "Paris"]  # the input is not changed


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store with formula text in an event, an article title and a quote."""
    path = tmp_path_factory.mktemp("cells") / "hostile.duckdb"
    with Tidings(path) as db:
        build_sample(db.store)
        db.store.con.execute("UPDATE events SET source_name = ?, goldstein = -10", [FORMULA])
        db.store.con.execute("UPDATE articles SET title = ?", ["@SUM(A1:A9)"])
        db.store.con.execute("UPDATE quotes SET content = ?", ["+cmd|' /C calc'!A0"])
    return path


def _cells(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL  # GDELT is unquoted
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter, quoting=quoting))


def test_rest_csv_escapes_text_and_keeps_numbers(hostile: Path) -> None:
    client_app = create_app(hostile)
    with TestClient(client_app) as c:
        events = _cells(c.get("/events?format=csv").text)
        assert events and all(r["source_name"] == "'" + FORMULA for r in events)
        assert all(r["goldstein"] == "-10.0" for r in events)  # a number, not a formula
        titles = {r["title"] for r in _cells(c.get("/articles?format=csv").text)}
        assert titles == {"'@SUM(A1:A9)"}
        quotes = _cells(c.get("/quotes?format=csv").text)
        assert quotes and all(r["content"] == "'+cmd|' /C calc'!A0" for r in quotes)
        raw = _cells(c.get("/events?format=csv&raw=true").text)
        assert all(r["source_name"] == FORMULA for r in raw)
        assert c.get("/events?raw=true").status_code == 200  # harmless with JSON
    client_app.state.db.close()


def test_cli_events_csv_escapes_unless_raw(hostile: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["events", "--db", str(hostile), "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = _cells(out.stdout)
    assert rows and all(r["source_name"] == "'" + FORMULA for r in rows)
    assert all(float(r["goldstein"]) == -10 for r in rows)
    raw = runner.invoke(app, ["events", "--db", str(hostile), "--format", "csv", "--raw"])
    assert all(r["source_name"] == FORMULA for r in _cells(raw.stdout))


def test_gdelt_tsv_escapes_text_columns_only(hostile: Path) -> None:
    names = [n for n, _ in GDELT_COLUMNS]
    with Tidings(hostile, read_only=True) as db:
        buf = io.StringIO()
        assert export_gdelt(db.store, buf, header=True) > 0
        rawbuf = io.StringIO()
        export_gdelt(db.store, rawbuf, header=True, raw=True)
    rows: list[dict[str, Any]] = _cells(buf.getvalue(), "\t")
    assert list(rows[0]) == names
    assert all(r["Actor1Name"] == "'" + FORMULA.upper() for r in rows)
    assert all(r["GoldsteinScale"] == "-10.0" for r in rows)
    assert all(r["Actor1Name"] == FORMULA.upper() for r in _cells(rawbuf.getvalue(), "\t"))
