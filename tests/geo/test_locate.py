"""Event locations from the event's own clause, the dateline fallback, and never a guess."""

from __future__ import annotations

from typing import Any

from tidings.geo import GazetteerGeocoder
from tidings.model import ActorRef, AnnotatedDoc, Article, Event


def _event(
    text: str,
    trigger: str,
    source_iso3: str | None = None,
    plover_type: str = "CONSULT",
    evidence: tuple[int, int] | None = None,
) -> Event:
    start = text.index(trigger)
    lo, hi = evidence if evidence is not None else (0, len(text))
    return Event(
        event_id="e1",
        article_id="a1",
        sentence_idx=0,
        plover_type=plover_type,
        plover_mode=None,
        cameo_code=None,
        cameo_root=None,
        quad_class=None,
        goldstein=None,
        source=ActorRef(text="x", country_iso3=source_iso3) if source_iso3 else None,
        target=None,
        evidence_text=text[lo:hi],
        evidence_start=lo,
        evidence_end=hi,
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
    plover_type: str = "CONSULT",
    evidence: tuple[int, int] | None = None,
) -> Event:
    article = Article(article_id="a1", doc_id="d1", text=text, dateline=dateline)
    doc = AnnotatedDoc(article=article, doc=parse(text))
    event = _event(text, trigger, source_iso3, plover_type, evidence)
    events, _ = geocoder.locate_events(doc, [event])
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


_BLINKEN = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
    "in Baghdad on Friday and asked him to rein in armed groups."
)


def test_conjoined_verb_inherits_head_place(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, _BLINKEN, "asked", dateline="AMMAN", plover_type="REQUEST")
    assert e.place_source == "text"
    assert e.place is not None and (e.place.geonameid, e.place.country_iso3) == (98182, "IRQ")
    assert (e.place.start, e.place.end) == (
        _BLINKEN.index("Baghdad"),
        _BLINKEN.index("Baghdad") + 7,
    )


def test_conjoined_verb_inherits_outside_own_evidence(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    own = (_BLINKEN.index("asked"), len(_BLINKEN))
    e = _locate(
        geocoder, parse, _BLINKEN, "asked", dateline="AMMAN", plover_type="REQUEST", evidence=own
    )
    assert e.place_source == "text"
    assert e.place is not None and e.place.geonameid == 98182


def test_conjoined_verb_keeps_its_own_place(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Blinken met Sudani in Baghdad and then flew to Amman."
    e = _locate(geocoder, parse, text, "flew", plover_type="CONSULT")
    assert e.place_source == "text"
    assert e.place is not None and e.place.geonameid == 250441


def test_conjoined_verb_with_own_subject_does_not_inherit(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    text = "Blinken met Sudani in Baghdad and Iran rejected the talks."
    e = _locate(geocoder, parse, text, "rejected", plover_type="REJECT")
    assert (e.place, e.place_source) == (None, "none")


def test_topic_of_talks_is_not_the_location(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = '"We discussed the situation in Syria," Blinken told reporters.'
    e = _locate(geocoder, parse, text, "discussed", dateline="BAGHDAD")
    assert e.place_source == "dateline"
    assert e.place is not None and (e.place.geonameid, e.place.start) == (98182, None)


def test_topic_without_dateline_is_none(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "The ministers discussed the future of the crisis in Sudan."
    e = _locate(geocoder, parse, text, "discussed")
    assert (e.place, e.place_source) == (None, "none")


def test_condemned_attack_elsewhere_is_not_the_location(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    text = "Egypt condemned the attack in Kabul."
    e = _locate(geocoder, parse, text, "condemned", plover_type="ACCUSE")
    assert (e.place, e.place_source) == (None, "none")


def test_strikes_on_targets_in_syria(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Israeli jets carried out strikes on targets in Syria."
    for trigger in ("strikes", "carried"):
        e = _locate(geocoder, parse, text, trigger, plover_type="ASSAULT")
        assert e.place_source == "text", trigger
        assert e.place is not None and e.place.geonameid == 163843, trigger


def test_struck_targets_in_syria_assault(geocoder: GazetteerGeocoder, parse: Any) -> None:
    e = _locate(geocoder, parse, "Israel struck targets in Syria.", "struck", plover_type="ASSAULT")
    assert e.place_source == "text"
    assert e.place is not None and e.place.geonameid == 163843


def test_place_of_a_met_persons_noun_counts(geocoder: GazetteerGeocoder, parse: Any) -> None:
    # "in Anbar" hangs from "tribes", which is who was met, not what was talked about
    text = "The envoy met the leaders of the tribes in Anbar."
    e = _locate(geocoder, parse, text, "met", dateline="BAGHDAD")
    assert e.place_source == "text"
    assert e.place is not None and (e.place.name, e.place.country_iso3) == ("Anbar", "IRQ")
    assert (e.place.feature, e.place.start) == ("admin1", text.index("Anbar"))


def test_demonym_after_locative_is_not_the_location(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    text = "Militants launched an attack on Iraqi forces."
    e = _locate(geocoder, parse, text, "attack", plover_type="ASSAULT", dateline="BEIRUT")
    assert e.place_source == "dateline"
    assert e.place is not None and e.place.geonameid == 276781


def test_month_name_is_not_a_place(geocoder: GazetteerGeocoder, parse: Any) -> None:
    # March, Cambridgeshire is in the gazetteer; "in March 1996" is a date
    text = "The aid worker was abducted with his interpreter in March 1996."
    e = _locate(geocoder, parse, text, "abducted", plover_type="COERCE")
    assert (e.place, e.place_source) == (None, "none")


def test_along_with_is_company_not_a_place(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Along with Russia, Iran backs the government and has sent advisers."
    e = _locate(geocoder, parse, text, "backs", plover_type="SUPPORT")
    assert (e.place, e.place_source) == (None, "none")


def test_visit_to_an_unknown_name_is_no_place(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "The president also planned to visit the gas giant Zorvatek on Friday."
    e = _locate(geocoder, parse, text, "visit", dateline="KIEV", plover_type="CONSULT")
    assert e.place_source == "dateline" and e.place is not None
    assert e.place.country_iso3 == "UKR"
