"""The gazetteer geocoder (``tidings.gazetteer.v1``): places of an article and of its events."""

from __future__ import annotations

import dataclasses
import logging
import tomllib
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from tidings import registry
from tidings.errors import ConfigError
from tidings.geo.gazetteer import Gazetteer, data_dir, load_demonyms, load_gazetteer
from tidings.geo.locate import ByOffset, locate
from tidings.geo.recognise import GazetteerMatcher, find_mentions
from tidings.geo.resolve import Context, Resolution, place_of, resolve_mentions, resolve_name
from tidings.geo.scope import by_phone, narrative_place, pledge_of_later_act
from tidings.interfaces import Annotator
from tidings.model import AnnotatedDoc, Article, Event, EventExtra, Place

log = logging.getLogger(__name__)


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The geocoder's thresholds and weights (``data/geo/settings.toml``)."""
    with open(path or data_dir() / "settings.toml", "rb") as fh:
        return tomllib.load(fh)


class GazetteerGeocoder:
    """Recognise places (NER + gazetteer), resolve them by scored context, locate events."""

    name = "tidings.gazetteer.v1"

    def __init__(
        self,
        gazetteer_dir: str | None = None,
        settings_file: str | None = None,
        annotator: Annotator | None = None,
        use_matcher: bool = True,
    ) -> None:
        """``annotator`` parses the bare texts ``find`` is given (the pipeline's own docs are
        parsed already); ``registry.resolve`` passes the configured one."""
        self.gazetteer_dir = gazetteer_dir
        self.settings = load_settings(Path(settings_file) if settings_file else None)
        self.weights: dict[str, float] = {k: float(v) for k, v in self.settings["score"].items()}
        rec = self.settings["recognise"]
        self.labels: tuple[str, ...] = tuple(rec["entity_labels"])
        self.min_population = int(rec["match_min_population"])
        self.max_ngram = int(rec["max_ngram"])
        self.rescue_min_population = int(rec["rescue_min_population"])
        self.use_demonyms = bool(rec.get("demonyms", False))
        loc = self.settings["locate"]
        self.preps = frozenset(loc["locative_preps"])
        self.max_path = int(loc["max_path"])
        topics = frozenset(str(w) for w in loc.get("topic_nouns", ()))
        events = frozenset(str(w) for w in loc.get("event_nouns", ()))
        self.own_act_types = frozenset(str(t) for t in loc.get("own_act_types", ()))
        self.lead_types = frozenset(str(t) for t in loc.get("lead_types", ()))
        self.topic_nouns = topics
        self.topic_and_event_nouns = topics | events
        self.annotator = annotator
        self.use_matcher = use_matcher

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(self.gazetteer_dir)

    @cached_property
    def demonyms(self) -> dict[str, int]:
        return load_demonyms(self.gazetteer_dir) if self.use_demonyms else {}

    @cached_property
    def matcher(self) -> GazetteerMatcher | None:
        if not self.use_matcher:
            return None
        return GazetteerMatcher(
            self.gazetteer, self.min_population, self.max_ngram, self.rescue_min_population
        )

    def _parse(self, text: str) -> Any:
        ann = self.annotator
        if ann is None:
            raise ConfigError(f"{self.name}: find() needs an annotator to parse bare text")
        if hasattr(ann, "parse"):
            return ann.parse(text)
        article = Article(article_id="geo-find", doc_id="geo-find", text=text)
        return next(iter(ann.annotate([article]))).doc

    # --- the Geocoder protocol

    def find(self, text: str, *, context_iso3: Sequence[str] = ()) -> list[Place]:
        """Places of a bare text; ``context_iso3`` favours places in those countries."""
        ctx = Context(given_iso3=frozenset(context_iso3))
        return [r.place for r in self.resolve_doc(self._parse(text), ctx)]

    def locate_events(
        self, doc: AnnotatedDoc, events: Sequence[Event]
    ) -> tuple[list[Event], list[Place]]:
        """Every place of the article, and each event with the place its clause names."""
        ctx = self.context(doc.article, events)
        resolutions = self.resolve_doc(doc.doc, ctx)
        if ctx.dateline is not None and not _qualified(doc.article.dateline):
            # A bare dateline ("LONDON") is resolved again among the article's own places:
            # LONDON of a Kentucky story is London, Kentucky.
            name = (doc.article.dateline or "").split(",")[0].strip().title()
            places = [r.entry for r in resolutions]
            again = resolve_name(name, self.gazetteer, self.weights, ctx, places=places)
            if again is not None and again != ctx.dateline:
                ctx = dataclasses.replace(ctx, dateline=again)
                resolutions = self.resolve_doc(doc.doc, ctx)
        by_offset = ByOffset(resolutions)  # events look up their clause's places by offset
        published = doc.article.published_at
        # With no dateline, the lead's place of the article's own country stands in for it.
        lead = lead_place(doc.doc, resolutions) if ctx.dateline is None else None
        located: list[Event] = []
        for event in events:
            hit = locate(
                doc.doc,
                event.trigger_start,
                event.trigger_end,
                (event.evidence_start, event.evidence_end),
                by_offset,
                self.preps,
                self.max_path,
                self.topics_of(event.plover_type),
            )
            trigger = _token(doc.doc, event)
            if hit is not None and trigger is not None and pledge_of_later_act(event, trigger):
                hit = None  # "will meet Bush in Kennebunkport": the later act's place
            phoned = trigger is not None and by_phone(trigger)
            if hit is None and (story := narrative_place(event, located)) is not None:
                # "The attack left one officer dead": where the incident before happened
                located.append(dataclasses.replace(event, place=story, place_source="text"))
                continue
            on_dateline = (
                ctx.dateline is not None
                and not phoned
                and _news_of_the_day(event, published)
                and _parties_allow(event, ctx.dateline.country_iso3)
            )
            if hit is not None and (hit.entry is not None or not on_dateline):
                located.append(dataclasses.replace(event, place=hit.place, place_source="text"))
            elif on_dateline:
                # a clause's place the gazetteer lacks (a village, "Heathrow airport") lies,
                # in the day's news, in the dateline's town: its name stays in extra
                place = place_of(ctx.dateline, doc.article.dateline or "", None, None)
                dated = dataclasses.replace(event, place=place, place_source="dateline")
                if hit is not None:
                    extra: EventExtra = {**event.extra, "place_text": hit.mention.text}
                    dated = dataclasses.replace(dated, extra=extra)
                located.append(dated)
            elif (
                lead is not None
                and not phoned
                and event.plover_type in self.lead_types
                # a place the event's own sentence names but the clause does not take (the
                # shelling's "Donetsk" in "accused Ukraine of shelling Donetsk") is not its
                and not (event.evidence_start <= (lead.start or 0) < event.evidence_end)
                and _news_of_the_day(event, published)
                and _parties_allow(event, lead.country_iso3)
            ):
                located.append(dataclasses.replace(event, place=lead, place_source="lead"))
            else:
                located.append(dataclasses.replace(event, place=None, place_source="none"))
        return located, [r.place for r in resolutions]

    # --- building blocks (also used by evaluation and explanation)

    def topics_of(self, plover_type: str) -> frozenset[str]:
        """Nouns whose locatives place a topic, not an event of ``plover_type``."""
        if plover_type in self.own_act_types:
            return self.topic_nouns
        return self.topic_and_event_nouns

    def context(self, article: Article, events: Sequence[Event] = ()) -> Context:
        """The dateline's place and the actors' countries of an article."""
        actors: set[str] = set()
        for e in events:
            for ref in (e.source, e.target):
                if ref is not None and ref.country_iso3:
                    actors.add(ref.country_iso3)
        base = Context(actor_iso3=frozenset(actors))
        dateline = None
        if article.dateline and article.dateline.strip():
            parts = [p.strip() for p in article.dateline.split(",") if p.strip()]
            name = parts[0].title()
            dateline = resolve_name(name, self.gazetteer, self.weights, base, parts[1:])
        return dataclasses.replace(base, dateline=dateline)

    def resolve_doc(self, doc: Any, ctx: Context | None = None) -> list[Resolution]:
        """Recognise and resolve every place mention of a parsed document."""
        mentions = find_mentions(doc, self.matcher, self.labels, self.demonyms)
        return resolve_mentions(doc.text, mentions, self.gazetteer, self.weights, ctx)


# An event dated this many days or more from publication is not the dateline's news.
DATELINE_DAYS = 7


# The lead: the article's first sentences, where an undatelined story says where it is.
LEAD_SENTENCES = 2
# Only a town or region places the story: a country in the lead ("Russia's Putin", "central
# Turkey") is mostly a party's origin, and a demonym ("Jordanian forces") no place at all.
LEAD_FEATURES = frozenset({"city"})


def lead_place(sdoc: Any, resolutions: Sequence[Resolution]) -> Place | None:
    """The first place the lead names in the article's own country (the country its resolved
    places name most, at least twice, and more often than any other): "A top aide of Rome's
    new mayor has been arrested" places the story in Rome. None when the article has no such
    country or its lead names no place there."""
    countries = Counter(r.entry.country_iso3 for r in resolutions if r.entry is not None)
    ranked = countries.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = ranked[0][0]
    sents = list(sdoc.sents)[:LEAD_SENTENCES]
    if not sents:
        return None
    end = sents[-1].end_char
    for r in sorted(resolutions, key=lambda r: r.mention.start):
        if r.mention.start >= end:
            break
        # a demonym ("Jordanian forces") counts for the country but is no place to put it
        entry = r.entry
        if entry is not None and entry.country_iso3 == country and entry.feature in LEAD_FEATURES:
            return r.place
    return None


def _token(sdoc: Any, event: Event) -> Any | None:
    span = sdoc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _qualified(dateline: str | None) -> bool:
    return "," in (dateline or "")


def _news_of_the_day(event: Event, published: datetime | None) -> bool:
    """The dateline places the article's own news, not the past it recalls: an event dated
    in the text far from publication, or one the text recalls (undated past), is not put
    there."""
    if event.extra.get("date_note") in ("recalled", "habitual", "not_yet"):
        return False
    if event.date_source != "text" or not event.event_date or published is None:
        return True
    try:
        when = date.fromisoformat(event.event_date[:10])
    except ValueError:
        return True
    return abs((when - published.date()).days) < DATELINE_DAYS


def _parties_allow(event: Event, country: str | None) -> bool:
    """A wire dateline is often a hub (BEIRUT for Syria): its place is an event's only when
    a party comes from its country, no party has a country, or an international body acts."""
    parties = [r.country_iso3 for r in (event.source, event.target) if r and r.country_iso3]
    if not parties or country in parties:
        return True
    # an international body acts where it sits: the World Court at THE HAGUE, the African
    # Union at ADDIS ABABA, NATO at BRUSSELS
    source = event.source
    return source is not None and not source.country_iso3 and (source.code or "").startswith("IGO")


@registry.register("geocoder", "tidings.gazetteer.v1")
def make_gazetteer_geocoder(
    gazetteer_dir: str | None = None,
    settings_file: str | None = None,
    annotator: Annotator | None = None,
    use_matcher: bool = True,
) -> GazetteerGeocoder:
    return GazetteerGeocoder(
        gazetteer_dir=gazetteer_dir,
        settings_file=settings_file,
        annotator=annotator,
        use_matcher=use_matcher,
    )
