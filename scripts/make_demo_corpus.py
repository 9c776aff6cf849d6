"""Write the demo corpus (demo/corpus/) from the invented items in scripts/demo_items.py.

Run: .venv/bin/python scripts/make_demo_corpus.py   (deterministic: same bytes every run)
Every format Tidings reads gets some items; demo/corpus/broken/ holds inputs that must fail.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import random
import shutil
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).parent))
from demo_items import ITEMS, LATIN1_ITEM, Item  # noqa: E402

ROOT = Path(__file__).resolve().parents[1] / "demo" / "corpus"
NAV_HEADERS = ["World World", "Middle East Middle East", "Politics Politics", "Asia Asia"]


def when(item: Item) -> datetime:
    return datetime.fromisoformat(item["published"])


def url_of(item: Item, parent: Item | None = None) -> str:
    domain = (parent or item)["domain"]
    return f"https://www.{domain}/{when(item):%Y/%m/%d}/{item['key']}"


def dateline_text(item: Item) -> str:
    place, wire = item["dateline"], item.get("wire")
    if wire is None:
        return f"{place}: "
    if item.get("reuters_date"):
        return f"{place}, {item['reuters_date']} ({wire}) - "
    if wire == "AP":
        return f"{place} (AP) — "
    return f"{place} ({wire}) – "


def body_text(item: Item) -> str:
    paras = list(item["paras"])
    paras[0] = dateline_text(item) + paras[0]
    return "\n\n".join(paras)


def gz_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as fh:
        fh.write(data)
    return buffer.getvalue()


# ---------------------------------------------------------------- scraped text pages


def noisy_block(item: Item, nav: str) -> list[str]:
    """One article as a scraper copies it: tabs, doubled caption, Published On, share words."""
    stamp = when(item).strftime("%a, %d %b %Y %H:%M:%S") + " PKT"
    caption = f"{item['caption']} (AFP Photo)"
    paras = list(item["paras"])
    paras[0] = dateline_text(item) + paras[0]
    lines = [nav, "TT", item["title"], caption, caption, f"Published On: {stamp}", "Follow on"]
    lines += ["Share", paras[0], ""]
    for k, para in enumerate(paras[1:]):
        if k == 1:
            lines += ["Advertisement"]
        lines += [para, ""]
    lines += ["Share", "Advertisement"]
    return lines


def write_text_pages(out: Path) -> int:
    count = 0
    navs = iter(NAV_HEADERS * 4)
    for item in (i for i in ITEMS if i["fmt"] in ("txt", "txt-gz")):
        text = "\n".join(noisy_block(item, next(navs))) + "\n"
        if item["fmt"] == "txt-gz":
            (out / f"{item['key']}.txt.gz").write_bytes(gz_bytes(text.encode("utf-8")))
        else:
            (out / f"{item['key']}.txt").write_text(text, encoding="utf-8")
        count += 1
    for item in (i for i in ITEMS if i["fmt"] == "txt-glued"):
        second = dict(item["second"], domain=item["domain"])
        lines = noisy_block(item, "Middle East Middle East") + noisy_block(second, "Gaza Gaza")
        (out / f"{item['key']}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        count += 2
    return count


# ---------------------------------------------------------------- HTML pages


def html_page(item: Item) -> str:
    e = html.escape
    stamp = when(item).isoformat()
    author = item.get("author")
    byline = f'<p class="byline">By <span class="author">{e(author)}</span></p>' if author else ""
    author_meta = f'<meta name="author" content="{e(author)}">' if author else ""
    paragraphs = "\n".join(f"<p>{e(p)}</p>" for p in body_text(item).split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(item["title"])} | {e(item["outlet"])}</title>
<meta property="og:title" content="{e(item["title"])}">
<meta property="og:site_name" content="{e(item["outlet"])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{stamp}">
{author_meta}
<link rel="canonical" href="{url_of(item)}">
</head>
<body>
<header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<div class="ad">Advertisement</div>
</header>
<main>
<article>
<h1>{e(item["title"])}</h1>
{byline}
<time datetime="{stamp}">{when(item):%d %B %Y %H:%M}</time>
<div class="article-body">
{paragraphs}
</div>
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a></div>
</article>
<aside class="most-read"><h2>Most read</h2>
<ul><li><a href="/a">Markets close higher on rate hopes</a></li>
<li><a href="/b">Weather: cold snap expected this weekend</a></li></ul></aside>
</main>
<footer><p>&copy; 2024 {e(item["outlet"])}. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body>
</html>
"""


def write_html_pages(out: Path) -> int:
    items = [i for i in ITEMS if i["fmt"] == "html"]
    for item in items:
        (out / f"{item['key']}.html").write_text(html_page(item), encoding="utf-8")
    return len(items)


# ---------------------------------------------------------------- records: JSONL, CSV


def record(item: Item) -> dict[str, Any]:
    out = {
        "title": item["title"],
        "text": body_text(item),
        "url": url_of(item),
        "published": item["published"],
        "outlet": item["outlet"],
    }
    if item.get("author"):
        out["author"] = item["author"]
    return out


def write_jsonl(path: Path) -> int:
    items = [i for i in ITEMS if i["fmt"] == "jsonl"]
    lines = [json.dumps(record(i), ensure_ascii=False) for i in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(items)


def write_csv(path: Path) -> int:
    items = [i for i in ITEMS if i["fmt"] == "csv"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["headline", "body", "link", "date", "source"])
    for item in items:
        stamp = when(item).strftime("%d %b %Y %H:%M %z")
        writer.writerow([item["title"], body_text(item), url_of(item), stamp, item["outlet"]])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return len(items)


# ---------------------------------------------------------------- WARC


def warc_headers(n: int, date: str) -> dict[str, str]:
    return {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>", "WARC-Date": date}


def write_warc(path: Path, items: list[Item], extra_json: bool = True) -> int:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    n = 1
    info = writer.create_warcinfo_record(
        path.name, {"software": "tidings demo generator", "format": "WARC File Format 1.1"}
    )
    info.rec_headers.replace_header("WARC-Record-ID", warc_headers(n, "")["WARC-Record-ID"])
    info.rec_headers.replace_header("WARC-Date", "2024-12-23T00:00:00Z")
    writer.write_record(info)
    for item in items:
        url = url_of(item)
        date = when(item).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        n += 1
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                f"GET /{url.split('/', 3)[3]} HTTP/1.1",
                [("Host", url.split("/")[2])],
                is_http_request=True,
            ),
            warc_headers_dict=warc_headers(n, date),
        )
        writer.write_record(request)
        n += 1
        body = html_page(item).encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict=warc_headers(n, date),
            )
        )
    if extra_json:
        n += 1
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "application/json")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://www.levantwire.example/api/most-read.json",
                "response",
                payload=io.BytesIO(b'{"items": []}'),
                http_headers=headers,
                warc_headers_dict=warc_headers(n, "2024-12-23T00:00:00Z"),
            )
        )
    path.write_bytes(buffer.getvalue())
    return len(items)


# ---------------------------------------------------------------- RSS and Atom


def write_rss(path: Path) -> int:
    items = [i for i in ITEMS if i["fmt"] == "rss"]
    entries = []
    for item in items:
        description = "".join(f"<p>{html.escape(p)}</p>" for p in body_text(item).split("\n\n"))
        entries.append(
            f"""  <item>
    <title>{html.escape(item["title"])}</title>
    <link>{url_of(item)}</link>
    <guid>{url_of(item)}</guid>
    <pubDate>{format_datetime(when(item))}</pubDate>
    <description>{html.escape(description)}</description>
  </item>"""
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        "  <title>Levant Wire</title>\n  <link>https://www.levantwire.example/</link>\n"
        "  <description>Latest news</description>\n" + "\n".join(entries) + "\n</channel></rss>\n",
        encoding="utf-8",
    )
    return len(items)


def write_atom(path: Path) -> int:
    items = [i for i in ITEMS if i["fmt"] == "atom"]
    entries = []
    for item in items:
        content = "".join(f"<p>{html.escape(p)}</p>" for p in body_text(item).split("\n\n"))
        entries.append(
            f"""  <entry>
    <title>{html.escape(item["title"])}</title>
    <link href="{url_of(item)}"/>
    <id>{url_of(item)}</id>
    <published>{when(item).isoformat()}</published>
    <updated>{when(item).isoformat()}</updated>
    <author><name>{html.escape(item["outlet"])} staff</name></author>
    <content type="html">{html.escape(content)}</content>
  </entry>"""
        )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "  <title>Euro Ledger</title>\n  <id>https://www.euroledger.example/</id>\n"
        "  <updated>2024-12-23T00:00:00+01:00</updated>\n" + "\n".join(entries) + "\n</feed>\n",
        encoding="utf-8",
    )
    return len(items)


# ---------------------------------------------------------------- broken inputs

GOOD_LINES = [
    {
        "title": "Chad ends defence pact with France",
        "text": "N'DJAMENA (AFP) – Chad's government said on Thursday it was ending its defence "
        "cooperation agreement with France, calling it outdated.\n\nFrench officials said "
        "they had taken note of the decision.",
        "url": "https://www.hornmonitor.example/2024/11/28/chad-france-pact",
        "published": "2024-11-28T20:00:00+01:00",
        "outlet": "Horn Monitor",
    },
    {
        "title": "Senegal asks France to close its military bases",
        "text": "DAKAR (AFP) – Senegal's president asked France on Thursday to close its "
        "military bases in the country, saying their presence was incompatible with "
        "sovereignty.\n\nParis said talks on its military presence would continue.",
        "url": "https://www.hornmonitor.example/2024/11/28/senegal-bases",
        "published": "2024-11-28T21:00:00+00:00",
        "outlet": "Horn Monitor",
    },
]


def write_broken(out: Path) -> dict[str, str]:
    expected: dict[str, str] = {}
    (out / "junk.txt").write_bytes(random.Random(7).randbytes(2048) + b"\x00\x00\x01\x02")
    expected["junk.txt"] = "junk.txt: binary data, not text"
    (out / "empty.html").write_bytes(b"")
    expected["empty.html"] = "empty.html: empty file"
    full = gz_bytes(("A page that never arrives whole. " * 200).encode("utf-8"))
    (out / "truncated.txt.gz").write_bytes(full[: len(full) // 2])
    expected["truncated.txt.gz"] = "truncated.txt.gz: truncated or corrupt gzip data (...)"
    lines = [
        json.dumps(GOOD_LINES[0]),
        '{"title": "Cut off", "text": "This line is not',
        json.dumps(GOOD_LINES[1]),
    ]
    (out / "malformed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected["malformed.jsonl"] = "malformed.jsonl line 2: invalid JSON (...) — lines 1 and 3 read"
    (out / "no_text_column.csv").write_text(
        "headline,link,date\nSomething happened,https://example.org/a,2024-12-01\n",
        encoding="utf-8",
    )
    expected["no_text_column.csv"] = "no_text_column.csv: no text column (looked for ...)"
    latin = LATIN1_ITEM
    stamp = "Published: Thu, 05 Dec 2024 10:00:00 CET"
    text = latin["title"] + f"\n{stamp}\n\n" + "\n\n".join(latin["paras"]) + "\n"
    (out / "latin1.txt").write_bytes(text.encode("latin-1"))
    expected["latin1.txt"] = "(no error: decoded as latin-1/cp1252 and read)"
    write_warc(out / "no_html.warc.gz", [], extra_json=True)
    expected["no_html.warc.gz"] = "no_html.warc.gz: no HTML response records (2 ... skipped)"
    return expected


def main() -> None:
    if ROOT.exists():
        shutil.rmtree(ROOT)
    for sub in ("pages", "feeds", "crawl", "broken"):
        (ROOT / sub).mkdir(parents=True)
    counts = {
        "pages/*.txt (+ .txt.gz)": write_text_pages(ROOT / "pages"),
        "pages/*.html": write_html_pages(ROOT / "pages"),
        "feeds/wire_items.jsonl": write_jsonl(ROOT / "feeds" / "wire_items.jsonl"),
        "feeds/regional_desk.csv": write_csv(ROOT / "feeds" / "regional_desk.csv"),
        "feeds/levant.rss": write_rss(ROOT / "feeds" / "levant.rss"),
        "feeds/euro.atom": write_atom(ROOT / "feeds" / "euro.atom"),
        "crawl/crawl-2024-12.warc.gz": write_warc(
            ROOT / "crawl" / "crawl-2024-12.warc.gz", [i for i in ITEMS if i["fmt"] == "warc"]
        ),
    }
    expected = write_broken(ROOT / "broken")
    for name, n in counts.items():
        print(f"{n:3d}  {name}")
    print(f"{sum(counts.values()):3d}  articles in all; broken inputs:")
    for name, message in expected.items():
        print(f"     {name}: {message}")


if __name__ == "__main__":
    main()
