"""A database written by the previous release's schema is upgraded in place and stays readable."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import tidings
from tidings.errors import StoreError
from tidings.store import SCHEMA_VERSION, Store
from tidings.store.migrations import LATEST, STEPS, Step, schema_sql, upgrade

SNAPSHOT = Path(__file__).with_name("schema_v1.sql")


def _v1_database(path: Path) -> None:
    """A file as Tidings 1 left it: its DDL, its version row and a few stored records."""
    con = duckdb.connect(str(path))
    con.execute(SNAPSHOT.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO articles (article_id, doc_id, outlet, title, published_at, language, text) "
        "VALUES ('a1', 'd1', 'Wire', 'Talks', TIMESTAMPTZ '2024-12-14 09:00:00+00', 'en', "
        "'The ministers met in the capital on Friday.')"
    )
    con.execute(
        "INSERT INTO events (event_id, canonical_id, article_id, plover_type, cameo_code, "
        "quad_class, source_text, source_country, target_text, target_country, event_date, "
        "evidence_text, trigger_text, trigger_start, trigger_end, n_articles, n_outlets) "
        "VALUES ('e1', 'e1', 'a1', 'CONSULT', '040', 1, 'The ministers', 'FRA', 'the capital', "
        "'DEU', DATE '2024-12-13', 'The ministers met in the capital on Friday.', 'met', 14, "
        "17, 1, 1)"
    )
    con.close()


def _columns(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str, str]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main'"
    ).fetchall()
    return {(str(t), str(c), str(d)) for t, c, d in rows}


def test_v1_file_is_upgraded_and_read(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION == str(LATEST)
    history = store.con.execute(
        "SELECT version, applied_at IS NULL, description FROM schema_migrations ORDER BY 1"
    ).fetchall()
    assert history[0] == (1, True, "baseline")
    assert [v for v, *_ in history] == list(range(1, LATEST + 1))
    store.close()
    with tidings.open(path, read_only=True) as db:
        (row,) = db.events().to_dict("records")
        assert (row["event_id"], row["plover_type"], row["source_country"]) == (
            "e1",
            "CONSULT",
            "FRA",
        )
        assert db.stats()["counts"]["events"] == 1
        assert db.event("e1") is not None


def test_upgraded_v1_has_the_schema_of_a_new_file(tmp_path: Path) -> None:
    """Guards schema.sql and STEPS from drifting apart: a column or table added to one
    without the other fails here."""
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    Store(path).close()
    fresh = Store(tmp_path / "new.duckdb")
    upgraded = duckdb.connect(str(path))
    assert _columns(upgraded) == _columns(fresh.con)
    upgraded.close()
    fresh.close()


def test_reopening_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    Store(path).close()
    store = Store(path)
    assert store.con.execute("SELECT count(*) FROM schema_migrations").fetchone() == (1,)
    store.close()


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(LATEST + 1)])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=rf"^{path}: database schema version {LATEST + 1} "):
            Store(path, read_only=read_only)


def test_read_only_open_of_an_older_file_asks_for_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    with pytest.raises(StoreError, match="version 1 is older.*open it once read-write"):
        Store(path, read_only=True)


def test_added_column_is_backfilled_in_one_transaction(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    con = duckdb.connect(str(path))
    more = Step(
        LATEST + 1,
        "events.has_place, backfilled",
        (
            "ALTER TABLE events ADD COLUMN has_place BOOLEAN",
            "UPDATE events SET has_place = place_name IS NOT NULL",
            "CREATE TABLE notes (event_id VARCHAR PRIMARY KEY, note VARCHAR)",
        ),
    )
    assert upgrade(con, str(path), (*STEPS, more)) == LATEST + 1
    assert con.execute("SELECT event_id, has_place FROM events").fetchall() == [("e1", False)]
    assert con.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    con.close()


def test_failing_step_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _v1_database(path)
    con = duckdb.connect(str(path))
    before = _columns(con)
    broken = Step(LATEST + 1, "broken", ("ALTER TABLE no_such_table ADD COLUMN x INTEGER",))
    with pytest.raises(StoreError, match=rf"^{path}: schema upgrade from version 1 .*nothing"):
        upgrade(con, str(path), (*STEPS, broken))
    assert _columns(con) == before
    assert con.execute("SELECT value FROM meta").fetchone() == ("1",)
    con.close()
    assert "schema_migrations" in schema_sql()
