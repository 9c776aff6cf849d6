"""Read WARC files (plain or gzip): one RawDoc per HTML response record."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tidings.errors import InputError
from tidings.ingest._bytes import GZIP_ERRORS, Limits, decode, too_large
from tidings.ingest._make import domain_of, make_doc
from tidings.model import RawDoc, SourceError

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, limits: Limits) -> Iterator[RawDoc | SourceError]:
    """HTML response records as RawDocs; other records are skipped and counted in the log.

    A ``.warc.gz`` is normally gzipped record by record; one gzipped whole (``gzip a.warc``)
    is read through a decompressing stream instead.
    """
    try:
        yield from _read_warc(path, limits, whole_gzip=False)
    except _WholeGzip:
        yield from _read_warc(path, limits, whole_gzip=True)


class _WholeGzip(Exception):
    """The file is one gzip stream, not a record-by-record gzipped WARC."""


def _read_warc(path: Path, limits: Limits, whole_gzip: bool) -> Iterator[RawDoc | SourceError]:
    name = path.name
    html_records = 0
    skipped = 0
    number = 0
    try:
        with gzip.open(path, "rb") if whole_gzip else path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                number += 1
                if record.rec_type != "response" or record.http_headers is None:
                    skipped += 1
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(_HTML_TYPES):
                    skipped += 1
                    continue
                html_records += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                uri = f"{path}#record={number}"
                where = f"{name} record {number} ({url})"
                stream = record.content_stream()
                parts: list[bytes] = []
                size = 0
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size <= limits.max_bytes:
                        parts.append(chunk)
                if size > limits.max_bytes:
                    yield SourceError(uri, "ingest", str(too_large(where, size, limits.max_bytes)))
                    continue
                try:
                    body = decode(b"".join(parts), where)
                except InputError as exc:
                    yield SourceError(uri, "ingest", str(exc))
                    continue
                yield make_doc(
                    uri,
                    "html",
                    body,
                    key=url,
                    url=url,
                    outlet=domain_of(url),
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                )
    except ArchiveLoadFailed as exc:
        if html_records == 0 and not whole_gzip and "non-chunked gzip" in str(exc):
            raise _WholeGzip from exc
        raise InputError(f"{name}: not a valid WARC file ({_first_line(exc)})") from exc
    except GZIP_ERRORS as exc:
        raise InputError(f"{name}: truncated or corrupt WARC data ({exc})") from exc
    if skipped:
        log.info("%s: skipped %d non-HTML WARC record(s)", name, skipped)
    if html_records == 0:
        raise InputError(f"{name}: no HTML response records ({skipped} other record(s) skipped)")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
