"""Shared fixtures for the geo tests: one geocoder (and spaCy pipeline) per session."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.annotate.spacy_annotator import make_spacy_annotator
from tidings.geo import GazetteerGeocoder, load_gazetteer
from tidings.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(annotator=make_spacy_annotator())


@pytest.fixture(scope="session")
def parse(geocoder: GazetteerGeocoder) -> Any:
    return geocoder._parse
