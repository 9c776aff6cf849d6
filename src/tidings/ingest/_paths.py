"""Turn source arguments (files, folders, globs) into a sorted stream of file paths."""

from __future__ import annotations

import errno
import glob
import logging
import os
import stat
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


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _unreadable(path: Path, exc: OSError) -> SourceError:
    """The error row of a path the walk cannot follow or list."""
    if exc.errno == errno.ELOOP:
        why = "symbolic link loop"
    elif exc.errno == errno.ENOENT and path.is_symlink():
        why = f"dangling symbolic link (to {os.readlink(path)})"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    else:
        why = f"cannot read ({exc.strerror or exc})"
    return SourceError(str(path), "ingest", f"{path}: {why}")


def _not_a_file(path: Path) -> SourceError:
    """The error of a named path that exists (or is a link) but is no file or folder."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _unreadable(path, exc)
    kind = next((k for test, k in _SPECIAL if test(mode)), "not a regular file or folder")
    return SourceError(str(path), "ingest", f"{path}: {kind}")


def _walk(folder: Path) -> Iterator[Path | SourceError]:
    """Every readable file of a known format under ``folder``, sorted by path, and one error
    for each entry the walk cannot read: a symbolic link loop, a dangling link, a FIFO or
    other special file (never opened: reading a FIFO would block), a folder it may not list.

    Linked folders are followed once; a link back to a folder already walked is a loop.
    """
    found: list[tuple[Path, Path | SourceError]] = []
    seen: set[tuple[int, int]] = set()
    skipped = 0
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            st = current.stat()
        except OSError as exc:
            found.append((current, _unreadable(current, exc)))
            continue
        if (st.st_dev, st.st_ino) in seen:
            why = "symbolic link loop (a folder already walked)"
            found.append((current, SourceError(str(current), "ingest", f"{current}: {why}")))
            continue
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            found.append((current, _unreadable(current, exc)))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                st = path.stat()  # follows links: a link is what it points to
            except OSError as exc:
                found.append((path, _unreadable(path, exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                pending.append(path)
            elif stat.S_ISREG(st.st_mode):
                if format_of(path) is None:
                    skipped += 1
                else:
                    found.append((path, path))
            else:
                found.append((path, _not_a_file(path)))
    found.sort(key=lambda item: item[0])  # Path order, as the sorted rglob it replaces
    for _, item in found:
        yield item
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
                else:
                    yield _not_a_file(mpath)
            continue
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.exists() or path.is_symlink():
            yield _not_a_file(path)
        else:
            yield SourceError(source, "ingest", f"{source}: no such file or folder")
