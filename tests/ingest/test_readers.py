"""Each input format gives RawDocs with the metadata its source carries."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.config import load_config
from tidings.ingest import read_sources
from tidings.model import RawDoc, SourceError

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
CONFIG = load_config()
BODY = "BAGHDAD (AFP) – Officials met in Baghdad on Friday and agreed to meet again soon."


def read(*sources: Path | str) -> list[RawDoc | SourceError]:
    return list(read_sources([str(s) for s in sources], CONFIG))


def only_docs(items: list[RawDoc | SourceError]) -> list[RawDoc]:
    assert all(isinstance(i, RawDoc) for i in items), items
    return [i for i in items if isinstance(i, RawDoc)]


def test_text_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    [doc] = only_docs(read(tmp_path / "a.txt"))
    assert doc.content_type == "text"
    assert doc.body == BODY
    assert len(doc.sha256) == 64


def test_same_content_same_id_anywhere(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    a, b = only_docs(read(tmp_path))
    assert a.doc_id == b.doc_id
    assert a.source_uri.endswith("a.txt") and b.source_uri.endswith("b.txt")  # sorted


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "p.htm").write_text("<html><body><p>" + BODY + "</p></body></html>")
    [doc] = only_docs(read(tmp_path / "p.htm"))
    assert doc.content_type == "html"


def test_jsonl_fields(tmp_path: Path) -> None:
    rows = [
        {
            "headline": "One",
            "content": BODY,
            "link": "https://www.news.example/1",
            "date": "2024-12-14T08:00:00+03:00",
            "author": "A. Writer",
        },
        {
            "title": "Two",
            "text": BODY + " More.",
            "url": "https://other.example/2",
            "source": "Other Outlet",
        },
    ]
    path = tmp_path / "items.ndjson"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    one, two = only_docs(read(path))
    assert (one.title, one.url, one.published, one.author) == (
        "One",
        "https://www.news.example/1",
        "2024-12-14T08:00:00+03:00",
        "A. Writer",
    )
    assert one.outlet == "news.example"  # from the URL's domain when no outlet field
    assert two.outlet == "Other Outlet"
    assert one.source_uri == f"{path}#line=1"


def test_csv_uses_the_same_fields(tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    path.write_text(
        'headline,body,link,date\nHello,"' + BODY + '\n\nSecond para.",'
        "https://x.example/a,2024-12-13\n"
    )
    [doc] = only_docs(read(path))
    assert doc.title == "Hello"
    assert doc.body.endswith("Second para.")
    assert doc.published == "2024-12-13"
    assert doc.source_uri.endswith("desk.csv#row=1")


def _warc(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
    for url, ctype, body in [
        (
            "https://www.paper.example/a",
            "text/html; charset=utf-8",
            f"<html><body><p>{BODY}</p></body></html>",
        ),
        ("https://www.paper.example/logo.png", "image/png", "PNG"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
        )
    path.write_bytes(buffer.getvalue())


def test_warc_html_records_only(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    [doc] = only_docs(read(tmp_path / "crawl.warc.gz"))
    assert doc.url == "https://www.paper.example/a"
    assert doc.outlet == "paper.example"
    assert doc.content_type == "html"
    assert doc.fetched_at is not None


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Outlet</title>
<item><title>Entry one</title><link>https://f.example/1</link>
<pubDate>Sat, 14 Dec 2024 07:00:00 +0000</pubDate>
<description>&lt;p&gt;First paragraph here.&lt;/p&gt;&lt;p&gt;Second one.&lt;/p&gt;
</description></item>
<item><title>Entry two</title><link>https://f.example/2</link>
<description>Plain summary text.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Outlet</title><id>x</id><updated>2024-12-14T00:00:00Z</updated>
<entry><title>Atom one</title><link href="https://a.example/1"/><id>a1</id>
<published>2024-12-13T10:00:00+01:00</published><updated>2024-12-13T10:00:00+01:00</updated>
<content type="html">&lt;p&gt;Body of the entry.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS)
    (tmp_path / "g.atom").write_text(ATOM)
    first, second, atom = only_docs(read(tmp_path))
    assert (first.title, first.url, first.outlet) == (
        "Entry one",
        "https://f.example/1",
        "Feed Outlet",
    )
    assert first.body == "First paragraph here.\n\nSecond one."
    assert first.published == "Sat, 14 Dec 2024 07:00:00 +0000"
    assert second.body == "Plain summary text."
    assert (atom.title, atom.published, atom.body) == (
        "Atom one",
        "2024-12-13T10:00:00+01:00",
        "Body of the entry.",
    )


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl", "a.csv", "a.rss", "a.warc"])
def test_gzip_of_each_format(tmp_path: Path, name: str) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    content = {
        "a.txt": BODY.encode(),
        "a.html": f"<html><body><p>{BODY}</p></body></html>".encode(),
        "a.jsonl": json.dumps({"text": BODY}).encode() + b"\n",
        "a.csv": f'text\n"{BODY}"\n'.encode(),
        "a.rss": RSS.encode(),
    }
    if name == "a.warc":
        _warc(plain / "w.warc.gz")
        data = gzip.decompress((plain / "w.warc.gz").read_bytes())
    else:
        data = content[name]
    (plain / name).write_bytes(data)
    (tmp_path / (name + ".gz")).write_bytes(gzip.compress(data))
    from_plain = only_docs(read(plain / name))
    from_gz = only_docs(read(tmp_path / (name + ".gz")))
    assert [d.doc_id for d in from_gz] == [d.doc_id for d in from_plain]
    assert len(from_gz) >= 1


def test_folder_glob_and_fixture_pages() -> None:
    by_folder = only_docs(read(PAGES))
    by_glob = only_docs(read(str(PAGES / "*.txt")))
    assert [d.doc_id for d in by_folder if d.source_uri.endswith(".txt")] == [
        d.doc_id for d in by_glob
    ]
    assert len(by_glob) == 3
