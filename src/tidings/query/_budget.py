"""A time budget for reads: every query run under it is interrupted once its deadline passes.

A REST request opens one budget (see ``tidings.api``); each cursor taken inside it is
registered, and a timer calls DuckDB's ``interrupt()`` on it at the deadline. ``cancel`` stops
every running query of the budget at once (a client that went away, a server shutting down).
Outside any budget, reads run unbounded, as a Python user expects from a local database.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import duckdb

from tidings.errors import QueryTimeoutError

# Interrupting before DuckDB has started the statement does nothing, so the timer repeats
# its interrupt at this period until the query has ended.
_REPEAT_S = 0.05


class Budget:
    """A deadline (``timeout_s`` from now, None for none) shared by the queries of one request."""

    def __init__(self, timeout_s: float | None) -> None:
        self.timeout_s = timeout_s
        self.deadline = None if timeout_s is None else time.monotonic() + timeout_s
        self._lock = threading.Lock()
        self._running: set[duckdb.DuckDBPyConnection] = set()
        self.reason: str | None = None  # set once the budget is spent or cancelled

    def cancel(self, reason: str) -> None:
        """Stop every running query of this budget and refuse new ones."""
        with self._lock:
            if self.reason is None:
                self.reason = reason
            running = list(self._running)
        for cur in running:
            cur.interrupt()

    def _expired(self) -> str:
        return f"query took longer than the {self.timeout_s:g} s limit; narrow the request"

    def _watch(self, cur: duckdb.DuckDBPyConnection) -> None:
        with self._lock:
            if cur not in self._running:
                return
            if self.reason is None:
                self.reason = self._expired()
        cur.interrupt()
        timer = threading.Timer(_REPEAT_S, self._watch, args=(cur,))
        timer.daemon = True
        timer.start()

    @contextmanager
    def guard(self, cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """Run the body's queries on ``cur`` within the budget; QueryTimeoutError past it."""
        timer: threading.Timer | None = None
        with self._lock:
            spent = self.deadline is not None and self.deadline <= time.monotonic()
            if self.reason is None and spent:
                self.reason = self._expired()
            if self.reason is not None:
                raise QueryTimeoutError(self.reason)
            self._running.add(cur)
        if self.deadline is not None:
            timer = threading.Timer(self.deadline - time.monotonic(), self._watch, args=(cur,))
            timer.daemon = True
            timer.start()
        try:
            yield
        except duckdb.InterruptException:
            raise QueryTimeoutError(self.reason or "query interrupted") from None
        finally:
            with self._lock:
                self._running.discard(cur)
            if timer is not None:
                timer.cancel()


_CURRENT: ContextVar[Budget | None] = ContextVar("tidings_query_budget", default=None)


def current() -> Budget | None:
    """The budget reads in this context run under, if any."""
    return _CURRENT.get()


@contextmanager
def time_budget(timeout_s: float | None) -> Iterator[Budget]:
    """Bound every read inside the block to ``timeout_s`` seconds in all (None: unbounded)."""
    budget = Budget(timeout_s)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


@contextmanager
def guarded(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run on ``cur`` under the current budget, or unbounded outside one."""
    budget = _CURRENT.get()
    if budget is None:
        yield
        return
    with budget.guard(cur):
        yield
