"""Each kind of bad input gives one SourceError naming the file, and the rest is still read."""

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

CONFIG = load_config()
GOOD = "TRIPOLI (AFP) – Protesters rallied in Tripoli on Thursday against fuel shortages."


def run(
    sources: list[Path | str], config: dict[str, object] = CONFIG
) -> tuple[list[RawDoc], list[SourceError]]:
    items = list(read_sources([str(s) for s in sources], config))
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [i for i in items if isinstance(i, SourceError)]
    return docs, errors


def with_good(tmp_path: Path) -> Path:
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_binary_junk(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    docs, [error] = run([with_good(tmp_path)])
    assert error.message == "junk.txt: binary data, not text"
    assert error.stage == "ingest"
    assert [d.body for d in docs] == [GOOD]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    docs, [error] = run([with_good(tmp_path)])
    assert error.message == "empty.html: empty file"
    assert len(docs) == 1


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(("Some words of a page. " * 400).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    docs, [error] = run([with_good(tmp_path)])
    assert error.message.startswith("cut.txt.gz: truncated or corrupt gzip data (")
    assert len(docs) == 1


def test_latin1_is_decoded_not_refused(tmp_path: Path) -> None:
    text = "Ministers met in München and Zürich on Thursday, officials said."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    [doc], errors = run([tmp_path / "latin.txt"])
    assert errors == []
    assert doc.body == text


def test_cp1251_is_decoded(tmp_path: Path) -> None:
    text = "Министр иностранных дел встретился с коллегой в Москве в пятницу. " * 3
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    [doc], errors = run([tmp_path / "ru.txt"])
    assert errors == []
    assert doc.body == text


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": GOOD}),
        '{"text": "cut',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": GOOD + " Again."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = run([tmp_path / "feed.jsonl"])
    assert len(docs) == 2
    assert [e.message.split(":")[0] for e in errors] == [
        "feed.jsonl line 2",
        "feed.jsonl line 3",
        "feed.jsonl line 4",
    ]
    assert errors[0].message.startswith("feed.jsonl line 2: invalid JSON (")
    assert errors[1].message == "feed.jsonl line 3: expected a JSON object, got list"
    assert errors[2].message.startswith("feed.jsonl line 4: no text (looked for text, content")
    assert errors[0].source_uri.endswith("feed.jsonl#line=2")


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "desk.csv").write_text("headline,link\nA,https://x.example\n")
    docs, [error] = run([with_good(tmp_path)])
    assert error.message == (
        "desk.csv: no text column (looked for text, content, body, article, maintext; "
        "found headline, link)"
    )
    assert len(docs) == 1


def test_warc_without_html(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "application/json")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/a.json", "response", payload=io.BytesIO(b"{}"), http_headers=headers
        )
    )
    (tmp_path / "x.warc.gz").write_bytes(buffer.getvalue())
    docs, [error] = run([with_good(tmp_path)])
    assert error.message == "x.warc.gz: no HTML response records (2 other record(s) skipped)"
    assert len(docs) == 1


def test_size_limit_plain_and_gzip(tmp_path: Path) -> None:
    config = load_config(ingest={"max_document_bytes": 1000})
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(b"<p>x</p>" * 500))
    docs, errors = run([with_good(tmp_path)], config)
    assert sorted(e.message for e in errors) == [
        "big.html.gz: document is 4,000 bytes, above the 1,000-byte limit "
        "(ingest.max_document_bytes)",
        "big.txt: document is 2,000 bytes, above the 1,000-byte limit (ingest.max_document_bytes)",
    ]
    assert len(docs) == 1


def test_size_limit_per_jsonl_line(tmp_path: Path) -> None:
    config = load_config(ingest={"max_document_bytes": 300})
    lines = [json.dumps({"text": "x" * 1000}), json.dumps({"text": GOOD})]
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n")
    docs, [error] = run([tmp_path / "big.jsonl"], config)
    assert error.message.startswith("big.jsonl line 1: document is 1,0")
    assert [d.body for d in docs] == [GOOD]


def test_missing_paths_and_empty_glob(tmp_path: Path) -> None:
    docs, errors = run([tmp_path / "nope.txt", str(tmp_path / "*.nothing"), with_good(tmp_path)])
    assert [e.message for e in errors] == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / '*.nothing'}: glob matches no file",
    ]
    assert len(docs) == 1


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _, [error] = run([path])
    assert error.message == "locked.txt: cannot read (Permission denied)"
