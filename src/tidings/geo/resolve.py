"""Pick each mention's gazetteer place by a score with named components (explainable)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tidings.geo.gazetteer import Entry, Gazetteer
from tidings.geo.recognise import Mention
from tidings.model import Place

_QUALIFIER = re.compile(r"^\s*,\s*")


@dataclass(frozen=True)
class Context:
    """What the article says around its places: the dateline and the actors' countries."""

    dateline: Entry | None = None
    actor_iso3: frozenset[str] = frozenset()
    given_iso3: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Resolution:
    """A mention, the chosen place (None when the gazetteer has no such name) and why."""

    mention: Mention
    place: Place
    entry: Entry | None
    score: float = 0.0
    components: Mapping[str, float] = field(default_factory=dict)
    candidates: int = 0


def place_of(entry: Entry | None, name: str, start: int | None, end: int | None) -> Place:
    """The ``Place`` record of a gazetteer entry; an unknown place keeps only its text."""
    if entry is None:
        return Place(name=name, start=start, end=end)
    return Place(
        name=entry.name,
        start=start,
        end=end,
        geonameid=entry.geonameid,
        country_iso3=entry.country_iso3,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature,
    )


def _components(
    entry: Entry,
    name: str,
    gaz: Gazetteer,
    weights: Mapping[str, float],
    countries: Mapping[str, int],
    admin1s: Mapping[tuple[str, str], int],
    qualifiers: Sequence[Entry],
    ctx: Context,
    qualified: Sequence[Entry] = (),
    world: Entry | None = None,
) -> dict[str, float]:
    c: dict[str, float] = {}
    c["prominence"] = weights["prominence"] * math.log10(entry.population + 1) / 7
    if entry.feature == "admin1":
        c["prominence"] *= weights["admin1_prominence"]
    c["feature"] = weights.get(f"feature_{entry.feature}", 0.0)
    primary = gaz.is_primary(entry, name)
    c["name"] = weights["primary_name"] if primary else weights["alternate_name"]
    iso3, a1 = entry.country_iso3 or "", entry.admin1 or ""
    # the world city's country is named elsewhere in the article ("France", "U.S."): the
    # name means that city, or its country's state or the country itself of that name
    # ("Washington" DC or state, "Mexico"), which the other components then tell apart
    own_reading = world is not None and iso3 == world.country_iso3 and bool(countries.get(iso3))
    if own_reading and (entry is world or entry.feature in ("admin1", "country")):
        c["world_city"] = weights.get("world_city", 0.0)
    if iso3 and countries.get(iso3):
        c["same_country"] = weights["same_country"]
    if iso3 and a1 and entry.feature in ("city", "admin1") and admin1s.get((iso3, a1)):
        c["same_admin1"] = weights["same_admin1"]
    for q in qualifiers:
        if q.country_iso3 == iso3 and (q.feature == "country" or q.admin1 == a1):
            c["qualifier"] = weights["qualifier"]
    for q in qualified:
        same = q.country_iso3 == iso3 and (entry.feature == "country" or q.admin1 == a1)
        if same and entry.feature in ("country", "admin1"):
            c["qualifies"] = weights["qualifier"]
    if ctx.dateline is not None and ctx.dateline.country_iso3 == iso3 and iso3:
        c["dateline_country"] = weights["dateline_country"]
        if ctx.dateline.admin1 and ctx.dateline.admin1 == a1:
            c["dateline_admin1"] = weights["dateline_admin1"]
    if iso3 in ctx.actor_iso3:
        c["actor_country"] = weights["actor_country"]
    if iso3 in ctx.given_iso3:
        c["context_country"] = weights["context_country"]
    return c


def _best(
    cands: Sequence[Entry],
    name: str,
    gaz: Gazetteer,
    weights: Mapping[str, float],
    countries: Mapping[str, int],
    admin1s: Mapping[tuple[str, str], int],
    qualifiers: Sequence[Entry],
    ctx: Context,
    qualified: Sequence[Entry] = (),
) -> tuple[Entry, float, dict[str, float]]:
    scored = []
    world = world_city(cands, weights)
    for e in cands:
        comp = _components(
            e, name, gaz, weights, countries, admin1s, qualifiers, ctx, qualified, world
        )
        # ties go to the more populous place, then the lower id: deterministic
        scored.append((sum(comp.values()), e.population, -(e.geonameid or 0), e, comp))
    scored.sort(key=lambda s: (s[0], s[1], s[2]), reverse=True)
    top = scored[0]
    return top[3], top[0], top[4]


def world_city(cands: Sequence[Entry], weights: Mapping[str, float]) -> Entry | None:
    """The city a bare name means to most readers: "Paris" or "Moscow" in a Kentucky story
    are the capitals, not the namesake towns the dateline's state holds; "Washington" in a
    London story is DC (or the state), not the English town. A city
    of at least ``world_city_min_population`` that outnumbers every other town of the name
    ``world_city_ratio`` times over; it counts only where the article names the city's
    country elsewhere, and a qualifier ("Paris, Texas") still wins."""
    cities = sorted((e for e in cands if e.feature == "city"), key=lambda e: -e.population)
    if not cities or cities[0].population < weights.get("world_city_min_population", math.inf):
        return None
    others = [e.population for e in cities[1:]]  # a state of the name is another thing
    ratio = weights.get("world_city_ratio", math.inf)
    if others and cities[0].population < ratio * max(others):
        return None
    return cities[0]


def _qualifier_entries(
    text: str, mention: Mention, gaz: Gazetteer, nxt: Mention | None
) -> list[Entry]:
    """Places named right after ``mention`` as its qualifier: "Paris, Texas"."""
    if nxt is None or not _QUALIFIER.match(text[mention.end : nxt.start]):
        return []
    return [e for e in gaz.lookup(nxt.text) if e.feature in ("country", "admin1")]


# Words a writer puts around a place's own name: "Guangxi province", "southern Lebanon",
# "the Idlib region". The gazetteer knows the bare name; the mention keeps its full text.
_AREA_WORDS = frozenset(
    {"province", "region", "state", "county", "district", "governorate", "prefecture"}
)
_SIDES = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}
    | {"northeastern", "northwestern", "southeastern", "southwestern"}
)


def bare_name(name: str) -> str | None:
    """The place's own name inside "Guangxi province" / "southern Lebanon", or None."""
    words = name.split()
    if len(words) < 2:
        return None
    if words[-1].lower() in _AREA_WORDS:
        return " ".join(words[:-1])
    if words[0].lower() in _SIDES:
        return " ".join(words[1:])
    return None


def _candidates(mention: Mention, gaz: Gazetteer) -> list[Entry]:
    if mention.geonameid is not None:  # a demonym names its country, nothing else
        entry = gaz.by_id(mention.geonameid)
        return [entry] if entry is not None else []
    found = gaz.lookup(mention.text)
    bare = bare_name(mention.text) if not found else None
    if bare is None:
        return found
    # "Guangxi province" is the region, not a town of that name; "southern Lebanon" lies in
    # Lebanon, a part of it the gazetteer has no entry for
    wanted = ("country", "admin1", "region")
    return [e for e in gaz.lookup(bare) if e.feature in wanted]


def resolve_mentions(
    text: str,
    mentions: Sequence[Mention],
    gaz: Gazetteer,
    weights: Mapping[str, float],
    ctx: Context | None = None,
) -> list[Resolution]:
    """Resolve every mention; other mentions of the article count as context for each."""
    ctx = ctx or Context()
    cands = [_candidates(m, gaz) for m in mentions]
    quals = [
        _qualifier_entries(text, m, gaz, mentions[i + 1] if i + 1 < len(mentions) else None)
        for i, m in enumerate(mentions)
    ]
    # "Athens, Georgia": the qualifier is resolved against the places the first name may be
    qualified = [
        [c for c in cands[i - 1] if c.feature == "city"] if i and quals[i - 1] else []
        for i in range(len(mentions))
    ]
    # pass 1: each mention alone (prominence, qualifier, dateline) gives the article's context
    first: list[Entry | None] = []
    for m, cs, qs, qd in zip(mentions, cands, quals, qualified, strict=True):
        first.append(_best(cs, m.text, gaz, weights, {}, {}, qs, ctx, qd)[0] if cs else None)
    countries, admin1s = _votes(first)
    out: list[Resolution] = []
    for m, cs, qs, qd in zip(mentions, cands, quals, qualified, strict=True):
        if not cs:
            out.append(Resolution(m, place_of(None, m.text, m.start, m.end), None))
            continue
        # the mention's own first-pass choice must not vote for itself, nor its repeats
        # ("Karak ... Karak" would confirm one wrong Karak)
        own_c = dict(countries)
        own_a = dict(admin1s)
        for other, e in zip(mentions, first, strict=True):
            if e is None or not e.country_iso3 or other.text.lower() != m.text.lower():
                continue
            own_c[e.country_iso3] -= 1
            if e.admin1 and e.feature in ("city", "admin1"):
                own_a[(e.country_iso3, e.admin1)] -= 1
        entry, score, comp = _best(cs, m.text, gaz, weights, own_c, own_a, qs, ctx, qd)
        if _lone_facility_town(m, entry, comp, weights):
            out.append(Resolution(m, place_of(None, m.text, m.start, m.end), None))
            continue
        out.append(
            Resolution(m, place_of(entry, m.text, m.start, m.end), entry, score, comp, len(cs))
        )
    return out


def _lone_facility_town(
    m: Mention, entry: Entry, comp: Mapping[str, float], weights: Mapping[str, float]
) -> bool:
    """A facility ("Heathrow", NER FAC) the gazetteer knows only as a small town of that
    name (Heathrow, Florida) is that town only when the article puts it there (a qualifier,
    the dateline's country): an airport, base or building is rarely its namesake village."""
    if m.label != "FAC" or entry.feature != "city":
        return False
    if entry.population >= weights.get("facility_min_population", 0.0):
        return False
    return not (comp.get("qualifier") or comp.get("dateline_country"))


def resolve_name(
    name: str,
    gaz: Gazetteer,
    weights: Mapping[str, float],
    ctx: Context | None = None,
    qualifiers: Sequence[str] = (),
    places: Sequence[Entry | None] = (),
) -> Entry | None:
    """The best place for a bare name (a dateline), with no article context but ``ctx``,
    the names that qualify it ("GEORGETOWN, Ky.") and the article's other resolved places
    (their countries and admin1s vote, as for any mention)."""
    ctx = ctx or Context()
    cands = gaz.lookup(name)
    if not cands:
        return None
    quals = [e for q in qualifiers for e in gaz.lookup(q) if e.feature in ("country", "admin1")]
    countries, admin1s = _votes(places)
    return _best(cands, name, gaz, weights, countries, admin1s, quals, ctx)[0]


def _votes(
    entries: Sequence[Entry | None],
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """How many of ``entries`` lie in each country, and (towns and regions) in each admin1."""
    countries: dict[str, int] = {}
    admin1s: dict[tuple[str, str], int] = {}
    for e in entries:
        if e is None or not e.country_iso3:
            continue
        countries[e.country_iso3] = countries.get(e.country_iso3, 0) + 1
        if e.admin1 and e.feature in ("city", "admin1"):
            key = (e.country_iso3, e.admin1)
            admin1s[key] = admin1s.get(key, 0) + 1
    return countries, admin1s
