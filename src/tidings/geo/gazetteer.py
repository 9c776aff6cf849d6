"""Load the bundled GeoNames extract and its hand-written supplement; look names up offline."""

from __future__ import annotations

import csv
import gzip
import io
import math
import sys
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tidings.errors import ConfigError
from tidings.geo._text import key, without_article

FEATURES = ("city", "admin1", "country", "region")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``geonameid`` is None for supplement places GeoNames lacks here."""

    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    feature: str
    country_iso3: str | None
    admin1: str | None
    population: int


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


_NAN = float("nan")


class _Columns:
    """Column store of the places: arrays and interned strings, far smaller than objects."""

    def __init__(self) -> None:
        self.gid = array("q")  # 0 when the place has no GeoNames id
        self.name: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.feature = array("b")
        self.iso3: list[str] = []
        self.admin1: list[str] = []
        self.pop = array("q")

    def append(
        self, rec: tuple[int | None, str, float | None, float | None, str, str, str, int]
    ) -> int:
        gid, name, lat, lon, feature, iso3, admin1, pop = rec
        self.gid.append(gid or 0)
        self.name.append(name)
        self.lat.append(_NAN if lat is None else lat)
        self.lon.append(_NAN if lon is None else lon)
        self.feature.append(FEATURES.index(feature))
        self.iso3.append(sys.intern(iso3))
        self.admin1.append(sys.intern(admin1))
        self.pop.append(pop)
        return len(self.name) - 1

    def __len__(self) -> int:
        return len(self.name)

    def entry(self, i: int) -> Entry:
        lat, lon = self.lat[i], self.lon[i]
        return Entry(
            self.gid[i] or None,
            self.name[i],
            None if math.isnan(lat) else lat,
            None if math.isnan(lon) else lon,
            FEATURES[self.feature[i]],
            self.iso3[i] or None,
            self.admin1[i] or None,
            self.pop[i],
        )


class Gazetteer:
    """Name -> places index over the extract plus supplement; loaded once per process."""

    def __init__(self, cols: _Columns, names: dict[str, int | list[int]]) -> None:
        self._cols = cols
        self._names = names
        self._by_id = {g: i for i, g in enumerate(cols.gid) if g}

    def __len__(self) -> int:
        return len(self._cols)

    @classmethod
    def from_files(cls, extract: Path, supplement: Path | None = None) -> Gazetteer:
        cols = _Columns()
        names: dict[str, int | list[int]] = {}
        by_id: dict[int, int] = {}

        def index(name: str, i: int) -> None:
            k = key(name)
            if not k:
                return
            slot = names.get(k)
            if slot is None:
                names[k] = i  # most names are unique: a bare int saves a list per key
            elif isinstance(slot, int):
                if slot != i:
                    names[k] = [slot, i]
            elif i not in slot:
                slot.append(i)

        with gzip.open(extract, "rt", encoding="utf-8", newline="") as fh:
            next(fh)  # header
            for line in fh:
                f = line.rstrip("\n").split("\t")
                gid = int(f[0])
                i = cols.append(
                    (gid, f[1], float(f[4]), float(f[5]), f[6], f[7], f[8], int(f[9] or 0))
                )
                by_id[gid] = i
                index(f[1], i)
                if f[2]:
                    index(f[2], i)
                if f[3]:
                    for alt in f[3].split("|"):
                        index(alt, i)
        if supplement is not None:
            _merge_supplement(supplement, cols, by_id, index)
        return cls(cols, names)

    def _hits(self, k: str) -> list[int]:
        slot = self._names.get(k)
        if slot is None:
            return []
        return [slot] if isinstance(slot, int) else slot

    def lookup(self, name: str) -> list[Entry]:
        """Places called ``name`` (exact key, then without an Arabic article), any order."""
        hits = self._hits(key(name))
        if not hits:
            bare = without_article(name)
            hits = self._hits(key(bare)) if bare else []
        return [self._cols.entry(i) for i in hits]

    def has(self, name: str) -> bool:
        return key(name) in self._names

    def by_id(self, geonameid: int) -> Entry | None:
        i = self._by_id.get(geonameid)
        return self._cols.entry(i) if i is not None else None

    def is_primary(self, entry: Entry, name: str) -> bool:
        """Whether ``name`` is the entry's own name rather than one of its alternates."""
        k = key(name)
        bare = without_article(name)
        return k == key(entry.name) or (bare is not None and key(bare) == key(entry.name))

    def entries_by_key(self) -> Iterator[tuple[str, list[int]]]:
        """Every lookup key with its row indices (for building recognisers)."""
        for k in self._names:
            yield k, self._hits(k)

    def row_population(self, i: int) -> int:
        return self._cols.pop[i]

    def row_feature(self, i: int) -> str:
        return FEATURES[self._cols.feature[i]]

    def prominence(self, min_population: int, big_population: int) -> tuple[set[str], set[str]]:
        """Keys naming a place other than a city or a city of ``min_population``, and keys
        naming a place of ``big_population`` (one pass over the columns, for recognisers)."""
        pop, feature, city = self._cols.pop, self._cols.feature, FEATURES.index("city")
        keys: set[str] = set()
        big: set[str] = set()
        for k, slot in self._names.items():
            rows = [slot] if isinstance(slot, int) else slot
            if any(pop[i] >= big_population for i in rows):
                big.add(k)
            if any(feature[i] != city or pop[i] >= min_population for i in rows):
                keys.add(k)
        return keys, big


def _merge_supplement(
    path: Path, cols: _Columns, by_id: dict[int, int], index: Callable[[str, int], None]
) -> None:
    """Add the hand-written places; a row naming a known id adds aliases and overrides fields."""
    lines = path.read_text(encoding="utf-8").splitlines(True)
    text = "".join(line for line in lines if line.strip() and not line.startswith("#"))
    for rec in csv.DictReader(io.StringIO(text), delimiter="\t"):
        gid = int(rec["geonameid"]) if rec["geonameid"].strip() else None
        aliases = [a.strip() for a in rec["aliases"].split("|") if a.strip()]
        if gid is not None and gid in by_id:
            i = by_id[gid]
            if rec["lat"].strip() and rec["lon"].strip():
                cols.lat[i], cols.lon[i] = float(rec["lat"]), float(rec["lon"])
            if rec["feature"].strip():
                cols.feature[i] = FEATURES.index(rec["feature"].strip())
            if rec["population"].strip():
                cols.pop[i] = int(rec["population"])
            if rec["name"].strip():
                aliases.append(rec["name"].strip())
        else:
            i = cols.append(
                (
                    gid,
                    rec["name"].strip(),
                    _float(rec["lat"]),
                    _float(rec["lon"]),
                    rec["feature"].strip() or "region",
                    rec["country_iso3"].strip(),
                    rec["admin1"].strip(),
                    int(rec["population"] or 0),
                )
            )
            if gid is not None:
                by_id[gid] = i
            index(rec["name"], i)
        for alias in aliases:
            index(alias, i)


@lru_cache(maxsize=2)
def load_demonyms(directory: str | None = None) -> dict[str, int]:
    """Demonym key -> its country's geonameid ("sudanese" -> Sudan), from ``demonyms.tsv``."""
    path = (Path(directory) if directory else data_dir()) / "demonyms.tsv"
    if not path.exists():
        return {}
    table: dict[str, int] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for rec in csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t"):
        table[key(rec["demonym"])] = int(rec["geonameid"])
    return table


def data_dir() -> Path:
    return Path(str(resources.files("tidings") / "data" / "geo"))


@lru_cache(maxsize=2)
def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """The bundled gazetteer (cached); ``directory`` overrides where its files are read from."""
    base = Path(directory) if directory else data_dir()
    extract = base / "gazetteer.tsv.gz"
    if not extract.exists():
        raise ConfigError(
            f"{extract}: gazetteer extract missing; rebuild it with scripts/build_gazetteer.py"
        )
    supplement = base / "supplement.tsv"
    return Gazetteer.from_files(extract, supplement if supplement.exists() else None)
