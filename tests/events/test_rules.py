"""The rule coder on the worked example, article offsets, reported speech and bad input."""

from __future__ import annotations

import time
from collections.abc import Callable

from spacy.tokens import Doc

from tidings import registry
from tidings.events import RuleCoder
from tidings.interfaces import EventCoder
from tidings.model import AnnotatedDoc, Article, Event, content_id

LEAD = "Iraq braced for change on Saturday. "
SEED = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani "
    "in Baghdad on Friday and asked him to rein in armed groups."
)


def test_registered_and_protocol() -> None:
    coder = registry.resolve("event_coder", "tidings.rules.v1")
    assert isinstance(coder, EventCoder)
    assert (coder.name, coder.version) == ("tidings.rules.v1", "1.0.0")


def test_worked_example_in_article_offsets(code: Callable[[str], list[Event]]) -> None:
    text = LEAD + SEED
    consult, request = code(text)
    assert (consult.plover_type, consult.plover_mode, consult.cameo_code) == (
        "CONSULT",
        "visit",
        "042",
    )
    assert (consult.cameo_root, consult.quad_class, consult.goldstein) == ("04", 1, 1.9)
    assert consult.sentence_idx == 1
    assert consult.evidence_text == SEED
    assert text[consult.evidence_start : consult.evidence_end] == SEED
    assert text[consult.trigger_start : consult.trigger_end] == "met"
    src, tgt = consult.source, consult.target
    assert src is not None and tgt is not None
    assert text[src.start : src.end] == "US Secretary of State Antony Blinken"  # type: ignore[misc]
    assert text[tgt.start : tgt.end] == "Iraqi Prime Minister Mohammed Shia al-Sudani"  # type: ignore[misc]
    assert (src.code, tgt.code) == ("USAGOV", "IRQGOV")
    assert (consult.coder, consult.coder_version) == ("tidings.rules.v1", "1.0.0")
    assert consult.event_id == content_id(
        "test-article", str(consult.trigger_start), "CONSULT", "tidings.rules.v1", prefix="ev_"
    )
    assert not consult.negated and consult.modality == "asserted"
    assert 0.0 < consult.confidence <= 1.0
    assert request.plover_type == "REQUEST" and request.cameo_root == "02"
    assert request.object_text == "rein in armed groups"
    assert request.source is not None and request.source.name == src.name
    assert request.target is not None and request.target.text == "him"
    assert request.target.country_iso3 == "IRQ"  # "him" resolved by the actor linker


def test_promise_is_agree_not_cooperation(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("Blinken promised to work with Iraq to ensure no resurgence of IS.")
    assert (ev.plover_type, ev.modality, ev.cameo_root) == ("AGREE", "promised", "03")
    assert ev.extra["plover_type_as_act"] == "COOPERATE"
    assert ev.target is not None and ev.target.country_iso3 == "IRQ"


def test_assault_and_rebels(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("Israel has been pounding Syria.")
    assert ev.plover_type == "ASSAULT"
    assert ev.source is not None and ev.target is not None
    assert (ev.source.code, ev.target.code) == ("ISR", "SYR")
    (ev,) = code("Iranian-backed Iraqi Shiite armed groups attacked US bases.")
    assert ev.source is not None
    assert ev.source.text == "Iranian-backed Iraqi Shiite armed groups"
    assert (ev.source.country_iso3, ev.source.sector, ev.source.sponsor_iso3) == (
        "IRQ",
        "REB",
        "IRN",
    )
    (ev,) = code("The Hayat Tahrir al-Sham toppled Bashar al-Assad.")
    assert ev.source is not None and ev.target is not None
    assert (ev.source.country_iso3, ev.source.sector) == ("SYR", "REB")
    assert ev.target.country_iso3 == "SYR"


def test_reported_speech_is_claimed(code: Callable[[str], list[Event]]) -> None:
    text = "Israel said Hezbollah attacked its troops."
    (ev,) = code(text)
    assert ev.source is not None and ev.source.text == "Hezbollah"
    assert ev.claimed_by == "Israel"
    start, end = ev.extra["claimed_by_span"]
    assert text[start:end] == "Israel"


def test_negation_and_modality(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("Blinken did not meet the Iraqi prime minister.")
    assert ev.negated
    (ev,) = code("North Korea threatened to attack South Korea.")
    assert (ev.plover_type, ev.plover_mode, ev.modality) == ("THREATEN", "violence", "threatened")
    (ev,) = code("The army denied attacking the village.")
    assert (ev.plover_type, ev.modality) == ("ASSAULT", "denied")


def test_bad_input_gives_nothing(code: Callable[[str], list[Event]]) -> None:
    assert code("") == []
    assert code("Hello") == []
    assert code("The weather in Paris, lovely as ever.") == []
    assert code("ISRAEL STRIKES SYRIA AS TALKS COLLAPSE AND PROTESTS GROW") == []


def test_long_article_is_linear(nlp, coder: RuleCoder) -> None:  # type: ignore[no-untyped-def]
    one = nlp("Officials in the town said police arrested dozens of protesters.")

    def run(n: int) -> tuple[float, int]:
        sdoc = Doc.from_docs([one] * n)  # n parsed sentences without parsing n times
        doc = AnnotatedDoc(Article(article_id="long", doc_id="long", text=sdoc.text), sdoc)
        t0 = time.perf_counter()
        events = coder.code(doc)
        return time.perf_counter() - t0, len(events)

    small, n_small = run(500)
    big, n_big = run(5000)
    assert n_small == n_big == 1  # every sentence is coded; the same act told n times is one
    assert big < small * 10 * 3  # linear, with slack for noise


def test_background_clauses_only_on_request(nlp, coder: RuleCoder) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels who attacked the convoy were arrested by police."
    doc = AnnotatedDoc(Article("a", "d", text), nlp(text))
    assert [e.plover_type for e in RuleCoder(actor_linker=coder.linker).code(doc)] == ["COERCE"]
    both = RuleCoder(actor_linker=coder.linker, keep_background=True).code(doc)
    assert [e.plover_type for e in both] == ["ASSAULT", "COERCE"]
    assert both[0].extra["subordinate"] is True
    assert both[0].confidence < both[1].confidence


def test_weapons_refine_codes_and_are_not_actors(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("A car bomb killed three soldiers in Mosul.")
    assert (ev.plover_type, ev.plover_mode, ev.cameo_code) == ("ASSAULT", "explosives", "1832")
    assert ev.source is None
    (ev,) = code("Israeli jets struck Hezbollah positions.")
    assert (ev.cameo_code, ev.plover_mode) == ("195", "aerial")


def test_group_heads_take_the_group_country(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("Thousands of Nigerians protested against the government.")
    assert ev.plover_type == "PROTEST"
    assert ev.source is not None and ev.source.country_iso3 == "NGA"


def test_requested_act_is_linked_to_its_request(code: Callable[[str], list[Event]]) -> None:
    evs = code("The United States urged Israel to halt strikes on Gaza.")
    req = next(e for e in evs if e.plover_type == "REQUEST")
    act = next(e for e in evs if e.modality == "requested")
    assert act.extra["requested_by_event"] == req.event_id
    assert (act.plover_type, act.cameo_code) == ("RETREAT", "0871")
    assert act.source is not None and act.source.text == "Israel"
    assert req.target is not None and req.target.text == "Israel"
    assert "requested_by_event" not in req.extra


def test_uncodable_requested_act_gives_request_only(code: Callable[[str], list[Event]]) -> None:
    evs = code("Blinken asked him to rein in armed groups.")
    assert [(e.plover_type, e.modality) for e in evs] == [("REQUEST", "asserted")]


def test_visit_target_is_the_host_government(code: Callable[[str], list[Event]]) -> None:
    (ev,) = code("The Indian prime minister paid a visit to Russia.")
    assert ev.target is not None
    assert (ev.target.country_iso3, ev.target.sector, ev.target.code) == ("RUS", "GOV", "RUSGOV")


def test_one_event_per_coordinated_target(code: Callable[[str], list[Event]]) -> None:
    evs = code("Pakistan accused India and Afghanistan of sheltering militants.")
    first, second = (e for e in evs if e.plover_type == "ACCUSE")
    assert [e.target.country_iso3 if e.target else None for e in (first, second)] == [
        "IND",
        "AFG",
    ]
    assert second.extra["conjunct_of_event"] == first.event_id
    assert second.event_id != first.event_id
    assert second.source == first.source


def test_the_rest_of_a_group_is_no_further_target(code: Callable[[str], list[Event]]) -> None:
    evs = code("Pakistan accused India and other neighbours of sheltering militants.")
    assert [e.target.country_iso3 for e in evs if e.target] == ["IND"]
