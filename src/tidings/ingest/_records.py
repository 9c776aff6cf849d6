"""Read multi-record files: JSON Lines and CSV, one RawDoc per line or row, streamed."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from tidings.errors import InputError
from tidings.ingest._bytes import (
    _SNIFF,
    GZIP_ERRORS,
    Limits,
    decode,
    gzip_problem,
    looks_binary,
    open_binary,
    too_large,
    wide_encoding,
)
from tidings.ingest._make import domain_of, make_doc
from tidings.model import RawDoc, SourceError

_CHUNK = 1 << 20
_HTML_TEXT = re.compile(r"\A\s*<(!doctype|html|body|article|div|p|section|main)\b", re.I)


def pick(record: Mapping[str, Any], fields: Sequence[str]) -> str | None:
    """The first non-empty value among ``fields`` (case-insensitive keys), as text."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in fields:
        value = lowered.get(name.lower())
        if value is None or value == "":
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        elif isinstance(value, dict):
            value = value.get("name") or value.get("text") or ""
        text = str(value).strip()
        if text:
            return text
    return None


def doc_from_record(
    record: Mapping[str, Any], limits: Limits, source_uri: str, where: str
) -> RawDoc | SourceError:
    """A RawDoc from one JSON object or CSV row, or a SourceError naming ``where``."""
    text = pick(record, limits.text_fields)
    if text is None:
        fields = ", ".join(limits.text_fields)
        return SourceError(source_uri, "ingest", f"{where}: no text (looked for {fields})")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        return SourceError(source_uri, "ingest", str(too_large(where, size, limits.max_bytes)))
    url = pick(record, limits.url_fields)
    title = pick(record, limits.title_fields)
    content_type = "html" if _HTML_TEXT.match(text) else "text"
    return make_doc(
        source_uri,
        content_type,
        text,
        key=url or title,
        title=title,
        url=url,
        published=pick(record, limits.date_fields),
        outlet=pick(record, limits.outlet_fields) or domain_of(url),
        author=pick(record, limits.author_fields),
    )


def _lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when above ``limit``, byte size); never holds a huge line."""
    number = 0
    while line := fh.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while more := fh.readline(_CHUNK):
                size += len(more)
                if more.endswith(b"\n"):
                    break
            yield number, None, size
            continue
        yield number, line, len(line)


def _utf8_lines(raw: IO[bytes], name: str) -> IO[bytes]:
    """The byte stream to split into lines: one error for a binary file (not one per random
    "line"), and UTF-16/32 text re-encoded as UTF-8 so that lines split where they end."""
    buffered = io.BufferedReader(raw)  # type: ignore[type-var]
    head = buffered.peek(_SNIFF)[:_SNIFF]
    wide = wide_encoding(head)
    if wide is not None:
        text = io.TextIOWrapper(buffered, encoding=wide, errors="replace", newline="")
        return io.BytesIO(text.read().removeprefix("\ufeff").encode("utf-8", "surrogatepass"))
    if looks_binary(head):
        raise InputError(f"{name}: binary data, not text")
    return buffered


def read_jsonl(path: Path, limits: Limits) -> Iterator[RawDoc | SourceError]:
    """One RawDoc per JSON line; a malformed line gives a SourceError and reading goes on."""
    name = path.name
    seen = 0
    try:
        with open_binary(path) as raw:
            fh = _utf8_lines(raw, name)
            for number, line, size in _lines(fh, limits.max_bytes):
                uri = f"{path}#line={number}"
                where = f"{name} line {number}"
                if line is None:
                    yield SourceError(uri, "ingest", str(too_large(where, size, limits.max_bytes)))
                    continue
                if not line.strip():
                    continue
                seen += 1
                try:
                    record = json.loads(decode(line, where))
                except InputError as exc:
                    yield SourceError(uri, "ingest", str(exc))
                    continue
                except json.JSONDecodeError as exc:
                    msg = f"{where}: invalid JSON ({exc.msg} at column {exc.colno})"
                    yield SourceError(uri, "ingest", msg)
                    continue
                if not isinstance(record, dict):
                    kind = type(record).__name__
                    yield SourceError(uri, "ingest", f"{where}: expected a JSON object, got {kind}")
                    continue
                yield doc_from_record(record, limits, uri, where)
    except GZIP_ERRORS as exc:
        raise gzip_problem(name, exc) from exc
    if seen == 0:
        raise InputError(f"{name}: empty file (no JSON lines)")


def _text_stream(fh: IO[bytes], name: str) -> IO[str]:
    """Decode a CSV byte stream: UTF-8 when its start is valid, else the detected encoding."""
    buffered = io.BufferedReader(fh)  # type: ignore[type-var]
    head = buffered.peek(1 << 16)[: 1 << 16]
    if not head.strip():
        raise InputError(f"{name}: empty file")
    wide = wide_encoding(head)
    if wide is not None:  # the codec drops a byte-order mark itself
        return io.TextIOWrapper(buffered, encoding=wide, errors="replace", newline="")
    if looks_binary(head):
        raise InputError(f"{name}: binary data, not text")
    encoding = "utf-8-sig"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut by the peek window
            best = from_bytes(head).best()
            if best is None or best.encoding is None or b"\x00" in head:
                raise InputError(f"{name}: binary data, not text") from exc
            encoding = best.encoding
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")


def read_csv(path: Path, limits: Limits) -> Iterator[RawDoc | SourceError]:
    """One RawDoc per CSV row; the header must name a text column."""
    name = path.name
    csv.field_size_limit(min(sys.maxsize, max(limits.max_bytes + 1, 131_072)))
    try:
        with open_binary(path) as raw:
            # strict: a quote left open at the end of the file is an error, not a field
            # silently swallowing every line after it.
            reader = csv.DictReader(_text_stream(raw, name), strict=True)
            columns = [c for c in (reader.fieldnames or []) if c]
            wanted = {f.lower() for f in limits.text_fields}
            if not any(c.strip().lower() in wanted for c in columns):
                raise InputError(
                    f"{name}: no text column (looked for {', '.join(limits.text_fields)}; "
                    f"found {', '.join(columns) or 'no header'})"
                )
            yield from _csv_rows(reader, path, limits)
    except GZIP_ERRORS as exc:
        raise gzip_problem(name, exc) from exc
    except csv.Error as exc:
        raise InputError(f"{name}: malformed CSV ({exc})") from exc


def _csv_rows(
    reader: csv.DictReader[str], path: Path, limits: Limits
) -> Iterator[RawDoc | SourceError]:
    """Data rows as RawDocs; a malformed row is one error naming its line, then reading goes
    on, except after a quote that never closes (it ran to the end of the file)."""
    name = path.name
    number = 0
    failed = 0  # csv does not count a line it refused in line_num
    while True:
        line = reader.line_num + failed + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            failed += 1
            uri = f"{path}#line={line}"
            if "unexpected end of data" in str(exc):
                msg = f"{name} line {line}: quoted field never closes (the file ends inside it)"
                yield SourceError(uri, "ingest", msg)
                return
            yield SourceError(uri, "ingest", f"{name} line {line}: malformed CSV ({exc})")
            continue
        number += 1  # data rows, header not counted
        uri = f"{path}#row={number}"
        where = f"{name} row {number}"
        clean = {k.strip(): v for k, v in row.items() if isinstance(k, str)}
        yield doc_from_record(clean, limits, uri, where)
