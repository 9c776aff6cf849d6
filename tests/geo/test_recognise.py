"""Place mentions: demonyms name their country, never inside a person's or company's name."""

from __future__ import annotations

from tidings.geo import GazetteerGeocoder
from tidings.geo.gazetteer import load_demonyms


def _found(geocoder: GazetteerGeocoder, text: str) -> list[tuple[str, str, int | None]]:
    return [(text[p.start or 0 : p.end or 0], p.name, p.geonameid) for p in geocoder.find(text)]


def test_demonyms_table() -> None:
    table = load_demonyms()
    assert table["sudanese"] == 366755
    assert table["egyptians"] == 357994
    assert table["south sudanese"] == 7909807
    assert "sudan" not in table  # the country's own name is the gazetteer's job


def test_demonyms_are_their_countries(geocoder: GazetteerGeocoder) -> None:
    text = "Sudanese troops clashed with Egyptian border guards."
    assert _found(geocoder, text) == [
        ("Sudanese", "Sudan", 366755),
        ("Egyptian", "Egypt", 357994),
    ]


def test_two_word_demonym_and_plural(geocoder: GazetteerGeocoder) -> None:
    text = "The South Sudanese army said Palestinians had fled."
    assert _found(geocoder, text) == [
        ("South Sudanese", "South Sudan", 7909807),
        ("Palestinians", "Palestinian Territory", 6254930),
    ]


def test_demonym_inside_an_organisation_is_not_a_place(geocoder: GazetteerGeocoder) -> None:
    assert _found(geocoder, "She flew with American Airlines to Chicago.")[0][0] != "American"
    assert all(t != "American" for t, _, _ in _found(geocoder, "American Airlines cut flights."))


def test_demonyms_off(geocoder: GazetteerGeocoder) -> None:
    off = GazetteerGeocoder(annotator=geocoder.annotator)
    off.use_demonyms = False
    assert off.find("Sudanese troops clashed.") == []
