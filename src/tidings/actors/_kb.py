"""Load the actor knowledge base (places, agent nouns, entities with dated roles) into dicts."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from tidings.actors._text import fold, phrase_key
from tidings.config import data_path
from tidings.errors import ConfigError

log = logging.getLogger(__name__)

INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"})
# Source ranks: a lower rank wins when several roles are valid at the same date.
RANK_USER, RANK_CURATED, RANK_LEADERS, RANK_PHOENIX = 0, 1, 2, 3
_SRC_RANK = {"leaders": RANK_LEADERS, "phoenix": RANK_PHOENIX}


@dataclass(frozen=True)
class Role:
    """One dated position of an entity: country, sector and code, valid in [start, end)."""

    country: str | None
    sector: str | None
    code: str | None
    start: date | None = None
    end: date | None = None
    title: str | None = None
    rank: int = RANK_PHOENIX
    raw_from: str = ""
    raw_to: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_at(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Entity:
    """A person or organisation of the knowledge base."""

    entity_id: str
    name: str
    kind: str  # person | org
    wikidata_id: str | None = None
    aliases: list[str] = field(default_factory=list)
    parsed: list[Role] = field(default_factory=list)
    # Roles stay raw until first asked for: most of the 20k entities are never looked at.
    pending: list[dict[str, Any]] = field(default_factory=list, repr=False)
    parser: Callable[[dict[str, Any]], Role] | None = field(default=None, repr=False)

    @property
    def roles(self) -> list[Role]:
        if self.pending and self.parser is not None:
            self.parsed = [self.parser(raw) for raw in self.pending] + self.parsed
            self.pending = []
        return self.parsed

    def role_at(self, when: date | None) -> Role | None:
        """The role valid at ``when``: dated roles first (best source rank, latest start),
        then undated defaults; with no date, the open-ended role that started last."""
        if not self.roles:
            return None
        if when is None:
            # Undated text: code a person by their office, not by their retirement (a
            # "former official" role is only right when a date says the office had ended).
            offices = [r for r in self.roles if r.sector != "ELI"] or self.roles
            open_ended = [r for r in offices if r.end is None]
            pool = open_ended or offices
            return min(pool, key=lambda r: (r.rank, -_ord(r.start), -_ord(r.end)))
        dated = [r for r in self.roles if r.dated and r.valid_at(when)]
        if dated:
            # On the day an office ends, both it and "former" are valid: the office wins, so
            # the event that ends it ("toppled Assad") still sees the office holder.
            ending = [r for r in self.roles if r.dated and r.sector != "ELI" and r.end == when]
            return min(ending or dated, key=lambda r: (r.rank, -_ord(r.start)))
        undated = [r for r in self.roles if not r.dated]
        if undated:
            return min(undated, key=lambda r: r.rank)
        # No role covers the date: the nearest in time says at least which country. A person
        # after their office is a former official (PLOVER ELI); before it, sector unknown.
        near = min(self.roles, key=lambda r: (_distance(r, when), r.rank))
        if self.kind != "person" or near.country is None:
            return near
        sector = "ELI" if near.end is not None and when >= near.end else None
        return Role(
            country=near.country,
            sector=sector,
            code=near.country + (sector or ""),
            start=near.end if sector else None,
            end=None if sector else near.start,
            title="former " + near.title if sector and near.title else None,
            rank=near.rank,
            raw_from=near.raw_to if sector else "",
            raw_to="" if sector else near.raw_from,
        )

    def role_with_sector(self, sector: str, when: date | None) -> Role | None:
        """The best role of ``sector``: valid at ``when`` if any, else the nearest or latest."""
        pool = [r for r in self.roles if r.sector == sector]
        if not pool:
            return None
        if when is not None:
            return min(pool, key=lambda r: (_distance(r, when), r.rank))
        return min(pool, key=lambda r: (r.rank, -_ord(r.end) if r.end else -(10**7)))


def _ord(d: date | None) -> int:
    return d.toordinal() if d else 0


def _distance(role: Role, when: date) -> int:
    if role.start and when < role.start:
        return role.start.toordinal() - when.toordinal()
    if role.end and when >= role.end:
        return when.toordinal() - role.end.toordinal()
    return 0


def parse_date(value: str | None, *, end: bool = False) -> date | None:
    """ISO date or bare year ("2021": from 1 January, or to 31 December when ``end``)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if len(value) == 7:
            y, m = value.split("-")
            return date(int(y), int(m), 28 if end else 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def entity_id_for(name: str, wikidata_id: str | None, variants: dict[str, str]) -> str:
    """Wikidata QID when known, else a hash of the normalised name (same for KB and unknowns)."""
    if wikidata_id:
        return wikidata_id
    from tidings.model import content_id

    return content_id(phrase_key(name, variants), prefix="n:", length=12)


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n")


def _tsv(path: Path) -> Iterator[list[str]]:
    for line in _lines(path):
        yield line.split("\t")


def case_sensitive(alias: str) -> bool:
    """Short all-capital aliases (UN, US, IS, WHO) only match capitalised text."""
    letters = 0
    for c in alias:  # stops at the first letter that rules it out: most aliases are long
        if c.isalpha():
            letters += 1
            if letters > 3 or not c.isupper():
                return False
    return letters > 0


class KnowledgeBase:
    """Every table the linker needs, indexed by normalised phrase key."""

    def __init__(self, extra_kb: Sequence[str] = ()) -> None:
        t0 = time.perf_counter()
        self.variants: dict[str, str] = {
            r[0]: r[1] for r in _tsv(data_path("actors/name_variants.tsv"))
        }
        self.sector_map: dict[str, str] = {
            r[0]: r[1] for r in _tsv(data_path("actors/sectors.tsv"))
        }
        self.places: dict[str, tuple[str, str]] = {}
        self.agents: dict[str, tuple[str, str, str]] = {}
        self.upper_only: set[str] = set()  # keys that must be written in capitals
        self.entities: list[Entity] = []
        self.by_key: dict[str, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        self._by_qid: dict[str, int] = {}
        self.countries: set[str] = set()
        self._load_places(data_path("actors/places.tsv"))
        self._load_places(data_path("actors/places_curated.tsv"))
        self._load_agents(data_path("actors/agents.tsv"))
        self._load_agents(data_path("actors/agents_curated.tsv"))
        # Ethnic/religious modifiers and their home countries (empty set: any country).
        self.communities: dict[str, frozenset[str]] = {
            self.key(r[0]): frozenset(c for c in (r[2] if len(r) > 2 else "").split(";") if c)
            for r in _tsv(data_path("actors/communities.tsv"))
        }
        # Keys precomputed by the build are valid only for the same spelling-variant table.
        fresh = None
        for record in _jsonl(data_path("actors/entities.jsonl.gz"), meta=True):
            if "_meta" in record:
                fresh = record["_meta"].get("variants_sha") == variants_sha(self.variants)
                continue
            self._add_record(record, None)
            self._index_entity(len(self.entities) - 1, record.get("keys") if fresh else None)
        for record in _jsonl(data_path("actors/curated.jsonl")):
            self.add(record, RANK_CURATED)
        for path in extra_kb:
            self.load_file(Path(path), RANK_USER)
        self.max_len = max(len(k.split(" ")) for k in (*self.by_key, *self.places, *self.agents))
        self.max_len = min(self.max_len, 8)
        log.info(
            "actor KB: %d entities loaded in %.2fs", len(self.entities), time.perf_counter() - t0
        )

    # -- loading ---------------------------------------------------------------------------
    def key(self, text: str) -> str:
        return phrase_key(text, self.variants)

    def _note_case(self, alias: str, key: str) -> None:
        if case_sensitive(alias):
            self.upper_only.add(key)

    def _load_places(self, path: Path) -> None:
        for row in _tsv(path):
            alias, iso3, kind = row[0], row[1], row[2]
            k = self.key(alias)
            if k:
                self.places[k] = (iso3, kind)
                self.countries.add(iso3)
                self._note_case(alias, k)

    def _load_agents(self, path: Path) -> None:
        for row in _tsv(path):
            pattern, sector = row[0], row[1]
            code = row[2] if len(row) > 3 else sector
            kind = row[3] if len(row) > 3 else (row[2] if len(row) > 2 else "title")
            k = self.key(pattern)
            if k:
                self.agents[k] = (sector, code, kind)

    def parse_code(self, code: str) -> tuple[str | None, str | None]:
        """(country_iso3, sector) of a CAMEO-style code such as USAGOV or IGOUNO."""
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if not blocks:
            return None, None
        if blocks[0] in INTERNATIONAL:
            return None, self.sector_map.get(blocks[0], blocks[0])
        country = blocks[0] if blocks[0] in self.countries else None
        rest = blocks[1:] if country else blocks
        sector = next((self.sector_map[b] for b in rest if b in self.sector_map), None)
        return country, sector

    def _role(self, raw: dict[str, Any], rank: int | None) -> Role:
        country = raw.get("country") or None
        sector = raw.get("sector") or None
        code = raw.get("code") or None
        if code and not (country or sector):
            country, sector = self.parse_code(code)
        if sector:
            sector = self.sector_map.get(sector, sector)
        if not code:
            code = (country or "") + (sector or "") or None
        return Role(
            country=country,
            sector=sector,
            code=code,
            start=parse_date(raw.get("from")),
            end=parse_date(raw.get("to"), end=True),
            title=raw.get("title") or None,
            rank=rank if rank is not None else _SRC_RANK.get(str(raw.get("src")), RANK_PHOENIX),
            raw_from=str(raw.get("from") or ""),
            raw_to=str(raw.get("to") or ""),
        )

    def _builtin_role(self, raw: dict[str, Any]) -> Role:
        return self._role(raw, None)

    def _add_record(self, record: dict[str, Any], rank: int | None) -> Entity:
        name = str(record["name"]).strip()
        qid = record.get("wikidata_id") or None
        ent = Entity(
            entity_id=record.get("id") or entity_id_for(name, qid, self.variants),
            name=name,
            kind=str(record.get("kind") or "org"),
            wikidata_id=qid,
            aliases=[str(a) for a in record.get("aliases", []) if str(a).strip()],
        )
        if rank is None:
            ent.pending = list(record.get("roles", []))
            ent.parser = self._builtin_role
        else:
            ent.parsed = [self._role(r, rank) for r in record.get("roles", [])]
        self.entities.append(ent)
        return ent

    def _index_entity(self, idx: int, keys: Sequence[str] | None = None) -> None:
        ent = self.entities[idx]
        names = (ent.name, *ent.aliases)
        if keys is None or len(keys) != len(names):
            keys = [self.key(alias) for alias in names]
        for alias, k in zip(names, keys, strict=True):
            if not k:
                continue
            bucket = self.by_key.setdefault(k, [])
            if idx not in bucket:
                bucket.append(idx)
            self._note_case(alias, k)
            if ent.kind == "person" and " " in k:
                last = self.by_last.setdefault(k.rsplit(" ", 1)[1], [])
                if idx not in last:
                    last.append(idx)
        if ent.wikidata_id:
            self._by_qid.setdefault(ent.wikidata_id, idx)

    def add(self, record: dict[str, Any], rank: int = RANK_USER) -> Entity:
        """Add one entity record, merging into an existing entity with the same QID or name."""
        qid = record.get("wikidata_id") or None
        idx = self._by_qid.get(qid) if qid else None
        if idx is None:
            k = self.key(str(record["name"]))
            same = [
                i
                for i in self.by_key.get(k, [])
                if self.entities[i].name and self.key(self.entities[i].name) == k
            ]
            idx = same[0] if same else None
        if idx is None:
            self._add_record(record, rank)
            idx = len(self.entities) - 1
        else:
            ent = self.entities[idx]
            ent.aliases = [*ent.aliases, ent.name, *record.get("aliases", [])]
            ent.name = str(record["name"]).strip()
            ent.aliases = [a for a in dict.fromkeys(ent.aliases) if a != ent.name]
            if qid:
                ent.wikidata_id = qid
                ent.entity_id = qid
            ent.kind = str(record.get("kind") or ent.kind)
            ent.parsed = [self._role(r, rank) for r in record.get("roles", [])] + ent.roles
        self._index_entity(idx)
        return self.entities[idx]

    def load_file(self, path: Path, rank: int = RANK_USER) -> int:
        """Load a user KB file (``.jsonl`` records or ``.tsv`` rows, one role per row)."""
        if not path.exists():
            raise ConfigError(f"{path}: actor KB file not found ([actor_linker] extra_kb)")
        records: Iterable[dict[str, Any]]
        if path.suffix in {".jsonl", ".gz"}:
            records = _jsonl(path)
        elif path.suffix in {".tsv", ".csv"}:
            records = _tsv_records(path)
        else:
            raise ConfigError(f"{path}: actor KB files must be .jsonl or .tsv")
        n = 0
        for record in records:
            self.add(record, rank)
            n += 1
        return n

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, key: str) -> list[Entity]:
        return [self.entities[i] for i in self.by_key.get(key, [])]


# The hand-written tables scripts/build_actor_data.py reads: entities.jsonl.gz is stale as soon
# as one of them changes without a rebuild (the ontology snapshot itself is not in the repo).
BUILD_INPUTS = (
    "actors/name_variants.tsv",
    "actors/sectors.tsv",
    "actors/person_words.tsv",
    "actors/places_curated.tsv",
    "actors/agents_curated.tsv",
)


def build_inputs_sha() -> str:
    """Fingerprint of the shipped build inputs, written by the build into the entities file."""
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        digest.update(name.encode() + b"\0" + data_path(name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def variants_sha(variants: dict[str, str]) -> str:
    """Fingerprint of the spelling-variant table (precomputed keys depend on it)."""
    blob = json.dumps(sorted(variants.items())).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def _jsonl(path: Path, *, meta: bool = False) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(_lines(path), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{n}: invalid JSON: {exc.msg}") from exc
        if meta and isinstance(record, dict) and "_meta" in record:
            yield record
            continue
        if not isinstance(record, dict) or "name" not in record:
            raise ConfigError(f"{path}:{n}: an actor record needs a 'name'")
        yield record


def _tsv_records(path: Path) -> Iterator[dict[str, Any]]:
    """TSV with a header: name, aliases (;), kind, country, sector, code, title, from, to,
    wikidata_id. Rows with the same name are one entity with several roles."""
    delimiter = "\t" if path.suffix == ".tsv" else ","
    with path.open(encoding="utf-8", newline="") as f:
        rows = [
            r
            for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter=delimiter)
        ]
    grouped: dict[str, dict[str, Any]] = {}
    for r in rows:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        rec = grouped.setdefault(
            name,
            {
                "name": name,
                "aliases": [],
                "kind": (r.get("kind") or "person").strip(),
                "wikidata_id": (r.get("wikidata_id") or "").strip() or None,
                "roles": [],
            },
        )
        rec["aliases"] += [a.strip() for a in (r.get("aliases") or "").split(";") if a.strip()]
        role = {
            k: (r.get(k) or "").strip()
            for k in ("country", "sector", "code", "title", "from", "to")
        }
        if any(role.values()):
            rec["roles"].append(role)
    yield from grouped.values()


def load_kb(extra_kb: Sequence[str] = ()) -> KnowledgeBase:
    """The knowledge base, built once per process for each set of extra files."""
    # Normalised before the cache: ``load_kb()`` and ``load_kb(())`` are different cache keys
    # to lru_cache, and each miss builds the 20k-entity KB again.
    return _cached_kb(tuple(str(p) for p in extra_kb))


@lru_cache(maxsize=8)
def _cached_kb(extra_kb: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase(extra_kb)


__all__ = [
    "BUILD_INPUTS",
    "Entity",
    "KnowledgeBase",
    "Role",
    "build_inputs_sha",
    "entity_id_for",
    "fold",
    "load_kb",
    "parse_date",
]
