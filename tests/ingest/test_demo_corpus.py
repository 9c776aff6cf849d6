"""The shipped demo corpus reads as documented in demo/README.md."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tidings.config import load_config
from tidings.extract import extract_articles
from tidings.ingest import read_sources
from tidings.model import RawDoc, SourceError

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"
CONFIG = load_config()


def _kind(uri: str) -> str:
    path = uri.split("#")[0]
    name = Path(path).name
    return name.split(".", 1)[1] if "." in name else name


def test_demo_corpus_counts_and_errors() -> None:
    docs: list[RawDoc] = []
    errors: list[SourceError] = []
    for item in read_sources([str(CORPUS)], CONFIG):
        (docs if isinstance(item, RawDoc) else errors).append(item)  # type: ignore[arg-type]
    articles = Counter()
    for doc in docs:
        if "/broken/" in doc.source_uri:
            continue
        articles[_kind(doc.source_uri)] += len(extract_articles(doc, CONFIG))
    assert dict(articles) == {
        "txt": 7,  # 5 pages + one page gluing two articles
        "txt.gz": 1,
        "html": 8,
        "jsonl": 8,
        "csv": 6,
        "rss": 5,
        "atom": 4,
        "warc.gz": 6,
    }
    assert sorted(e.message.split(" (")[0] for e in errors) == [
        "empty.html: empty file",
        "junk.txt: binary data, not text",
        "malformed.jsonl line 2: invalid JSON",
        "no_html.warc.gz: no HTML response records",
        "no_text_column.csv: no text column",
        "truncated.txt.gz: truncated or corrupt gzip data",
    ]
    broken_docs = [d for d in docs if "/broken/" in d.source_uri]
    assert sorted(Path(d.source_uri.split("#")[0]).name for d in broken_docs) == [
        "latin1.txt",
        "malformed.jsonl",
        "malformed.jsonl",
    ]
