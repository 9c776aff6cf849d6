"""Which server owns a store file: a small JSON file beside it, written while the server runs.

A reader that meets the write lock looks here; a registered, living server is read through
its REST API instead (``tidings.live.remote``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Registration", "lookup", "register", "registry_path", "unregister"]


@dataclass(frozen=True)
class Registration:
    """A server that owns a store: its PID and base URL."""

    pid: int
    url: str


def registry_path(db_path: str | Path) -> Path:
    """``tidings.duckdb`` -> ``tidings.duckdb.server.json``."""
    p = Path(db_path).resolve()
    return p.with_name(p.name + ".server.json")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def register(db_path: str | Path, url: str) -> Path:
    """Record this process as the owner of ``db_path``, serving at ``url``."""
    path = registry_path(db_path)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")
    tmp.replace(path)  # atomic: a reader never sees half a file
    return path


def unregister(db_path: str | Path) -> None:
    """Remove this process's registration (another process's is left alone)."""
    found = lookup(db_path)
    if found is not None and found.pid == os.getpid():
        registry_path(db_path).unlink(missing_ok=True)


def lookup(db_path: str | Path) -> Registration | None:
    """The living server registered for ``db_path``, or None (stale files are ignored)."""
    try:
        data = json.loads(registry_path(db_path).read_text(encoding="utf-8"))
        reg = Registration(int(data["pid"]), str(data["url"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return reg if _alive(reg.pid) else None
