"""`tidings export`: every matching event as GDELT 2.0 TSV or a month-partitioned Parquet set."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated

import pyarrow.parquet as pq
import typer
from rich.console import Console

from tidings.cli._app import app
from tidings.cli._options import (
    Actor,
    CameoRoot,
    Country,
    Km,
    Lat,
    Lon,
    Mentions,
    MinConfidence,
    Modality,
    Negated,
    Outlet,
    Q,
    QuadClass,
    ReadDb,
    Side,
    Since,
    StoryId,
    Type,
    Until,
    fail,
    filter_from,
    open_reader,
)
from tidings.errors import QueryError
from tidings.live.remote import RemoteReader
from tidings.query import export_gdelt, export_parquet_dataset
from tidings.query.export import write_month_dataset
from tidings.query.filters import EventFilter

err_console = Console(stderr=True)


@app.command()
def export(
    format_: Annotated[
        str, typer.Option("--format", help="gdelt (TSV, GDELT 2.0 event columns) or parquet.")
    ] = "gdelt",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File (gdelt; default stdout) or new directory (parquet, required).",
        ),
    ] = None,
    header: Annotated[bool, typer.Option(help="gdelt: write a header row.")] = False,
    raw: Annotated[
        bool, typer.Option(help="gdelt: keep text cells starting with = + - @ as they are.")
    ] = False,
    db: ReadDb = Path("tidings.duckdb"),
    actor: Actor = None,
    side: Side = "either",
    type_: Type = None,
    cameo_root: CameoRoot = None,
    quad_class: QuadClass = None,
    country: Country = None,
    lat: Lat = None,
    lon: Lon = None,
    km: Km = None,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    modality: Modality = None,
    negated: Negated = None,
    min_confidence: MinConfidence = None,
    q: Q = None,
    story_id: StoryId = None,
    mentions: Mentions = False,
) -> None:
    """Export every event matching the filters (no paging) as GDELT TSV or Parquet."""
    if format_ not in ("gdelt", "parquet"):
        raise fail(f"--format must be gdelt or parquet (got {format_!r})")
    if format_ == "parquet" and output is None:
        raise fail("--format parquet needs --output DIRECTORY")
    filt = filter_from(locals())
    with open_reader(db) as src:
        if isinstance(src, RemoteReader):
            n = _remote(src, filt, format_, output, header, raw)
        elif format_ == "parquet":
            assert output is not None
            n = export_parquet_dataset(src.store, output, filt)
        elif output is None:
            n = export_gdelt(src.store, sys.stdout, filt, header, raw)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = export_gdelt(src.store, fh, filt, header, raw)
    err_console.print(f"{n} events exported", style="dim", highlight=False, markup=False)


def _remote(
    src: RemoteReader, filt: EventFilter, fmt: str, output: Path | None, header: bool, raw: bool
) -> int:
    """The export through the server that holds the store (its ``/export``); the same file."""
    if fmt == "parquet":
        assert output is not None
        if output.exists() and any(output.iterdir()):
            raise QueryError(f"{output}: directory exists and is not empty; choose a new one")
        with tempfile.TemporaryDirectory(prefix="tidings-export-") as tmp:
            part = Path(tmp) / "events.parquet"
            with part.open("wb") as fh:
                src.export(filt, fh, "parquet")
            return write_month_dataset(pq.read_table(part), output)
    with tempfile.TemporaryFile() as buf:
        src.export(filt, buf, "gdelt", header=header, raw=raw)
        buf.seek(0)
        data = buf.read()
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
    return data.count(b"\n") - (1 if header and data else 0)
