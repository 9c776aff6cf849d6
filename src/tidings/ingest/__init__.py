"""Read sources (files, folders, globs) into RawDoc records, streaming, one input at a time.

Formats are chosen by extension, after any ``.gz``: ``.txt`` (plain or scraped text),
``.html``/``.htm``, ``.jsonl``/``.ndjson``, ``.csv``, ``.warc`` (``.warc.gz``), and RSS/Atom
feeds (``.rss``/``.atom``/``.xml``). A file that cannot be read yields one ``SourceError``
naming it and the problem; a bad line or record of a multi-record file yields one
``SourceError`` naming the line, and the rest of the file is still read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.ingest._bytes import Limits
from tidings.ingest._feeds import read_feed
from tidings.ingest._paths import FORMATS, expand_sources, format_of
from tidings.ingest._records import read_csv, read_jsonl
from tidings.ingest._single import read_single
from tidings.ingest._warc import read_warc
from tidings.model import RawDoc, SourceError

__all__ = ["FORMATS", "format_of", "read_path", "read_sources"]

log = logging.getLogger(__name__)


def read_path(path: Path, config: dict[str, Any]) -> Iterator[RawDoc | SourceError]:
    """Every RawDoc (or SourceError) of one file, by its format."""
    limits = Limits.from_config(config)
    fmt = format_of(path)
    try:
        if fmt in ("text", "html"):
            yield read_single(path, fmt, limits)
        elif fmt == "jsonl":
            yield from read_jsonl(path, limits)
        elif fmt == "csv":
            yield from read_csv(path, limits)
        elif fmt == "warc":
            yield from read_warc(path, limits)
        elif fmt == "feed":
            yield from read_feed(path, limits)
        else:  # expand_sources only passes known formats; an explicit path may be anything
            yield read_single(path, "text", limits)
    except InputError as exc:
        yield SourceError(str(path), "ingest", str(exc))
    except OSError as exc:
        yield SourceError(str(path), "ingest", f"{path.name}: cannot read ({exc.strerror or exc})")


def read_sources(sources: Sequence[str], config: dict[str, Any]) -> Iterator[RawDoc | SourceError]:
    """Stream RawDocs from files, folders (recursive, sorted) and globs; errors as records."""
    for item in expand_sources(sources):
        if isinstance(item, SourceError):
            yield item
            continue
        yield from read_path(item, config)
