"""ASGI middleware giving each HTTP request one query time budget, cancelled if the client leaves.

Sync routes run in worker threads, where a client that disconnects is never noticed: the
middleware listens for ``http.disconnect`` itself and interrupts the request's running DuckDB
queries, so an abandoned request frees its cores (and a shutting-down server is not held up).
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings.query._budget import time_budget


class QueryBudgetMiddleware:
    """Wrap every HTTP request in ``time_budget(timeout_s)``; a disconnect cancels it."""

    def __init__(self, app: ASGIApp, timeout_s: float | None) -> None:
        self.app = app
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        inbox: asyncio.Queue[Message] = asyncio.Queue()
        with time_budget(self.timeout_s) as budget:

            async def listen() -> None:
                # Forward every message to the app; the disconnect also stops its queries.
                while True:
                    message = await receive()
                    await inbox.put(message)
                    if message["type"] == "http.disconnect":
                        budget.cancel("client went away; its query was cancelled")
                        return

            async def relay() -> Message:
                return await inbox.get()

            listener = asyncio.create_task(listen())
            try:
                await self.app(scope, relay, send)
            finally:
                # Normally a no-op (the reads are over). When the request task is cancelled
                # (a server shutting down), its worker thread would run on: interrupt it.
                budget.cancel("request cancelled; its query was stopped")
                listener.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await listener
