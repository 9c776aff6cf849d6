"""Index the actor mentions of one article and resolve aliases, titles and pronouns to antecedents.

Rules (simple and explainable, gender-agnostic):

- Every spaCy PERSON/ORG/GPE/NORP entity is read together with the noun chunk around it
  ("Iraqi Prime Minister Mohammed Shia al-Sudani"), using the article's ``published_at`` as
  the date that picks KB roles.
- A later person name whose tokens are a subset of an earlier person's name ("Sudani",
  "al-Sudani" after "Mohammed Shia al-Sudani") is that person, before any KB lookup.
- "he", "she", "him", "her" are the most recent person mentioned before them.
- A definite title without a name ("the minister", "the top US diplomat") is the most recent
  person before it whose sector agrees and whose country agrees when the title names one.
- An ethnic or religious modifier ("Kurdish fighters", "Shiite militias") names no state: such
  a phrase without a place of its own takes the article's country (the dateline's, else the
  country named most often), and only if that country is one of the community's home
  countries (``communities.tsv``; religions have none listed, so any country).
- ``at(start, end)`` keeps the queried span and text but takes the canonical name, entity and
  codes from the antecedent.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from tidings.actors._grammar import COURTESY
from tidings.actors._kb import entity_id_for
from tidings.actors._reading import MentionLinker, Reading, as_date, make_code
from tidings.actors._text import tokenize
from tidings.model import ActorRef, AnnotatedDoc

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
PRONOUN_REACH = 300  # characters back an "it"/"they" may find its antecedent
TITLE_REACH = 40  # named people a bare title ("the minister") or a pronoun looks back over
APPOSITION_REACH = 200  # characters a person mention enclosing an apposition may span
# A US politician's party and state after the name: ", R-Neb.", " (D-Calif.)", " (R-New York)".
US_PARTY_TAG = re.compile(r"\s*[,(]\s*[RDI]\s?[-–]\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\s*[),;]")
ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&-]{1,7})\s*\)")  # "Foo Front (FF)"


# Titles a later bare title may restate: "King Hussein ... the monarch".
_SAME_OFFICE: dict[str, tuple[str, ...]] = {
    "monarch": ("king", "queen", "emir", "sultan", "emperor"),
    "ruler": ("king", "queen", "emir", "sultan", "emperor"),
    "premier": ("prime minister",),
}


@dataclass(frozen=True)
class Mention:
    """One indexed mention: its span and what it resolved to."""

    start: int
    end: int
    ref: ActorRef
    person: bool
    keys: frozenset[str]  # name tokens (normalised) usable for later short-name aliases
    subject: bool = False  # its phrase is a clause subject ("Iraq said ...")
    plural: bool = False  # its phrase is plural ("U.S. troops"): never an "it"


class ArticleActors:
    """``DocActors`` for one article."""

    def __init__(self, linker: MentionLinker, text: str, when: date | None) -> None:
        self.linker = linker
        self.text = text
        self.when = when
        self._index = _MentionIndex()
        self._cache: dict[tuple[int, int], ActorRef | None] = {}
        self.acronyms: dict[str, tuple[int, ActorRef]] = {}  # "SSF" -> (defined at, actor)
        self.country: str | None = None  # the article's country: dateline, else most named
        self.country_from: str | None = None  # "dateline" | "article" (most named)

    def situate(self, reading: Reading) -> Reading:
        """Give a community phrase with no place of its own ("Kurdish fighters") the
        article's country when that is one of the community's home countries."""
        if reading.entity is not None or reading.country or not reading.community:
            return reading
        if self.country is None or reading.sector is None:
            return reading
        homes = self.linker.kb.communities.get(reading.community, frozenset())
        if homes and self.country not in homes:
            return reading
        reading.country = self.country
        reading.code = make_code(self.country, reading.sector)
        return reading

    # -- building ------------------------------------------------------------------------------
    def _name_keys(self, name: str) -> frozenset[str]:
        # "Mrs Clinton" is an alias of "Hillary Clinton": a courtesy title is not a name.
        return frozenset(k for k in self.linker.kb.key(name).split(" ") if k and k not in COURTESY)

    def other_person(self, start: int, entity_id: str | None) -> ActorRef | None:
        """The latest person before ``start`` who is not ``entity_id``: "him" in "Putin
        thanked him" is not Putin (looks back over at most ``TITLE_REACH`` people)."""
        for seen, m in enumerate(self._index.people_before(start)):
            if m.ref.entity_id != entity_id:
                return m.ref
            if seen >= TITLE_REACH:
                break
        return None

    def other_body(self, start: int, code: str | None) -> ActorRef | None:
        """The latest coded party before ``start`` whose code is not ``code``: "them" in
        "Scholz met the protesters' leaders. He urged them ..." is not Scholz's government.
        Looks back over ``PRONOUN_REACH`` characters; people count only with a country."""
        for m in self._index.spans_before(start, PRONOUN_REACH):
            if start - m.end > PRONOUN_REACH or m.end > start:
                continue
            ref = m.ref
            if not ref.code or ref.code == code or not (ref.country_iso3 or ref.sector):
                continue
            if m.person and not ref.country_iso3:
                continue
            return ref
        return None

    def last_two(self, start: int, people: bool) -> tuple[ActorRef, ActorRef] | None:
        """The two latest distinct named people (or, with ``people`` false, countries)
        before ``start``, in text order: "the two presidents", "the two countries"."""
        found: list[ActorRef] = []
        source = self._index.people_before(start) if people else self._countries_before(start)
        for seen, m in enumerate(source):
            if seen >= TITLE_REACH:
                break
            ref = m.ref
            ident = ref.entity_id if people else ref.country_iso3
            if not ident or not (ref.code or ref.country_iso3):
                continue
            if any((f.entity_id if people else f.country_iso3) == ident for f in found):
                continue
            found.append(ref)
            if len(found) == 2:
                return found[1], found[0]
        return None

    def _countries_before(self, start: int) -> Iterator[Mention]:
        for m in self._index.spans_before(start, PRONOUN_REACH * 3):
            if not m.person and m.ref.country_iso3 and m.end <= start:
                yield m

    def _titled_antecedent(self, reading: Reading, start: int) -> Mention | None:
        """The person a bare title ("the president") refers to: the latest compatible person
        once named with that title ("President Barack Obama"), else the latest compatible.
        Looks back over at most ``TITLE_REACH`` people (bounded cost per lookup)."""
        titles = {h.key for h in reading.hits if h.kind == "agent"}
        titles |= {t for k in titles for t in _SAME_OFFICE.get(k, ())}
        first: Mention | None = None
        for seen, m in enumerate(self._index.people_before(start)):
            if seen >= TITLE_REACH:
                break
            said = f" {self.linker.kb.key(self.text[m.start : m.end])} "
            named_so = any(f" {t} " in said for t in titles)
            if named_so and m.ref.sector is None and m.ref.country_iso3:
                # "Crown Prince Mohammed Bin Salman" (coded SAU, no sector) is "the crown
                # prince": the title he was named with says the office his code lacks.
                sector = reading.sector
                code = make_code(m.ref.country_iso3, sector) if sector else m.ref.code
                return replace(m, ref=replace(m.ref, sector=sector, code=code))
            if not _compatible(m.ref, reading):
                continue
            first = first or m
            if named_so:
                return m
        return first

    def _body_before(self, start: int, plural: bool) -> Mention | None:
        """The body "it"/"they" refers to: the latest coded organisation or state named
        within ``PRONOUN_REACH`` characters before; for "they", also a community or a
        plural group with a role ("Rebels ... they agreed"), whose country the event's
        context supplies later. "It" is first the latest singular state or organisation
        that was a clause's subject ("Iraq said it invaded Kuwait"; "Uber argued ... It
        requested"): the topic continues, whatever was named after it."""
        if not plural:
            topic = self._subject_before(start)
            if topic is not None:
                return topic
        for m in self._index.spans_before(start, PRONOUN_REACH):
            if m.person or start - m.end > PRONOUN_REACH:
                continue
            if not plural and m.plural:
                continue  # "U.S. troops" are never "it"
            group = plural and m.ref.sector is not None and m.ref.entity_id is None
            if not group and not (
                m.ref.code and (m.ref.country_iso3 or m.ref.code.startswith("IGO"))
            ):
                continue
            if m.ref.sector is None and not plural and m.ref.name is None:
                continue  # a bare country as "it" is rare next to its government or people
            return m
        return None

    def _subject_before(self, start: int) -> Mention | None:
        """The latest singular non-person subject within ``PRONOUN_REACH`` before ``start``
        that is a state, a coded body or a named organisation."""
        for m in self._index.spans_before(start, PRONOUN_REACH):
            if m.end > start or start - m.end > PRONOUN_REACH:
                continue
            if m.person or m.plural or not m.subject:
                continue
            ref = m.ref
            if ref.country_iso3 or (ref.code or "").startswith("IGO") or ref.entity_id:
                return m
        return None

    def _alias_of(self, name: str, start: int) -> Mention | None:
        """The most recent named person before ``start`` whose name keys include ``name``'s."""
        keys = self._name_keys(name)
        if not keys:
            return None
        return self._index.alias(keys, start)

    def _other_title(self, c0: int, c1: int, antecedent: Mention) -> bool:
        """A titled name is not a coded person named before without that title: "King
        Hussein" after "Iraq's Saddam Hussein" is another Hussein. A shared surname is all
        the alias rests on, and the title says it is someone else."""
        if not antecedent.ref.country_iso3:
            return False
        reading = self.linker.read(self.text[c0:c1], self.when)
        titles = {h.key for h in reading.hits if h.kind == "agent"}
        if not titles:
            return False
        said = f" {self.linker.kb.key(self.text[antecedent.start : antecedent.end])} "
        return not any(f" {t} " in said for t in titles)

    def add(
        self,
        start: int,
        end: int,
        ent_text: str,
        label: str,
        chunk: tuple[int, int],
        *,
        subject: bool = False,
        plural: bool = False,
    ) -> None:
        """Index the entity at [start, end) read within its noun chunk ``chunk``
        (``subject``, ``plural``: of that phrase, from the parse)."""
        c0, c1 = chunk
        # spaCy often tags a bare surname ("Sudani") as GPE/ORG: alias it too, unless the
        # dictionaries know the word on its own.
        if label == "PERSON" or self.linker.read(ent_text, self.when).code is None:
            antecedent = self._alias_of(ent_text, start)
            if antecedent is not None and self._other_title(c0, c1, antecedent):
                antecedent = None
            if antecedent is not None:
                ref = replace(antecedent.ref, text=ent_text, start=start, end=end)
                self._store(Mention(start, end, ref, True, antecedent.keys))
                if (c0, c1) != (start, end):
                    self._store(
                        Mention(
                            c0,
                            c1,
                            replace(ref, text=self.text[c0:c1], start=c0, end=c1),
                            True,
                            antecedent.keys,
                        )
                    )
                return
        reading = self.situate(self.linker.read(self.text[c0:c1], self.when))
        if label == "PERSON" and self._place_in_name(reading, ent_text):
            # "Mayor Virginia Raggi": a first name that is also a place names no country.
            reading.country, reading.code = None, make_code(None, reading.sector)
            reading.name = re.sub(r"['’]s$", "", ent_text)
            reading.person = reading.named = True
            reading.hits = [h for h in reading.hits if h.kind != "place"]
        place_only = (
            reading.entity is None
            and not reading.name
            and not reading.titled
            and any(h.kind == "place" for h in reading.hits)
        )
        if reading.entity is not None:
            person = reading.entity.kind == "person"
        elif place_only:  # spaCy sometimes tags a capital as PERSON ("Ankara says")
            person = False
        elif label == "PERSON":
            person = True
        else:  # an ORG/GPE/NORP tag is a person only with a title ("Prime Minister Foo")
            person = reading.person and reading.named and reading.titled
        ref = reading.ref(self.text[c0:c1], c0, c1, self.linker.kb)
        if person and reading.entity is None and not reading.name:
            ref = replace(ref, name=ent_text, entity_id=_name_id(self.linker, ent_text))
        elif label == "ORG" and reading.entity is None and not person and not place_only:
            # An organisation the KB lacks keeps its own name as identity.
            name = _strip_article(ent_text)
            ref = replace(ref, name=name, entity_id=_name_id(self.linker, name))
        keys = self._name_keys(ent_text) | (self._name_keys(ref.name) if ref.name else frozenset())
        if reading.entity is not None and person:
            for alias in reading.entity.aliases:
                keys |= self._name_keys(alias)
        self._store(Mention(c0, c1, ref, person, keys, subject, plural))
        if (c0, c1) != (start, end):
            inner = replace(ref, text=ent_text, start=start, end=end)
            self._store(Mention(start, end, inner, person, keys, subject, plural))

    def _place_in_name(self, reading: Reading, ent_text: str) -> bool:
        """A person entity of two or more words whose only reading is a place (a first name
        like "Virginia", "Georgia"), and the phrase's country is that place's."""
        if reading.entity is not None or reading.name or not reading.country:
            return False
        if len(ent_text.split()) < 2:
            return False
        own = self.linker.read(ent_text, self.when)
        if own.entity is not None or own.sector is not None or own.country != reading.country:
            return False
        if not own.hits or any(h.kind != "place" for h in own.hits):
            return False
        # A capitalised word outside the place is the rest of the name ("Raggi"); "Sri
        # Lanka" tagged as a person is the place alone.
        covered = {t for h in own.hits for t in range(h.i, h.j)}
        toks = tokenize(ent_text, self.linker.kb.variants)
        return any(
            t not in covered and tok.key and tok.is_capitalised for t, tok in enumerate(toks)
        )

    def add_group(self, start: int, end: int) -> None:
        """Index a plural common-noun group with a role ("rebels", "officers from the unit")
        as an antecedent for "they"; named phrases are indexed from their entities."""
        if self._index.within(start, end):
            return
        reading = self.linker.read(self.text[start:end], self.when)
        if reading.entity is not None or reading.name or reading.sector is None:
            return
        ref = reading.ref(self.text[start:end], start, end, self.linker.kb)
        self._store(Mention(start, end, ref, False, frozenset()))

    def _store(self, mention: Mention) -> None:
        self._index.add(mention)
        if mention.person:  # people were resolved in reading order; other spans resolve on demand
            self._cache[(mention.start, mention.end)] = mention.ref

    def _uncoded_person(self, start: int, end: int) -> list[Mention]:
        """The indexed mentions of the person at [start, end), if none has a country yet."""
        mine = [m for m in self._index.within(start, end + 1) if m.person]
        mine += [
            m
            for m in self._index.spans_before(start + 1, APPOSITION_REACH)
            if m.person and m.start <= start and end <= m.end and m not in mine
        ]
        if any(m.ref.country_iso3 for m in mine):
            return []
        return mine

    def role_from_apposition(self, start: int, end: int, apposed: tuple[int, int] | None) -> None:
        """A person the KB does not code takes the office its apposition names: "Iran's
        foreign minister Abbas Araghchi", "Ali Veli, a member of Ankara's riot police"."""
        if apposed is None:
            return
        mine = self._uncoded_person(start, end)
        if not mine:
            return
        a0, a1 = apposed
        reading = self.situate(self.linker.read(self.text[a0:a1], self.when))
        if not (reading.country and reading.sector):
            return
        self._recode(mine, reading.country, reading.sector)

    def role_from_party_tag(self, start: int, end: int) -> None:
        """ "Sen. Foo Bar, R-Neb.", "Rep. Foo Bar (D-Calif.)": the US party-and-state tag
        makes an uncoded person a US politician, a legislator unless a title says otherwise."""
        if not US_PARTY_TAG.match(self.text, end):
            return
        mine = self._uncoded_person(start, end)
        if mine:
            self._recode(mine, "USA", next((m.ref.sector for m in mine if m.ref.sector), "LEG"))

    def _recode(self, mine: list[Mention], country: str, sector: str) -> None:
        for m in mine:
            code = make_code(country, sector)
            ref = replace(m.ref, code=code, country_iso3=country, sector=sector)
            updated = replace(m, ref=ref)
            # The index holds the mention itself: file the updated one in its place.
            self._index.remove(m)
            self._index.add(updated)
            self._cache[(m.start, m.end)] = ref

    # -- querying ------------------------------------------------------------------------------
    def at(self, start: int, end: int) -> ActorRef | None:
        """The actor at [start, end) with aliases, titles and pronouns resolved."""
        key = (start, end)
        if key in self._cache:
            return self._cache[key]
        ref = self._resolve(start, end)
        self._cache[key] = ref
        return ref

    def _resolve(self, start: int, end: int) -> ActorRef | None:
        text = self.text[start:end]
        stripped = text.strip()
        if not stripped:
            return None
        if stripped.lower() in PRONOUNS:
            last = self._index.last_person(start)
            return _with_span(last.ref, text, start, end) if last else None
        if stripped.lower() in GROUP_PRONOUNS:
            body = self._body_before(start, plural=stripped.lower() != "it")
            return _with_span(body.ref, text, start, end) if body else None
        reading = self.situate(self.linker.read(text, self.when))
        if reading.opposed:  # "opponents of President Assad" is not Assad
            return reading.ref(text, start, end, self.linker.kb)
        defined = self.acronyms.get(_strip_article(stripped))
        if reading.entity is None and defined is not None and defined[0] < start:
            return _merge(_with_span(defined[1], text, start, end), reading)
        within = self._index.within(start, end)
        inner = [m for m in within if m.person]
        if reading.entity is None and inner:
            # The span contains an indexed person (its canonical form was resolved in order).
            return _merge(
                _with_span(max(inner, key=lambda m: m.end - m.start).ref, text, start, end), reading
            )
        orgs = [m for m in within if not m.person and m.ref.name]
        if reading.entity is None and orgs:
            # An organisation the KB lacks, named as spaCy delimited it; own codes first.
            org = max(orgs, key=lambda m: m.end - m.start).ref
            return replace(
                org,
                text=text,
                start=start,
                end=end,
                code=reading.code or org.code,
                country_iso3=reading.country or org.country_iso3,
                sector=reading.sector or org.sector,
                sponsor_iso3=reading.sponsor or org.sponsor_iso3,
            )
        if reading.entity is None and (reading.name or stripped[:1].isupper()):
            antecedent = self._alias_of(reading.name or stripped, start)
            if antecedent is not None:
                return _merge(_with_span(antecedent.ref, text, start, end), reading)
        if reading.definite and reading.titled and not reading.named and "'s " not in text:
            found = self._titled_antecedent(reading, start)
            if found is not None:
                return _with_span(found.ref, text, start, end)
        if not (reading.code or reading.name or reading.sponsor):
            return None
        return reading.ref(text, start, end, self.linker.kb)


class _MentionIndex:
    """Lookups over an article's mentions in O(log n + answers), not a scan per lookup (a
    scan made a long document's cost grow with the square of its mentions).

    Every list is sorted by (start, order added); "the most recent before ``start``" is the
    last entry starting before it.
    """

    def __init__(self) -> None:
        self._seq = 0
        self.spans: list[tuple[int, int, Mention]] = []  # every mention
        self.people: list[tuple[int, int, Mention]] = []  # named people
        self.by_key: dict[str, list[tuple[int, int, Mention]]] = {}  # named people by name key

    def add(self, m: Mention) -> None:
        self._seq += 1
        item = (m.start, self._seq, m)
        bisect.insort(self.spans, item, key=_order)
        if not (m.person and m.ref.name):
            return
        bisect.insort(self.people, item, key=_order)
        for key in m.keys:
            bisect.insort(self.by_key.setdefault(key, []), item, key=_order)

    def remove(self, m: Mention) -> None:
        """Take ``m`` (the very object added) out of every list holding it."""
        lists = [self.spans, self.people, *(self.by_key.get(k, []) for k in m.keys)]
        for items in lists:
            k = self._before(items, m.start)
            while k < len(items) and items[k][0] == m.start:
                if items[k][2] is m:
                    del items[k]
                    break
                k += 1

    @staticmethod
    def _before(items: list[tuple[int, int, Mention]], start: int) -> int:
        return bisect.bisect_left(items, start, key=lambda item: item[0])

    def last_person(self, start: int) -> Mention | None:
        k = self._before(self.people, start)
        return self.people[k - 1][2] if k else None

    def people_before(self, start: int) -> Iterator[Mention]:
        """Named people starting before ``start``, most recent first (lazily)."""
        k = self._before(self.people, start)
        return (self.people[i][2] for i in range(k - 1, -1, -1))

    def spans_before(self, start: int, reach: int) -> Iterator[Mention]:
        """Mentions starting before ``start`` and at most twice ``reach`` characters earlier,
        most recent first (mentions are short, so this holds every one ending within reach)."""
        k = self._before(self.spans, start)
        for i in range(k - 1, -1, -1):
            m = self.spans[i][2]
            if start - m.start > 2 * reach:
                return
            yield m

    def alias(self, keys: frozenset[str], start: int) -> Mention | None:
        lists = [self.by_key.get(key, []) for key in keys]
        rarest = min(lists, key=len)
        for _, _, m in reversed(rarest[: self._before(rarest, start)]):
            if keys <= m.keys:
                return m
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions inside [start, end), in order."""
        lo = self._before(self.spans, start)
        hi = bisect.bisect_left(self.spans, end, key=lambda item: item[0])
        return [m for _, _, m in self.spans[lo:hi] if m.end <= end]


def _order(item: tuple[int, int, Mention]) -> tuple[int, int]:
    return item[0], item[1]


def _strip_article(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def _name_id(linker: MentionLinker, name: str) -> str:
    return entity_id_for(name, None, linker.kb.variants)


def _with_span(ref: ActorRef, text: str, start: int, end: int) -> ActorRef:
    return replace(ref, text=text, start=start, end=end)


def _merge(ref: ActorRef, reading: Reading) -> ActorRef:
    """Antecedent identity; the mention's own codes fill what the antecedent lacks."""
    return replace(
        ref,
        country_iso3=ref.country_iso3 or reading.country,
        sector=ref.sector or reading.sector,
        code=ref.code or reading.code,
        sponsor_iso3=ref.sponsor_iso3 or reading.sponsor,
    )


def _compatible(ref: ActorRef, reading: Reading) -> bool:
    if reading.sector and reading.sector != ref.sector:
        return False
    return not (reading.country and ref.country_iso3 and reading.country != ref.country_iso3)


def _article_country(
    linker: MentionLinker, dateline: str | None, places: list[str]
) -> tuple[str | None, str | None]:
    """The dateline's country, else the country named most often (at least twice, no tie);
    with where it came from ("dateline" or "article")."""
    kb = linker.kb
    counts = Counter(hit[0] for name in places if (hit := kb.places.get(kb.key(name))))
    ranked = counts.most_common(2)
    named = None
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        named = ranked[0][0]
    stated = _dateline_country(kb, dateline)
    # A wire dateline is often a hub near the news (BEIRUT for Syria): a country the text
    # names at least twice as often as the dateline's, and three times or more, wins.
    if stated and named and named != stated and counts[named] >= max(3, 2 * counts[stated]):
        return named, "article"
    if stated:
        return stated, "dateline"
    return (named, "article") if named else (None, None)


# AP-style US state abbreviations that qualify a dateline ("GEORGETOWN, Ky.").
_US_STATES = frozenset(
    [
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "dc",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "kans",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nebr",
        "nev",
        "nh",
        "nj",
        "nm",
        "ny",
        "nc",
        "nd",
        "okla",
        "ore",
        "pa",
        "ri",
        "sc",
        "sd",
        "tenn",
        "tex",
        "vt",
        "va",
        "wash",
        "wva",
        "wis",
        "wyo",
    ]
)


def _dateline_country(kb: Any, dateline: str | None) -> str | None:
    """The dateline's country; its qualifier ("PARIS, Texas", "GEORGETOWN, Ky.") wins over
    the bare place name."""
    parts = [p.strip() for p in (dateline or "").split(",") if p.strip()]
    for part in reversed(parts[1:]):
        if re.sub(r"[^a-z]", "", part.lower()) in _US_STATES:
            return "USA"
        hit = kb.places.get(kb.key(part))
        if hit:
            return str(hit[0])
    hit = kb.places.get(kb.key(parts[0])) if parts else None
    return str(hit[0]) if hit else None


def _apposed(root: Any, chunk_of: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The character span of the noun phrase in apposition with a name, if any."""
    if root.dep_ == "appos":
        head = root.head
        start: int = head.idx
        return chunk_of.get(head.i, (start, start + len(head.text)))
    for c in root.children:
        if c.dep_ == "appos":
            return (min(t.idx for t in c.subtree), max(t.idx + len(t) for t in c.subtree))
    return None


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Only subjects: "they" continues the topic ("Rebels shelled the town, killing four people;
# they agreed ..." is the rebels), not the last plural object.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def index_doc(linker: MentionLinker, doc: AnnotatedDoc) -> ArticleActors:
    """Build the article's actor index from its spaCy entities and noun chunks."""
    article = doc.article
    actors = ArticleActors(linker, article.text, as_date(article.published_at))
    sdoc = doc.doc
    actors.country, actors.country_from = _article_country(
        linker, article.dateline, [e.text for e in sdoc.ents if e.label_ in {"GPE", "NORP"}]
    )
    chunk_of: dict[int, tuple[int, int]] = {}
    root_of: dict[int, Any] = {}  # token index -> the root of its noun chunk
    groups: list[tuple[int, int, Any]] = []  # noun chunks with their root, in order
    try:
        for chunk in sdoc.noun_chunks:
            groups.append((chunk.start_char, chunk.end_char, chunk.root))
            for tok in chunk:
                chunk_of[tok.i] = (chunk.start_char, chunk.end_char)
                root_of[tok.i] = chunk.root
    except ValueError:  # no parser in the pipeline: entities alone
        pass
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span = chunk_of.get(ent.root.i, (ent.start_char, ent.end_char))
        root = root_of.get(ent.root.i, ent.root)
        if not (span[0] <= ent.start_char and ent.end_char <= span[1]):
            span, root = (ent.start_char, ent.end_char), ent.root
        elif ent.label_ == "PERSON" and ent.root.dep_ == "poss" and ent.root.head.i == root.i:
            # "Mayor Virginia Raggi's right-hand man": the person is the possessor, with
            # the words before it, not the phrase's head.
            span, root = (span[0], ent.end_char), ent.root
        subject, plural = root.dep_ in _SUBJECTS, root.tag_ in _PLURAL_TAGS
        actors.add(
            ent.start_char, ent.end_char, ent.text, ent.label_, span, subject=subject, plural=plural
        )
        if ent.label_ == "PERSON":
            actors.role_from_apposition(ent.start_char, ent.end_char, _apposed(ent.root, chunk_of))
            actors.role_from_party_tag(ent.start_char, ent.end_char)
        acronym = ACRONYM.match(article.text, ent.end_char)
        if acronym and ent.label_ in {"ORG", "PERSON", "NORP"}:
            ref = actors.at(ent.start_char, ent.end_char)
            if ref is not None and (ref.code or ref.name):
                actors.acronyms[acronym.group(1)] = (acronym.end(), ref)
    for start, end, root in groups:
        if root.tag_ in _PLURAL_TAGS and root.dep_ in _SUBJECTS and not root.ent_type_:
            actors.add_group(start, end)
    return actors
