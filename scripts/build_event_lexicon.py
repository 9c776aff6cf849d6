"""Build the event coder's data tables from the ontology sources (dev time only).

Reads ``/work/shared/ontology`` (or ``--ontology DIR``) and writes, under
``src/tidings/data/events/``:

- ``cameo_codes.tsv``: every CAMEO code with root, QuadClass, Goldstein and its PLOVER
  event/mode/context (official 2021 crosswalk, modes checked against the current mode list,
  plus the Tidings policy for CAMEO 02x: appeals are coded as PLOVER REQUEST);
- ``plover_types.tsv`` and ``plover_modes.tsv``: the 16 PLOVER types and their modes;
- ``agent_nouns.tsv``: head nouns of PETRARCH2 agents (words that name actors);
- ``verbs_petrarch.tsv``: PETRARCH2 verb lemmas (bare verbs and the patterns written for each
  verb) reduced to lemma, particle, required head words, prepositions and CAMEO code.

The hand-curated tables (``triggers.tsv``, ``modality.tsv``, ``light_verbs.tsv``) are written
by people and are not touched here. Run: ``python scripts/build_event_lexicon.py``.

``--calibrate`` instead refits ``confidence_calibration.tsv``: the rule coder codes our own
written sentences in ``calibration.jsonl`` and an isotonic map from raw score to "the emitted
type is one of the sentence's types" is stored (no evaluation gold is used).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "tidings" / "data" / "events"

# Modes renamed or retired since the 2021 crosswalk, mapped onto the current manual's modes.
MODE_RENAMES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "pro_autocracy"): "crowd-control",
    ("COERCE", "ban"): "restrict",
    ("THREATEN", "ban"): "restrict",
    ("THREATEN", "political"): "restrict",
    ("RETREAT", "return"): "release",
    ("RETREAT", "ease"): "",
    ("PROTEST", "boycott"): "boycott",
}
# CAMEO code -> current mode where the 2021 crosswalk gives a coarser or outdated one.
CODE_MODES = {
    "195": "aerial",
    "1831": "suicide-attack",
    "175": "crowd-control",
    "1712": "destroy",
    "1823": "beat",
    "176": "cyber",
}
# Tidings policy, after ``plover_modes.csv`` (SANCTION:discontinue covers international
# sanctions) where the 2021 crosswalk still sends them to COERCE.
CODE_EVENTS = {"163": ("SANCTION", "discontinue")}
# Tidings policy: PLOVER v2 folds CAMEO "appeal" (02) into REQUEST (the crosswalk drops it).
APPEAL_MODES = {
    "020": "",
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "yield",
    "028": "meet",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(name: str, header: list[str], rows: list[list[str]]) -> None:
    path = OUT / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def build(onto: Path) -> None:
    modes = _rows(onto / "plover_modes.csv")
    valid = {(m["event"], m["mode"]) for m in modes}
    _write(
        "plover_modes.tsv",
        ["event", "mode", "description", "plover_score"],
        [[m["event"], m["mode"], m["description"], m["plover_score"]] for m in modes],
    )
    types = _rows(onto / "plover_events.csv")
    _write(
        "plover_types.tsv",
        ["event", "quad_class", "plover_score", "requires_recipient", "cameo_roots"],
        [
            [
                t["event"],
                t["quad_class"],
                t["plover_score"],
                t["requires_recipient"],
                t["cameo_roots"],
            ]
            for t in types
        ],
    )
    walk = {r["cameo_code"]: r for r in _rows(onto / "cameo_to_plover.csv")}
    out: list[list[str]] = []
    for c in _rows(onto / "cameo_events.csv"):
        code = c["code"]
        w = walk.get(code) or walk.get(code[:3]) or walk.get(code[:2]) or {}
        event, mode, context = w.get("plover_event", ""), w.get("plover_mode", ""), ""
        context = w.get("plover_context", "")
        source = "crosswalk"
        if code.startswith("02"):
            event, mode, source = "REQUEST", APPEAL_MODES.get(code[:3], ""), "tidings:appeal"
        if event == "CONCEDE|RETREAT" or "|" in event:  # root 08 alone: the generic yield
            event = "CONCEDE"
        if code in CODE_EVENTS:
            (event, mode), source = CODE_EVENTS[code], "tidings:policy"
        mode = CODE_MODES.get(code, MODE_RENAMES.get((event, mode), mode))
        if mode and (event, mode) not in valid:
            mode = ""
        out.append(
            [
                code,
                c["name"],
                c["root_code"],
                c["quad_class"],
                c["goldstein"],
                event,
                mode,
                context,
                source,
            ]
        )
    _write(
        "cameo_codes.tsv",
        [
            "code",
            "name",
            "root",
            "quad_class",
            "goldstein",
            "plover_event",
            "plover_mode",
            "plover_context",
            "mapping_source",
        ],
        out,
    )
    synsets: dict[str, list[str]] = {}
    for s in _rows(onto / "petrarch_synsets.csv"):
        synsets.setdefault(s["synset"].lstrip("&").rstrip("_"), []).append(s["word"])
    verbs: dict[tuple[str, str, str, str], list[str]] = {}
    for r in _rows(onto / "petrarch_verbs.csv"):
        if r["row_type"] == "pattern" and (r["is_source_verb"] != "True" or r["pattern_pre"]):
            continue
        if r["notes"] and ("slash" in r["notes"] or "star-attached" in r["notes"]):
            continue
        if " " in r["verb_head"] or not r["verb_head"].isalpha():
            continue
        code = r["cameo_code"]
        passive = r["cameo_code_passive"]
        if r["discard"] == "True":
            code = "---"
        heads: list[str] = []
        for h in filter(None, r["heads"].split(";")):
            if h.startswith("&"):
                members = synsets.get(h[1:].rstrip("_"), [])
                heads.append("|".join(sorted({m.split()[-1] for m in members})) or h)
            else:
                heads.append(h.lower())
        key = (r["verb_head"], r["verb_particle"], ";".join(heads), r["prepositions"].lower())
        # PETRARCH2 keeps the last definition of a duplicated pattern and the first of a verb.
        if key in verbs and r["row_type"] == "verb":
            continue
        verbs[key] = [code, passive, r["line"]]
    _write(
        "verbs_petrarch.tsv",
        ["lemma", "particle", "heads", "preps", "cameo_code", "cameo_code_passive", "line"],
        [list(k) + v for k, v in sorted(verbs.items())],
    )


# Sector words that are far more often topics ("discussed trade") than actors.
_TOPICS = frozenset(
    [
        "trade",
        "security",
        "business",
        "industry",
        "health",
        "education",
        "media",
        "energy",
        "development",
        "finance",
        "agriculture",
        "labor",
        "labour",
        "justice",
        "defense",
        "defence",
        "interior",
        "economy",
        "information",
        "transport",
        "tourism",
        "culture",
        "environment",
        "science",
        "technology",
        "control",
        "power",
        "order",
        "peace",
    ]
)


def build_agents(onto: Path) -> None:
    """Head nouns that name actors ("minister", "troops"), from the PETRARCH2 agent list."""
    heads: dict[str, str] = {}
    for r in _rows(onto / "phoenix_agent_dictionary.csv"):
        words = r["pattern"].lower().replace("_", " ").split()
        if words and words[-1].isalpha() and len(words[-1]) > 2 and words[-1] not in _TOPICS:
            heads.setdefault(words[-1], r["agent_code"])
    _write("agent_nouns.tsv", ["noun", "agent_code"], sorted([k, v] for k, v in heads.items()))


def calibrate() -> None:
    """Fit the raw-score -> probability table on the bundled calibration sentences."""
    import json

    from tidings.actors import make_actor_linker
    from tidings.annotate import load_pipeline
    from tidings.events._calibration import TABLE, isotonic
    from tidings.events.rules import RuleCoder
    from tidings.model import AnnotatedDoc, Article

    nlp = load_pipeline()
    coder = RuleCoder(actor_linker=make_actor_linker())
    points: list[tuple[float, bool]] = []
    for line in (OUT / "calibration.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        art = Article(article_id=rec["id"], doc_id=rec["id"], text=rec["text"])
        for ev in coder.code(AnnotatedDoc(article=art, doc=nlp(rec["text"]))):
            if "requested_by_event" not in ev.extra:
                points.append((float(ev.extra["confidence_raw"]), ev.plover_type in rec["types"]))
    blocks = isotonic(points)
    with (OUT / TABLE).open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# fitted by build_event_lexicon.py --calibrate on {len(points)} events\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["raw", "calibrated", "n"])
        w.writerows(blocks)
    ok = sum(p[1] for p in points)
    print(f"{len(points)} events, {ok} with a correct type; {len(blocks)} blocks -> {TABLE}")


def learned_examples() -> None:
    """Token-level training rows for ``tidings.learned.v1`` from our own written sentences.

    Sentences: ``calibration.jsonl`` and ``tests/events/cases.jsonl`` (written for Tidings; no
    evaluation gold). Every candidate token (verb, or lexicon noun) gets the PLOVER type its
    lexicon row gives when that type is one of the sentence's expected types, else NONE; an
    expected type no lexicon token explains goes to the sentence's root verb if it is free.
    """
    import json

    from tidings.annotate import load_pipeline
    from tidings.events._lexicon import load_lexicon
    from tidings.events._trigger_choice import lexicon_entry
    from tidings.events.learned import _label, token_features

    lex = load_lexicon()
    nlp = load_pipeline()
    sents: list[tuple[str, set[str]]] = []
    for line in (OUT / "calibration.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            sents.append((rec["text"], set(rec["types"])))
    cases = OUT.parent.parent.parent.parent / "tests" / "events" / "cases.jsonl"
    for line in cases.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            sents.append((rec["text"], {e["type"] for e in rec["events"]}))
    rows: list[dict[str, object]] = []
    for text, types in sents:
        doc = nlp(text)
        labels: dict[int, str] = {}
        for tok in doc:
            if tok.pos_ != "VERB" and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns):
                continue
            entry = lexicon_entry(tok, lex)
            label = _label(entry, lex) if entry is not None else "NONE"
            labels[tok.i] = label if label in types else "NONE"
        missing = types - set(labels.values())
        root = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ == "VERB"), None)
        if len(missing) == 1 and root is not None and labels.get(root.i) == "NONE":
            labels[root.i] = next(iter(missing))
        for i, label in sorted(labels.items()):
            rows.append({"features": token_features(doc[i]), "label": label})
    path = OUT / "learned_examples.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, sort_keys=True) + "\n")
    n_event = sum(r["label"] != "NONE" for r in rows)
    print(f"{len(sents)} sentences -> {len(rows)} token rows ({n_event} events) -> {path.name}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ontology", type=Path, default=Path("/work/shared/ontology"))
    ap.add_argument("--calibrate", action="store_true", help="refit the confidence table only")
    ap.add_argument(
        "--learned-examples", action="store_true", help="rebuild learned_examples.jsonl only"
    )
    args = ap.parse_args()
    if args.calibrate:
        calibrate()
        return
    if args.learned_examples:
        learned_examples()
        return
    build(args.ontology)
    build_agents(args.ontology)


if __name__ == "__main__":
    main()
