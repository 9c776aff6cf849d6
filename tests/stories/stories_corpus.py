"""Hand-written multi-outlet corpus for the story tests.

One visit told three ways, a wire copy, a later report, a second visit a week on, an unrelated
hearing with the same minister, and an earthquake (one report undated).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tidings.model import ActorRef, Article, Event, Quote, RawDoc, content_id

VISIT_A = (
    "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani in "
    "Baghdad on Friday, the latest stop of a regional tour focused on Syria. Blinken asked "
    "Sudani to rein in armed groups backed by Iran and to keep Iraqi territory out of the "
    "conflict next door. The two men discussed the future of Syria after the fall of its "
    "government, border security and the fate of camps holding fighters. Sudani told Blinken "
    "that Baghdad wanted a stable Syria and an inclusive transition in Damascus."
)
VISIT_B = (
    "Iraq's prime minister Mohammed Shia al-Sudani received Antony Blinken in Baghdad on Friday "
    "for talks dominated by the upheaval in Syria. According to the prime minister's office, "
    "Sudani and Blinken reviewed security on the Syrian border and the armed factions that "
    "Washington wants Baghdad to restrain. Blinken praised Iraq for staying out of the fighting "
    "in Syria. 'Iraq will not be a launch pad for attacks on anyone,' Sudani said."
)
# A wire copy of VISIT_A as a second site carries it: a byline and one extra closing sentence.
VISIT_A_COPY = "By our wire service. " + VISIT_A + " He then flew on to Ankara."
VISIT_LATER = (
    "Three days after his visit to Baghdad, where Antony Blinken met Prime Minister Mohammed "
    "Shia al-Sudani on Friday, Iraqi officials said the armed groups backed by Iran had paused "
    "attacks. Aides to Sudani described the talks with Blinken on Syria and on border security "
    "as frank and said Baghdad would keep its distance from the fighting in Syria."
)
VISIT_AGAIN = (
    "Antony Blinken was back in Baghdad on Friday, a week after his first visit, and met Prime "
    "Minister Mohammed Shia al-Sudani again to discuss Syria. Blinken and Sudani spoke about "
    "the armed groups backed by Iran, the Syrian border and the transition in Damascus, "
    "officials in Baghdad said."
)
HEARING = (
    "Antony Blinken defended the State Department budget before the Senate Foreign Relations "
    "Committee in Washington on Tuesday. Senators pressed Blinken on embassy staffing, "
    "consular backlogs and passport delays. Committee chairman Ben Cardin said the hearing "
    "would resume next month to review spending on diplomatic security and visa processing."
)
QUAKE_A = (
    "A magnitude 6.8 earthquake struck northern Chile on Thursday near the mining city of "
    "Calama, shaking buildings in Antofagasta and cutting power to thousands of homes. Chile's "
    "disaster agency Senapred said no tsunami warning was issued and that crews were checking "
    "copper mines and roads in the Atacama desert for damage."
)
QUAKE_B = (
    "Power was cut across parts of the Atacama desert after a strong earthquake hit northern "
    "Chile near Calama on Thursday. Senapred, the Chilean disaster agency, reported damaged "
    "roads near Antofagasta but ruled out a tsunami; copper mines around Calama halted work "
    "while engineers inspected shafts for damage from the earthquake."
)
QUAKE_UNDATED = (
    "Engineers in Calama kept inspecting copper mines after the earthquake in northern Chile, "
    "and Senapred said roads near Antofagasta and across the Atacama desert were reopening "
    "after the earthquake damage."
)


@dataclass(frozen=True)
class Page:
    key: str
    outlet: str
    published: datetime | None
    title: str
    text: str


def _day(d: int, month: int = 12) -> datetime:
    return datetime(2024, month, d, 9, 0, tzinfo=UTC)


PAGES = (
    Page("visit_a", "Daily Ledger", _day(14), "Blinken meets Sudani in Baghdad", VISIT_A),
    Page("visit_b", "Morning Wire", _day(14), "Sudani hosts Blinken for Syria talks", VISIT_B),
    Page("visit_copy", "Gulf Courier", _day(15), "Blinken meets Sudani in Baghdad", VISIT_A_COPY),
    Page("visit_later", "Morning Wire", _day(17), "Iraq says armed groups paused", VISIT_LATER),
    Page("visit_again", "Daily Ledger", _day(21), "Blinken back in Baghdad", VISIT_AGAIN),
    Page("hearing", "Capitol Daily", _day(17), "Blinken defends budget", HEARING),
    Page("quake_a", "Andes Post", _day(12), "Strong quake hits northern Chile", QUAKE_A),
    Page("quake_b", "Pacific Times", _day(12), "Earthquake cuts power in Atacama", QUAKE_B),
    Page("quake_undated", "Pacific Times", None, "Mines inspected after quake", QUAKE_UNDATED),
)


def article_id(key: str) -> str:
    return content_id(key, prefix="art-")


def _actor(name: str, code: str) -> ActorRef:
    return ActorRef(text=name.split()[-1], code=code, entity_id=name, name=name)


BLINKEN = _actor("Antony Blinken", "USAGOV")
SUDANI = _actor("Mohammed Shia al-Sudani", "IRQGOV")


def _event(key: str, n: int, ptype: str, src: ActorRef, tgt: ActorRef, day: str | None,
           recip: bool = False, evidence: str = "") -> Event:  # fmt: skip
    return Event(
        event_id=content_id(key, str(n), prefix="ev-"), article_id=article_id(key),
        sentence_idx=n, plover_type=ptype, plover_mode=None, cameo_code=None, cameo_root=None,
        quad_class=None, goldstein=None, source=src, target=tgt,
        evidence_text=evidence or f"{key} sentence {n}", evidence_start=0, evidence_end=10,
        trigger_text="met", trigger_start=0, trigger_end=3, coder="test", coder_version="0",
        reciprocal=recip, event_date=day, date_precision="day" if day else None,
    )  # fmt: skip


EVENTS: dict[str, list[Event]] = {
    "visit_a": [
        _event("visit_a", 0, "CONSULT", BLINKEN, SUDANI, "2024-12-13", True, "Blinken met Sudani"),
        _event("visit_a", 1, "REQUEST", BLINKEN, SUDANI, "2024-12-13", False, "Blinken asked"),
    ],
    "visit_b": [
        # the other outlet names the host first: reciprocal, so still the same meeting
        _event("visit_b", 0, "CONSULT", SUDANI, BLINKEN, "2024-12-13", True, "Sudani received"),
    ],
    "visit_copy": [
        _event("visit_copy", 0, "CONSULT", BLINKEN, SUDANI, "2024-12-13", True, "copy met"),
        _event("visit_copy", 1, "REQUEST", BLINKEN, SUDANI, "2024-12-13", False, "copy asked"),
    ],
    "visit_later": [
        _event("visit_later", 0, "CONSULT", BLINKEN, SUDANI, "2024-12-13", True, "later met"),
    ],
    "visit_again": [
        _event("visit_again", 0, "CONSULT", BLINKEN, SUDANI, "2024-12-20", True, "met again"),
    ],
}

QUOTES: dict[str, list[Quote]] = {
    "visit_b": [
        Quote(quote_id="q-sudani", article_id=article_id("visit_b"),
              content="Iraq will not be a launch pad for attacks on anyone", start=0, end=10,
              direct=True, speaker_text="Sudani", speaker_entity="Mohammed Shia al-Sudani"),
    ],
}  # fmt: skip


def make_article(page: Page) -> Article:
    return Article(
        article_id=article_id(page.key), doc_id=content_id(page.key, prefix="doc-"),
        text=page.text, title=page.title, outlet=page.outlet, published_at=page.published,
    )  # fmt: skip


def write_pages(store: object, keys: list[str] | None = None) -> None:
    """Write the chosen pages (all by default) with their events and quotes into ``store``."""
    for page in PAGES:
        if keys is not None and page.key not in keys:
            continue
        art = make_article(page)
        doc = RawDoc(doc_id=art.doc_id, source_uri=f"test://{page.key}", content_type="text",
                     body=page.text, sha256=content_id(page.text))  # fmt: skip
        store.write_document(  # type: ignore[attr-defined]
            doc, "run-test", [art], EVENTS.get(page.key, []), QUOTES.get(page.key, [])
        )
