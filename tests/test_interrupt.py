"""Ctrl-C is recognised also when DuckDB wrapped it in its own error."""

from __future__ import annotations

import duckdb
import pytest

from tidings.errors import is_interrupt


def _wrapped() -> RuntimeError:
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as inner:
            raise RuntimeError("Query interrupted") from inner
    except RuntimeError as outer:
        return outer


@pytest.mark.parametrize(
    "exc",
    [
        KeyboardInterrupt(),
        _wrapped(),
        RuntimeError("Query interrupted"),
        duckdb.InterruptException("x"),
    ],
)
def test_interrupts_are_recognised(exc: BaseException) -> None:
    assert is_interrupt(exc)


@pytest.mark.parametrize("exc", [RuntimeError("boom"), duckdb.IOException("disk"), ValueError()])
def test_other_errors_are_not(exc: BaseException) -> None:
    assert not is_interrupt(exc)
