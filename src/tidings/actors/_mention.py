"""Read one actor mention the way a CAMEO coder reads a noun phrase.

Longest-match dictionary hits (entities, places, agent nouns/titles) left to right, then

1. a sponsor modifier ("Iranian-backed", "backed by Iran") is set aside as ``sponsor_iso3``;
2. a knowledge-base entity (person, armed group, IGO) wins, with its role valid at ``when``;
3. else a fuzzy person match on transliteration-normalised names (guarded: same last name
   bucket, high whole-name and first-name similarity);
4. else the head noun (the last agent before a preposition) gives the sector and the place
   modifiers the country; a capital alone means that country's government; capitalised words
   after a title are an unknown person's name.
"""

from __future__ import annotations

from datetime import date

from tidings.actors import _phrase as phrase
from tidings.actors._grammar import COURTESY, DETERMINERS, GENERIC_TITLES, OPPONENTS, coordinated
from tidings.actors._kb import Entity, KnowledgeBase, Role
from tidings.actors._matcher import DictionaryMatcher
from tidings.actors._people import PersonResolver
from tidings.actors._reading import Hit, Reading, make_code
from tidings.actors._text import Token, tokenize


class MentionReader:
    """Reads mentions against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, fuzzy_threshold: float) -> None:
        self.kb = kb
        self.matcher = DictionaryMatcher(kb)
        self.people = PersonResolver(kb, fuzzy_threshold)

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
        reading.sponsor = self.matcher.sponsor(toks, text, used)
        hits: list[Hit] = []
        lowercase = not any(c.isupper() for c in text)
        i = 0
        while i < len(toks):
            hit = None if i in used else self.matcher.match_at(toks, i, used, lowercase=lowercase)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            used.update(range(hit.i, hit.j))
            i = hit.j
        hits = phrase.first_phrase(toks, hits, used)
        hits = phrase.drop_partial_names(kb, toks, hits, used)
        reading.hits = hits
        free = [t for t in range(len(toks)) if t not in used and toks[t].key]
        courtesy = frozenset(
            t + 1
            for t in free
            if toks[t].key in COURTESY and t + 1 < len(toks) and toks[t + 1].is_capitalised
        )
        free = [t for t in free if t + 1 not in courtesy]
        reading.community = phrase.community(kb, toks, hits, free)
        reading.titled = any(h.kind == "agent" and kb.agents[h.key][2] == "title" for h in hits)

        head = phrase.head_agent(kb, toks, hits, used)
        title_sector = kb.agents[head.key][0] if head and head.key not in GENERIC_TITLES else None
        entity_hits = [h for h in hits if h.kind == "entity"]
        if entity_hits:
            chosen = phrase.choose_entity_hit(entity_hits)
            found = self.people.best_entity(chosen.key, when)
            if found:
                ent, role = found
                member = phrase.member_name(toks, free, hits, chosen) if ent.kind == "org" else []
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
                reading = _entity_reading(reading, ent, role, when, title_sector)
                if role.country is None and head is not None and head.i >= chosen.j:
                    # "UN peacekeepers", "NATO troops": the IGO's people of that sector.
                    reading.sector = kb.agents[head.key][0]
                    reading.person = False
                return reading

        name_run = phrase.name_run(toks, free, hits, head, courtesy)
        comma = text.find(",")
        if not name_run and head is not None and 0 < comma < toks[head.i].start:
            # An appositive: "Foo Bar, Iraq's prime minister".
            name_run = phrase.name_run(toks, [t for t in free if toks[t].end <= comma], hits, None)
        lone = phrase.lone_word(toks, hits, free) if not name_run else None
        if lone is not None:
            found = self.people.surname_after_title(toks[lone].key, when, None)
            if found:
                return _entity_reading(reading, *found, when, None)
        if name_run:
            reading.named = True
            start, end = toks[name_run[0]].start, toks[name_run[-1]].end
            if len(name_run) >= 2:
                found = self.people.fuzzy_person(text[start:end], when)
            else:
                found = self.people.surname_after_title(toks[name_run[0]].key, when, title_sector)
            if found:
                return _entity_reading(reading, *found, when, title_sector)
            reading.name = text[start:end]
            reading.person = reading.titled or len(name_run) >= 2 or bool(courtesy)

        places = [h for h in hits if h.kind == "place"]
        if head is not None:
            reading.sector = kb.agents[head.key][0]
            if kb.agents[head.key][2] == "title" and not reading.name:
                reading.person = True
            before = [p for p in places if p.j <= head.i]
            after = [p for p in places if p.i >= head.j]
            place = before[-1] if before else (after[0] if after else None)
            if len(before) >= 2 and coordinated(toks, before[-2], before[-1]):
                place = before[-2]  # "the British and Irish governments": the first named
        else:
            place = places[0] if places else None
            lone_place = place is not None and len(hits) == 1 and not reading.name
            if lone_place and place is not None and kb.places[place.key][1] == "capital":
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
