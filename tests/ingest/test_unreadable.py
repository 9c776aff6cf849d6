"""Paths a walk cannot read, binary files under text names, UTF-16/32, unterminated CSV quotes,
and REST uploads named as sent: each bad unit is one error row naming it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.config import load_config
from tidings.db import Tidings
from tidings.ingest import read_sources
from tidings.ingest._bytes import decode, wide_encoding
from tidings.model import RawDoc, SourceError

CONFIG = load_config()
GOOD = "TRIPOLI (AFP) - Protesters rallied in Tripoli on Thursday against fuel shortages."
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")


def run(*sources: Path | str) -> tuple[list[RawDoc], list[SourceError]]:
    items = list(read_sources([str(s) for s in sources], CONFIG))
    return (
        [i for i in items if isinstance(i, RawDoc)],
        [i for i in items if isinstance(i, SourceError)],
    )


@posix_only
def test_walk_reports_loops_fifos_dangling_links(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, errors = run(tmp_path)
    assert [d.body for d in docs] == [GOOD]
    by_path = {Path(e.source_uri).name: e.message for e in errors}
    assert by_path == {
        "back": f"{tmp_path / 'sub' / 'back'}: symbolic link loop (a folder already walked)",
        "self.txt": f"{tmp_path / 'self.txt'}: symbolic link loop",
        "gone.txt": f"{tmp_path / 'gone.txt'}: dangling symbolic link (to "
        f"{tmp_path / 'nowhere.txt'})",
        "pipe.txt": f"{tmp_path / 'pipe.txt'}: a FIFO (named pipe)",
    }
    # Named directly, each is the same one error.
    for name in ("self.txt", "gone.txt", "pipe.txt"):
        assert [e.message for e in run(tmp_path / name)[1]] == [by_path[name]]


@posix_only
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_walk_reports_unreadable_folder_and_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    secret.chmod(0)
    try:
        docs, errors = run(tmp_path)
    finally:
        locked.chmod(0o700)
        secret.chmod(0o600)
    assert docs == []
    assert sorted(e.message for e in errors) == [
        f"{locked}: permission denied",
        "secret.txt: cannot read (Permission denied)",
    ]


@pytest.mark.parametrize("name", ["junk.jsonl", "junk.csv", "junk.txt", "junk.html", "junk.xml"])
def test_binary_file_is_one_error_whatever_its_extension(tmp_path: Path, name: str) -> None:
    data = bytes((i * 7919 + 13) % 256 for i in range(20_000))  # includes NULs and newlines
    (tmp_path / name).write_bytes(data)
    docs, errors = run(tmp_path / name)
    assert docs == []
    assert len(errors) == 1, errors
    assert "binary" in errors[0].message or "not" in errors[0].message


TEXT = "Ministers met in Zürich on Thursday; «talks» went on — officials said."


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_32_detected_by_content(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)  # "utf-16"/"utf-32" write a BOM; -le/-be do not
    assert decode(data, "x.txt") == TEXT
    (tmp_path / "a.txt").write_bytes(data)
    line = '{"text": "' + TEXT + '", "title": "T"}\n'
    (tmp_path / "b.jsonl").write_bytes((line * 2).encode(encoding))
    (tmp_path / "c.csv").write_bytes(f'text,title\n"{TEXT}",T\n'.encode(encoding))
    docs, errors = run(tmp_path)
    assert errors == []
    assert [d.body for d in docs] == [TEXT] * 4


def test_binary_with_nuls_is_not_taken_for_utf16() -> None:
    noise = bytes((i * 31 + 7) % 256 for i in range(4096))
    assert wide_encoding(noise) is None
    assert wide_encoding(b"\x00\x01" * 100) is None


def test_csv_ending_inside_a_quote_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "cut.csv").write_text(
        f'text,title\n"{GOOD}",one\n"{GOOD}\nand on, never closed,two\nmore\n', encoding="utf-8"
    )
    docs, errors = run(tmp_path / "cut.csv")
    assert [d.body for d in docs] == [GOOD]
    assert [(e.source_uri, e.message) for e in errors] == [
        (
            f"{tmp_path / 'cut.csv'}#line=3",
            "cut.csv line 3: quoted field never closes (the file ends inside it)",
        )
    ]


def test_malformed_csv_row_is_one_error_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "q.csv").write_text(f'text,title\n"{GOOD}"x,one\n"{GOOD}",two\n', encoding="utf-8")
    docs, errors = run(tmp_path / "q.csv")
    assert len(docs) == 1
    assert [e.message for e in errors] == ["q.csv line 2: malformed CSV (',' expected after '\"')"]


@pytest.fixture
def ingest_client(tmp_path: Path) -> Any:
    db = Tidings(tmp_path / "up.duckdb")
    app = create_app(db, api_key="k")
    with TestClient(app) as c:
        yield c, db
    db.close()


def test_uploads_keep_their_name_and_errors_deduplicate(ingest_client: Any) -> None:
    c, db = ingest_client
    body = {
        "texts": [
            {"name": "bad.jsonl", "text": "{not json\n"},
            {"name": "good.txt", "text": GOOD + " Police said the march was peaceful."},
        ]
    }
    for _ in range(2):
        r = c.post("/ingest", json=body, headers={"X-API-Key": "k"})
        assert r.status_code == 200, r.text
    errors = db.store.con.execute("SELECT source_uri, message, times FROM errors").fetchall()
    assert errors == [
        (
            "upload:bad.jsonl#line=1",
            "bad.jsonl line 1: invalid JSON (Expecting property name enclosed in double quotes "
            "at column 2)",
            2,
        )
    ]
    docs = db.store.con.execute("SELECT source_uri FROM documents").fetchall()
    assert docs == [("upload:good.txt",)]
