"""Typed records that travel through the pipeline, one stage to the next.

Every stage takes records defined here and returns records defined here. Records are frozen
dataclasses; a stage that enriches a record returns a copy (``dataclasses.replace``).
Character spans are offsets into ``Article.text`` unless said otherwise.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:  # spaCy is heavy; only type checkers need the name here
    from spacy.tokens import Doc


def content_id(*parts: str | None, prefix: str = "", length: int = 16) -> str:
    """Stable content-hash id: the same inputs always give the same id."""
    h = hashlib.sha256()
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:length]


@dataclass(frozen=True)
class RawDoc:
    """One document as read from a source, before extraction.

    ``body`` is decoded text (HTML or plain text). ``meta`` holds whatever the source gave
    (title, url, published date string, outlet) so extraction can prefer it.
    """

    doc_id: str
    source_uri: str
    content_type: str  # "html" | "text"
    body: str
    sha256: str
    fetched_at: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class SourceError:
    """A failure of one input (file, line or record); becomes an ``errors`` row."""

    source_uri: str
    stage: str
    message: str


@dataclass(frozen=True)
class Article:
    """Clean article text with metadata; one RawDoc gives one or more Articles."""

    article_id: str
    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: datetime | None = None  # timezone-aware when the source gave a zone
    dateline: str | None = None  # place named in the dateline, e.g. "BAGHDAD"
    wire: str | None = None  # agency named in the dateline, e.g. "AFP"
    language: str | None = None
    source_uri: str | None = None
    # (clean_start, raw_start, length) segments mapping clean-text offsets to the raw body
    raw_offsets: tuple[tuple[int, int, int], ...] = ()


@dataclass
class AnnotatedDoc:
    """An Article with its spaCy parse. Not frozen: it wraps a mutable spaCy Doc."""

    article: Article
    doc: Doc


@dataclass(frozen=True)
class ActorRef:
    """An actor argument of an event: the text as written and what it resolves to."""

    text: str
    start: int | None = None
    end: int | None = None
    code: str | None = None  # CAMEO-style code, e.g. "USAGOV"
    country_iso3: str | None = None
    sector: str | None = None  # GOV, MIL, REB, OPP, COP, JUD, BUS, MED, CVL, IGO, NGO ...
    entity_id: str | None = None  # canonical entity (KB id or normalised name)
    name: str | None = None  # canonical name, e.g. "Antony Blinken"
    sponsor_iso3: str | None = None  # "Iranian-backed" groups: Iran sponsors, is not the actor
    wikidata_id: str | None = None


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in text, normalised against a reference date."""

    text: str
    start: int
    end: int
    kind: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3-style value: "2024-12-13", "2024-12", "2014", "P2W", ...
    precision: str | None  # day | month | year | None when unresolved
    flags: tuple[str, ...] = ()  # e.g. ("far_from_publication",), ("impossible_date",)


@dataclass(frozen=True)
class Place:
    """A place mention, resolved to the gazetteer when possible."""

    name: str
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None
    country_iso3: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city | admin1 | country | region


class EventExtra(TypedDict, total=False):
    """What an event carries beyond the ``events`` columns, one key per fact, each optional.

    A stage adds keys to a copy (``{**event.extra, "key": value}``); mypy checks every key and
    value type. The store writes the keys it has a column for (``STORED_EXTRA`` in
    ``store/writes.py``); the rest explain a coding decision to tests, evaluation and readers.
    """

    # -- set by the rule coder while reading the sentence (events/_mentions.py) --
    light_verb: str  # the verb a noun trigger hangs on ("held" in "held talks")
    subordinate: bool  # the event sits in a background clause (dropped unless keep_background)
    source_from_speaker: bool  # a pronoun source ("it will") replaced by the clause's speaker
    requested_type: str  # PLOVER type of the act a REQUEST asks for
    refused_type: str  # PLOVER type of the act refused ("refused to withdraw": RETREAT)
    threatened_type: str  # PLOVER type of the act threatened ("threatened to strike": ASSAULT)
    ceased_type: str  # PLOVER type of the violence stopped ("stopped shelling": ASSAULT)
    plover_type_as_act: str  # PLOVER type before a promise/intent recoded it as AGREE
    inner_trigger: list[int]  # [start, end] of the governed verb folded into this event
    # -- set when the mention becomes an Event (events/_records.py, events/rules.py) --
    # where a sector-only source got its country: event_place | dateline | article ...
    source_country_from: str
    target_country_from: str  # the same for the target
    claimed_by_span: list[int]  # [start, end] of the ``claimed_by`` phrase
    cameo_name: str  # the CAMEO code's name in the bundled table
    confidence_raw: float  # the score before calibration (``confidence`` is calibrated)
    requested_by_event: str  # event_id of the REQUEST that asks for this act
    conjunct_of_event: str  # event_id of the event whose coordinated target gave this one
    # -- set by the learned coder (events/learned_v2.py) --
    type_probability: float  # the sentence model's probability of this event's type
    no_event_probability: float  # the sentence model's probability of no event
    model_modality: str  # the modality the sentence model predicts
    model_negated: bool  # the sentence model predicts negation
    # -- set by the LLM coder (events/llm.py) --
    model: str  # the chat model that proposed the event
    # -- set by dating (temporal/attach.py) --
    date_value: str | None  # TIMEX3-style value of the chosen expression ("2024-12", "P2W")
    # how that expression reaches the event (says how sure the date is): same_clause |
    # linked_clause | no_verb | reported | relative
    date_link: str
    date_flags: list[str]  # resolution warnings ("far_from_publication", "unresolved_expression")
    date_note: str  # why no date was given: relative|recalled|habitual|not_yet
    act_date: str  # date of the promised/threatened/requested act, beside the pledge's own
    # the clause's own place name the gazetteer lacks, when the dateline town stands in for it
    place_text: str


@dataclass(frozen=True)
class Event:
    """One coded event mention. Field names match the ``events`` table."""

    event_id: str
    article_id: str
    sentence_idx: int
    plover_type: str
    plover_mode: str | None
    cameo_code: str | None
    cameo_root: str | None
    quad_class: int | None
    goldstein: float | None
    source: ActorRef | None
    target: ActorRef | None
    evidence_text: str
    evidence_start: int
    evidence_end: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    coder: str
    coder_version: str
    plover_context: tuple[str, ...] = ()
    object_text: str | None = None
    reciprocal: bool = False
    negated: bool = False
    modality: str = (
        "asserted"  # asserted|requested|promised|threatened|intended|hypothetical|denied
    )
    confidence: float = 0.5
    event_date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_source: str | None = None  # text | publication | none
    place: Place | None = None
    place_source: str | None = None  # text | dateline | none
    claimed_by: str | None = None
    claim_kind: str = "narration"  # narration | named | anonymous | document
    story_id: str | None = None
    n_articles: int = 1
    n_outlets: int = 1
    extra: EventExtra = field(default_factory=EventExtra, compare=False, hash=False)


@dataclass(frozen=True)
class Quote:
    """A direct, indirect or mixed quote with its speaker and cue."""

    quote_id: str
    article_id: str
    content: str
    start: int
    end: int
    direct: bool
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None
    speaker_code: str | None = None
    anonymous: bool = False
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    event_id: str | None = None
    kind: str | None = None  # direct | indirect | mixed (an indirect quote holding quoted words)
    source_kind: str | None = None  # named | anonymous | document; None when no speaker found


@dataclass(frozen=True)
class Story:
    """Articles about one real-world happening, across outlets."""

    story_id: str
    first_seen: datetime | None
    last_seen: datetime | None
    n_articles: int
    n_outlets: int
    title: str | None


@dataclass(frozen=True)
class ArticleResult:
    """Everything the per-article stages produced for one article."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    skipped_reason: str | None = None  # e.g. "non-English text (detected: de)"
