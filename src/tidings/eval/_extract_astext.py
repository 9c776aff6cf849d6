"""``tidings eval extract --as-text R [--glued]``: the dev pages rendered to text, fed through
the scraped-text path as a ``.txt`` file would be, next to the raw text and trafilatura on HTML.

Single pages report the snippet metric, title accuracy, dates found on pages whose text prints a
labelled date, dates made from the clock (must be 0) and single pages wrongly split. ``--glued``
concatenates pairs of rendered pages (fixed seed) and reports pairs split right (exactly two
parts, each >= 95 % from its own page) and the snippet metric with each page scored on the
parts that came mostly from it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import trafilatura
from rich.console import Console
from rich.table import Table

from tidings.config import load_config
from tidings.errors import TidingsError
from tidings.eval import _extract_text as tx
from tidings.eval._extract_score import SnippetCounts
from tidings.extract import LineStats, extract_articles
from tidings.model import Article, RawDoc, content_id

GLUE_SEED = 11
_OWN_SHARE = 0.95


def text_articles(
    text: str, config: dict[str, Any], key: str, stats: LineStats | None = None
) -> list[Article]:
    """Articles of ``text`` taken as a scraped ``.txt`` file (no fetch time, no metadata)."""
    doc = RawDoc(content_id("text", text, key), f"{key or 'page'}.txt", "text", text, "")
    try:
        return extract_articles(doc, config, stats)
    except TidingsError:
        return []


def evaluate_as_text(
    records: list[dict[str, Any]], how: str, path: Path, glued: bool
) -> dict[str, Any]:
    config = load_config()
    now = datetime.now()
    systems = ("ours", "raw", "base")
    counts = {s: SnippetCounts() for s in systems}
    titles = dated = dated_found = dated_right = dated_gold = clock = wrongly_split = 0
    rendered = [tx.render(r.get("html") or "", how) for r in records]
    stats = LineStats.of_texts(rendered)  # the run is one batch, as an ingest run would be
    for record, text in zip(records, rendered, strict=True):
        html = record.get("html") or ""
        articles = text_articles(text, config, str(record.get("id", "")), stats)
        with_, without = record.get("with", []), record.get("without", [])
        counts["ours"].add("\n".join(a.text for a in articles), with_, without)
        counts["raw"].add(text, with_, without)
        counts["base"].add(trafilatura.extract(html) or "", with_, without)
        meta = record.get("metadata") or {}
        first = articles[0] if articles else None
        golds = tx.gold_titles(meta.get("title"), tx.page_title(html))
        titles += tx.title_right(first.title if first else None, golds)
        wrongly_split += len(articles) > 1
        stamp = first.published_at if first else None
        clock += sum(tx.from_clock(a.published_at, now) for a in articles)
        if tx.prints_labelled_date(text):
            dated += 1
            dated_found += stamp is not None
            if meta.get("date"):
                dated_gold += 1
                dated_right += stamp is not None and stamp.date().isoformat() == meta["date"]
    n = len(records)
    result: dict[str, Any] = {
        "task": "extract",
        "as_text": how,
        "data": str(path),
        "n": n,
        **counts["ours"].metrics(),
        "title_accuracy": titles / n if n else 0.0,
        "title_normalisation": "NFKC, lower case, word characters only; equal to metadata.title,"
        " <title>, a 3+ word piece or a leading run of pieces of <title> split at"
        " | - – — :: » « › · :",
        "labelled_date_pages": dated,
        "date_found": dated_found,
        "date_found_share": dated_found / dated if dated else 0.0,
        "date_right_vs_gold": dated_right,
        "labelled_date_pages_with_gold_date": dated_gold,
        "dates_from_clock": clock,
        "single_pages_split": wrongly_split,
        "raw_text": counts["raw"].metrics(),
        "baseline": {
            "system": f"trafilatura.extract {trafilatura.__version__} defaults on the HTML",
            **counts["base"].metrics(),
        },
    }
    rows = [("tidings scraped-text path", result), ("raw rendered text", result["raw_text"])]
    rows.append(("trafilatura.extract on HTML", result["baseline"]))
    _print(f"Article extraction as text ({how}, {path.name})", rows, n)
    Console().print(
        f"titles right {titles}/{n}; labelled-date pages {dated}, date found {dated_found}"
        f" (same day as gold {dated_right}/{dated_gold}); dates from the clock {clock};"
        f" single pages split {wrongly_split}/{n}"
    )
    if glued:
        result["glued"] = _glued(records, rendered, config, lambda a: tx.from_clock(a, now), stats)
    return result


def _glued(
    records: list[dict[str, Any]],
    rendered: list[str],
    config: dict[str, Any],
    clock: Callable[[datetime | None], bool],
    stats: LineStats,
) -> dict[str, Any]:
    order = list(range(len(records)))
    random.Random(GLUE_SEED).shuffle(order)
    pairs = [(order[i], order[i + 1]) for i in range(0, len(order) - 1, 2)]
    counts = SnippetCounts()
    right = clock_dates = 0
    for a, b in pairs:
        first, second = rendered[a].rstrip("\n"), rendered[b]
        text = f"{first}\n\n{second}"
        cut = len(first) + 2
        articles = text_articles(text, config, f"glued-{a}-{b}", stats)
        clock_dates += sum(clock(x.published_at) for x in articles)
        shares = [_share_before(x, cut) for x in articles]
        if len(articles) == 2 and shares[0] >= _OWN_SHARE and 1 - shares[1] >= _OWN_SHARE:
            right += 1
        for page, mine in ((a, [s >= 0.5 for s in shares]), (b, [s < 0.5 for s in shares])):
            own = "\n".join(x.text for x, keep in zip(articles, mine, strict=True) if keep)
            rec = records[page]
            counts.add(own, rec.get("with", []), rec.get("without", []))
    out = {"pairs": len(pairs), "split_right": right, "seed": GLUE_SEED, **counts.metrics()}
    out["split_right_share"] = right / len(pairs) if pairs else 0.0
    out["dates_from_clock"] = clock_dates
    _print("Glued pairs, each page scored on its own parts", [("tidings", out)], len(pairs))
    Console().print(f"glued pairs split right {right}/{len(pairs)}")
    return out


def _share_before(article: Article, cut: int) -> float:
    """Share of the article's characters that come from before ``cut`` in the glued text."""
    total = sum(length for _, _, length in article.raw_offsets)
    if not total:
        return 0.0
    inside = sum(max(0, min(raw + length, cut) - raw) for _, raw, length in article.raw_offsets)
    return inside / total


def _print(title: str, rows: list[tuple[str, dict[str, Any]]], n: int) -> None:
    table = Table(title=title)
    for column in ("system", "pages", "precision", "recall", "F1", "accuracy"):
        table.add_column(column, justify="left" if column == "system" else "right")
    for name, m in rows:
        table.add_row(
            name,
            str(n),
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            f"{m['accuracy']:.3f}",
        )
    Console().print(table)
