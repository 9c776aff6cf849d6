"""Fetch feed URLs with conditional requests (ETag / Last-Modified) into a local cache folder.

A feed unchanged since the last fetch answers 304 and is not read again; a changed one is
written as a new file, which the watch loop then ingests like any feed file.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["FetchResult", "fetch_feed", "is_url"]

TIMEOUT_S = 30.0
MAX_BYTES = 20_000_000


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchResult:
    """What one fetch gave: the cached file (None on error), whether it changed, when."""

    path: Path | None
    changed: bool
    fetched_at: str
    error: str | None = None


def fetch_feed(url: str, cache: Path) -> FetchResult:
    """GET ``url`` into ``cache`` (conditional on the validators of the last fetch)."""
    cache.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    body_path, meta_path = cache / f"{key}.xml", cache / f"{key}.json"
    meta: dict[str, str] = {}
    if meta_path.exists() and body_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError:
            meta = {}
    request = urllib.request.Request(url, headers={"User-Agent": "tidings-watch"})
    if meta.get("etag"):
        request.add_header("If-None-Match", meta["etag"])
    if meta.get("last_modified"):
        request.add_header("If-Modified-Since", meta["last_modified"])
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as resp:
            data = resp.read(MAX_BYTES + 1)
            headers = resp.headers
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchResult(body_path, False, fetched_at)
        return FetchResult(None, False, fetched_at, f"{url}: HTTP {exc.code}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return FetchResult(None, False, fetched_at, f"{url}: cannot fetch ({exc})")
    if len(data) > MAX_BYTES:
        return FetchResult(None, False, fetched_at, f"{url}: feed above {MAX_BYTES} bytes")
    body_path.write_bytes(data)
    new_meta = {"url": url, "fetched_at": fetched_at}
    if headers.get("ETag"):
        new_meta["etag"] = headers["ETag"]
    if headers.get("Last-Modified"):
        new_meta["last_modified"] = headers["Last-Modified"]
    meta_path.write_text(json.dumps(new_meta), encoding="utf-8")
    return FetchResult(body_path, True, fetched_at)
