"""ASGI middleware answering repeated GET reads from memory until the store file changes.

Twenty analysts paging the same lists make most requests repeats, and a page costs tens of
milliseconds of queries and JSON building where a stored answer costs well under one. An
entry is keyed by the request (path, query string, Host and Accept headers) and stamped with
the store's *file signature*: size and modification time of the DuckDB file and of its WAL.
Every commit, by this process or another, writes one of the two, so a changed signature means
the answer may be stale and the request runs again. The signature is taken before the request
runs: a commit during it stamps its answer with the older signature, so it is never reused
after that commit. Only 200 answers of the read routes are kept, in a small LRU.

Identical misses in flight together are run once (single flight): right after a commit every
client misses at the same moment, and twenty copies of one query on two cores made the slow
tail while ingesting. A request missing while the same key is already being answered under the
same signature waits for that answer and is given it (``X-Tidings-Cache: shared``); if the
first one ends without a keepable answer (an error, a body too large), each waiter runs itself.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ReadCache", "file_signature"]

Signature = tuple[int, int, int, int]
MAX_ENTRIES = 512
MAX_BODY = 2_000_000  # bytes; larger answers (1000-row CSV pages) are not kept
# Read routes whose answer depends on the store alone (not /runs: the watch loop's state
# changes in memory).
CACHED_PREFIXES = ("/events", "/timeline", "/stories", "/articles", "/quotes", "/actors", "/stats")


def file_signature(path: str) -> Signature | None:
    """(size, mtime) of ``path`` and of its WAL; None when the file cannot be seen."""
    try:
        main = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(path + ".wal")
        wal_sig = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_sig = (-1, -1)
    return (main.st_size, main.st_mtime_ns, *wal_sig)


@dataclass
class _Entry:
    signature: Signature
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ReadCache:
    """Serve repeated GETs of the read routes from memory while ``signature()`` is unchanged."""

    def __init__(
        self,
        app: ASGIApp,
        signature: Callable[[], Signature | None],
        max_entries: int = MAX_ENTRIES,
    ) -> None:
        self.app = app
        self.signature = signature
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, ...], _Entry] = OrderedDict()
        self._lock = threading.Lock()
        # Misses being answered now: key -> (their signature, set when the answer is known).
        self._flights: dict[tuple[str, ...], tuple[Signature, asyncio.Event]] = {}
        self.hits = 0
        self.misses = 0
        self.shared = 0

    @staticmethod
    def _key(scope: Scope) -> tuple[str, ...] | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path = str(scope["path"])
        if not path.startswith(CACHED_PREFIXES):
            return None
        headers = dict(scope.get("headers", ()))
        return (
            path,
            scope.get("query_string", b"").decode("latin-1"),
            headers.get(b"host", b"").decode("latin-1"),
            headers.get(b"accept", b"").decode("latin-1"),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        sig = self.signature() if key is not None else None
        if key is None or sig is None:
            await self.app(scope, receive, send)
            return
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.signature == sig:
                self._entries.move_to_end(key)
                self.hits += 1
            else:
                entry = None
                self.misses += 1
        if entry is not None:
            await self._send(send, entry, b"hit")
            return
        flight = self._flights.get(key)
        if flight is not None and flight[0] == sig:
            await flight[1].wait()
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None and entry.signature == sig:
                    self.shared += 1
                else:
                    entry = None
            if entry is not None:
                await self._send(send, entry, b"shared")
                return
            await self.app(scope, receive, send)  # the first one kept nothing: run alone
            return
        done = asyncio.Event()
        self._flights[key] = (sig, done)
        try:
            await self._run_and_keep(scope, receive, send, key, sig)
        finally:
            if self._flights.get(key) == (sig, done):
                del self._flights[key]
            done.set()

    @staticmethod
    async def _send(send: Send, entry: _Entry, how: bytes) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": entry.status,
                "headers": [*entry.headers, (b"x-tidings-cache", how)],
            }
        )
        await send({"type": "http.response.body", "body": entry.body})

    async def _run_and_keep(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[str, ...], sig: Signature
    ) -> None:
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        body: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal status, headers, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", ()))
                message = {**message, "headers": [*headers, (b"x-tidings-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunk = bytes(message.get("body", b""))
                size += len(chunk)
                if size <= MAX_BODY:
                    body.append(chunk)
                if not message.get("more_body", False) and status == 200 and size <= MAX_BODY:
                    self._store(key, _Entry(sig, status, headers, b"".join(body)))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key: tuple[str, ...], entry: _Entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
