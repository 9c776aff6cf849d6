"""Which KB person (and role) a name means: exact keys, fuzzy transliterations, titled surnames."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz, process

from tidings.actors._kb import Entity, KnowledgeBase, Role


class PersonResolver:
    """Chooses among KB entities for a name at a date, guarding fuzzy matches."""

    def __init__(self, kb: KnowledgeBase, fuzzy_threshold: float) -> None:
        self.kb = kb
        self.fuzzy_threshold = fuzzy_threshold
        self._last_names = list(kb.by_last)
        # Closest known last name of an unknown one: a scan of every last name, and the same
        # unknown names recur from article to article.
        self._near_last: dict[str, str | None] = {}

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
