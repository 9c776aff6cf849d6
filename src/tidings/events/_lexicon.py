"""Load the bundled event tables (CAMEO codes, PLOVER types, trigger lexicons) once."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its CAMEO root, QuadClass, Goldstein and PLOVER mapping."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_event: str
    plover_mode: str
    plover_context: tuple[str, ...]


@dataclass(frozen=True)
class TriggerEntry:
    """A lexicon row: a lemma (+ particle, required head words and prepositions) -> CAMEO code."""

    pos: str  # VERB | NOUN
    lemma: str
    particle: str
    heads: tuple[frozenset[str], ...]  # every group must be matched by one slot lemma
    preps: tuple[str, ...]
    cameo_code: str  # "---" means: matched, but no event
    cameo_code_passive: str
    plover_event: str  # override of the code's PLOVER event ("" = from the code)
    plover_mode: str
    symmetric: bool
    curated: bool
    probability: float | None = None  # set by a learned chooser

    @property
    def specificity(self) -> int:
        return len(self.heads) + len(self.preps) + (1 if self.particle else 0)


@dataclass
class Lexicon:
    """Every table the rule coder needs, indexed for lookups by lemma."""

    codes: dict[str, CameoCode]
    plover_types: dict[str, dict[str, str]]
    plover_modes: dict[str, set[str]]
    verbs: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    governors: dict[str, dict[str, str]] = field(default_factory=dict)  # lemma -> role -> modality
    light_verbs: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    instruments: dict[str, str] = field(default_factory=dict)  # weapon word -> CAMEO code

    def code(self, code: str) -> CameoCode | None:
        """The CAMEO record of ``code`` (falls back to its 3- and 2-digit prefixes)."""
        for key in (code, code[:3], code[:2]):
            if key in self.codes:
                return self.codes[key]
        return None

    def verb_row(self, lemma: str) -> TriggerEntry | None:
        """The first trigger row of a verb: the row a rule borrows when it codes a clause
        with that verb's meaning ("ask" for a reported demand, "threaten" for an ultimatum)."""
        return next(iter(self.verbs.get(lemma, [])), None)


def _read(name: str) -> list[dict[str, Any]]:
    text = files("tidings").joinpath("data", "events", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def plover_type_names() -> tuple[str, ...]:
    """The 16 PLOVER types in ``plover_types.tsv`` order (cooperative to conflictual)."""
    return tuple(r["event"] for r in _read("plover_types.tsv"))


def _heads(raw: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(a for a in g.split("|") if a) for g in raw.split(";") if g)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read all tables from ``tidings/data/events`` (cached for the process)."""
    codes: dict[str, CameoCode] = {}
    for r in _read("cameo_codes.tsv"):
        codes[r["code"]] = CameoCode(
            code=r["code"],
            name=r["name"],
            root=r["root"],
            quad_class=int(r["quad_class"]),
            goldstein=float(r["goldstein"]),
            plover_event=r["plover_event"],
            plover_mode=r["plover_mode"],
            plover_context=tuple(c for c in r["plover_context"].split(";") if c),
        )
    modes: dict[str, set[str]] = defaultdict(set)
    for r in _read("plover_modes.tsv"):
        modes[r["event"]].add(r["mode"])
    lex = Lexicon(
        codes=codes,
        plover_types={r["event"]: r for r in _read("plover_types.tsv")},
        plover_modes=dict(modes),
    )
    verbs: dict[str, list[TriggerEntry]] = defaultdict(list)
    nouns: dict[str, list[TriggerEntry]] = defaultdict(list)
    curated_verbs: set[str] = set()
    for r in _read("triggers.tsv"):
        entry = TriggerEntry(
            pos=r["pos"],
            lemma=r["lemma"],
            particle=r["particle"],
            heads=_heads(r["heads"]),
            preps=tuple(p for p in r["preps"].split(";") if p),
            cameo_code=r["cameo_code"],
            cameo_code_passive="",
            plover_event=r["plover_event"] or "",
            plover_mode=r["plover_mode"] or "",
            symmetric=r["symmetric"] == "yes",
            curated=True,
        )
        (verbs if entry.pos == "VERB" else nouns)[entry.lemma].append(entry)
        if entry.pos == "VERB":
            curated_verbs.add(entry.lemma)
    # Hand corrections of single PETRARCH2 rows (same lemma, particle, heads, preps).
    fixes = {
        (f["lemma"], f["particle"], f["heads"], f["preps"]): f for f in _read("petrarch_fixes.tsv")
    }
    # PETRARCH2-derived rows fill in verbs the curated table does not cover.
    for r in _read("verbs_petrarch.tsv"):
        if r["lemma"] in curated_verbs:
            continue
        fix = fixes.get((r["lemma"], r["particle"], r["heads"], r["preps"]))
        if fix is not None:
            if fix["cameo_code"] == "drop":
                continue
            r = {
                **r,
                "cameo_code": fix["cameo_code"],
                "cameo_code_passive": fix["cameo_code_passive"],
            }
        code = r["cameo_code"]
        if code[:2] == "01":
            # Statements have no PLOVER type, but a specific statement row ("considered the
            # request", "denied the accusation") still says what the verb does there: kept as
            # "matched, no event" so the bare row ("consider" = consult) does not take over.
            code = "---" if r["heads"] or r["preps"] or r["particle"] else ""
        if not code or (code != "---" and lex.code(code) is None):
            continue
        verbs[r["lemma"]].append(
            TriggerEntry(
                pos="VERB",
                lemma=r["lemma"],
                particle=r["particle"],
                heads=_heads(r["heads"]),
                preps=tuple(p for p in r["preps"].split(";") if p),
                cameo_code=code,
                cameo_code_passive=r["cameo_code_passive"],
                plover_event="",
                plover_mode="",
                symmetric=False,
                curated=False,
            )
        )
    lex.verbs = dict(verbs)
    lex.nouns = dict(nouns)
    governors: dict[str, dict[str, str]] = defaultdict(dict)
    for r in _read("modality.tsv"):
        governors[r["lemma"]][r["role"]] = r["modality"]
    lex.governors = dict(governors)
    lex.light_verbs = frozenset(r["lemma"] for r in _read("light_verbs.tsv"))
    lex.agent_nouns = frozenset(r["noun"] for r in _read("agent_nouns.tsv"))
    lex.instruments = {r["word"]: r["cameo_code"] for r in _read("instruments.tsv")}
    return lex
