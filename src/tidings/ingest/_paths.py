"""Turn source arguments (files, folders, globs) into a sorted stream of file paths."""

from __future__ import annotations

import glob
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from tidings.model import SourceError

log = logging.getLogger(__name__)

# extension (after any .gz) -> reader format
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_GLOB_CHARS = set("*?[")


def inner_suffix(path: Path) -> str:
    """The format extension, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def format_of(path: Path) -> str | None:
    """Reader format for ``path`` or None when the extension is unknown."""
    return FORMATS.get(inner_suffix(path))


def _walk(folder: Path) -> Iterator[Path]:
    skipped = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if format_of(path) is None:
            skipped += 1
            continue
        yield path
    if skipped:
        log.info("%s: skipped %d file(s) with unknown extensions", folder, skipped)


def expand_sources(sources: Sequence[str]) -> Iterator[Path | SourceError]:
    """Paths to read, in a deterministic order; a source that matches nothing is an error."""
    for source in sources:
        path = Path(source)
        if any(c in source for c in _GLOB_CHARS) and not path.exists():
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield SourceError(source, "ingest", f"{source}: glob matches no file")
                continue
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    yield from _walk(mpath)
                elif mpath.is_file():
                    yield mpath
            continue
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.exists():
            yield SourceError(source, "ingest", f"{source}: not a regular file or folder")
        else:
            yield SourceError(source, "ingest", f"{source}: no such file or folder")
