"""Place recognition and resolution on hand-written sentences: exact ids and countries."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.geo import GazetteerGeocoder

# (sentence, mention as written, expected geonameid (None: no GeoNames id), expected ISO3)
CASES: list[tuple[str, str, int | None, str | None]] = [
    ("Blinken met Sudani in Baghdad on Friday.", "Baghdad", 98182, "IRQ"),
    ("The mayor of Paris met Macron in France.", "Paris", 2988507, "FRA"),
    ("Storms hit Paris, Texas, on Monday.", "Paris", 4717560, "USA"),
    ("Storms hit Paris, Texas, on Monday.", "Texas", 4736286, "USA"),
    ("Officials in Paris and Dallas said Texas roads were closed.", "Paris", 4717560, "USA"),
    ("Militias fought near Tripoli as Benghazi waited.", "Tripoli", 2210247, "LBY"),
    ("Protesters gathered in Tripoli, Lebanon, near Beirut.", "Tripoli", 266826, "LBN"),
    ("Clashes in Tripoli worried officials in Beirut and Sidon.", "Tripoli", 266826, "LBN"),
    ("The senator flew to Washington, D.C., on Tuesday.", "Washington", 4140963, "USA"),
    ("Airstrikes hit Gaza City and Khan Younis in the Gaza Strip.", "Gaza City", 281133, "PSE"),
    ("Airstrikes hit Gaza City and Khan Younis in the Gaza Strip.", "Khan Younis", 281124, "PSE"),
    ("Airstrikes hit Gaza City and Khan Younis in the Gaza Strip.", "Gaza Strip", None, "PSE"),
    ("Rebels advanced on Aleppo from Idlib.", "Aleppo", 170063, "SYR"),
    ("Rebels advanced on Aleppo from Idlib.", "Idlib", 169389, "SYR"),
    ("Missiles struck Kharkov overnight.", "Kharkov", 706483, "UKR"),
    ("Missiles struck Kharkiv overnight.", "Kharkiv", 706483, "UKR"),
    ("Troops reached Deir ez-Zor on Sunday.", "Deir ez-Zor", 170794, "SYR"),
    ("Fighting in the Donbas and Crimea continued, Kiev said.", "Donbas", None, "UKR"),
    ("Fighting in the Donbas and Crimea continued, Kiev said.", "Crimea", None, "UKR"),
    ("Talks in Springfield, Illinois ended.", "Springfield", 4250542, "USA"),
    ("Residents of Springfield, Massachusetts voted.", "Springfield", 4951788, "USA"),
    ("He traveled from Moscow to Beijing via Tehran.", "Tehran", 112931, "IRN"),
    ("Britain and the US warned Iran.", "Britain", 2635167, "GBR"),
    ("Britain and the US warned Iran.", "US", 6252001, "USA"),
    ("Floods hit Alexandria, Egypt.", "Alexandria", 361058, "EGY"),
    ("Hebron residents in the West Bank protested.", "Hebron", 285066, "PSE"),
    ("Hebron residents in the West Bank protested.", "West Bank", None, "PSE"),
    ("Athens, Georgia police arrested a man.", "Athens", 4180386, "USA"),
    ("Athens, Georgia police arrested a man.", "Georgia", 4197000, "USA"),
    ("Georgia and Armenia signed a deal in Tbilisi.", "Georgia", 614540, "GEO"),
    ("A blast in Sanaa killed four; Houthis in Hodeidah fired missiles.", "Sanaa", 71137, "YEM"),
    ("A blast in Sanaa killed four; Houthis in Hodeidah fired missiles.", "Hodeidah", 79415, "YEM"),
    ("Syrian forces shelled Raqqa at dawn.", "Raqqa", 172955, "SYR"),
    ("Police in Blorvania arrested two men.", "Blorvania", None, None),
]


def _found(geocoder: GazetteerGeocoder, parse: Any, sentence: str, name: str) -> Any:
    res = geocoder.resolve_doc(parse(sentence))
    hits = [r for r in res if r.mention.text == name]
    assert hits, f"{name!r} not recognised in {sentence!r}: {[r.mention.text for r in res]}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "name", "geonameid", "iso3"), CASES)
def test_place_resolves(
    geocoder: GazetteerGeocoder,
    parse: Any,
    sentence: str,
    name: str,
    geonameid: int | None,
    iso3: str | None,
) -> None:
    hit = _found(geocoder, parse, sentence, name)
    assert hit.place.geonameid == geonameid
    assert hit.place.country_iso3 == iso3
    assert (hit.mention.start, hit.mention.end) == (
        sentence.index(name),
        sentence.index(name) + len(name),
    )


def test_unknown_place_keeps_text_without_coordinates(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    hit = _found(geocoder, parse, "Police in Blorvania arrested two men.", "Blorvania")
    assert hit.entry is None
    assert hit.place.name == "Blorvania"
    assert (hit.place.lat, hit.place.lon, hit.place.feature) == (None, None, None)


def test_demonym_is_its_country_and_a_name_is_no_place(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    # "Iraqi" names Iraq (as LGL/GWN/TR-News annotate it); "Sudani" (a person) names nothing
    res = geocoder.resolve_doc(parse("Iraqi Prime Minister Mohammed Shia al-Sudani spoke."))
    assert [(r.mention.text, r.mention.source, r.place.geonameid) for r in res] == [
        ("Iraqi", "demonym", 99237)
    ]


def test_score_components_explain_the_choice(geocoder: GazetteerGeocoder, parse: Any) -> None:
    hit = _found(geocoder, parse, "Storms hit Paris, Texas, on Monday.", "Paris")
    assert hit.components["qualifier"] == pytest.approx(2.5)
    assert hit.score == pytest.approx(sum(hit.components.values()))
    assert hit.candidates >= 2


def test_baghdad_coordinates(geocoder: GazetteerGeocoder, parse: Any) -> None:
    hit = _found(geocoder, parse, "Blinken met Sudani in Baghdad on Friday.", "Baghdad")
    assert (round(hit.place.lat, 2), round(hit.place.lon, 2)) == (33.34, 44.40)
    assert (hit.place.admin1, hit.place.feature) == ("07", "city")


def test_find_with_context_country(geocoder: GazetteerGeocoder) -> None:
    plain = geocoder.find("Officials met in Tripoli.")
    lebanon = geocoder.find("Officials met in Tripoli.", context_iso3=["LBN"])
    assert [p.geonameid for p in plain] == [2210247]
    assert [p.geonameid for p in lebanon] == [266826]


def test_repeats_of_a_name_do_not_confirm_each_other(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    # Karak is a Pakistani town's own name and a Jordanian town's other name: two Karaks must
    # not outvote the article's Jordan
    text = (
        "Gunmen attacked police in Irbid, Jordan, on Sunday. Jordanian forces later "
        "fought the gunmen in Karak. Two more police were hurt in Karak at night."
    )
    places = [r.place for r in geocoder.resolve_doc(parse(text)) if r.mention.text == "Karak"]
    assert [p.country_iso3 for p in places] == ["JOR", "JOR"]
