"""Write the team's own event-training corpus (``training/events/*.jsonl``), deterministically.

Sentences are composed from hand-written, news-shaped frames (wire style, reported speech,
passives, "X and Y", long sentences with time and place) filled with invented or generic
actors, places and times. Each positive row names its PLOVER type, mode, modality, negation
and the character spans of source and target; hard negatives (weather, markets, sports,
accidents, idioms, opinions with no target, questions, general deterrence) have no events.
No evaluation (gold) text is used. Same seed, same files:

    python scripts/make_event_corpus.py [--out training/events] [--seed 13]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

from event_frames import ACTS, COMPOUND, NEGATIVES, REQUESTS, SPEECH

# Actors: (text, group). Groups keep a frame's source and target plausible and distinct.
ACTORS: list[tuple[str, str]] = [
    ("Kenya", "state"),
    ("Ethiopia", "state"),
    ("Turkey", "state"),
    ("Greece", "state"),
    ("Pakistan", "state"),
    ("India", "state"),
    ("Japan", "state"),
    ("South Korea", "state"),
    ("North Korea", "state"),
    ("Colombia", "state"),
    ("Venezuela", "state"),
    ("Poland", "state"),
    ("Morocco", "state"),
    ("Algeria", "state"),
    ("Iran", "state"),
    ("Saudi Arabia", "state"),
    ("Washington", "state"),
    ("Beijing", "state"),
    ("Moscow", "state"),
    ("Pyongyang", "state"),
    ("Seoul", "state"),
    ("the Kenyan government", "state"),
    ("the Iraqi government", "state"),
    ("the Spanish government", "state"),
    ("the Brazilian government", "state"),
    ("Nigerian authorities", "state"),
    ("Egyptian officials", "state"),
    ("the Philippine foreign ministry", "state"),
    ("President Elena Marquez", "leader"),
    ("Prime Minister Tomas Varga", "leader"),
    ("Foreign Minister Amina Diallo", "leader"),
    ("Chancellor Jonas Keller", "leader"),
    ("Defence Minister Ravi Menon", "leader"),
    ("the Turkish president", "leader"),
    ("the Japanese prime minister", "leader"),
    ("Secretary of State Mark Ellison", "leader"),
    ("opposition leader Farid Haddad", "leader"),
    ("the interior minister", "leader"),
    ("the United Nations", "org"),
    ("NATO", "org"),
    ("the European Union", "org"),
    ("the African Union", "org"),
    ("the International Monetary Fund", "org"),
    ("the World Health Organization", "org"),
    ("the Red Cross", "org"),
    ("Amnesty International", "org"),
    ("Ukrainian forces", "armed"),
    ("Israeli troops", "armed"),
    ("the Syrian army", "armed"),
    ("Houthi rebels", "armed"),
    ("Taliban fighters", "armed"),
    ("al-Shabaab militants", "armed"),
    ("Islamic State gunmen", "armed"),
    ("government soldiers", "armed"),
    ("riot police", "police"),
    ("police in Cairo", "police"),
    ("security forces", "police"),
    ("the national guard", "police"),
    ("thousands of protesters", "civil"),
    ("striking teachers", "civil"),
    ("farmers' unions", "civil"),
    ("students", "civil"),
    ("journalists", "civil"),
    ("opposition supporters", "civil"),
    ("the ruling party", "party"),
    ("the main opposition party", "party"),
    ("lawmakers", "party"),
    ("villagers", "civil"),
]
PLACES = [
    "Nairobi",
    "Geneva",
    "Baghdad",
    "Ankara",
    "Madrid",
    "Cairo",
    "Kabul",
    "the capital",
    "Brussels",
    "Addis Ababa",
    "Bogota",
    "Warsaw",
    "the border town of Kilis",
    "the northern province",
    "Doha",
    "Manila",
    "Lagos",
    "Rabat",
]
TIMES = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "late on Sunday",
    "earlier this week",
    "last week",
    "overnight",
    "on March 3",
    "in October",
    "this morning",
]
SPEAKERS = [
    "a government spokesman",
    "officials",
    "state media",
    "the ministry",
    "a senior diplomat",
    "witnesses",
    "the agency",
    "a military source",
    "local media",
    "the statement",
]
COMPANIES = ["Acme Holdings", "Northwind Energy", "Globex", "Orion Motors", "Blue Harbor Bank"]
TEAMS = ["Real Madrid", "the Lakers", "Arsenal", "the Springboks", "Galatasaray", "the Yankees"]
SLOT = re.compile(r"\{(S|T|P|D|X|C|C2|K|K2)\}")
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "gov": ("state", "leader", "org", "party"),
    "any": ("state", "leader", "org", "armed", "police", "civil", "party"),
    "armed": ("state", "armed", "police"),
    "civil": ("civil", "party", "org"),
    "police": ("police", "state"),
    "state": ("state",),
    "leader": ("leader",),
    "party": ("party", "civil"),
    "org": ("org",),
}


def _pick_actor(rng: random.Random, groups: str, avoid: set[str]) -> str:
    pool = [a for a, g in ACTORS if g in ROLE_GROUPS[groups] and a not in avoid]
    return rng.choice(pool)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def fill(frame: str, rng: random.Random, sgroup: str, tgroup: str) -> tuple[str, dict[str, Any]]:
    """Fill one frame; return the sentence and the spans of each slot filled."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    if "{S}" in frame:
        chosen["S"] = _pick_actor(rng, sgroup, used)
        used.add(chosen["S"])
    if "{T}" in frame:
        chosen["T"] = _pick_actor(rng, tgroup, used)
        used.add(chosen["T"])
    chosen["X"] = rng.choice(SPEAKERS)
    chosen["P"] = rng.choice(PLACES)
    chosen["D"] = rng.choice(TIMES)
    c1, c2 = rng.sample(COMPANIES, 2)
    k1, k2 = rng.sample(TEAMS, 2)
    chosen.update(C=c1, C2=c2, K=k1, K2=k2)
    out: list[str] = []
    spans: dict[str, list[int]] = {}
    pos = 0
    length = 0
    for m in SLOT.finditer(frame):
        lit = frame[pos : m.start()]
        out.append(lit)
        length += len(lit)
        val = chosen[m.group(1)]
        if length == 0 or out[-1].endswith((". ", '" ', "“")):
            val = _cap(val)
        spans.setdefault(m.group(1), [length, length + len(val)])
        out.append(val)
        length += len(val)
        pos = m.end()
    out.append(frame[pos:])
    text = "".join(out)
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace(" ,", ",").replace(" .", ".")
    return _cap(text), {"spans": spans, "values": chosen}


def _span(text: str, value: str, hint: list[int] | None) -> list[int] | None:
    """Character span of a filler in the cleaned sentence (fill() may shift whitespace)."""
    if hint is None:
        return None
    i = text.lower().find(value.lower())
    return [i, i + len(value)] if i >= 0 else None


def _event(
    text: str,
    info: dict[str, Any],
    etype: str,
    mode: str,
    modality: str,
    negated: bool,
    swap: bool = False,
    reciprocal: bool = False,
) -> dict[str, Any]:
    spans, vals = info["spans"], info["values"]
    s = _span(text, vals.get("S", ""), spans.get("S"))
    t = _span(text, vals.get("T", ""), spans.get("T"))
    if swap:
        s, t = t, s
    return {
        "type": etype,
        "mode": mode or None,
        "modality": modality,
        "negated": negated,
        "source": s,
        "target": t,
        "reciprocal": reciprocal,
    }


def positives(rng: random.Random, per_type: int) -> list[dict[str, Any]]:
    """Event sentences: each act frame under a modality wrapper, plus requests and compounds."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for act in ACTS:
        for wrapper in act["wrappers"]:
            by_type.setdefault(wrapper["type"] or act["type"], []).append({**act, **wrapper})
    for req in REQUESTS:
        by_type.setdefault(req["type"], []).append(req)
    rows: list[dict[str, Any]] = []
    for etype in sorted(by_type):
        frames = by_type[etype]
        for i in range(per_type):
            f = frames[i % len(frames)]
            text, info = fill(f["frame"], rng, f.get("sg", "any"), f.get("tg", "any"))
            if rng.random() < 0.25 and " said" not in text and "according to" not in text:
                text, info = _reported(text, info, rng)
            ev = _event(
                text,
                info,
                f["type"] or etype,
                f.get("mode", ""),
                f.get("modality", "asserted"),
                f.get("negated", False),
                reciprocal=f.get("reciprocal", False),
            )
            rows.append({"text": text, "events": [ev], "frame": f["id"]})
    for i in range(max(1, per_type // 2)):
        c = COMPOUND[i % len(COMPOUND)]
        text, info = fill(c["frame"], rng, c.get("sg", "gov"), c.get("tg", "gov"))
        evs = [_event(text, info, t, m, "asserted", False) for t, m in c["events"]]
        rows.append({"text": text, "events": evs, "frame": c["id"]})
    return rows


def _reported(text: str, info: dict[str, Any], rng: random.Random) -> tuple[str, dict[str, Any]]:
    """Wrap a sentence as reported speech ('..., officials said.' or 'X said ...')."""
    speaker = rng.choice(SPEAKERS)
    body = text.rstrip(".")
    if rng.random() < 0.5:
        return f"{body}, {speaker} said.", info
    verb = rng.choice(["said", "reported", "told reporters", "said in a statement"])
    head = f"{_cap(speaker)} {verb} that "
    # Keep a proper name's capital ("Kenya"), lower a sentence-initial article ("The ...").
    first = body.split(" ", 1)[0]
    if first in {"The", "A", "In", "Dozens", "Troops", "Sanctions", "Diplomats", "Aid"}:
        body = body[:1].lower() + body[1:]
    shift = len(head)
    spans = {k: [a + shift, b + shift] for k, (a, b) in info["spans"].items()}
    return head + body + ".", {**info, "spans": spans}


def negatives(rng: random.Random, n: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(n):
        f = NEGATIVES[i % len(NEGATIVES)]
        text, _ = fill(f["frame"], rng, f.get("sg", "any"), f.get("tg", "any"))
        rows.append({"text": text, "events": [], "frame": f["id"]})
    for i in range(n // 6):
        f = SPEECH[i % len(SPEECH)]
        text, _ = fill(f["frame"], rng, "gov", "gov")
        rows.append({"text": text, "events": [], "frame": f["id"]})
    return rows


def build(
    seed: int = 13, per_type: int = 300, n_neg: int = 2600
) -> dict[str, list[dict[str, Any]]]:
    rng = random.Random(seed)
    pos = positives(rng, per_type)
    neg = negatives(rng, n_neg)
    seen: set[str] = set()
    out: dict[str, list[dict[str, Any]]] = {"events": [], "negatives": []}
    for name, rows in (("events", pos), ("negatives", neg)):
        for r in rows:
            if r["text"] in seen:
                continue
            seen.add(r["text"])
            out[name].append(r)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("training/events"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per-type", type=int, default=300)
    ap.add_argument("--negatives", type=int, default=2600)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    corpus = build(a.seed, a.per_type, a.negatives)
    for name, rows in corpus.items():
        path = a.out / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{path}: {len(rows)} sentences")


if __name__ == "__main__":
    main()
