"""A fronted "In X," sets the scene of its sentence's acts; the lead's town places only the
story's material acts, not statements (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.geo.test_locate import _event, _locate

from tidings.geo import GazetteerGeocoder
from tidings.model import AnnotatedDoc, Article, Event


@pytest.mark.parametrize(
    ("text", "trigger", "iso3"),
    [
        (
            "In Washington, several of the diplomats being expelled by the government were "
            "seen leaving the embassy.",
            "expelled",
            "USA",
        ),
        ("In Nairobi, police arrested four students on Monday.", "arrested", "KEN"),
        ("At the port of Mombasa, police searched a ship on Friday.", "searched", "KEN"),
    ],
)
def test_fronted_locative_sets_the_scene(
    geocoder: GazetteerGeocoder, parse: Any, text: str, trigger: str, iso3: str
) -> None:
    e = _locate(geocoder, parse, text, trigger, plover_type="COERCE")
    assert e.place is not None and e.place_source == "text"
    assert e.place.country_iso3 == iso3


def test_fronted_locative_does_not_place_a_reported_act(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    text = "In Moscow, officials said that Ukrainian drones attacked a refinery."
    e = _locate(geocoder, parse, text, "attacked", plover_type="ASSAULT")
    assert (e.place, e.place_source) == (None, "none")


def test_locative_not_fronted_is_not_a_scene(geocoder: GazetteerGeocoder, parse: Any) -> None:
    # "in Paris" hangs from "lives", another verb: it is not where the arrest happened
    text = "Police arrested a man who lives in Paris."
    e = _locate(geocoder, parse, text, "arrested", plover_type="COERCE")
    assert (e.place, e.place_source) == (None, "none")


_LEAD = (
    "A senior aide to the mayor of Naples was questioned on Friday. "
    "Police in Naples searched his office. "
)


def _second(geocoder: GazetteerGeocoder, parse: Any, text: str, trigger: str, kind: str) -> Event:
    article = Article(article_id="a1", doc_id="d1", text=text)
    doc = AnnotatedDoc(article=article, doc=parse(text))
    ev = _event(text, trigger, plover_type=kind, evidence=(text.index(trigger), len(text)))
    return geocoder.locate_events(doc, [ev])[0][0]


def test_lead_town_places_a_material_act(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = _LEAD + "Officers detained two more men at the port."
    e = _second(geocoder, parse, text, "detained", "COERCE")
    assert e.place_source == "lead" and e.place is not None and e.place.country_iso3 == "ITA"


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("A German minister criticised the raid.", "criticised", "ACCUSE"),
        ("Opposition leaders demanded an inquiry.", "demanded", "REQUEST"),
        ("The two parties agreed to a joint review.", "agreed", "AGREE"),
    ],
)
def test_lead_town_does_not_place_a_statement(
    geocoder: GazetteerGeocoder, parse: Any, sentence: str, trigger: str, kind: str
) -> None:
    e = _second(geocoder, parse, _LEAD + sentence, trigger, kind)
    assert (e.place, e.place_source) == (None, "none")


def test_unknown_facility_in_the_days_news_takes_the_dateline(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    # the gazetteer knows Heathrow only as a Florida village: the airport is not it
    text = "British officers searched a Russian plane at Heathrow airport on Friday."
    e = _locate(geocoder, parse, text, "searched", dateline="LONDON", plover_type="COERCE")
    assert e.place_source == "dateline" and e.place is not None
    assert e.place.country_iso3 == "GBR" and e.extra["place_text"] == "Heathrow"
    e = _locate(geocoder, parse, text, "searched", plover_type="COERCE")
    assert e.place is not None and (e.place.name, e.place.country_iso3) == ("Heathrow", None)


def test_international_body_acts_at_its_dateline(geocoder: GazetteerGeocoder, parse: Any) -> None:
    from dataclasses import replace

    from tidings.model import ActorRef

    text = "The court rejected the objections of the United States on Friday."
    article = Article(article_id="a1", doc_id="d1", text=text, dateline="THE HAGUE, Netherlands")
    doc = AnnotatedDoc(article=article, doc=parse(text))
    base = _event(text, "rejected", plover_type="REJECT")
    usa = ActorRef(text="the United States", code="USA", country_iso3="USA")
    court = replace(base, source=ActorRef(text="The court", code="IGOUNOJUD"), target=usa)
    e = geocoder.locate_events(doc, [court])[0][0]
    assert e.place_source == "dateline" and e.place is not None
    assert e.place.country_iso3 == "NLD"
    # a state's act against another at a hub dateline stays unplaced
    libya = replace(base, source=ActorRef(text="Libya", code="LBY", country_iso3="LBY"), target=usa)
    e = geocoder.locate_events(doc, [libya])[0][0]
    assert (e.place, e.place_source) == (None, "none")
