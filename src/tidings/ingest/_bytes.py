"""Bytes from disk within the size limit, gzip looked through, decoded to text."""

from __future__ import annotations

import gzip
import hashlib
import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from charset_normalizer import from_bytes

from tidings.config import default_config
from tidings.errors import InputError, TooLargeError
from tidings.ingest._paths import is_gzip

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_SNIFF = 1 << 16


@dataclass(frozen=True)
class Limits:
    """Ingest settings that every reader needs."""

    max_bytes: int
    text_fields: tuple[str, ...]
    title_fields: tuple[str, ...]
    url_fields: tuple[str, ...]
    date_fields: tuple[str, ...]
    outlet_fields: tuple[str, ...]
    author_fields: tuple[str, ...]

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Limits:
        # A key the given configuration lacks takes its packaged default: the TOML is the one
        # place the defaults are written.
        section = {**default_config()["ingest"], **config.get("ingest", {})}

        def fields(key: str) -> tuple[str, ...]:
            return tuple(section[key])

        return cls(
            max_bytes=int(section["max_document_bytes"]),
            text_fields=fields("jsonl_text_fields"),
            title_fields=fields("jsonl_title_fields"),
            url_fields=fields("jsonl_url_fields"),
            date_fields=fields("jsonl_date_fields"),
            outlet_fields=fields("jsonl_outlet_fields"),
            author_fields=fields("jsonl_author_fields"),
        )


def too_large(name: str, size: int, limit: int, *, at_least: bool = False) -> TooLargeError:
    what = "more than " if at_least else ""
    return TooLargeError(
        f"{name}: document is {what}{size:,} bytes, above the {limit:,}-byte limit "
        "(ingest.max_document_bytes)"
    )


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes as a stream, decompressed when it ends in ``.gz``."""
    if is_gzip(path):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def gzip_problem(name: str, exc: BaseException) -> InputError:
    return InputError(f"{name}: truncated or corrupt gzip data ({exc})")


GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def read_limited(path: Path, limit: int) -> bytes:
    """The whole (decompressed) file, refusing it when it is above ``limit`` bytes.

    A plain file's size comes from the file system; a gzip file is streamed and counted, so
    an oversized document is never held in memory.
    """
    name = path.name
    if not is_gzip(path):
        size = path.stat().st_size
        if size > limit:
            raise too_large(name, size, limit)
        return path.read_bytes()
    parts: list[bytes] = []
    total = 0
    try:
        with gzip.open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                total += len(chunk)
                if total <= limit:
                    parts.append(chunk)
                elif parts:
                    parts = []  # over the limit: keep counting, stop keeping
    except GZIP_ERRORS as exc:
        raise gzip_problem(name, exc) from exc
    if total > limit:
        raise too_large(name, total, limit)
    return b"".join(parts)


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 (with or without a byte-order mark) when ``head`` reads as one.

    Without a mark, the NUL bytes give it away: text in these encodings puts them at fixed
    positions of each 2- or 4-byte unit (the high bytes of Latin letters, digits, spaces),
    which binary data does not. A candidate counts only if it decodes into text with few
    control characters, so random bytes are still binary.
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    sample = head[: 1 << 12]
    if b"\x00" not in sample or len(sample) < 8:
        return None

    def zeros(width: int, at: int) -> float:
        units = sample[at::width][: len(sample) // width]
        return units.count(0) / max(1, len(units))

    candidates = []
    if zeros(4, 2) > 0.95 and zeros(4, 3) > 0.95 and zeros(4, 0) < 0.05:
        candidates.append("utf-32-le")
    if zeros(4, 0) > 0.95 and zeros(4, 1) > 0.95 and zeros(4, 3) < 0.05:
        candidates.append("utf-32-be")
    if zeros(2, 1) > 0.25 and zeros(2, 0) < 0.02:
        candidates.append("utf-16-le")
    if zeros(2, 0) > 0.25 and zeros(2, 1) < 0.02:
        candidates.append("utf-16-be")
    for encoding in candidates:
        unit = 4 if encoding.startswith("utf-32") else 2
        cut = sample[: len(sample) // unit * unit]
        try:
            text = cut.decode(encoding)
        except UnicodeDecodeError:
            if encoding.startswith("utf-16"):  # a surrogate pair cut by the sample's end
                try:
                    text = cut[:-2].decode(encoding)
                except UnicodeDecodeError:
                    continue
            else:
                continue
        if text.strip() and _control_share(text) <= _MAX_CONTROL_SHARE:
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes that no UTF-16/32 text explains.

    (Other encodings never use NUL; in 64 KiB of random bytes one is all but certain.)
    """
    head = data[:_SNIFF]
    return b"\x00" in head and wide_encoding(head) is None


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-16/32 when the content says so, UTF-8 when valid, else the
    encoding charset-normalizer detects.

    Raises InputError for empty or binary data.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file" if not data else f"{name}: only whitespace")
    wide = wide_encoding(data[:_SNIFF])
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: invalid {wide.upper()} text ({exc.reason})") from None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            raise InputError(f"{name}: only whitespace")
        log.info("%s: decoded as %s", name, wide)
        return text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise InputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        log.info("%s: not UTF-8; decoded as cp1252", name)
        return western
    best = from_bytes(data[: 4 * _SNIFF] if len(data) > 4 * _SNIFF else data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: binary data, not text (no text encoding fits)")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode(best.encoding, errors="replace")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary data, not text")
    log.info("%s: not UTF-8; decoded as %s", name, best.encoding)
    return text


_MAX_CONTROL_SHARE = 0.02
_WESTERN_PUNCT = set("’‘“”–—…€«»°£§©®·•")


def _western(data: bytes) -> str | None:
    """cp1252 text when the bytes read as a Western page with a few accented letters.

    charset-normalizer often misses cp1252/latin-1 on short pages (it prefers cp775 or cp1250
    on a few umlauts), while most non-UTF-8 news pages in the wild are cp1252.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    letters = sum(1 for c in text if c.isalpha())
    if not letters or len(high) > 0.1 * letters:
        return None
    if all(c.isalpha() or c in _WESTERN_PUNCT or c == "\xa0" for c in high):
        return text
    return None


def _control_share(text: str) -> float:
    sample = text[: 4 * _SNIFF]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)
    return bad / len(sample)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
