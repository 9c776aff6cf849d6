"""Open a DuckDB file, turning DuckDB's lock conflict into one line that says what to do.

DuckDB allows one process to hold a file read-write, or any number of processes to hold it
read-only; a process meeting the other kind of lock fails at once with
``Could not set lock on file "...": Conflicting lock is held in PROGRAM (PID N)``.
"""

from __future__ import annotations

import re
import time

import duckdb

from tidings.errors import StoreError

__all__ = ["StoreLockedError", "connect", "holder_pid"]

_PID = re.compile(r"\(PID (\d+)\)")


class StoreLockedError(StoreError):
    """Another process holds the file in a mode that excludes ours."""

    def __init__(self, path: str, pid: int | None, hint: str, *, read_only: bool) -> None:
        who = f"PID {pid}" if pid is not None else "PID unknown"
        held = "held by another writer" if read_only else "in use by another process"
        super().__init__(f"{path}: {held} ({who}); {hint}")
        self.path = path
        self.pid = pid


def holder_pid(message: str) -> int | None:
    """The PID DuckDB names in a lock-conflict message, if any."""
    m = _PID.search(message)
    return int(m.group(1)) if m else None


def _is_lock_error(exc: duckdb.Error) -> bool:
    return "Conflicting lock" in str(exc) or "Could not set lock" in str(exc)


def connect(
    path: str, *, read_only: bool, wait: float = 0.0, hint: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Connect to ``path``; retry a lock conflict for up to ``wait`` seconds, then raise a
    ``StoreLockedError`` naming the file, the holding PID and what to do (``hint``)."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"{path}: cannot open database: {exc}") from exc
            if time.monotonic() >= deadline:
                default = (
                    "use the server that owns it (tidings serve --watch / POST /ingest) "
                    "or wait for it to finish"
                    if read_only
                    else "wait for it to finish, or ingest through the server that owns it "
                    "(tidings serve --watch, POST /ingest)"
                )
                pid = holder_pid(str(exc))
                raise StoreLockedError(path, pid, hint or default, read_only=read_only) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
