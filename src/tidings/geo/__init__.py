"""Recognise places, resolve them to GeoNames ids offline, and give each event its place."""

from __future__ import annotations

from tidings.geo.gazetteer import Entry, Gazetteer, load_gazetteer
from tidings.geo.geocoder import GazetteerGeocoder, make_gazetteer_geocoder
from tidings.geo.resolve import Context, Resolution

__all__ = [
    "Context",
    "Entry",
    "GazetteerGeocoder",
    "Gazetteer",
    "Resolution",
    "load_gazetteer",
    "make_gazetteer_geocoder",
]
