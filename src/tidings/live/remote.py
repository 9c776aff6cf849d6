"""Read a store through the server that owns it, when its write lock keeps us out.

The CLI's read commands fall back to this: the server registered for the file (see
``tidings.live.registry``) answers the same queries over its REST API.
"""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from typing import IO, Any

from tidings.errors import StoreError
from tidings.query.filters import EventFilter

__all__ = ["RemoteReader", "ServerUnreachableError"]

TIMEOUT_S = 30.0


class ServerUnreachableError(StoreError):
    """The registered server did not answer (gone, or not listening)."""


class RemoteReader:
    """The read calls the CLI needs, answered by a Tidings server at ``url``."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def _get(
        self, path: str, params: dict[str, Any] | None = None, out: IO[bytes] | None = None
    ) -> Any:
        """The JSON answer of ``path``, or, given ``out``, its body copied there (None)."""
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        try:
            with urllib.request.urlopen(f"{self.url}{path}{query}", timeout=TIMEOUT_S) as resp:
                if out is not None:
                    while chunk := resp.read(1 << 16):
                        out.write(chunk)
                    return None
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            try:
                message = json.loads(exc.read().decode("utf-8")).get("error", "")
            except (ValueError, AttributeError):
                message = ""
            raise StoreError(f"{self.url}{path}: server answered {exc.code} {message}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise ServerUnreachableError(f"{self.url}: server unreachable: {exc}") from None

    @staticmethod
    def event_params(filt: EventFilter) -> dict[str, Any]:
        """The filter as REST query parameters (defaults left out)."""
        params: dict[str, Any] = {}
        for key, value in filt.model_dump(mode="json", exclude_defaults=True).items():
            if value is None:
                continue
            params[key] = str(value).lower() if isinstance(value, bool) else value
        return params

    def events(self, filt: EventFilter) -> list[dict[str, Any]]:
        """One page of events, as ``tidings.query.events(..., "records")`` gives it."""
        body = self._get("/events", self.event_params(filt))
        return list(body["rows"]) if body else []

    def count_events(self, filt: EventFilter) -> int:
        """How many events match ``filt`` over all pages: the page's ``total``, or, past the
        server's count cap, the rows of its Parquet export."""
        params = {**self.event_params(filt), "limit": 1, "offset": 0}
        body = self._get("/events", params)
        if not body:
            return 0
        if not body.get("total_capped"):
            return int(body["total"])
        import pyarrow.parquet as pq

        with tempfile.TemporaryFile() as buf:
            self.export(filt, buf, "parquet")
            buf.seek(0)
            return int(pq.read_metadata(buf).num_rows)

    def event(self, event_id: str) -> dict[str, Any] | None:
        found = self._get(f"/events/{urllib.parse.quote(event_id, safe='')}")
        return dict(found) if found else None

    def export(
        self,
        filt: EventFilter,
        out: IO[bytes],
        fmt: str = "gdelt",
        *,
        header: bool = False,
        raw: bool = False,
    ) -> None:
        """Every event matching ``filt`` as the server's ``/export`` file (GDELT TSV or
        Parquet), written to ``out``."""
        params = self.event_params(filt)
        params.pop("limit", None)  # an export ignores the page
        params.pop("offset", None)
        params["format"] = fmt
        if header:
            params["header"] = "true"
        if raw:
            params["raw"] = "true"
        self._get("/export", params, out)

    def stats(self) -> dict[str, Any]:
        return dict(self._get("/stats") or {})
