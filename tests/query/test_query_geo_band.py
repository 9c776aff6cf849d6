"""The radius filter's longitude band holds every point of the circle (it only skips rows)."""

from __future__ import annotations

import math

import pytest

from tidings.db import Tidings
from tidings.query.filters import _EARTH_KM, _lon_band


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d, b = km / _EARTH_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(
        math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return math.degrees(p2), math.degrees(l2)


@pytest.mark.parametrize("lat", [0.0, 33.3, -45.0, 60.0, 75.0, 84.0])
@pytest.mark.parametrize("km", [1.0, 100.0, 900.0])
def test_band_holds_the_circle_edge(lat: float, km: float) -> None:
    band = _lon_band(lat, 10.0, km)
    if math.degrees(km / _EARTH_KM) >= 90 - abs(lat):  # the circle holds a pole: no band
        assert band is None
        return
    assert band is not None
    lo, hi = band
    for bearing in range(0, 360, 3):
        _, lon = _destination(lat, 10.0, km, bearing)
        assert lo <= lon <= hi, (bearing, lon, band)
    assert hi - lo < 360


def test_no_band_near_poles_or_the_antimeridian() -> None:
    assert _lon_band(89.9, 0.0, 50.0) is None
    assert _lon_band(0.0, 179.9, 50.0) is None
    assert _lon_band(0.0, 0.0, 15000.0) is None


def test_radius_filter_rows_unchanged(db: Tidings) -> None:
    # Baghdad (3 mentions) and nothing else within 100 km; 2,000 km takes Rafah and Kyiv too.
    assert len(db.events(lat=33.3, lon=44.4, km=100, mentions=True)) == 3
    far = db.events(lat=33.3, lon=44.4, km=2000, mentions=True)
    assert sorted(set(far["place_name"])) == ["Baghdad", "Rafah"]
