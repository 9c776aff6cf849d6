"""Write a folder of hostile inputs mixed with good documents, and say what each should give.

``make_corpus(root, n_bad)`` writes at least ``n_bad`` bad units spread over many kinds (a
"unit" is what deserves exactly one error row: a file, a link, a FIFO, a JSONL line, a CSV
row) together with good documents, some of them in awkward shapes (UTF-16 without a byte-order
mark, good lines around bad ones). It returns a ``Corpus`` listing each bad unit's kind and
the source it must be reported under, and the good documents' texts. Every text is made up
here from templates; no published article is used.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MAX_BYTES = 50_000  # the test's [ingest] max_document_bytes, so "huge" stays cheap to write

_NAMES = ["Amara Okafor", "Tomas Brandt", "Yusuf Demir", "Ines Moreau", "Kwame Mensah"]
_PLACES = ["Lagos", "Ankara", "Lyon", "Accra", "Porto", "Tunis", "Quito", "Riga"]
_VERBS = ["met", "criticised", "praised", "visited", "telephoned", "thanked"]


@dataclass
class Corpus:
    """What the folder should give: one error per bad unit, one document per good text."""

    root: Path
    bad: list[tuple[str, str]] = field(default_factory=list)  # (kind, source_uri)
    good: list[str] = field(default_factory=list)  # texts of the good documents

    def kinds(self) -> set[str]:
        return {kind for kind, _ in self.bad}


def good_text(i: int) -> str:
    """A short, unique news-like text (its number is spelled into it)."""
    rng = random.Random(i)
    a, b = rng.sample(_NAMES, 2)
    place = rng.choice(_PLACES)
    return (
        f"{place.upper()} - {a} {rng.choice(_VERBS)} {b} in {place} on Monday, the "
        f"{i}th meeting this year, and said talks on trade would continue. Officials "
        f"described {marker(i)} as constructive."
    )


def marker(i: int) -> str:
    """The words that tell good text ``i`` apart from every other."""
    return f"the session number {i}"


def _binary(i: int, size: int = 3000) -> bytes:
    rng = random.Random(-i)
    data = bytearray(rng.randbytes(size))
    data[::97] = b"\n" * len(data[::97])  # many "lines", as a binary .jsonl has
    data[5] = 0
    return bytes(data)


def _warc_without_html(path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "hostile"}))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "http://example.invalid/x.png",
            "response",
            payload=io.BytesIO(b"\x89PNG...."),
            http_headers=headers,
        )
    )
    path.write_bytes(buffer.getvalue())


def make_corpus(root: Path, n_bad: int = 1000) -> Corpus:
    """Write the corpus under ``root`` (which must exist and be empty)."""
    c = Corpus(root)
    g = 0  # good texts written so far

    def good() -> str:
        nonlocal g
        g += 1
        text = good_text(g)
        c.good.append(text)
        return text

    def bad(kind: str, path: Path, suffix: str = "") -> None:
        c.bad.append((kind, str(path) + suffix))

    copies = 3  # of each bad kind per folder: many bad units, few (slow) good documents
    for i in range(max(1, n_bad // (16 * copies) + 1)):
        d = root / f"k{i:03d}"
        d.mkdir()
        # Good documents, plain and awkward.
        (d / "good.txt").write_text(good(), encoding="utf-8")
        if i % 2 == 0:
            (d / "utf16.txt").write_bytes(good().encode("utf-16-le"))  # no BOM: still good
        for j in range(copies):
            _bad_units(d, i * copies + j, j == 0, c, good, bad)
    return c


def _bad_units(  # noqa: PLR0915 - one list of kinds
    d: Path,
    i: int,
    with_good: bool,
    c: Corpus,
    good: Callable[[], str],
    bad: Callable[..., None],
) -> None:
    """One unit of each bad kind in folder ``d`` (names end in ``i``); good lines or rows
    around them when ``with_good``."""
    n = str(i)
    # 1-2. binary data under a text or a JSONL name: one error each, not one per "line"
    (d / f"junk{n}.jsonl").write_bytes(_binary(i))
    bad("binary-jsonl", d / f"junk{n}.jsonl")
    (d / f"junk{n}.txt").write_bytes(_binary(i + 10_000))
    bad("binary-txt", d / f"junk{n}.txt")
    # 3. a FIFO: reported, never opened (reading it would block)
    os.mkfifo(d / f"pipe{n}.txt")
    bad("fifo", d / f"pipe{n}.txt")
    # 4-5. links that lead nowhere: to themselves, to a missing file
    (d / f"loop{n}.txt").symlink_to(d / f"loop{n}.txt")
    bad("symlink-loop", d / f"loop{n}.txt")
    (d / f"gone{n}.html").symlink_to(d / f"missing{n}.html")
    bad("dangling-link", d / f"gone{n}.html")
    # 6. a folder link back up the tree
    (d / f"sub{n}").mkdir()
    (d / f"sub{n}" / "up").symlink_to(d)
    bad("folder-loop", d / f"sub{n}" / "up")
    # 7. a CSV ending inside a quote (after a good row)
    first = f'"{good()}",ok\n' if with_good else ""
    line = 3 if with_good else 2
    (d / f"cut{n}.csv").write_text(
        f'text,title\n{first}"{good_text(-i - 1)} and then,never\n', encoding="utf-8"
    )
    bad("unterminated-csv-quote", d / f"cut{n}.csv", f"#line={line}")
    # 8. truncated gzip
    data = gzip.compress((good_text(-50_000 - i) * 20).encode())
    (d / f"cut{n}.txt.gz").write_bytes(data[: len(data) // 2])
    bad("truncated-gzip", d / f"cut{n}.txt.gz")
    # 9-11. JSONL: an invalid line, a non-object, a record without text (around a good line)
    lines = [
        json.dumps({"text": good(), "title": f"t{i}"}) if with_good else "",
        "{not json",
        json.dumps([1, 2, 3]),
        json.dumps({"title": "no text here"}),
    ]
    (d / f"mixed{n}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad("bad-jsonl-line", d / f"mixed{n}.jsonl", "#line=2")
    bad("jsonl-not-object", d / f"mixed{n}.jsonl", "#line=3")
    bad("jsonl-no-text", d / f"mixed{n}.jsonl", "#line=4")
    # 12-13. empty and whitespace-only files
    (d / f"empty{n}.html").write_bytes(b"")
    bad("empty", d / f"empty{n}.html")
    (d / f"blank{n}.txt").write_text(" \n\t\n", encoding="utf-8")
    bad("whitespace", d / f"blank{n}.txt")
    # 14. one huge line in a JSONL file (above the size limit), then a short one
    huge = json.dumps({"text": "word " * (MAX_BYTES // 4)})
    after = json.dumps({"text": good()}) if with_good else "[]"
    (d / f"huge{n}.jsonl").write_text(f"{huge}\n{after}\n", encoding="utf-8")
    bad("huge-line", d / f"huge{n}.jsonl", "#line=1")
    if not with_good:
        bad("jsonl-not-object", d / f"huge{n}.jsonl", "#line=2")
    # 15. a WARC without any HTML response
    _warc_without_html(d / f"nohtml{n}.warc.gz")
    bad("warc-without-html", d / f"nohtml{n}.warc.gz")
    # 16. a CSV without a text column
    (d / f"cols{n}.csv").write_text("title,url\na,b\n", encoding="utf-8")
    bad("csv-no-text-column", d / f"cols{n}.csv")
    # 17. a file this user may not read (root reads everything: not made then)
    if os.geteuid() != 0:
        (d / f"secret{n}.txt").write_text(good_text(-90_000 - i), encoding="utf-8")
        (d / f"secret{n}.txt").chmod(0)
        bad("unreadable", d / f"secret{n}.txt")
