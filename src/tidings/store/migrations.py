"""Versioned schema upgrades: a file written by an older Tidings is upgraded in place.

``schema.sql`` is the whole current schema; a new file is created from it. A file that records
an older ``schema_version`` in ``meta`` gets the :data:`STEPS` above its version, in order,
inside one transaction (all or nothing), each recorded in ``schema_migrations``. A file newer
than :data:`LATEST` is refused: this Tidings would not know its columns.

To change the schema, edit ``schema.sql`` **and** append one :class:`Step` here (``ALTER TABLE
... ADD COLUMN``, ``CREATE TABLE``, an ``UPDATE`` that backfills); ``tests/store`` checks that
upgrading the previous release's snapshot gives the same tables and columns as ``schema.sql``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files

import duckdb

from tidings.errors import StoreError

BASELINE = 1  # the first versioned schema (tests/store/schema_v1.sql)


@dataclass(frozen=True)
class Step:
    """One upgrade: the statements taking a file from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step(
        2,
        "schema_migrations: when each upgrade was applied",
        (
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ, description VARCHAR)",
            # The file existed at the baseline before history was kept: its row has no time.
            f"INSERT OR IGNORE INTO schema_migrations VALUES ({BASELINE}, NULL, 'baseline')",
        ),
    ),
    Step(
        3,
        "runs.status: running, finished, interrupted or killed",
        (
            "ALTER TABLE runs ADD COLUMN IF NOT EXISTS status VARCHAR",
            # Runs recorded before status existed: finished if they have an end time.
            "UPDATE runs SET status = CASE WHEN finished IS NULL THEN 'killed' ELSE 'finished' END"
            " WHERE status IS NULL",
        ),
    ),
    Step(
        4,
        "outlet_lines: per-outlet line counts for learned scraped-text boilerplate",
        (
            "CREATE TABLE IF NOT EXISTS outlet_lines ("
            "outlet VARCHAR, line_key VARCHAR, n_docs INTEGER, PRIMARY KEY (outlet, line_key))",
        ),
    ),
)
LATEST = STEPS[-1].version if STEPS else BASELINE


def schema_sql() -> str:
    return files("tidings.store").joinpath("schema.sql").read_text(encoding="utf-8")


def stored_version(con: duckdb.DuckDBPyConnection, path: str) -> int | None:
    """The file's schema version; None for a new, empty database."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return None
    try:
        return int(row[0])
    except ValueError as exc:
        raise StoreError(f"{path}: unreadable schema_version {row[0]!r} in meta") from exc


def check_readable(version: int | None, path: str, latest: int = LATEST) -> None:
    """Refuse a file a read-only open cannot use: newer than this Tidings, or not upgraded."""
    if version is not None and version > latest:
        raise StoreError(
            f"{path}: database schema version {version} is newer than this Tidings supports "
            f"({latest}); upgrade Tidings to open it"
        )
    if version is not None and version < latest:
        raise StoreError(
            f"{path}: database schema version {version} is older than this Tidings' ({latest}); "
            "open it once read-write to upgrade it in place (`tidings run SOURCES --db FILE`, "
            "or `tidings.open(FILE)` in Python)"
        )


def upgrade(
    con: duckdb.DuckDBPyConnection,
    path: str,
    steps: tuple[Step, ...] = STEPS,
    create_sql: str | None = None,
) -> int:
    """Bring the database at ``con`` to the last version of ``steps``; return that version.

    A new database is created from ``create_sql`` (default ``schema.sql``); an older one gets
    the missing steps. Either way in one transaction: a failing step leaves the file as it was.
    """
    latest = steps[-1].version if steps else BASELINE
    version = stored_version(con, path)
    if version is not None and version > latest:
        check_readable(version, path, latest)
    if version == latest:
        return latest
    now = datetime.now(UTC)
    con.execute("BEGIN TRANSACTION")
    try:
        if version is None:
            con.execute(create_sql if create_sql is not None else schema_sql())
            applied = [Step(latest, "created", ())]
        else:
            applied = [s for s in steps if s.version > version]
            for step in applied:
                for statement in step.statements:
                    con.execute(statement)
        for step in applied:
            con.execute(
                "INSERT OR REPLACE INTO schema_migrations VALUES (?, ?, ?)",
                [step.version, now, step.description],
            )
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(latest)])
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(
            f"{path}: schema upgrade from version {version} to {latest} failed "
            f"(nothing changed): {exc}"
        ) from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return latest
