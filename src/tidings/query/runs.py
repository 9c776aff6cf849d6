"""The ``runs`` table, newest first: what ``GET /runs`` and the web UI show as the last runs."""

from __future__ import annotations

import json
from contextlib import suppress
from typing import Any

from tidings.query._frames import Source, fetch

__all__ = ["runs"]


def runs(src: Source, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
    """Runs with their status, sources and counts (JSON-ready records)."""
    rows: list[dict[str, Any]] = fetch(
        src,
        # SELECT *: a store written before the status column existed still reads.
        "SELECT * FROM runs ORDER BY started DESC, run_id DESC LIMIT ? OFFSET ?",
        [int(limit), int(offset)],
        "records",
    )
    for row in rows:
        row.setdefault("status", None)
        for key in ("sources", "counts"):
            if isinstance(row.get(key), str):
                with suppress(ValueError):
                    row[key] = json.loads(row[key])
    return rows
