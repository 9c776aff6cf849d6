"""Link one actor mention to a code (country + sector) and a canonical entity.

A mention is read the way a CAMEO coder reads a noun phrase: longest-match dictionary hits
(entities, places, agent nouns/titles) left to right, then

1. a sponsor modifier ("Iranian-backed", "backed by Iran") is set aside as ``sponsor_iso3``;
2. a knowledge-base entity (person, armed group, IGO) wins, with its role valid at ``when``;
3. else a fuzzy person match on transliteration-normalised names (guarded: same last name
   bucket, high whole-name and first-name similarity);
4. else the head noun (the last agent before a preposition) gives the sector and the place
   modifiers the country; a capital alone means that country's government; capitalised words
   after a title are an unknown person's name.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from tidings.actors._kb import Entity, KnowledgeBase, Role, load_kb
from tidings.actors._reading import Hit, Reading, as_date, make_code
from tidings.actors._text import Token, tokenize
from tidings.actors.table import ActorRow, entity_rows
from tidings.config import default_setting
from tidings.model import ActorRef, AnnotatedDoc

if TYPE_CHECKING:
    from tidings.actors.doc import ArticleActors

# Grammar words, not lexicon: they decide how a noun phrase is read.
SPONSOR_WORDS = frozenset(
    {"backed", "sponsored", "supported", "funded", "armed", "aligned", "allied"}
)
SPONSOR_BY = frozenset({"backed", "sponsored", "supported", "funded"})
PREPOSITIONS = frozenset({"of", "in", "at", "from", "for", "on", "near", "with", "to", "against"})
COORDINATORS = frozenset({"and", "or", "but"})
STANCE = frozenset({"anti", "pro"})  # "anti-Syria journalist": Syria is not the actor
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Where a noun phrase's own words end: relative clauses and coordination ("X and Y").
BOUNDARIES = frozenset(
    {
        "who",
        "which",
        "that",
        "whose",
        "whom",
        "where",
        "when",
        "while",
        "and",
        "or",
        "but",
        "after",
        "before",
        "as",
        "said",
        "says",
    }
)
# Heads that name the opposition of the actor after "of" ("opponents of President Assad").
OPPONENTS = frozenset(
    {"opponent", "opponents", "critic", "critics", "enemy", "enemies", "foe", "foes"}
)
GENERIC_TITLES = frozenset(
    {
        "leader",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "member",
        "members",
        "commander",
    }
)


def _coordinated(toks: list[Token], a: Hit, b: Hit) -> bool:
    """Hits ``a`` and ``b`` joined by a coordinator and nothing else ("British and Irish")."""
    between = [toks[t].key for t in range(a.j, b.i) if toks[t].key]
    return len(between) == 1 and between[0] in COORDINATORS


class MentionReader:
    """Reads mentions against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, fuzzy_threshold: float) -> None:
        self.kb = kb
        self.fuzzy_threshold = fuzzy_threshold
        self._last_names = list(kb.by_last)
        # Closest known last name of an unknown one: a scan of every last name, and the same
        # unknown names recur from article to article.
        self._near_last: dict[str, str | None] = {}

    # -- matching ----------------------------------------------------------------------------
    def _match_at(
        self, toks: list[Token], i: int, used: set[int], *, lowercase: bool = False
    ) -> Hit | None:
        """The longest dictionary hit starting at token ``i``. ``lowercase``: the whole mention
        is written without capitals, so a KB person's full name of two or more words may
        match uncapitalised ("antony blinken"); single words never do ("hope", "rice")."""
        kb = self.kb
        for length in range(min(kb.max_len, len(toks) - i), 0, -1):
            span = range(i, i + length)
            if any(t in used for t in span):
                continue
            if not toks[i + length - 1].key:  # never end a match on a particle
                continue
            key = " ".join(toks[t].key for t in span if toks[t].key)
            if not key:
                continue
            upper_ok = key not in kb.upper_only or all(toks[t].is_upper for t in span)
            if not upper_ok:
                continue
            # Names are written with capitals: "turkey" or "a monitor" are not Turkey or Monitor.
            proper = any(toks[t].is_capitalised for t in span)
            if proper and key in kb.by_key:
                return Hit(i, i + length, "entity", key)
            if lowercase and length >= 2 and self._is_person_key(key):
                return Hit(i, i + length, "entity", key)
            if proper and key in kb.places:
                return Hit(i, i + length, "place", key)
            if key in kb.agents:
                return Hit(i, i + length, "agent", key)
            if (
                proper
                and length == 1
                and key.endswith("s")
                and kb.places.get(key[:-1], ("", ""))[1] == "country"
            ):
                return Hit(i, i + 1, "place", key[:-1])
        return None

    def _sponsor(self, toks: list[Token], text: str, used: set[int]) -> str | None:
        """Find "<X>-backed" / "backed by X", mark its tokens used, return X's country."""
        for t, tok in enumerate(toks):
            word = tok.key
            if word in STANCE and t + 1 < len(toks) and text[tok.end : toks[t + 1].start] == "-":
                hit = self._match_at(toks, t + 1, used)
                if hit and hit.kind == "place":
                    used.update(range(t, hit.j))
                continue
            if word not in SPONSOR_WORDS or t == 0:
                continue
            if text[toks[t - 1].end : tok.start] == "-":
                for length in range(min(3, t), 0, -1):
                    hit = self._match_at(toks, t - length, used)
                    if hit and hit.j == t:
                        iso = self._country_of(hit)
                        if iso:
                            used.update(range(hit.i, t + 1))
                            return iso
            if word in SPONSOR_BY and t + 1 < len(toks) and toks[t + 1].key == "by":
                k = t + 2
                while k < len(toks) and toks[k].key in DETERMINERS:
                    k += 1
                hit = self._match_at(toks, k, used) if k < len(toks) else None
                iso = self._country_of(hit) if hit else None
                if iso and hit:
                    used.update(range(t, hit.j))
                    return iso
        return None

    def _country_of(self, hit: Hit) -> str | None:
        if hit.kind == "place":
            return self.kb.places[hit.key][0]
        if hit.kind == "entity":
            for ent in self.kb.lookup(hit.key):
                role = ent.role_at(None)
                if role and role.country:
                    return role.country
        return None

    # -- entity choice -------------------------------------------------------------------------
    def best_entity(self, key: str, when: date | None) -> tuple[Entity, Role] | None:
        candidates = self.kb.lookup(key)
        if not candidates:
            return None

        def score(ent: Entity) -> tuple[int, int, int]:
            role = ent.role_at(when)
            if role is None:
                return (3, 9, 0)
            fits = (
                0
                if (when is None or (role.dated and role.valid_at(when)))
                else (1 if not role.dated else 2)
            )
            exact_name = 0 if self.kb.key(ent.name) == key else 1
            return (role.rank, fits, exact_name)

        best = min(candidates, key=score)
        role = best.role_at(when)
        return (best, role) if role else None

    def fuzzy_person(self, name: str, when: date | None) -> tuple[Entity, Role] | None:
        """A KB person whose name is a close transliteration of ``name`` (or None)."""
        key = self.kb.key(name)
        parts = key.split(" ")
        if len(parts) < 2 or len(parts[-1]) < 3:
            return None
        last = parts[-1]
        buckets = [last] if last in self.kb.by_last else []
        if not buckets and len(last) >= 5:
            near = self._nearest_last(last)
            if near is not None:
                buckets = [near]
        best: tuple[float, Entity] | None = None
        for bucket in buckets:
            for idx in self.kb.by_last[bucket]:
                ent = self.kb.entities[idx]
                for alias in (ent.name, *ent.aliases):
                    akey = self.kb.key(alias)
                    aparts = akey.split(" ")
                    if len(aparts) < 2:
                        continue
                    whole = fuzz.ratio(key, akey)
                    first = fuzz.ratio(parts[0], aparts[0])
                    # Same first and last name, one name's words within the other's:
                    # "Omar Hassan al-Bashir" = "Omar Hassan Ahmad al-Bashir".
                    if (
                        len(parts) >= 3
                        and parts[0] == aparts[0]
                        and parts[-1] == aparts[-1]
                        and (set(parts) <= set(aparts) or set(aparts) <= set(parts))
                    ):
                        whole = max(whole, self.fuzzy_threshold)
                    if (
                        whole >= self.fuzzy_threshold
                        and first >= 80
                        and (best is None or whole > best[0])
                    ):
                        best = (whole, ent)
        if best is None:
            return None
        role = best[1].role_at(when)
        return (best[1], role) if role else None

    def _nearest_last(self, last: str) -> str | None:
        if last in self._near_last:
            return self._near_last[last]
        found = process.extractOne(last, self._last_names, scorer=fuzz.ratio, score_cutoff=85)
        near = found[0] if found else None
        if len(self._near_last) >= 4096:  # bounded: a long run meets endless new names
            self._near_last.clear()
        self._near_last[last] = near
        return near

    # -- reading -------------------------------------------------------------------------------
    def read(self, text: str, when: date | None) -> Reading:
        kb = self.kb
        toks = tokenize(text, kb.variants)
        reading = Reading()
        if not toks:
            return reading
        used: set[int] = set()
        lead = 0
        while lead < len(toks) and toks[lead].key in DETERMINERS:
            used.add(lead)
            lead += 1
        reading.definite = lead > 0 and toks[0].key == "the"
        opposed = self._opponents_of(toks, lead, text, when)
        if opposed is not None:
            return opposed
        reading.sponsor = self._sponsor(toks, text, used)
        hits: list[Hit] = []
        lowercase = not any(c.isupper() for c in text)
        i = 0
        while i < len(toks):
            hit = None if i in used else self._match_at(toks, i, used, lowercase=lowercase)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            used.update(range(hit.i, hit.j))
            i = hit.j
        hits = self._first_phrase(toks, hits, used)
        hits = self._drop_partial_names(toks, hits, used)
        reading.hits = hits
        free = [t for t in range(len(toks)) if t not in used and toks[t].key]
        reading.community = self._community(toks, hits, free)
        reading.titled = any(h.kind == "agent" and kb.agents[h.key][2] == "title" for h in hits)

        head = self._head_agent(toks, hits, used)
        title_sector = kb.agents[head.key][0] if head and head.key not in GENERIC_TITLES else None
        entity_hits = [h for h in hits if h.kind == "entity"]
        if entity_hits:
            chosen = self._choose_entity_hit(entity_hits, hits)
            found = self.best_entity(chosen.key, when)
            if found:
                ent, role = found
                member = self._member_name(toks, free, hits, chosen) if ent.kind == "org" else None
                if member:
                    # "Hezbollah leader Foo Bar": an unknown person acting for the group;
                    # an IGO official takes the sector of the title (GOV), a group its own.
                    reading.name = text[toks[member[0]].start : toks[member[-1]].end]
                    reading.person = reading.named = reading.titled = True
                    reading.country, reading.sector = role.country, role.sector
                    reading.code = role.code
                    if role.country is None and title_sector:
                        reading.sector = title_sector
                    return reading
                reading = self._entity_reading(reading, ent, role, when, title_sector)
                if role.country is None and head is not None and head.i >= chosen.j:
                    # "UN peacekeepers", "NATO troops": the IGO's people of that sector.
                    reading.sector = kb.agents[head.key][0]
                    reading.person = False
                return reading

        name_run = self._name_run(toks, free, hits, head)
        comma = text.find(",")
        if not name_run and head is not None and 0 < comma < toks[head.i].start:
            # An appositive: "Foo Bar, Iraq's prime minister".
            name_run = self._name_run(toks, [t for t in free if toks[t].end <= comma], hits, None)
        lone = self._lone_word(toks, hits, free) if not name_run else None
        if lone is not None:
            found = self.surname_after_title(toks[lone].key, when, None)
            if found:
                return self._entity_reading(reading, *found, when, None)
        if name_run:
            reading.named = True
            start, end = toks[name_run[0]].start, toks[name_run[-1]].end
            if len(name_run) >= 2:
                found = self.fuzzy_person(text[start:end], when)
            else:
                found = self.surname_after_title(toks[name_run[0]].key, when, title_sector)
            if found:
                return self._entity_reading(reading, *found, when, title_sector)
            reading.name = text[start:end]
            reading.person = reading.titled or len(name_run) >= 2

        places = [h for h in hits if h.kind == "place"]
        if head is not None:
            reading.sector = kb.agents[head.key][0]
            if kb.agents[head.key][2] == "title" and not reading.name:
                reading.person = True
            before = [p for p in places if p.j <= head.i]
            after = [p for p in places if p.i >= head.j]
            place = before[-1] if before else (after[0] if after else None)
            if len(before) >= 2 and _coordinated(toks, before[-2], before[-1]):
                place = before[-2]  # "the British and Irish governments": the first named
        else:
            place = places[0] if places else None
            lone = place is not None and len(hits) == 1 and not reading.name
            if lone and place is not None and kb.places[place.key][1] == "capital":
                reading.sector = "GOV"
        if place is not None:
            reading.country = kb.places[place.key][0]
        reading.code = make_code(reading.country, reading.sector)
        return reading

    def _opponents_of(
        self, toks: list[Token], lead: int, text: str, when: date | None
    ) -> Reading | None:
        """ "Opponents of President Assad", "critics of the government": not that actor but
        its opposition, in its country (OPP)."""
        if lead + 2 >= len(toks) or toks[lead].key not in OPPONENTS or toks[lead + 1].key != "of":
            return None
        inner = self.read(text[toks[lead + 2].start :], when)
        reading = Reading(sector="OPP", hits=inner.hits, country=inner.country, opposed=True)
        reading.code = make_code(inner.country, "OPP")
        return reading

    @staticmethod
    def _first_phrase(toks: list[Token], hits: list[Hit], used: set[int]) -> list[Hit]:
        """Keep the hits before the first clause word outside any hit; "and"/"or" end the
        phrase only after a complete actor ("Blinken and Sudani", not "Planning and
        Investment Minister")."""

        def ends_phrase(t: int) -> bool:
            if t in used or toks[t].key not in BOUNDARIES:
                return False
            if toks[t].key in COORDINATORS:
                return any(h.j <= t and h.kind in ("entity", "agent") for h in hits)
            return True

        stop = next((t for t in range(1, len(toks)) if ends_phrase(t)), None)
        if stop is None:
            return hits
        used.update(range(stop, len(toks)))
        return [h for h in hits if h.j <= stop]

    def _community(self, toks: list[Token], hits: list[Hit], free: list[int]) -> str | None:
        """The first ethnic/religious modifier of the phrase outside any entity name."""
        words = set(free) | {t for h in hits if h.kind == "agent" for t in range(h.i, h.j)}
        return next(
            (toks[t].key for t in sorted(words) if toks[t].key in self.kb.communities), None
        )

    def _drop_partial_names(self, toks: list[Token], hits: list[Hit], used: set[int]) -> list[Hit]:
        """A one-word person hit inside a longer unknown name ("Omar Hassan al-Bashir" hits
        "Hassan") is part of that name, not the person "Hassan"."""
        kept = []
        for h in hits:
            if h.kind == "entity" and h.j - h.i == 1 and self._is_person_key(h.key):
                neighbours = [h.i - 1, h.j]
                if h.i >= 2 and not toks[h.i - 1].key:  # skip a particle: "al-Bashir"
                    neighbours.append(h.i - 2)
                if any(
                    0 <= t < len(toks) and t not in used and toks[t].key and toks[t].is_capitalised
                    for t in neighbours
                ):
                    used.difference_update(range(h.i, h.j))
                    continue
            kept.append(h)
        return kept

    def _is_person_key(self, key: str) -> bool:
        return any(e.kind == "person" for e in self.kb.lookup(key))

    @staticmethod
    def _entity_reading(
        reading: Reading, ent: Entity, role: Role, when: date | None, title_sector: str | None
    ) -> Reading:
        """Fill ``reading`` from a KB entity. With no role valid at ``when`` (or no date), a
        role matching the mention's own title ("President X") beats the default one."""
        if title_sector and role.sector != title_sector and not (when and role.valid_at(when)):
            titled = ent.role_with_sector(title_sector, when)
            if titled is None and ent.kind == "person" and role.country:
                # "General Michel Aoun" with no dated role: the title is the evidence.
                code = role.country + title_sector
                titled = Role(role.country, title_sector, code, rank=role.rank)
            role = titled or role
        reading.entity, reading.role = ent, role
        reading.person = ent.kind == "person"
        reading.named = True
        reading.country, reading.sector, reading.code = role.country, role.sector, role.code
        return reading

    def surname_after_title(
        self, key: str, when: date | None, title_sector: str | None
    ) -> tuple[Entity, Role] | None:
        """ "President Reagan": the one KB person with that last name and a matching role."""
        found: dict[str, Entity] = {}
        for idx in self.kb.by_last.get(key, []):
            ent = self.kb.entities[idx]
            if title_sector is None or any(r.sector == title_sector for r in ent.roles):
                found[ent.entity_id] = ent
        if title_sector is not None and len(found) > 1 and when is not None:
            # "President Bush" in 1990: of the namesakes, the one holding that office then.
            holding = {
                k: e
                for k, e in found.items()
                if any(r.sector == title_sector and r.valid_at(when) for r in e.roles)
            }
            found = holding if len(holding) == 1 else found
        if title_sector is None:  # a bare surname: only a unique person known to Wikidata
            found = {k: e for k, e in found.items() if e.wikidata_id} if len(found) == 1 else {}
        if len(found) != 1:
            return None
        (ent,) = found.values()
        role = ent.role_at(when)
        return (ent, role) if role else None

    def _member_name(
        self, toks: list[Token], free: list[int], hits: list[Hit], org: Hit
    ) -> list[int]:
        titles = [h for h in hits if h.kind == "agent" and h.i >= org.j]
        if not titles:
            return []
        run = self._name_run(toks, free, hits, titles[-1])
        return run if run and run[0] == titles[-1].j else []

    @staticmethod
    def _choose_entity_hit(entity_hits: list[Hit], hits: list[Hit]) -> Hit:
        """The entity named by the head: the last entity before a preposition phrase."""
        return max(entity_hits, key=lambda h: (h.j - h.i >= 2, h.i))

    def _head_agent(self, toks: list[Token], hits: list[Hit], used: set[int]) -> Hit | None:
        agents = [h for h in hits if h.kind == "agent"]
        if not agents:
            return None
        preps = [t for t in range(len(toks)) if t not in used and toks[t].key in PREPOSITIONS]
        cut = preps[0] if preps else len(toks)
        before = [h for h in agents if h.j <= cut]
        head = before[-1] if before else agents[0]
        if head.key in GENERIC_TITLES:
            # "rebel spokesman", "opposition leader", "police official": the role word right
            # before a generic title says whom the person speaks for.
            qualifier = next((h for h in agents if h.j == head.i), None)
            if qualifier is not None and qualifier.key not in GENERIC_TITLES:
                return qualifier
        # "leader of the opposition": a generic title takes its sector from the complement.
        if (
            head.key in GENERIC_TITLES
            or self.kb.agents[head.key][0] == "GOV"
            and head.key in GENERIC_TITLES
        ):
            later = [h for h in agents if h.i >= cut]
            if later:
                return later[0]
        return head

    @staticmethod
    def _lone_word(toks: list[Token], hits: list[Hit], free: list[int]) -> int | None:
        """The mention is one capitalised unknown word and nothing else ("Macron")."""
        if hits or len(free) != 1 or not toks[free[0]].is_capitalised:
            return None
        return free[0] if len(toks[free[0]].key) >= 4 else None

    @staticmethod
    def _name_run(
        toks: list[Token], free: list[int], hits: list[Hit], head: Hit | None
    ) -> list[int]:
        """Capitalised words not matched by any dictionary: an unknown proper name.

        Words before a head noun are modifiers ("Iraqi Shiite armed groups"), not names."""
        if head is not None:
            free = [t for t in free if t >= head.j]
        runs: list[list[int]] = []
        for t in free:
            if not toks[t].is_capitalised:
                continue
            if runs and (
                t == runs[-1][-1] + 1 or all(not toks[k].key for k in range(runs[-1][-1] + 1, t))
            ):
                runs[-1].append(t)
            else:
                runs.append([t])
        if not runs:
            return []
        # Prefer the run right after a title ("Prime Minister Foo Bar"), else the longest.
        agent_ends = {h.j for h in hits if h.kind == "agent"}
        after_title = [r for r in runs if r[0] in agent_ends]
        run = after_title[-1] if after_title else max(runs, key=len)
        if not after_title and len(run) < 2:  # one capitalised word alone is not yet a name
            return []
        # Extend over a leading particle token ("al-Foo") kept out of the keys.
        while run[0] > 0 and not toks[run[0] - 1].key and toks[run[0] - 1].text[:1].isalpha():
            run.insert(0, run[0] - 1)
        return run


class ActorLinker:
    """The ``tidings.actors.v1`` linker: KB + lexicons, loaded once per process."""

    name = "tidings.actors.v1"

    def __init__(
        self, extra_kb: list[str] | tuple[str, ...] = (), fuzzy_threshold: float | None = None
    ) -> None:
        """``fuzzy_threshold`` None: the packaged ``[actor_linker]`` default (one source)."""
        self.extra_kb = tuple(str(p) for p in extra_kb)
        if fuzzy_threshold is None:
            fuzzy_threshold = float(default_setting("actor_linker", "fuzzy_threshold"))
        self.fuzzy_threshold = fuzzy_threshold
        self._reader: MentionReader | None = None
        # The last article indexed: the event coder and the quote finder both ask for the
        # same AnnotatedDoc object in turn, and building the index is the linker's main cost.
        self._last: tuple[AnnotatedDoc, ArticleActors] | None = None

    def __getstate__(self) -> dict[str, object]:
        # Ship settings, not the 20k-entity KB: each process loads (and caches) its own.
        return {
            "extra_kb": self.extra_kb,
            "fuzzy_threshold": self.fuzzy_threshold,
            "_reader": None,
            "_last": None,
        }

    @property
    def reader(self) -> MentionReader:
        if self._reader is None:
            self._reader = MentionReader(load_kb(self.extra_kb), self.fuzzy_threshold)
        return self._reader

    @property
    def kb(self) -> KnowledgeBase:
        return self.reader.kb

    def entity_rows(self, only: Collection[str]) -> list[ActorRow]:
        """Rows of the store's ``actors`` table for the KB entities in ``only``."""
        return entity_rows(self.kb, only)

    def read(self, text: str, when: datetime | date | None = None) -> Reading:
        return self.reader.read(text, as_date(when))

    def link(
        self,
        text: str,
        *,
        when: datetime | date | None = None,
        context: str = "",
        start: int | None = None,
        end: int | None = None,
    ) -> ActorRef:
        """One mention without article context; ``context`` is accepted and currently unused."""
        return self.read(text, when).ref(text, start, end, self.kb)

    def link_doc(self, doc: AnnotatedDoc) -> ArticleActors:
        """Index an article's mentions; ``at(start, end)`` then resolves any span of it.

        Asked again for the very same ``doc`` object, returns the same index: once built, an
        index's answers depend only on the article (``at`` memoises pure lookups), so sharing
        it between stages gives what two fresh indexes would. Identity, not equality, keys
        the reuse, and the held reference keeps that identity from being recycled.
        """
        from tidings.actors.doc import index_doc

        last = self._last
        if last is not None and last[0] is doc:
            return last[1]
        actors = index_doc(self, doc)
        self._last = (doc, actors)
        return actors
