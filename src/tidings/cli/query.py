"""`tidings events`, `tidings show` and `tidings stats`: read the store from the terminal.

Importing this module also registers `tidings export` and `tidings serve`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tidings.cli import export as _export  # noqa: F401  (registers `export`)
from tidings.cli import serve as _serve  # noqa: F401  (registers `serve`)
from tidings.cli._app import app
from tidings.cli._options import (
    Actor,
    CameoRoot,
    Country,
    Km,
    Lat,
    Limit,
    Lon,
    Mentions,
    MinConfidence,
    Modality,
    Negated,
    Offset,
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
    read_event,
    read_events,
    read_stats,
)
from tidings.live.remote import RemoteReader
from tidings.query import events as query_events
from tidings.query.cells import safe_frame

console = Console()

TABLE_COLUMNS = ("event_id", "date", "type", "dyad", "place", "outlet", "evidence")


def _who(row: dict[str, Any], side: str) -> str:
    code = row.get(f"{side}_code") or ""
    name = row.get(f"{side}_name") or row.get(f"{side}_text") or ""
    return f"{code} {name}".strip()


def _events_table(rows: list[dict[str, Any]]) -> Table | Group:
    if console.width < 120:
        return _events_lines(rows)
    table = Table(header_style="bold", expand=True)
    for col in TABLE_COLUMNS:
        if col in ("event_id", "date", "type"):
            table.add_column(col, no_wrap=True)
        elif col == "evidence":
            table.add_column(col, ratio=3, overflow="fold")
        else:
            table.add_column(col, ratio=1, overflow="fold")
    for r in rows:
        dyad = f"{r.get('source_code') or '-'} → {r.get('target_code') or '-'}"
        values = (
            r["event_id"],
            r.get("event_date") or "",
            r.get("plover_type") or "",
            dyad,
            r.get("place_name") or "",
            r.get("outlet") or "",
            " ".join(str(r.get("evidence_text") or "").split()),
        )
        # Text() is never parsed as markup, so "[b]" or "<script>" in a page stays literal.
        table.add_row(*(Text(str(v)) for v in values))
    return table


def _events_lines(rows: list[dict[str, Any]]) -> Group:
    """Narrow terminals: two lines an event (its coding, then its evidence cut to one line)."""
    width = max(console.width - 4, 20)
    lines: list[Text] = []
    for r in rows:
        head = Text()
        head.append(str(r["event_id"]), style="bold")
        head.append(f"  {r.get('event_date') or '-'}  ")
        head.append(str(r.get("plover_type") or ""), style="cyan")
        head.append(f"  {r.get('source_code') or '-'} → {r.get('target_code') or '-'}")
        for extra in (r.get("place_name"), r.get("outlet")):
            if extra:
                head.append(f" · {extra}", style="dim")
        evidence = " ".join(str(r.get("evidence_text") or "").split())
        if len(evidence) > width:
            evidence = evidence[: width - 1] + "…"
        # Text() is never parsed as markup, so "[b]" or "<script>" in a page stays literal.
        lines += [head, Text("    " + evidence)]
    return Group(*lines)


@app.command()
def events(
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
    limit: Limit = 100,
    offset: Offset = 0,
    format_: Annotated[
        str, typer.Option("--format", help="table, csv, json (one JSON array) or parquet.")
    ] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (parquet needs it).")
    ] = None,
    raw: Annotated[
        bool, typer.Option(help="csv: keep text cells starting with = + - @ as they are.")
    ] = False,
) -> None:
    """List events matching the filters, newest first (one page; see --limit/--offset)."""
    if format_ not in ("table", "csv", "json", "parquet"):
        raise fail(f"--format must be table, csv, json or parquet (got {format_!r})")
    if format_ == "parquet" and output is None:
        raise fail("--format parquet needs --output FILE")
    with open_reader(db) as src:
        filt = filter_from(locals())
        if format_ == "parquet":
            assert output is not None
            # One page as Arrow, so that types (dates, floats) survive.
            if isinstance(src, RemoteReader):
                table = pa.Table.from_pylist(src.events(filt))
            else:
                table = query_events(src.store, filt, "arrow")
            pq.write_table(table, str(output))
            console.print(
                f"{table.num_rows} events written to {output}", highlight=False, markup=False
            )
            return
        if format_ == "csv":
            if isinstance(src, RemoteReader):
                frame = pd.DataFrame(src.events(filt))
            else:
                frame = query_events(src.store, filt, "pandas")
            text = (frame if raw else safe_frame(frame)).to_csv(index=False)
        elif format_ == "json":
            text = json.dumps(read_events(src, filt), ensure_ascii=False)
        else:
            rows = read_events(src, filt)
            if output is None:
                console.print(_events_table(rows))
                console.print(
                    f"{len(rows)} events (offset {offset})",
                    style="dim",
                    highlight=False,
                    markup=False,
                )
                return
            out_console = Console(file=output.open("w", encoding="utf-8"), width=200)
            out_console.print(_events_table(rows))
            return
        if output is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            output.write_text(text, encoding="utf-8")


def _evidence(m: dict[str, Any], date_text: str | None, place: str | None) -> Text:
    """The evidence sentence with trigger, source, target, date and place styled."""
    text = m.get("evidence_text") or ""
    base = m.get("evidence_start") or 0
    out = Text(text)  # plain text: nothing in it is interpreted as markup
    for key, style in (
        ("target", "bold magenta"),
        ("source", "bold cyan"),
        ("trigger", "bold reverse red"),
    ):
        start, end = m.get(f"{key}_start"), m.get(f"{key}_end")
        if start is not None and end is not None:
            out.stylize(style, start - base, end - base)
    for needle, style in ((date_text, "underline green"), (place, "underline yellow")):
        if needle:
            at = text.find(needle)
            if at >= 0:
                out.stylize(style, at, at + len(needle))
    return out


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="Event id (from `tidings events`).")],
    db: ReadDb = Path("tidings.duckdb"),
) -> None:
    """Show one event: its coding, and the evidence from every reporting article."""
    with open_reader(db) as src:
        found = read_event(src, event_id)
    if found is None:
        raise fail(f"event {event_id!r} not found")
    e = found["event"]
    head = Text()
    head.append(f"{e.get('plover_type')}", style="bold")
    if e.get("plover_mode"):
        head.append(f" ({e['plover_mode']})")
    head.append(
        f"  CAMEO {e.get('cameo_code') or '-'}  QuadClass {e.get('quad_class') or '-'}"
        f"  Goldstein {e.get('goldstein') if e.get('goldstein') is not None else '-'}"
    )
    console.print(head)
    who = Text()
    who.append(_who(e, "source") or "-", style="bold cyan")
    who.append("  →  ")
    who.append(_who(e, "target") or "-", style="bold magenta")
    console.print(who)
    facts = Text()
    facts.append("date ", style="dim")
    facts.append(f"{e.get('event_date') or '-'}", style="green")
    if e.get("date_text"):
        facts.append(f" (from {e['date_text']!r}, {e.get('date_source')})")
    facts.append("   place ", style="dim")
    place = ", ".join(str(x) for x in (e.get("place_name"), e.get("country_iso3")) if x) or "-"
    facts.append(place, style="yellow")
    if e.get("lat") is not None:
        facts.append(f" ({e['lat']:.4f}, {e['lon']:.4f})")
    facts.append(
        f"   modality {e.get('modality')}{'  NEGATED' if e.get('negated') else ''}"
        f"   confidence {e.get('confidence')}"
    )
    console.print(facts)
    console.print(Text(f"{len(found['mentions'])} reporting article(s):", style="dim"))
    for m in found["mentions"]:
        line = Text("• ")
        line.append(str(m.get("outlet") or "(unknown outlet)"), style="bold")
        line.append(f"  {m.get('published_at') or ''}  {m.get('title') or ''}")
        console.print(line)
        console.print(Text("  ") + _evidence(m, e.get("date_text"), e.get("place_name")))
    for qt in found["quotes"]:
        line = Text("  “", style="italic")
        line.append(str(qt.get("content")), style="italic")
        line.append(f"” — {qt.get('speaker_text') or 'unknown speaker'}")
        console.print(line)


@app.command()
def stats(db: ReadDb = Path("tidings.duckdb")) -> None:
    """Counts by table, event type, QuadClass and outlet."""
    with open_reader(db) as src:
        s = read_stats(src)
    table = Table(title="Tables", header_style="bold")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in s["counts"].items():
        table.add_row(name, str(n))
    console.print(table)
    span = s["event_dates"]
    console.print(Text(f"event dates: {span.get('first') or '-'} .. {span.get('last') or '-'}"))
    for key, label in (
        ("by_type", "plover_type"),
        ("by_quad_class", "quad_class"),
        ("by_outlet", "outlet"),
    ):
        t = Table(title=key.replace("_", " "), header_style="bold")
        t.add_column(label)
        t.add_column("events", justify="right")
        for row in s[key]:
            t.add_row(Text(str(row[label])), str(row["n"]))
        console.print(t)


__all__ = ["events", "show", "stats"]
