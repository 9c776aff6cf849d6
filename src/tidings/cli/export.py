"""`tidings export`: every matching event as GDELT 2.0 TSV or a month-partitioned Parquet set."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

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
    open_db,
)
from tidings.query import export_gdelt, export_parquet_dataset

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
    with open_db(db) as tdb:
        filt = filter_from(locals())
        if format_ == "parquet":
            assert output is not None
            n = export_parquet_dataset(tdb.store, output, filt)
        elif output is None:
            n = export_gdelt(tdb.store, sys.stdout, filt, header, raw)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = export_gdelt(tdb.store, fh, filt, header, raw)
    err_console.print(f"{n} events exported", style="dim", highlight=False, markup=False)
