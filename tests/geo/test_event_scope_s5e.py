"""Which place an event's clause gives it (session 5, s5e; sentences written for these tests):
an origin is not a place, a pledge is not placed at the later act, a call has no place, the
story's next act happens where its incident did, "Guangxi province" is Guangxi, and a bare
world city outweighs the dateline state's namesake town."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from tests.geo.test_locate import _event, _locate

from tidings.geo import GazetteerGeocoder
from tidings.geo.resolve import bare_name
from tidings.model import AnnotatedDoc, Article


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Washington said it would impose duties on imports from China.", "impose", "SANCTION"),
        ("The council ordered an embargo on trade with Iraq.", "embargo", "SANCTION"),
        ("The ministry announced sanctions on banks dealing with Iran.", "sanctions", "SANCTION"),
        ("The minister criticised the war against Yemen.", "criticised", "ACCUSE"),
    ],
)
def test_origin_or_partner_is_not_the_place(
    geocoder: GazetteerGeocoder, parse: Any, text: str, trigger: str, kind: str
) -> None:
    e = _locate(geocoder, parse, text, trigger, plover_type=kind)
    assert e.place is None or e.place_source != "text", e.place


def test_a_place_of_the_thing_acted_on_still_places(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    # "in", not an origin preposition, on the object noun: the strikes' place
    text = "Jets struck depots of the militia in Syria on Monday."
    e = _locate(geocoder, parse, text, "struck", plover_type="ASSAULT")
    assert e.place is not None and e.place.country_iso3 == "SYR"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The king will meet the president on Thursday in Geneva.", "meet"),
        ("The envoy is expected to visit Baghdad next week.", "visit"),
        ("Bangladesh said its troops would join the coalition in Saudi Arabia.", "join"),
    ],
)
def test_a_pledge_is_not_placed_at_the_later_act(
    geocoder: GazetteerGeocoder, parse: Any, text: str, trigger: str
) -> None:
    e = _locate(geocoder, parse, text, trigger, plover_type="AGREE")
    assert (e.place, e.place_source) == (None, "none")


def test_an_act_done_is_placed(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "The king met the president on Thursday in Geneva."
    e = _locate(geocoder, parse, text, "met", plover_type="CONSULT")
    assert e.place is not None and e.place.country_iso3 == "CHE"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The prime minister discussed trade during a telephone call with the chancellor.", "call"),
        ("The two leaders spoke by phone on Tuesday about the border.", "spoke"),
        ("The president telephoned his counterpart to discuss the crisis.", "telephoned"),
    ],
)
def test_a_call_takes_no_dateline(
    geocoder: GazetteerGeocoder, parse: Any, text: str, trigger: str
) -> None:
    e = _locate(geocoder, parse, text, trigger, dateline="OTTAWA")
    assert (e.place, e.place_source) == (None, "none")


def test_a_seized_phone_is_not_a_call(geocoder: GazetteerGeocoder, parse: Any) -> None:
    text = "Police seized his phone and arrested him."
    e = _locate(geocoder, parse, text, "arrested", dateline="OTTAWA", plover_type="COERCE")
    assert e.place_source == "dateline"


def test_the_next_act_of_the_story_happens_where_the_incident_did(
    geocoder: GazetteerGeocoder, parse: Any
) -> None:
    text = "A gunman opened fire on police in Marseille on Thursday. Officers shot the attacker."
    article = Article(article_id="a1", doc_id="d1", text=text)
    doc = AnnotatedDoc(article=article, doc=parse(text))
    first_end = text.index(".") + 1
    first = replace(
        _event(text, "opened", plover_type="ASSAULT", evidence=(0, first_end)),
        date_text="Thursday",
        event_date="2024-12-12",
        date_source="text",
    )
    second = replace(
        _event(text, "shot", plover_type="ASSAULT", evidence=(first_end + 1, len(text))),
        date_text="Thursday",
        event_date="2024-12-12",
        date_source="text",
        extra={"date_link": "narrative"},
    )
    a, b = geocoder.locate_events(doc, [first, second])[0]
    assert a.place is not None and a.place.country_iso3 == "FRA"
    assert b.place == a.place and b.place_source == "text"


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Guangxi province", "Guangxi"),
        ("Idlib governorate", "Idlib"),
        ("southern Lebanon", "Lebanon"),
        ("North Korea", "Korea"),
        ("Lebanon", None),
    ],
)
def test_bare_name(name: str, bare: str | None) -> None:
    assert bare_name(name) == bare


def test_side_of_a_country_resolves_to_the_country(geocoder: GazetteerGeocoder) -> None:
    [place] = geocoder.find("Fighting spread across southern Lebanon.")
    assert place.country_iso3 == "LBN"


@pytest.mark.parametrize(
    ("text", "dateline", "iso3"),
    [
        # the dateline's state holds a Paris and a Moscow; the story names France / Russia
        (
            "France is on alert. A gunman opened fire in Paris on Thursday night.",
            "GEORGETOWN, Ky.",
            "FRA",
        ),
        (
            "Russia expelled two diplomats. Protesters gathered in Moscow on Friday.",
            "MOSCOW, Idaho",
            "RUS",
        ),
        # a London dateline holds an English Washington; the story names the United States
        (
            "The United States expelled 60 diplomats. In Washington, police blocked a road.",
            "LONDON",
            "USA",
        ),
        # a qualifier still wins: Paris, Texas
        ("A storm hit Paris, Texas, on Friday. France sent condolences.", "DALLAS", "USA"),
    ],
)
def test_world_city_against_the_dateline_state(
    geocoder: GazetteerGeocoder, parse: Any, text: str, dateline: str, iso3: str
) -> None:
    trigger = next(t for t in ("hit", "opened", "gathered", "blocked") if t in text)
    e = _locate(geocoder, parse, text, trigger, dateline=dateline, plover_type="ASSAULT")
    assert e.place is not None and e.place.country_iso3 == iso3
