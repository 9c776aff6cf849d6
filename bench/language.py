"""Language-guess benchmark: how often ``tidings.extract.detect_language`` says "en" rightly.

Run: ``.venv/bin/python bench/language.py``. Reads gold files from ``$TIDINGS_EVAL_DIR``
(default ``../shared/eval``); nothing is copied into the repository and nothing is tuned here.

* ``trafilatura``: the 297 pages of ``article_extraction/trafilatura_eval.jsonl.gz``, text =
  their ``with`` snippets joined; the label is the file's own ``lang_guess`` (en / other), so
  this scores the English-or-not decision the pipeline makes (it skips non-English articles).
* ``english``: the first 2,000 characters of every English news text of the temporal, quotes
  and geoparsing sets; any answer but "en" is a miss.
* ``short``: the same English texts cut to their first 120 characters (headline-sized).
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from tidings.extract import detect_language

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("temporal/tbaq_timebank.jsonl", "temporal/tbaq_aquaint.jsonl",
           "quotes/polnear_dev.jsonl", "geoparsing/trnews.jsonl")  # fmt: skip


def eval_dir() -> Path:
    env = os.environ.get("TIDINGS_EVAL_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main() -> None:
    base = eval_dir()
    started = time.perf_counter()
    calls = 0
    right = total = en_as_other = other_as_en = unsure = 0
    for rec in _jsonl(base / "article_extraction" / "trafilatura_eval.jsonl.gz"):
        snippets = rec.get("with") or []
        text = " ".join(str(s) for s in snippets) if isinstance(snippets, list) else ""
        guess = detect_language(text)
        calls += 1
        gold_en = rec.get("lang_guess") == "en"
        total += 1
        right += (guess == "en") == gold_en
        en_as_other += gold_en and guess != "en"
        other_as_en += (not gold_en) and guess == "en"
        unsure += guess is None
    english = [str(r.get("text") or "") for f in ENGLISH for r in _jsonl(base / f)]
    long_hits = sum(detect_language(t[:2000]) == "en" for t in english)
    short_hits = sum(detect_language(t.strip()[:120]) == "en" for t in english)
    calls += 2 * len(english)
    out = {
        "trafilatura": {"n": total, "en_vs_other_acc": round(right / total, 4),
                        "en_missed": en_as_other, "other_taken_for_en": other_as_en,
                        "none": unsure},
        "english": {"n": len(english), "en_acc": round(long_hits / len(english), 4)},
        "short": {"n": len(english), "en_acc": round(short_hits / len(english), 4)},
        "ms_per_text": round(1000 * (time.perf_counter() - started) / calls, 3),
    }  # fmt: skip
    print(json.dumps(out))


if __name__ == "__main__":
    main()
