"""Confidence calibration: isotonic fit, interpolation, the bundled table."""

from __future__ import annotations

from collections.abc import Callable

from tidings.events._calibration import calibrate, isotonic, load_table
from tidings.model import Event


def test_isotonic_pools_violators_and_smooths() -> None:
    pts = [(0.2, False), (0.3, True), (0.4, False), (0.9, True), (0.95, True)]
    assert isotonic(pts) == [(0.2, 0.3333, 1), (0.35, 0.5, 2), (0.925, 0.75, 2)]


def test_calibrate_interpolates_and_clamps() -> None:
    table = ((0.5, 0.4), (0.9, 0.8))
    assert calibrate(0.7, table) == 0.6
    assert calibrate(0.1, table) == 0.4
    assert calibrate(1.0, table) == 0.8
    assert calibrate(0.42, ()) == 0.42


def test_bundled_table_is_monotone() -> None:
    table = load_table()
    assert len(table) >= 2
    assert all(a[0] < b[0] and a[1] <= b[1] for a, b in zip(table, table[1:], strict=False))


def test_events_carry_raw_and_calibrated_confidence(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("Japan gave Ukraine humanitarian aid.")
    raw = ev.extra["confidence_raw"]
    assert ev.confidence == calibrate(raw)
