"""Event locations from the event's own clause, the dateline fallback, and never a guess."""

from __future__ import annotations

from typing import Any

from tidings.geo import GazetteerGeocoder
from tidings.model import ActorRef, AnnotatedDoc, Article, Event


def _event(text: str, trigger: str, source_iso3: str | None = None) -> Event:
    start = text.index(trigger)
    return Event(
        event_id="e1",
        article_id="a1",
        sentence_idx=0,
        plover_type="CONSULT",
        plover_mode=None,
        cameo_code=None,
        cameo_root=None,
        quad_class=None,
        goldstein=None,
        source=ActorRef(text="x", country_iso3=source_iso3) if source_iso3 else None,
        target=None,
        evidence_text=text,
        evidence_start=0,
        evidence_end=len(text),
        trigger_text=trigger,
        trigger_start=start,
        trigger_end=start + len(trigger),
        coder="test",
        coder_version="0",
    )


def _locate(
    geocoder: GazetteerGeocoder,
    parse: Any,
    text: str,
    trigger: str,
    dateline: str | None = None,
    source_iso3: str | None = None,
) -> Event:
    article = Article(article_id="a1", doc_id="d1", text=text, dateline=dateline)
    doc = AnnotatedDoc(article=article, doc=parse(text))
    events, _ = geocoder.locate_events(doc, [_event(text, trigger, source_iso3)])
    return events[0]


def test_met_in_baghdad(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = (
        "US Secretary of State Antony Blinken met Iraqi Prime Minister "
        "Mohammed Shia al-Sudani in Baghdad on Friday."
    )
    e = _locate(geocoder, parse, text, "met")
    assert e.place is not None and e.place_source == "text"
    assert (e.place.geonameid, e.place.country_iso3) == (98182, "IRQ")
    assert (e.place.start, e.place.end) == (text.index("Baghdad"), text.index("Baghdad") + 7)


def test_struck_targets_in_syria(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Israel struck targets in Syria on Sunday.", "struck")
    assert e.place is not None and e.place_source == "text"
    assert (e.place.geonameid, e.place.feature) == (163843, "country")


def test_near_aleppo(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Rebels attacked an army post near Aleppo.", "attacked")
    assert e.place is not None and e.place.geonameid == 170063


def test_subject_country_is_not_the_location(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Washington said it would impose new sanctions.", "impose")
    assert (e.place, e.place_source) == (None, "none")


def test_demonym_is_not_the_location(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "The Iraqi prime minister condemned the attack.", "condemned")
    assert (e.place, e.place_source) == (None, "none")


def test_dateline_fallback(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Ministers condemned it.", "condemned", dateline="BAGHDAD")
    assert e.place_source == "dateline"
    assert e.place is not None and (e.place.geonameid, e.place.country_iso3) == (98182, "IRQ")
    assert (e.place.start, e.place.end) == (None, None)


def test_text_place_wins_over_dateline(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Gunmen attacked a post in Mosul.", "attacked", dateline="BAGHDAD")
    assert e.place_source == "text"
    assert e.place is not None and e.place.geonameid == 99072


def test_dateline_disambiguates_tripoli(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Gunmen clashed in Tripoli.", "clashed", dateline="BEIRUT")
    assert e.place is not None and (e.place.geonameid, e.place.country_iso3) == (266826, "LBN")


def test_actor_country_disambiguates(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Troops were deployed in Tripoli.", "deployed", source_iso3="LBN")
    assert e.place is not None and e.place.geonameid == 266826


def test_unknown_place_kept_as_text(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Police arrested two men in Blorvania on Monday."
    e = _locate(geocoder, parse, text, "arrested")
    assert e.place is not None and e.place_source == "text"
    assert (e.place.name, e.place.geonameid, e.place.lat) == ("Blorvania", None, None)


def test_all_places_returned(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Blinken met Sudani in Baghdad before flying to Amman."
    article = Article(article_id="a1", doc_id="d1", text=text)
    _, places = geocoder.locate_events(AnnotatedDoc(article=article, doc=parse(text)), [])
    ids = [p.geonameid for p in places]
    assert 98182 in ids and 250441 in ids
