"""Read a one-document file: plain or scraped text, or an HTML page."""

from __future__ import annotations

import re
from pathlib import Path

from tidings.ingest._bytes import Limits, decode, read_limited
from tidings.ingest._make import make_doc
from tidings.model import RawDoc

_HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body|<article|<!--)", re.I)


def read_single(path: Path, fmt: str, limits: Limits) -> RawDoc:
    """One RawDoc for the whole file; raises InputError naming the file when it cannot."""
    text = decode(read_limited(path, limits.max_bytes), path.name)
    if fmt == "text" and _HTML_START.match(text):
        fmt = "html"
    return make_doc(str(path), fmt, text)
