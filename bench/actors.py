"""Actor linker benchmark: KB load time, lookup speed, and code accuracy on PLOVER-GSR gold actors.

Run: ``.venv/bin/python bench/actors.py [--data FILE]``. The gold file is read from
``$TIDINGS_EVAL_DIR`` (default ``../shared/eval``) and never copied into the repository.
Each gold actor ``text`` is linked alone (no sentence context); the publication date is unknown
(the GSR dates are placeholders), so roles are read with ``when=None``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from tidings.actors import ActorLinker
from tidings.actors._kb import KnowledgeBase

# 2016-era CAMEO country codes in the GSR that differ from ISO 3166 alpha-3.
LEGACY = {
    "JAP": "JPN",
    "ITL": "ITA",
    "UK": "GBR",
    "GER": "DEU",
    "ROM": "ROU",
    "ZAR": "COD",
    "SUD": "SDN",
    "TMP": "TLS",
    "BUR": "MMR",
    "YUG": "SRB",
    "SER": "SRB",
    "PAL": "PSE",
}
INTERNATIONAL = {"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "ISM"}
MENTIONS = [
    "US Secretary of State Antony Blinken",
    "Iraqi Prime Minister Mohammed Shia al-Sudani",
    "Iranian-backed Iraqi Shiite armed groups",
    "Israeli troops",
    "the army",
    "Tehran",
    "Hayat Tahrir al-Sham",
    "NATO",
    "protesters",
    "Turkish authorities",
    "Sudani",
    "Egyptian police",
    "Foo Bar",
    "the opposition",
    "UN Security Council",
    "Hezbollah",
]


# A made-up wire story (not a published article) for the per-article timing.
ARTICLE = (
    "BAGHDAD (Reuters) - Iraq's prime minister on Sunday ordered security forces to arrest the "
    "gunmen who attacked a protest camp in southern Basra, officials said. Prime Minister "
    "Mohammed Shia al-Sudani told reporters that the government would not tolerate attacks on "
    'peaceful demonstrators. "We will hold those responsible to account," he said. Kataib '
    "Hezbollah, an Iranian-backed militia, denied any role. The United States embassy condemned "
    "the violence. Washington has urged Baghdad to rein in armed factions. Sudani is due to "
    "visit Tehran next month, his office said. Turkish warplanes struck suspected PKK positions "
    "in the Kurdistan region, the Turkish defence ministry said. The UN mission in Iraq called on "
    "all sides to show restraint. Amnesty International urged the authorities to investigate."
)


def doc_speed(linker: ActorLinker, rounds: int = 50) -> tuple[float, int]:
    """Milliseconds per article for link_doc plus at() on every noun chunk."""
    from tidings.annotate import load_pipeline
    from tidings.model import AnnotatedDoc, Article

    parsed = load_pipeline()(ARTICLE)
    article = Article(article_id="b", doc_id="b", text=ARTICLE, published_at=datetime(2024, 11, 3))
    chunks = [(c.start_char, c.end_char) for c in parsed.noun_chunks]
    t0 = time.perf_counter()
    for _ in range(rounds):
        actors = linker.link_doc(AnnotatedDoc(article=article, doc=parsed))
        for start, end in chunks:
            actors.at(start, end)
    return 1000 * (time.perf_counter() - t0) / rounds, len(chunks)


def eval_dir() -> Path:
    return Path(os.environ.get("TIDINGS_EVAL_DIR", Path.cwd().parent / "shared" / "eval"))


def gold_actor(actor: dict[str, str | None]) -> tuple[str | None, str | None]:
    code = (actor.get("code") or "").strip().upper() or None
    sector = (actor.get("sector") or "").strip()[:3].upper() or None
    if sector in {"***", "CIV"}:
        sector = "CVL" if sector == "CIV" else None
    if code:
        code = LEGACY.get(code, code)
    return code, sector


def predicted(
    ref_code: str | None, country: str | None, sector: str | None
) -> tuple[str | None, str | None]:
    if country:
        return country, sector
    if ref_code and ref_code[:3] in INTERNATIONAL:
        return ref_code[:3], sector if sector not in INTERNATIONAL else None
    return None, sector


def accuracy(linker: ActorLinker, path: Path) -> dict[str, float | int]:
    n = country_ok = sector_ok = both_ok = 0
    misses: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record["events"]:
            for actor in event["source"] + event["target"]:
                gold_c, gold_s = gold_actor(actor)
                ref = linker.link(actor["text"] or "")
                pred_c, pred_s = predicted(ref.code, ref.country_iso3, ref.sector)
                if gold_c in INTERNATIONAL:
                    gold_s = None if gold_s in INTERNATIONAL else gold_s
                n += 1
                c_ok = pred_c == gold_c
                s_ok = pred_s == gold_s
                country_ok += c_ok
                sector_ok += s_ok
                both_ok += c_ok and s_ok
                if not (c_ok and s_ok):
                    misses[f"{actor['text']!r} gold={gold_c}/{gold_s} got={pred_c}/{pred_s}"] += 1
    for miss, count in misses.most_common(25):
        print(f"  miss x{count}: {miss}")
    return {
        "n": n,
        "country_acc": country_ok / n,
        "sector_acc": sector_ok / n,
        "code_acc": both_ok / n,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()

    t0 = time.perf_counter()
    KnowledgeBase()
    load_s = time.perf_counter() - t0
    linker = ActorLinker()
    linker.link("warm up")
    rounds = 300
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text in MENTIONS:
            linker.link(text)
    per_s = rounds * len(MENTIONS) / (time.perf_counter() - t0)
    print(f"KB load: {load_s:.2f} s; link(): {per_s:,.0f} mentions/s", end=" ")
    print(f"({len(MENTIONS)} mentions x {rounds})")

    ms, n_chunks = doc_speed(linker)
    print(f"link_doc + at() on {n_chunks} noun chunks: {ms:.1f} ms/article (parse excluded)")

    data = args.data or eval_dir() / "events" / "plover_gsr.dev.jsonl"
    if not data.exists():
        print(f"{data}: not found; accuracy skipped")
        return
    metrics = accuracy(linker, data)
    print(
        json.dumps(
            {
                "data": str(data),
                **metrics,
                "load_s": round(load_s, 2),
                "doc_ms": round(ms, 1),
                "mentions_per_s": round(per_s),
            }
        )
    )


if __name__ == "__main__":
    main()
