"""A tiny hand-written store (six invented articles) for tests and the docs' examples.

A test fixture, kept out of the package (importable as ``sample_store``: pytest puts ``tests/``
on the path through its root conftest).

Built through ``Store.write_document`` with hand-made records, so it does not depend on any
coder. The texts are invented for this purpose; one article carries HTML and ``<script>`` in
its outlet, title and text so that every surface can be checked to show them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tidings.model import ActorRef, Article, Event, Place, Quote, RawDoc, Story, content_id
from tidings.store import Store

RUN_ID = "sample-run"

XSS_TITLE = "<script>alert('title')</script> Officials <b>accuse</b> rebels"
XSS_OUTLET = "<i>Evil</i> Outlet"
XSS_TEXT = (
    '<script>window.__xss = 1</script> Kenyan officials <img src=x onerror="window.__xss=2"> '
    "accused rebels of attacking a convoy near Nairobi on Tuesday."
)


_Actor = tuple[str, str, str, str | None, str]


@dataclass(frozen=True)
class _Ev:
    sentence: str
    trigger: str
    plover: str
    cameo: str
    quad: int
    goldstein: float
    source: _Actor | None  # text, code, country, sector, name
    target: _Actor | None
    date: str | None
    place: tuple[str, int, str, str, float, float] | None  # name, geonameid, iso3, adm1, lat, lon
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.8
    mode: str | None = None


_ARTICLES: list[dict[str, Any]] = [
    {
        "key": "ledger-baghdad",
        "outlet": "Daily Ledger",
        "published": "2024-12-14T09:00:00",
        "title": "Blinken meets Sudani in Baghdad",
        "story": "baghdad",
        "text": (
            "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia "
            "al-Sudani in Baghdad on Friday. Blinken asked Sudani to clamp down on armed groups. "
            '"We will work together," Sudani said.'
        ),
        "events": [
            _Ev(
                "US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia "
                "al-Sudani in Baghdad on Friday.",
                "met",
                "CONSULT",
                "042",
                1,
                1.9,
                ("US Secretary of State Antony Blinken", "USAGOV", "USA", "GOV", "Antony Blinken"),
                (
                    "Iraqi Prime Minister Mohammed Shia al-Sudani",
                    "IRQGOV",
                    "IRQ",
                    "GOV",
                    "Mohammed Shia al-Sudani",
                ),
                "2024-12-13",
                ("Baghdad", 98182, "IRQ", "07", 33.34058, 44.40088),
                mode="visit",
                confidence=0.9,
            ),
            _Ev(
                "Blinken asked Sudani to clamp down on armed groups.",
                "asked",
                "REQUEST",
                "020",
                3,
                3.0,
                ("Blinken", "USAGOV", "USA", "GOV", "Antony Blinken"),
                ("Sudani", "IRQGOV", "IRQ", "GOV", "Mohammed Shia al-Sudani"),
                "2024-12-13",
                ("Baghdad", 98182, "IRQ", "07", 33.34058, 44.40088),
                modality="requested",
                confidence=0.7,
            ),
        ],
        "quotes": [("We will work together,", "Sudani", "said", 0)],
    },
    {
        "key": "courier-baghdad",
        "outlet": "Evening Courier",
        "published": "2024-12-14T15:30:00",
        "title": "Talks in Baghdad",
        "story": "baghdad",
        "text": "Antony Blinken held talks with Mohammed Shia al-Sudani in Baghdad on Friday, "
        "officials said.",
        "events": [
            _Ev(
                "Antony Blinken held talks with Mohammed Shia al-Sudani in Baghdad on Friday, "
                "officials said.",
                "held talks",
                "CONSULT",
                "040",
                1,
                1.0,
                ("Antony Blinken", "USAGOV", "USA", "GOV", "Antony Blinken"),
                ("Mohammed Shia al-Sudani", "IRQGOV", "IRQ", "GOV", "Mohammed Shia al-Sudani"),
                "2024-12-13",
                ("Baghdad", 98182, "IRQ", "07", 33.34058, 44.40088),
                confidence=0.85,
            ),
        ],
        "quotes": [],
    },
    {
        "key": "harbor-rafah",
        "outlet": "Harbor Times",
        "published": "2024-12-03T08:00:00",
        "title": "Shelling near Rafah",
        "story": "rafah",
        "text": "Israeli forces shelled positions near Rafah on Monday, residents said.",
        "events": [
            _Ev(
                "Israeli forces shelled positions near Rafah on Monday, residents said.",
                "shelled",
                "ASSAULT",
                "195",
                4,
                -10.0,
                ("Israeli forces", "ISRMIL", "ISR", "MIL", "Israel Defense Forces"),
                None,
                "2024-12-02",
                ("Rafah", 281102, "PSE", "GZ", 31.29722, 34.24357),
                mode="aerial",
                confidence=0.75,
            ),
        ],
        "quotes": [],
    },
    {
        "key": "ledger-paris",
        "outlet": "Daily Ledger",
        "published": "2024-11-21T07:00:00",
        "title": "Pension protest in Paris",
        "story": "paris",
        "text": "Thousands of protesters rallied in Paris against the government on Wednesday.",
        "events": [
            _Ev(
                "Thousands of protesters rallied in Paris against the government on Wednesday.",
                "rallied",
                "PROTEST",
                "141",
                4,
                -6.5,
                ("protesters", "FRACVL", "FRA", "CVL", "protesters"),
                ("the government", "FRAGOV", "FRA", "GOV", "Government of France"),
                "2024-11-20",
                ("Paris", 2988507, "FRA", "11", 48.85341, 2.3488),
                mode="demo",
                confidence=0.8,
            ),
        ],
        "quotes": [],
    },
    {
        "key": "evil-nairobi",
        "outlet": XSS_OUTLET,
        "published": "2024-12-11T10:00:00",
        "title": XSS_TITLE,
        "story": "nairobi",
        "text": XSS_TEXT,
        "events": [
            _Ev(
                XSS_TEXT,
                "accused",
                "ACCUSE",
                "112",
                3,
                -2.0,
                (
                    'Kenyan officials <img src=x onerror="window.__xss=2">',
                    "KENGOV",
                    "KEN",
                    "GOV",
                    "<b>Kenyan officials</b>",
                ),
                ("rebels", "KENREB", "KEN", "REB", "rebels"),
                "2024-12-10",
                ("Nairobi", 184745, "KEN", "05", -1.28333, 36.81667),
                confidence=0.6,
            ),
        ],
        "quotes": [],
    },
    {
        "key": "wire-kyiv",
        "outlet": "Wire Service",
        "published": "2024-12-06T12:00:00",
        "title": "Moscow warns Kyiv",
        "story": "kyiv",
        "text": (
            "Russia threatened Ukraine with new strikes on Thursday. "
            "Ukraine did not agree to the proposed talks."
        ),
        "events": [
            _Ev(
                "Russia threatened Ukraine with new strikes on Thursday.",
                "threatened",
                "THREATEN",
                "138",
                3,
                -7.0,
                ("Russia", "RUS", "RUS", None, "Russia"),
                ("Ukraine", "UKR", "UKR", None, "Ukraine"),
                "2024-12-05",
                ("Kyiv", 703448, "UKR", "12", 50.45466, 30.5238),
                modality="threatened",
                confidence=0.7,
            ),
            _Ev(
                "Ukraine did not agree to the proposed talks.",
                "agree",
                "AGREE",
                "030",
                1,
                4.0,
                ("Ukraine", "UKR", "UKR", None, "Ukraine"),
                None,
                None,
                None,
                negated=True,
                confidence=0.5,
            ),
        ],
        "quotes": [],
    },
]


def _actor(text: str, spec: _Actor | None, base: int) -> ActorRef | None:
    if spec is None:
        return None
    mention, code, country, sector, name = spec
    start = text.index(mention, base)
    return ActorRef(
        text=mention,
        start=start,
        end=start + len(mention),
        code=code,
        country_iso3=country,
        sector=sector,
        name=name,
    )


def sample_ids() -> dict[str, str]:
    """Article keys -> article ids of the sample store."""
    return {a["key"]: content_id(a["key"], prefix="art_") for a in _ARTICLES}


def build_sample(store: Store) -> dict[str, Any]:
    """Write the sample into ``store``; returns ids: ``articles``, ``events``, ``stories``."""
    art_ids = sample_ids()
    event_ids: dict[str, list[str]] = {}
    story_members: dict[str, list[str]] = {}
    for spec in _ARTICLES:
        text: str = spec["text"]
        doc_id = content_id(spec["key"], prefix="doc_")
        art_id = art_ids[spec["key"]]
        published = datetime.fromisoformat(spec["published"]).replace(tzinfo=UTC)
        doc = RawDoc(
            doc_id=doc_id,
            source_uri=f"sample/{spec['key']}.txt",
            content_type="text",
            body=text,
            sha256=content_id(text, length=64),
        )
        art = Article(
            article_id=art_id,
            doc_id=doc_id,
            text=text,
            title=spec["title"],
            outlet=spec["outlet"],
            url=f"https://example.org/{spec['key']}",
            published_at=published,
            language="en",
        )
        events: list[Event] = []
        for i, ev in enumerate(spec["events"]):
            s_start = text.index(ev.sentence)
            t_start = text.index(ev.trigger, s_start)
            place = None
            if ev.place:
                name, gid, iso3, adm1, lat, lon = ev.place
                p_start = text.find(name, s_start)
                place = Place(
                    name=name,
                    start=p_start if p_start >= 0 else None,
                    end=p_start + len(name) if p_start >= 0 else None,
                    geonameid=gid,
                    country_iso3=iso3,
                    admin1=adm1,
                    lat=lat,
                    lon=lon,
                    feature="city",
                )
            events.append(
                Event(
                    event_id=content_id(art_id, str(i), prefix="ev_"),
                    article_id=art_id,
                    sentence_idx=text[:s_start].count(". "),
                    plover_type=ev.plover,
                    plover_mode=ev.mode,
                    cameo_code=ev.cameo,
                    cameo_root=ev.cameo[:2],
                    quad_class=ev.quad,
                    goldstein=ev.goldstein,
                    source=_actor(text, ev.source, s_start),
                    target=_actor(text, ev.target, s_start),
                    evidence_text=ev.sentence,
                    evidence_start=s_start,
                    evidence_end=s_start + len(ev.sentence),
                    trigger_text=ev.trigger,
                    trigger_start=t_start,
                    trigger_end=t_start + len(ev.trigger),
                    coder="sample",
                    coder_version="1",
                    modality=ev.modality,
                    negated=ev.negated,
                    confidence=ev.confidence,
                    event_date=ev.date,
                    date_precision="day" if ev.date else None,
                    date_text="on Friday" if ev.date else None,
                    date_source="text" if ev.date else "none",
                    place=place,
                    place_source="text" if place else "none",
                )
            )
        quotes = []
        for content, speaker, cue, ev_index in spec["quotes"]:
            q_start = text.index(content)
            sp_start = text.index(speaker, q_start)
            cue_start = text.index(cue, sp_start)
            quotes.append(
                Quote(
                    quote_id=content_id(art_id, content, prefix="q_"),
                    article_id=art_id,
                    content=content,
                    start=q_start,
                    end=q_start + len(content),
                    direct=True,
                    speaker_text=speaker,
                    speaker_start=sp_start,
                    speaker_end=sp_start + len(speaker),
                    speaker_entity="Mohammed Shia al-Sudani",
                    speaker_code="IRQGOV",
                    cue=cue,
                    cue_start=cue_start,
                    cue_end=cue_start + len(cue),
                    event_id=events[ev_index].event_id,
                )
            )
        store.write_document(doc, RUN_ID, [art], events, quotes)
        event_ids[spec["key"]] = [e.event_id for e in events]
        story_members.setdefault(spec["story"], []).append(spec["key"])
    stories: list[Story] = []
    assignments: dict[str, str] = {}
    when = {a["key"]: datetime.fromisoformat(a["published"]).replace(tzinfo=UTC) for a in _ARTICLES}
    outlets = {a["key"]: a["outlet"] for a in _ARTICLES}
    titles = {a["key"]: a["title"] for a in _ARTICLES}
    story_ids: dict[str, str] = {}
    for name, keys in story_members.items():
        sid = content_id(name, prefix="st_")
        story_ids[name] = sid
        stories.append(
            Story(
                story_id=sid,
                first_seen=min(when[k] for k in keys),
                last_seen=max(when[k] for k in keys),
                n_articles=len(keys),
                n_outlets=len({outlets[k] for k in keys}),
                title=titles[keys[0]],
            )
        )
        for k in keys:
            assignments[art_ids[k]] = sid
    store.write_stories(stories, assignments)
    # The Courier's "held talks" is the Ledger's "met": one canonical event, two mentions.
    canonical = event_ids["ledger-baghdad"][0]
    store.merge_events(
        {
            canonical: [
                (canonical, art_ids["ledger-baghdad"], "Daily Ledger"),
                (event_ids["courier-baghdad"][0], art_ids["courier-baghdad"], "Evening Courier"),
            ]
        }
    )
    return {"articles": art_ids, "events": event_ids, "stories": story_ids}
