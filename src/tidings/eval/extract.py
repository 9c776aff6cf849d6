"""Score article extraction on trafilatura's evaluation pages, ours against bare trafilatura.

``tidings eval extract [--data FILE]``: FILE is JSON Lines (optionally gzip) with ``html``,
``with`` and ``without`` snippet lists and ``lang_guess``; the default is
``article_extraction/trafilatura_eval.jsonl.gz`` under ``$TIDINGS_EVAL_DIR`` or ``../shared/eval``.
``--as-text inscriptis|dom [--glued]`` scores the scraped-text path on the pages rendered to
text instead (``tidings.eval._extract_astext``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura
from rich.console import Console
from rich.table import Table

from tidings.config import load_config
from tidings.errors import TidingsError
from tidings.eval import eval_dir
from tidings.eval._extract_score import SnippetCounts
from tidings.extract import extract_articles
from tidings.model import RawDoc, content_id

DEFAULT_FILE = Path("article_extraction") / "trafilatura_eval.jsonl.gz"


def default_data() -> Path:
    return eval_dir() / DEFAULT_FILE


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def ours(html: str, config: dict[str, Any], key: str = "") -> str:
    """Tidings' extracted text of a page: its articles' texts, or "" when none."""
    doc = RawDoc(content_id("html", html, key), key or "page.html", "html", html, "")
    try:
        return "\n".join(a.text for a in extract_articles(doc, config))
    except TidingsError:
        return ""


def baseline(html: str) -> str:
    """Plain ``trafilatura.extract(html)`` with its defaults."""
    return trafilatura.extract(html) or ""


def evaluate(
    data: Path | None = None, as_text: str | None = None, glued: bool = False
) -> dict[str, Any]:
    """Print a table of ours vs trafilatura and return the metrics dict."""
    path = data if data is not None else default_data()
    if as_text is not None:
        from tidings.eval._extract_astext import evaluate_as_text

        return evaluate_as_text(list(read_records(path)), as_text, path, glued)
    config = load_config()
    counts = {
        (system, subset): SnippetCounts() for system in ("ours", "base") for subset in ("all", "en")
    }
    n = n_en = 0
    for record in read_records(path):
        html = record.get("html") or ""
        texts = {"ours": ours(html, config, str(record.get("id", ""))), "base": baseline(html)}
        subsets = ["all"] + (["en"] if record.get("lang_guess") == "en" else [])
        n += 1
        n_en += record.get("lang_guess") == "en"
        for system, text in texts.items():
            for subset in subsets:
                counts[system, subset].add(text, record.get("with", []), record.get("without", []))
    result = {key: c.metrics() for key, c in counts.items()}
    _print_table(result, n, n_en, path)
    mine, base = result["ours", "all"], result["base", "all"]
    return {
        "task": "extract",
        "data": str(path),
        "n": n,
        **mine,
        "en": {"n": n_en, **result["ours", "en"]},
        "baseline": {
            "system": f"trafilatura.extract {trafilatura.__version__} defaults",
            **base,
            "en": {"n": n_en, **result["base", "en"]},
        },
    }


def _print_table(
    result: dict[tuple[str, str], dict[str, float]], n: int, n_en: int, path: Path
) -> None:
    table = Table(title=f"Article extraction, snippet metric ({path.name})")
    for column in ("system", "pages", "precision", "recall", "F1", "accuracy"):
        table.add_column(column, justify="left" if column == "system" else "right")
    names = {"ours": "tidings.extract", "base": "trafilatura.extract (defaults)"}
    for subset, pages in (("all", n), ("en", n_en)):
        for system in ("ours", "base"):
            m = result[system, subset]
            table.add_row(
                f"{names[system]} [{subset}]",
                str(pages),
                f"{m['precision']:.3f}",
                f"{m['recall']:.3f}",
                f"{m['f1']:.3f}",
                f"{m['accuracy']:.3f}",
            )
    Console().print(table)
